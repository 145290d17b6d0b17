import { describe, expect, it } from 'vitest';
import { outputMismatch } from './documented-output.js';

describe('outputMismatch', () => {
  const documented = ['[get]   "KH1" → KH1 (active)', '[time]  read 3 in … ms', '…', '[end]   file …/out.csv'].join('\n');

  it('accepts output that follows the documented lines, … standing for text or lines', () => {
    expect(outputMismatch(documented, '[get]   "KH1" → KH1 (active)\n[time]  read 3 in 12 ms\n[end]   file /tmp/x/out.csv\n')).toBeUndefined();
    expect(outputMismatch(documented, '[get]   "KH1" → KH1 (active)  \n[time]  read 3 in 7 ms\nmore\nlines\n[end]   file /tmp/x/out.csv')).toBeUndefined();
  });

  it('names the first documented line the output does not follow', () => {
    expect(outputMismatch(documented, '[get]   "KH1" → KH1 (active)\n[time]  read 4 in 7 ms\n[end]   file /a/out.csv\n')).toMatch(/^output differs from the README at documented line 2: "\[time\]  read 3 in … ms"/);
    expect(outputMismatch(documented, '[get]   "KH1" → KH1 (active)\n[time]  read 3 in 7 ms\n')).toMatch(/documented line 4/);
  });

  it('replaces the test\'s directories with the README\'s', () => {
    expect(outputMismatch('wrote /tmp/custcode-report/a.csv', 'wrote /tmp/vitest-123/a.csv\n', { '/tmp/custcode-report': '/tmp/vitest-123' })).toBeUndefined();
  });
});
