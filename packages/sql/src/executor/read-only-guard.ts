import { ReadOnlyViolationError } from '@custcode/core';

/** Words that only appear in writes, DDL, procedure calls, locking reads or session changes. */
const FORBIDDEN = new Set([
  'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT', 'REPLACE', 'INTO', 'CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'RENAME',
  'GRANT', 'REVOKE', 'DENY', 'EXEC', 'EXECUTE', 'CALL', 'DO', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'SET', 'DECLARE',
  'USE', 'LOCK', 'UNLOCK', 'LOAD', 'COPY', 'VACUUM', 'ATTACH', 'DETACH', 'PRAGMA', 'REINDEX', 'ANALYZE', 'OUTFILE', 'DUMPFILE',
  'SHARE', 'SHUTDOWN', 'KILL', 'HANDLER', 'OPENROWSET', 'OPENQUERY', 'OPENDATASOURCE', 'BULK', 'WRITETEXT', 'UPDATETEXT', 'DBCC',
]);

/**
 * Refuses anything but one SELECT (or WITH … SELECT): no chained statements, no SELECT … INTO, no
 * FOR UPDATE, no DML/DDL. Comments are stripped first, string literals and quoted identifiers are
 * skipped, so a column called "Update" or a value 'DROP' is fine. Throws ReadOnlyViolationError.
 */
export function assertReadOnly(sql: string): void {
  // A stream of pages or lookups repeats a few statements: each text is checked once (a pure check of the text).
  if (approved.has(sql)) return;
  const words = scanWords(sql);
  const first = words[0];
  if (first !== 'SELECT' && first !== 'WITH') refuse(sql, `it starts with ${first ?? 'nothing'}, not SELECT or WITH`);
  if (!words.includes('SELECT')) refuse(sql, 'it has no SELECT');
  for (const word of words) {
    if (word === ';') refuse(sql, 'it chains statements with ";"');
    if (FORBIDDEN.has(word)) refuse(sql, `it contains ${word}`);
  }
  if (approved.size >= APPROVED_KEPT) approved.clear();
  approved.add(sql);
}

/** Statement texts that passed, kept for repeats; forgotten all at once when full. */
const approved = new Set<string>();
const APPROVED_KEPT = 256;

function refuse(sql: string, why: string): never {
  const preview = sql.replace(/\s+/g, ' ').trim().slice(0, 80);
  throw new ReadOnlyViolationError({
    message: `Refused to run a statement that is not a single read (${why}): ${JSON.stringify(preview)}.`,
    hint: 'custcode only runs SELECT statements it compiled itself; sources never write to an ERP.',
  });
}

/** Upper-cased bare words and `;` outside literals, quoted identifiers and comments. */
function scanWords(sql: string): string[] {
  const words: string[] = [];
  const closing: Record<string, string> = { "'": "'", '"': '"', '`': '`', '[': ']' };
  let index = 0;
  while (index < sql.length) {
    const character = sql[index]!;
    const next = sql[index + 1];
    if (character === '-' && next === '-') {
      const end = sql.indexOf('\n', index);
      index = end === -1 ? sql.length : end + 1;
    } else if (character === '/' && next === '*') {
      // MySQL runs the text of /*! … */ comments: it is code, not a comment.
      if (sql[index + 2] === '!') refuse(sql, 'it has a MySQL executable comment');
      const end = sql.indexOf('*/', index + 2);
      if (end === -1) refuse(sql, 'it has an unterminated comment');
      index = end + 2;
    } else if (character === '$' && /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(sql.slice(index))) {
      // PostgreSQL dollar quoting could hide text from this scanner; compiled SQL never uses it.
      refuse(sql, 'it has a dollar-quoted string');
    } else if (closing[character] !== undefined) {
      index = skipQuoted(sql, index, closing[character]!);
    } else if (/[A-Za-z_]/.test(character)) {
      const match = /^[A-Za-z0-9_$#]+/.exec(sql.slice(index))!;
      words.push(match[0].toUpperCase());
      index += match[0].length;
    } else {
      // A trailing ";" alone is harmless; anything after one is a second statement.
      if (character === ';' && sql.slice(index + 1).replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trim() !== '') words.push(';');
      index++;
    }
  }
  return words;
}

/** Index after a quoted run; a doubled closing character is an escaped one. */
function skipQuoted(sql: string, start: number, close: string): number {
  let index = start + 1;
  while (index < sql.length) {
    if (sql[index] === close) {
      if (sql[index + 1] === close) index += 2;
      else return index + 1;
    } else {
      // MySQL reads a backslash in quotes as an escape, standard SQL does not: refuse rather than guess.
      if (sql[index] === '\\' && close !== ']') refuse(sql, 'it has a backslash inside quotes');
      index++;
    }
  }
  refuse(sql, 'it has an unterminated quote');
}
