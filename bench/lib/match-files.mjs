/**
 * The labelled matching data as files, generated once per size and seed and reused by later runs: one
 * JSON-lines file per source (Customer objects), the truth per source as little-endian Int32 company ids in
 * code order (`erpN.truth`), and `truth.csv` (`source,code,company`) for other tools. Sources are read back
 * as streams, so the process measuring `match` never holds the generated arrays.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { IndexedTruth, matchDataRecords } from './match-data.mjs';

const DATA = fileURLToPath(new URL('../.data/', import.meta.url));

/** Where the files of one data set live (bench/.data/match-<perSource>-seed<seed>/ unless `dir` is given). */
export function matchDataDir(perSource, seed = 19) {
  return join(DATA, `match-${perSource}-seed${seed}`);
}

async function write(stream, text) {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream) {
  stream.end();
  await once(stream, 'finish');
}

/** Writes the data set into `dir` (a temporary directory renamed at the end: an interrupted run leaves no half set). */
export async function writeMatchData({ perSource, seed = 19, sources = 3, dir = matchDataDir(perSource, seed) }) {
  if (existsSync(join(dir, 'complete'))) return dir;
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const csv = createWriteStream(join(partial, 'truth.csv'));
  await write(csv, 'source,code,company\n');
  let current;
  let out;
  let ids = [];
  const flush = async () => {
    if (current === undefined) return;
    await close(out);
    const truth = Int32Array.from(ids);
    const file = createWriteStream(join(partial, `${current}.truth`));
    await write(file, Buffer.from(truth.buffer, truth.byteOffset, truth.byteLength));
    await close(file);
  };
  for (const { source, customer, company } of matchDataRecords({ perSource, seed, sources })) {
    if (source !== current) {
      await flush();
      current = source;
      out = createWriteStream(join(partial, `${source}.jsonl`));
      ids = [];
    }
    ids.push(company);
    await write(out, `${JSON.stringify(customer)}\n`);
    await write(csv, `${source},${customer.code},${company}\n`);
  }
  await flush();
  await close(csv);
  await close(createWriteStream(join(partial, 'complete')));
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return dir;
}

/** The customers of one source file, parsed one line at a time. */
export async function* readCustomers(file) {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) if (line !== '') yield JSON.parse(line);
}

/** The data set's sources as streams (`{ name, customers }`, for `match`) and its truth (for `pairwiseQuality`). */
export function readMatchData(dir, sources = 3) {
  const names = Array.from({ length: sources }, (_, index) => `erp${index + 1}`);
  const truth = new IndexedTruth(new Map(names.map((name) => {
    const bytes = readFileSync(join(dir, `${name}.truth`));
    return [name, new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))];
  })));
  return { sources: names.map((name) => ({ name, customers: readCustomers(join(dir, `${name}.jsonl`)) })), truth };
}
