/**
 * Prints the top self-time frames of a V8 CPU profile (`node --cpu-prof`), as RESULTS.md quotes them.
 * Usage: node bench/profile-top.mjs DIRECTORY_OR_FILE [COUNT]   (`BENCH_PROFILE=1 npm run bench` writes
 * one profile per measurement under bench/.data/profiles/NAME/)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [target, count = '15'] = process.argv.slice(2);
if (!target) {
  console.error('Usage: node bench/profile-top.mjs DIRECTORY_OR_FILE [COUNT]');
  process.exit(2);
}
const file = statSync(target).isDirectory()
  ? join(target, readdirSync(target).filter((name) => name.endsWith('.cpuprofile')).sort().pop() ?? '')
  : target;
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const selfTime = new Map();
profile.samples.forEach((id, index) => {
  const frame = nodes.get(id).callFrame;
  const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
  selfTime.set(key, (selfTime.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const total = [...selfTime.values()].reduce((sum, value) => sum + value, 0);
for (const [frame, micros] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, Number(count))) {
  console.log(`${(micros / 1000).toFixed(0).padStart(7)} ms ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${frame}`);
}
