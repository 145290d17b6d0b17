import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import {
  type CrosswalkRow, crosswalkCsvChunks, crosswalkJsonChunks, csvChunks, type ImportLayout, importLayoutHeader, importRows, type MigratedRecord, parseCrosswalk, parseMigrationDecisions, parseTranslations,
} from '@custcode/migrate';
import { type CsvCellOptions } from '@custcode/export';
import { connectionUrlDialect } from '@custcode/sql';
import ExcelJS from 'exceljs';
import type { OutputGuard, OutputPath } from '../../output/output-guard.js';
import { UsageError } from '../../output/usage-error.js';
import { writeChunk } from '../../output/write-chunk.js';
import { writeAtomically } from '../write-atomically.js';

export const DEFAULT_CROSSWALK_FILE = 'crosswalk.csv';
export const DEFAULT_SEQUENCE_FILE = 'sequences.json';

/** Reads an input file named on the command line; a missing one is a usage error (exit 2). */
export function readInputFile(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError({ message: `Cannot read ${flag} ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`, hint: `Check the path given to ${flag}.`, cause: error });
  }
}

export const readTranslations = (path: string) => parseTranslations(readInputFile(path, '--map'));
export const readDecisions = (path: string) => parseMigrationDecisions(readInputFile(path, '--decisions'));

/**
 * Where the outputs go. `--out DIR` is the output directory (crosswalk.csv inside it, unless `--crosswalk FILE`);
 * `--out FILE.csv|.json` (DESIGN.md's `--out CROSSWALK.csv`) names the crosswalk itself, and the import files
 * and the sequence file go beside it. A crosswalk in a database table is not supported yet.
 */
export function outputPaths(out: string, crosswalk: string | undefined, cwd: string): { directory: string; crosswalk: string } {
  if (crosswalk !== undefined && connectionUrlDialect(crosswalk) !== undefined) {
    throw new UsageError({ message: 'A crosswalk kept in a database table is not supported yet.', hint: 'Pass --crosswalk FILE (.csv or .json), or leave it out to use crosswalk.csv in --out.' });
  }
  const target = resolve(cwd, out);
  const namesFile = /\.(csv|json)$/i.test(target) && !(existsSync(target) && statSync(target).isDirectory());
  if (namesFile) {
    if (crosswalk !== undefined) throw new UsageError({ message: `--out ${out} names the crosswalk file, and so does --crosswalk ${crosswalk}.`, hint: 'Pass --out DIR with --crosswalk FILE, or only --out CROSSWALK.csv.' });
    return { directory: dirname(target), crosswalk: target };
  }
  return { directory: target, crosswalk: crosswalk === undefined ? join(target, DEFAULT_CROSSWALK_FILE) : resolve(cwd, crosswalk) };
}

/** The stored crosswalk of earlier runs, or none on the first run. */
export function readStoredCrosswalk(path: string): CrosswalkRow[] {
  return existsSync(path) ? parseCrosswalk(readInputFile(path, '--crosswalk')) : [];
}

export function ensureDirectory(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    throw new UsageError({ message: `Cannot create --out directory ${path}: ${(error as Error).message}.`, hint: 'Choose a writable directory.', cause: error });
  }
}

/** Writes text pieces one by one, waiting on the stream between them. */
async function writeChunks(output: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) await writeChunk(output, chunk);
}

/** The crosswalk as CSV (or JSON by its extension), written in pieces: the rows may be read back from disk. */
export async function writeCrosswalk(path: OutputPath, rows: Iterable<CrosswalkRow>, cells: CsvCellOptions = {}): Promise<void> {
  const json = extname(path).toLowerCase() === '.json';
  await writeAtomically(path, (output) => writeChunks(output, json ? withNewline(crosswalkJsonChunks(rows)) : crosswalkCsvChunks(rows, cells)));
}

/** JSON files end with a newline after the last bracket. */
function* withNewline(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield '\n';
}

/** Where the import files of a layout go in the output directory, checked by the output guard. */
export interface ImportFiles {
  csv: OutputPath;
  xlsx: OutputPath;
}

export function importFiles(out: string, layout: ImportLayout, guard: OutputGuard): ImportFiles {
  const { fileBase } = importLayoutHeader(layout);
  return { csv: guard.check(join(out, `${fileBase}.csv`), '--out'), xlsx: guard.check(join(out, `${fileBase}.xlsx`), '--out') };
}

/**
 * The customers in the target's import layout, as CSV and XLSX; returns the paths and the row count. The
 * records are iterated once per file and never held: on-disk results read them back each time.
 */
export async function writeImportFiles(files: ImportFiles, layout: ImportLayout, records: Iterable<MigratedRecord>, cells: CsvCellOptions = {}): Promise<{ files: string[]; rows: number }> {
  const table = importLayoutHeader(layout);
  const { csv: csvPath, xlsx: xlsxPath } = files;
  await writeAtomically(csvPath, (output) => writeChunks(output, csvChunks(table.columns, importRows(layout, records), cells)));
  const rows = await writeAtomically(xlsxPath, async (output) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output as never, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({ key: column, width: Math.max(12, column.length + 2) }));
    const header = sheet.addRow(table.columns);
    header.font = { bold: true };
    header.commit();
    // Every cell is text: codes such as 0001 must not turn into numbers.
    let count = 0;
    for (const row of importRows(layout, records)) {
      sheet.addRow(row).commit();
      count += 1;
    }
    sheet.commit();
    await workbook.commit();
    return count;
  });
  return { files: [csvPath, xlsxPath], rows };
}
