/**
 * Writes the labelled matching data set: one JSON-lines file per source (Customer objects) and the held-out
 * truth (`source,code,company`). Usage: node bench/generate-match-data.mjs PER_SOURCE OUT_DIR [SEED]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateMatchData } from './lib/match-data.mjs';

const [perSource, out, seed = '19'] = process.argv.slice(2);
if (!perSource || !out || !(Number(perSource) > 0)) {
  console.error('Usage: node bench/generate-match-data.mjs PER_SOURCE OUT_DIR [SEED]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const { sources, truth } = generateMatchData({ perSource: Number(perSource), seed: Number(seed) });
for (const { name, customers } of sources) writeFileSync(join(out, `${name}.jsonl`), customers.map((customer) => JSON.stringify(customer)).join('\n') + '\n');
const lines = ['source,code,company'];
for (const [key, id] of truth) lines.push(`${key.replace(':', ',')},${id}`);
writeFileSync(join(out, 'truth.csv'), lines.join('\n') + '\n');
console.log(`${sources.length} sources × ${perSource} customers and truth.csv in ${out}`);
