#!/usr/bin/env node
// What an integration developer does with custcode: look customers up in a Yonyou U8 database by code,
// in bulk, stream them all with a resumable cursor, validate them, and handle failures by error code.
// Usage: node examples/integration-lookup/lookup.mjs DEMO_DIR [--lookups N]   (DEMO_DIR from `custcode demo --dir DEMO_DIR`)
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createYonyouSource } from '@custcode/adapter-yonyou';
import { customerSchema, isCustcodeError } from '@custcode/core';
import { cursorOf } from '@custcode/core/adapter';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { lookups: { type: 'string', default: '100000' } } });
const demoDir = positionals[0];
const lookupCount = Number(values.lookups);
if (!demoDir || !existsSync(join(demoDir, 'u8.sqlite')) || !Number.isSafeInteger(lookupCount) || lookupCount < 1) {
  console.error('Usage: node examples/integration-lookup/lookup.mjs DEMO_DIR [--lookups N]');
  console.error('DEMO_DIR must hold u8.sqlite: create it with `node packages/cli/dist/bin.js demo --dir DEMO_DIR`.');
  process.exit(2);
}
const u8File = resolve(demoDir, 'u8.sqlite');
const log = (label, text) => console.log(`${`[${label}]`.padEnd(10)} ${text}`);
const elapsed = (start) => `${Math.round(performance.now() - start)} ms`;

// 1. Open the source on a connection the application already has (a URL works too: `sqlite:${u8File}`).
//    custcode only runs SELECTs on it and leaves it open: the connection belongs to the caller.
const database = new Database(u8File, { readonly: true, fileMustExist: true });
const u8 = createYonyouSource({ name: 'u8', product: 'u8', connection: { dialect: 'sqlite', client: database } });
log('open', `u8 (${u8.erp}) on an existing better-sqlite3 connection`);

// 2. get(): the code as users type or paste it.
let known;
for await (const customer of u8.search({ codePrefix: 'KH2015', status: 'active', limit: 1 })) known = customer;
if (!known) throw new Error('The demo U8 database has no active KH2015… customer.');
const { raw, ...record } = known;
log('record', `${JSON.stringify(record)} (+ raw: ${Object.keys(raw).join(', ')})`);
const fullWidth = (text) => text.replace(/[!-~]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0));
const forms = [known.code, `  ${known.code}  `, fullWidth(known.code), `\u3000${known.code}\u3000`];
for (const form of forms) {
  const customer = await u8.get(form);
  log('get', `${JSON.stringify(form)} → ${customer ? `${customer.code} ${customer.name} (${customer.status})` : 'not found'}`);
}
log('get', `${JSON.stringify(`${known.code}X`)} → ${(await u8.get(`${known.code}X`)) ?? 'undefined (not found)'}`);

// 3. getMany(): a generated list of codes (every KH{year}{seq:4} for 2015–2024, cut to --lookups), read line by line.
const workDir = mkdtempSync(join(tmpdir(), 'custcode-lookup-'));
const listFile = join(workDir, 'codes.txt');
const codes = [];
for (let year = 2015; codes.length < lookupCount; year += 1) {
  for (let sequence = 0; sequence <= 9999 && codes.length < lookupCount; sequence += 1) codes.push(`KH${year}${String(sequence).padStart(4, '0')}`);
}
writeFileSync(listFile, `${codes.join('\n')}\n`, 'utf8');
async function* linesOf(file) {
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) if (line.trim() !== '') yield line;
}
let found = 0;
let missing = 0;
const lookupStart = performance.now();
for await (const result of u8.getMany(linesOf(listFile))) {
  if (result.customer) found += 1;
  else missing += 1;
}
log('getMany', `${found + missing} codes from a generated codes.txt: found ${found}, missing ${missing} in ${elapsed(lookupStart)}`);
rmSync(workDir, { recursive: true, force: true });

// 4. search(): stream everything ordered by code; an "interruption" after 500 records, then resume from the cursor.
//    Each record is also checked against the exported zod schema of the Customer shape (5. typed results).
//    The set of codes seen is only there to prove that nothing was lost or repeated.
const total = await u8.count();
const stopAt = Math.min(500, Math.floor(total / 2));
const seen = new Set();
let cursor;
let firstRun = 0;
let invalidCount = 0;
const invalidExamples = [];
/** Counts the records that fail validation and keeps the first few with what failed (an ERP can hold an empty code). */
const validate = (customer) => {
  const result = customerSchema.safeParse(customer);
  if (result.success) return;
  invalidCount += 1;
  if (invalidExamples.length < 3) invalidExamples.push({ customer, issue: result.error.issues[0] });
};
for await (const customer of u8.search({})) {
  seen.add(customer.code);
  validate(customer);
  cursor = cursorOf(customer);
  firstRun += 1;
  if (firstRun === stopAt) break; // e.g. the job was stopped; the cursor was saved with the last record processed
}
log('search', `streamed ${firstRun}, interrupted; saved cursor ${JSON.stringify(cursor)}`);
let resumed = 0;
let duplicates = 0;
const streamStart = performance.now();
for await (const customer of u8.search({ after: cursor })) {
  if (seen.has(customer.code)) duplicates += 1;
  seen.add(customer.code);
  validate(customer);
  resumed += 1;
}
const read = firstRun + resumed;
log('search', `resumed after the cursor: ${resumed} more in ${elapsed(streamStart)}; total ${read} of count() ${total}, duplicates ${duplicates}`);
log('schema', `${read - invalidCount} of ${read} records valid against customerSchema`);
for (const { customer, issue } of invalidExamples) {
  log('schema', `invalid: code ${JSON.stringify(customer.code)} (${customer.name}): ${issue.path.join('.')}: ${issue.message}`);
}
const broken = customerSchema.safeParse({ ...known, status: 'archived' });
log('schema', `a record with status "archived" is rejected: ${broken.success ? 'no' : `yes, at ${broken.error.issues[0]?.path.join('.')}`}`);
await u8.close();
database.close();

// 6. Typed errors: decide by error code, never by message text or instanceof.
async function tryLookup(label, connection) {
  let source;
  try {
    // Options and URLs are checked when the source is created; the database is reached on first use.
    source = createYonyouSource({ name: 'broken', product: 'u8', connection });
    await source.get(known.code);
    log('error', `${label}: no error`);
  } catch (error) {
    if (isCustcodeError(error, 'CONNECTION_FAILED')) log('error', `${label}: CONNECTION_FAILED (${error.reason}, retryable ${error.retryable}) ${error.message}`);
    else if (isCustcodeError(error)) log('error', `${label}: ${error.code} ${error.message}${error.hint ? ` Hint: ${error.hint}` : ''}`);
    else throw error;
  } finally {
    await source?.close();
  }
}
await tryLookup('missing file', `sqlite:${join(resolve(demoDir), 'no-such-dir', 'u8.sqlite')}`);
await tryLookup('bad URL', 'ftp://erp.example.com/UFDATA_001_2024');
