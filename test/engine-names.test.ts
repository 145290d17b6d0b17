/**
 * Engines are named only in `packages/sql/src/dialects/` (issue 17): everything else asks a dialect object.
 * This reads the source of every package (`packages/<name>/src`, test files aside) and fails where code
 * branches on an engine name.
 *
 * The rule. An engine name is `mysql`, `mariadb`, `postgres`, `postgresql`, `mssql`, `sqlserver`, `oracle` or
 * `sqlite` (any case), alone or as a URL scheme (`sqlite:`, `mysql://`). Outside `dialects/` it must not be
 *   1. a string operand of `===`, `!==`, `==`, `!=`, or a `case` label;
 *   2. a string argument of a call or `new` (`startsWith('sqlite:')`, `dialectFor('mysql')`, `import('pg')`-style
 *      driver loading by engine name) or an element-access key (`table['mysql']`);
 *   3. an element of an array literal (a list of engines to match against);
 *   4. a string literal type (`backend: 'mariadb' | 'sqlite'`);
 *   5. a property name in an object literal, interface or type literal (a lookup table keyed by engine);
 *   6. a word inside a regular-expression literal (`/^(mysql|postgres):/`);
 *   7. the scheme at the head of a template literal (`` `sqlite:${path}` ``: building an engine's URL).
 * Allowed, as declarative data: an engine name as a property value or an initializer (`defaultDialect: 'mssql'`,
 * `{ u8: 'mssql', nc: 'oracle' }`, a seed target's `dialect: 'sqlite'`), whole URLs (`'sqlite:./u8.sqlite'`),
 * prose in messages and help texts, and comments.
 * Test files are not read: they name the servers they run against.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const DIALECTS_DIRECTORY = 'packages/sql/src/dialects/';

/** Files allowed to break the rule, each with its reason. */
const EXCEPTIONS: Record<string, string> = {
  // Keys are npm package names (the `mssql` driver package, beside `pg`, `mysql2`…), kept equal to package.json's
  // peerDependencies by driver-dependencies.test.ts; nothing branches on them.
  'packages/sql/src/driver-dependencies.ts': 'npm package names of the drivers, not engines',
};

const ENGINE = '(?:mysql|mariadb|postgres|postgresql|mssql|sqlserver|oracle|sqlite)';
const ENGINE_LITERAL = new RegExp(`^${ENGINE}(?::(?://)?)?$`, 'i');
const ENGINE_WORD = new RegExp(`(?<![A-Za-z0-9_-])${ENGINE}(?![A-Za-z0-9_-])`, 'i');
const ENGINE_SCHEME_HEAD = new RegExp(`^${ENGINE}:`, 'i');

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** `file:line: why` for every place in `text` that names an engine in a way the rule forbids. */
function engineNameUses(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, why: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push(`${file}:${line}: ${why}: ${node.getText(source)}`);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && ENGINE_LITERAL.test(node.text)) {
      const parent = node.parent;
      if (ts.isBinaryExpression(parent) && EQUALITY.has(parent.operatorToken.kind)) report(node, 'compared');
      else if (ts.isCaseClause(parent) && parent.expression === node) report(node, 'case label');
      else if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node)) report(node, 'call argument');
      else if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) report(node, 'lookup key');
      else if (ts.isArrayLiteralExpression(parent)) report(node, 'listed');
      else if (ts.isLiteralTypeNode(parent)) report(node, 'literal type');
    }
    if ((ts.isPropertyAssignment(node) || ts.isPropertySignature(node) || ts.isShorthandPropertyAssignment(node) || ts.isMethodDeclaration(node)) && node.name !== undefined) {
      const name = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : undefined;
      if (name !== undefined && ENGINE_LITERAL.test(name)) report(node.name, 'property keyed by engine');
    }
    if (ts.isRegularExpressionLiteral(node) && ENGINE_WORD.test(node.text)) report(node, 'regular expression');
    if (ts.isTemplateExpression(node) && ENGINE_SCHEME_HEAD.test(node.head.text)) report(node, 'URL built for an engine');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return entry === 'node_modules' ? [] : sourceFiles(path);
    return /\.(?:[cm]?ts|tsx|[cm]?js)$/.test(entry) && !/\.test\.[cm]?[tj]sx?$/.test(entry) && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

describe('engine names outside packages/sql/src/dialects/', () => {
  it('the rule finds each forbidden use and leaves declarative data alone', () => {
    const forbidden = [
      "if (url.dialect === 'mysql') run();",
      "switch (name) { case 'sqlite': break; }",
      "if (url.toLowerCase().startsWith('postgresql://')) run();",
      "const known = ['mssql', 'oracle'].includes(scheme);",
      "interface Target { backend: 'sqlite' | 'mariadb' }",
      "const types = { sqlite: 'TEXT', postgres: 'TEXT' };",
      'const SQL_URL = /^(mysql|mariadb|postgres):/i;',
      'const resolved = `sqlite:${path}`;',
      "const type = typeSql['sqlserver'];",
    ];
    for (const snippet of forbidden) expect(engineNameUses('snippet.ts', snippet), snippet).not.toEqual([]);
    const allowed = [
      "export const source = { defaultDialect: 'mssql', label: 'Oracle EBS' };",
      "const DEFAULT_DIALECT = { u8: 'mssql', nc: 'oracle' };",
      "const demo = { url: 'sqlite:./u8.sqlite' };",
      "const help = 'a JSON file or a mysql://, postgres:// or sqlite: URL';",
      "// if (dialect === 'mysql') is what the dialect objects replace",
      "const dialect = connectionUrlDialect(url); if (dialect === defaultDialect) run();",
      "import { createOracleEbsSource } from '@custcode/adapter-oracle';",
      'const words = /oracledb|mysql2|better-sqlite3/;',
    ];
    for (const snippet of allowed) expect(engineNameUses('snippet.ts', snippet), snippet).toEqual([]);
  });

  it('no package branches on an engine name outside the dialects', () => {
    const packages = readdirSync(join(root, 'packages'));
    const files = packages.flatMap((name) => sourceFiles(join(root, 'packages', name, 'src'))).map((path) => relative(root, path).split('\\').join('/'));
    expect(files.length).toBeGreaterThan(300);
    const checked = files.filter((file) => !file.startsWith(DIALECTS_DIRECTORY) && EXCEPTIONS[file] === undefined);
    const uses = checked.flatMap((file) => engineNameUses(file, readFileSync(join(root, file), 'utf8')));
    expect(uses).toEqual([]);
    // Each exception still needs to be one, so the list cannot hide new uses in a file that no longer needs it.
    for (const file of Object.keys(EXCEPTIONS)) expect(engineNameUses(file, readFileSync(join(root, file), 'utf8')), file).not.toEqual([]);
  });

  it('the dialects themselves name their engines (the rule looks at the right place)', () => {
    const dialectFiles = sourceFiles(join(root, DIALECTS_DIRECTORY));
    expect(dialectFiles.flatMap((path) => engineNameUses(path, readFileSync(path, 'utf8'))).length).toBeGreaterThan(0);
  });
});
