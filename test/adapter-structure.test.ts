/**
 * Every adapter package has the same files (style.md §8), so a reader who knows one knows them all.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

const adapters: Record<string, { erp: string; factory: string }> = {
  'adapter-sap': { erp: 'sap', factory: 'createSapSource' },
  'adapter-oracle': { erp: 'oracle-ebs', factory: 'createOracleEbsSource' },
  'adapter-yonyou': { erp: 'yonyou', factory: 'createYonyouSource' },
  'adapter-kingdee': { erp: 'kingdee', factory: 'createKingdeeSource' },
};

describe.each(Object.entries(adapters))('%s', (directory, { erp, factory }) => {
  const base = join(root, 'packages', directory);

  it('has the standard files', () => {
    const required = [
      'src/index.ts',
      `src/${erp}-source.ts`,
      `src/${erp}-options.ts`,
      'README.md',
    ];
    expect(required.filter((file) => !existsSync(join(base, file)))).toEqual([]);
    const mappings = join(base, 'src/mappings');
    expect(existsSync(mappings) && readdirSync(mappings).some((file) => file.endsWith('-mapping.ts'))).toBe(true);
  });

  it('runs the conformance suite and its expected records in the backend matrix', () => {
    expect(existsSync(join(root, `test-support/backend-matrix/${erp}.ts`))).toBe(true);
    expect(readFileSync(join(root, 'test/backend-matrix.test.ts'), 'utf8')).toContain(`../test-support/backend-matrix/${erp}.js`);
  });

  it(`exports ${factory} from its index`, () => {
    expect(readFileSync(join(base, 'src/index.ts'), 'utf8')).toMatch(new RegExp(`\\b${factory}\\b`));
  });
});
