/**
 * The published shape: every package's `exports` entries load with both `require` and `import` from the
 * built dist (npm test builds first), in a plain Node process outside vitest's source aliases.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT as root, specifierOf, workspacePackages } from './packaging/support/workspace-packages.js';

function runNode(code: string, type: 'module' | 'commonjs'): string {
  return execFileSync(process.execPath, [type === 'module' ? '--input-type=module' : '--input-type=commonjs', '-e', code], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
}

describe.each(workspacePackages())('built package $directory', ({ directory, manifest }) => {
  it('has every file its exports map names', () => {
    for (const [subpath, conditions] of Object.entries(manifest.exports)) {
      const files = [conditions.import, conditions.require].flatMap((condition) => (condition ? [condition.types, condition.default] : []));
      for (const file of files) {
        expect(existsSync(join(root, 'packages', directory, file)), `${manifest.name} ${subpath} → ${file} (run npm run build)`).toBe(true);
      }
    }
  });

  it.each(Object.keys(manifest.exports))('loads %s with require() and import()', (subpath) => {
    const specifier = specifierOf(manifest.name, subpath);
    const viaImport = runNode(`const m = await import(${JSON.stringify(specifier)}); console.log(typeof m)`, 'module');
    expect(viaImport).toBe('object');
    // Entries without a require condition are ESM only on purpose (the vitest-based conformance suite).
    if (manifest.exports[subpath]!.require) {
      expect(runNode(`console.log(typeof require(${JSON.stringify(specifier)}))`, 'commonjs')).toBe('object');
    }
  });
});

describe('@custcode/core from the built package', () => {
  it('exposes the same contract to CommonJS and ESM callers', () => {
    const probe = `const core = M; console.log(JSON.stringify({ erps: core.ERP_KINDS, code: core.alphaOutput('0000012345'), ok: core.customerSchema.safeParse({ source: 's', erp: 'sap', code: '1', name: 'n', status: 'active', raw: {} }).success }))`;
    const cjs = runNode(probe.replace('M', "require('@custcode/core')"), 'commonjs');
    const esm = runNode(`const M = await import('@custcode/core'); ${probe.replace('const core = M', 'const core = M')}`, 'module');
    expect(JSON.parse(cjs)).toEqual({ erps: ['sap', 'oracle-ebs', 'yonyou-u8', 'yonyou-nc', 'kingdee-k3cloud', 'kingdee-k3wise', 'generic-sql', 'file'], code: '12345', ok: true });
    expect(JSON.parse(esm)).toEqual(JSON.parse(cjs));
  });
});

// exceljs and pdfkit are optional peers, loaded only by the /xlsx and /pdf entries or when a report writes
// those formats; drivers only when a source opens. require() fills require.cache, so it shows what loaded.
describe.each(['core', 'rules', 'export', 'access', 'sample', 'ask', 'audit', 'changes', 'migrate', 'report', 'hub', 'sql'])('@custcode/%s main entry', (name) => {
  it('loads no heavy writer and no driver', () => {
    const loaded = runNode(
      `require('@custcode/${name}'); console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules\\/(exceljs|pdfkit|mysql2|pg|better-sqlite3|oracledb|mssql|@duckdb)\\//.test(k))))`,
      'commonjs',
    );
    expect(JSON.parse(loaded)).toEqual([]);
  });
});
