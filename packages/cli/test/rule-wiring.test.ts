import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess, tempProject } from './test-io.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
function project(config?: unknown) {
  const created = tempProject(config);
  cleanup = created.cleanup;
  return created.directory;
}

describe('custcode rule (wiring)', () => {
  it('validates codes against a rule named in the config, also from stdin', async () => {
    const cwd = project({ sources: {}, rules: { kh: 'KH{YYYY}{seq:4}' } });
    const valid = await runInProcess(['rule', 'validate', 'kh', 'KH20240001'], { cwd });
    expect(valid.exitCode).toBe(0);
    const mixed = await runInProcess(['rule', 'validate', 'kh', '-', '--json'], { cwd, stdin: 'KH20240002\nKX1\n' });
    expect(mixed.exitCode).toBe(1);
    expect((JSON.parse(mixed.stdout) as Array<{ code: string; valid: boolean }>).map((result) => [result.code, result.valid])).toEqual([
      ['KH20240002', true],
      ['KX1', false],
    ]);
  });

  it('works without a config for patterns, and says an unknown rule name is unknown', async () => {
    const cwd = project();
    const explain = await runInProcess(['rule', 'explain', 'KH{YYYY}{seq:4}', '--json'], { cwd });
    expect(explain.exitCode).toBe(0);
    expect(JSON.parse(explain.stdout)).toMatchObject({ pattern: 'KH{YYYY}{seq:4}' });
    const unknown = await runInProcess(['rule', 'explain', 'nosuchrule'], { cwd });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('Unknown rule "nosuchrule"');
  });

  it('generates codes into a file store, and previews without consuming', async () => {
    const cwd = project({ sources: {}, rules: { kh: 'KH{YYYY}{seq:4}' } });
    const preview = await runInProcess(['rule', 'generate', 'kh', '--count', '2', '--date', '2026-03-05', '--store', 'seq.json', '--preview', '--json'], { cwd });
    expect(preview.exitCode).toBe(0);
    expect(JSON.parse(preview.stdout)).toEqual(['KH20260001', 'KH20260002']);
    const generated = await runInProcess(['rule', 'generate', 'kh', '--count', '2', '--date', '2026-03-05', '--store', 'seq.json'], { cwd });
    expect(generated.stdout).toBe('KH20260001\nKH20260002\n');
    const next = await runInProcess(['rule', 'generate', 'kh', '--count', '1', '--date', '2026-03-05', '--store', 'seq.json'], { cwd });
    expect(next.stdout).toBe('KH20260003\n');
    const missingCount = await runInProcess(['rule', 'generate', 'kh'], { cwd });
    expect(missingCount.exitCode).toBe(2);
  });
});
