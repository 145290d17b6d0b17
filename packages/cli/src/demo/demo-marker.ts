import { existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../output/usage-error.js';

/** The file that marks a directory as the demo's: it lists the files the demo wrote there. */
export const DEMO_MARKER = '.custcode-demo.json';

/** The files the demo wrote in `directory` (the marker among them), or undefined when it is not a demo directory. */
export function demoFiles(directory: string): string[] | undefined {
  try {
    const files = (JSON.parse(readFileSync(join(directory, DEMO_MARKER), 'utf8')) as { files?: unknown }).files;
    return Array.isArray(files) ? files.filter((file): file is string => typeof file === 'string') : undefined;
  } catch {
    return undefined;
  }
}

export function writeDemoMarker(directory: string, files: readonly string[]): void {
  writeFileSync(join(directory, DEMO_MARKER), `${JSON.stringify({ files: [...files, DEMO_MARKER] }, null, 2)}\n`, 'utf8');
}

/**
 * The demo (re)writes its files only in a new directory or one an earlier demo made: a directory holding
 * any of those names (a config, a database, a link) without the demo's marker is somebody else's.
 */
export function assertDemoDirectory(directory: string, names: readonly string[]): void {
  if (!existsSync(directory) || demoFiles(directory) !== undefined) return;
  const taken = names.filter((name) => {
    try {
      lstatSync(join(directory, name));
      return true;
    } catch {
      return false;
    }
  });
  if (taken.length === 0) return;
  throw new UsageError({
    message: `--dir ${directory} already holds ${taken.join(', ')}, and the demo did not create them: it would overwrite them.`,
    hint: 'Choose a new or empty directory for the demo (or the directory of an earlier demo, which it rebuilds).',
  });
}
