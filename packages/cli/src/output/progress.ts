import type { CommandIo } from '../command-io.js';

export interface Progress {
  update(rows: number): void;
  done(): void;
}

/** No progress at all: for --json runs (scripts read stdout, and their stderr is often a terminal too). */
export const SILENT_PROGRESS: Progress = { update() {}, done() {} };
const WIDTH = 24;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return `${minutes >= 60 ? `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}` : minutes}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * A one-line progress bar on stderr (rows, rows/s, ETA when the total is known), redrawn at most every
 * 100 ms. Silent when stderr is not a terminal, so pipes and logs stay clean.
 */
export function createProgress(io: CommandIo, total: number | undefined, now: () => number = Date.now, label = ''): Progress {
  if (!io.stderrIsTTY) return SILENT_PROGRESS;
  const started = now();
  let lastDraw = 0;
  let current = 0;
  const draw = () => {
    const elapsed = Math.max((now() - started) / 1000, 0.001);
    const rate = current / elapsed;
    const known = total !== undefined && total > 0;
    const ratio = known ? Math.min(current / total, 1) : 0;
    const bar = known ? `[${'#'.repeat(Math.round(ratio * WIDTH)).padEnd(WIDTH, '.')}] ${Math.floor(ratio * 100)}% ` : '';
    const eta = known ? ` ETA ${duration((total - current) / rate)}` : '';
    io.stderr.write(`\r${label}${bar}${current.toLocaleString('en-US')}${known ? `/${total.toLocaleString('en-US')}` : ''} rows  ${Math.round(rate).toLocaleString('en-US')} rows/s${eta}\x1b[K`);
  };
  return {
    update(rows) {
      current = rows;
      if (now() - lastDraw >= 100) {
        lastDraw = now();
        draw();
      }
    },
    done() {
      draw();
      io.stderr.write('\n');
    },
  };
}

/** Counts the customers streamed through every iterable it wraps (several sources: one running total). */
export function countInto(progress: Progress): <T>(rows: AsyncIterable<T>) => AsyncGenerator<T> {
  let count = 0;
  return async function* counted<T>(rows: AsyncIterable<T>): AsyncGenerator<T> {
    for await (const row of rows) {
      count += 1;
      progress.update(count);
      yield row;
    }
  };
}

/** A command's progress: silent with --json (and when stderr is no terminal); the total counted only when shown. */
export async function commandProgress(io: CommandIo, json: boolean | undefined, total: () => Promise<number | undefined>): Promise<Progress> {
  if (json === true || !io.stderrIsTTY) return SILENT_PROGRESS;
  return createProgress(io, await total().catch(() => undefined));
}
