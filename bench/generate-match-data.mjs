/**
 * Writes the labelled matching data set: one JSON-lines file per source (Customer objects), the held-out
 * truth per source (`erpN.truth`, Int32 company ids in code order) and as `truth.csv` (`source,code,company`).
 * Streams: a million customers per source never sit in memory. Without OUT_DIR it writes the cached set the
 * bench reads (bench/.data/match-PER_SOURCE-seedSEED/), which later runs reuse.
 * Usage: node bench/generate-match-data.mjs PER_SOURCE [OUT_DIR] [SEED]
 */
import { matchDataDir, writeMatchData } from './lib/match-files.mjs';

const [perSource, out, seed = '19'] = process.argv.slice(2);
if (!perSource || !(Number(perSource) > 0)) {
  console.error('Usage: node bench/generate-match-data.mjs PER_SOURCE [OUT_DIR] [SEED]');
  process.exit(2);
}
const started = performance.now();
const dir = await writeMatchData({ perSource: Number(perSource), seed: Number(seed), dir: out || matchDataDir(Number(perSource), Number(seed)) });
console.log(`3 sources × ${perSource} customers and their truth in ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
