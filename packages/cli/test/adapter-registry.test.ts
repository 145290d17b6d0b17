/**
 * The adapter registry: one line per ERP product, each loading its package's descriptor; a package that is
 * not installed is a ConfigError when a source of it is opened, and the rest of the config still works.
 */
import { ERP_KINDS, isCustcodeError } from '@custcode/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADAPTER_REGISTRY, loadDescriptor } from '../src/sources/adapter-registry.js';
import { runInProcess, tempProject } from './test-io.js';

// Stands for an uninstalled @custcode/adapter-oracle: importing it fails the way a missing package does.
vi.mock('@custcode/adapter-oracle', () => {
  throw new Error("Cannot find package '@custcode/adapter-oracle'");
});

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('the adapter registry', () => {
  it('has a line for every ERP product, and each line loads the descriptor of that product', async () => {
    expect(Object.keys(ADAPTER_REGISTRY).sort()).toEqual([...ERP_KINDS].sort());
    for (const erp of ERP_KINDS.filter((kind) => kind !== 'oracle-ebs')) {
      const descriptor = await loadDescriptor(erp);
      expect(descriptor.erp).toBe(erp);
      expect(descriptor.optionsSchema.shape.erp.value).toBe(erp);
    }
  });

  it('gives every product its own demo source and file', async () => {
    const demos = await Promise.all(ERP_KINDS.filter((kind) => kind !== 'oracle-ebs').map(async (erp) => (await loadDescriptor(erp)).testing.demo));
    expect(new Set(demos.map((demo) => demo.source)).size).toBe(demos.length);
    expect(new Set(demos.map((demo) => demo.file)).size).toBe(demos.length);
  });

  it('names the package to install when a product\'s package cannot be loaded', async () => {
    const error = await loadDescriptor('oracle-ebs').catch((caught: unknown) => caught);
    expect(isCustcodeError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toMatch(/^The oracle-ebs adapter is unavailable: @custcode\/adapter-oracle could not be loaded \(/);
    expect((error as { hint?: string }).hint).toBe('Install @custcode/adapter-oracle next to @custcode/cli.');
  });

  it('says so when a package does not provide the descriptor of its line', async () => {
    const entry = { packageName: '@custcode/sql', load: async () => (await import('@custcode/sql')).genericSqlDescriptor };
    const error = await loadDescriptor('yonyou-u8', entry).catch((caught: unknown) => caught);
    expect(isCustcodeError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toBe('The yonyou-u8 adapter is unavailable: @custcode/sql does not provide its descriptor.');
  });

  it('lists and opens the other sources of a config whose product is not installed; opening that one says what to install', async () => {
    const project = tempProject({
      sources: {
        ebs: { erp: 'oracle-ebs', url: 'oracle://apps@ebs:1521/EBS', org: '204' },
        clients: { erp: 'file', path: './c.csv', columns: { code: '客户编号', name: '客户名称' } },
      },
    });
    cleanup = project.cleanup;
    project.write('c.csv', '客户编号,客户名称\nC001,北京测试有限公司\n');

    const listed = await runInProcess(['sources', '--json'], { cwd: project.directory });
    expect(listed.exitCode).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      { name: 'ebs', erp: 'oracle-ebs', target: 'oracle://apps@ebs:1521/EBS', dialect: 'oracle' },
      { name: 'clients', erp: 'file', target: './c.csv' },
    ]);

    expect((await runInProcess(['get', 'clients', 'C001'], { cwd: project.directory })).exitCode).toBe(0);
    const opened = await runInProcess(['get', 'ebs', 'C001'], { cwd: project.directory });
    expect(opened.exitCode).toBe(2);
    expect(opened.stderr).toMatch(/The oracle-ebs adapter is unavailable: @custcode\/adapter-oracle could not be loaded/);
    expect(opened.stderr).toContain('hint: Install @custcode/adapter-oracle next to @custcode/cli.');
  });
});
