/**
 * The root README's table of ERP products is the adapter registry written out: a product added to the
 * registry (or a label or default dialect changed in its descriptor) fails here until the table says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ADAPTER_REGISTRY, loadDescriptor, REGISTERED_ERPS } from '../src/sources/adapter-registry.js';

const README = join(import.meta.dirname, '../../../README.md');

async function productsTable(): Promise<string> {
  const rows = await Promise.all(
    REGISTERED_ERPS.map(async (erp) => {
      const descriptor = await loadDescriptor(erp);
      return `| \`${erp}\` | ${descriptor.label} | \`${ADAPTER_REGISTRY[erp].packageName}\` | ${descriptor.defaultDialect ?? '—'} | \`${descriptor.testing.demo.source}\` |`;
    }),
  );
  return ['| `erp` | product | package | default dialect | demo source |', '|---|---|---|---|---|', ...rows].join('\n');
}

it('lists every registered product as its descriptor describes it', async () => {
  const text = readFileSync(README, 'utf8');
  const table = /<!-- products:start[^>]*-->\n([\s\S]*?)\n<!-- products:end -->/.exec(text)?.[1];
  expect(table, 'README.md has no <!-- products:start --> … <!-- products:end --> block').toBeDefined();
  expect(table).toBe(await productsTable());
});
