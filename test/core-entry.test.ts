/**
 * `@custcode/core` is the contract and nothing else: a newcomer reads its main entry on one screen. The
 * count is of every exported name, types included, as the TypeScript checker sees the entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const core = join(import.meta.dirname, '..', 'packages', 'core');

function exportedNames(entry: string): string[] {
  const program = ts.createProgram([entry], { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, noEmit: true });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  return checker.getExportsOfModule(module).map((symbol) => symbol.name);
}

describe('@custcode/core', () => {
  const names = exportedNames(join(core, 'src', 'index.ts'));

  it('exports fewer than 60 names from its main entry', () => {
    expect(names.length).toBeGreaterThan(30);
    expect(names.length).toBeLessThan(60);
  });

  it('exports the contract: the record, queries, the source, descriptors, codes, errors', () => {
    for (const name of ['Customer', 'customerSchema', 'CustomerQuery', 'CustomerSource', 'SourceReader', 'SourceDriver', 'createCustomerSource', 'createMemorySource', 'AdapterDescriptor', 'normalizeCode', 'CustcodeError', 'isCustcodeError']) {
      expect(names).toContain(name);
    }
  });

  it('exports no feature (those live in their own packages)', () => {
    for (const name of ['audit', 'compileRule', 'writeCsv', 'writeExport', 'guardSource', 'migrate', 'buildReport', 'parseAsk', 'diffSnapshot', 'generateSampleCustomers', 'canonicalCustomers']) {
      expect(names).not.toContain(name);
    }
  });

  it('depends on zod and pinyin-pro only (vitest is an optional peer of the testing entry)', () => {
    const manifest = JSON.parse(readFileSync(join(core, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['pinyin-pro', 'zod']);
    expect(Object.keys(manifest.peerDependencies)).toEqual(['vitest']);
  });
});
