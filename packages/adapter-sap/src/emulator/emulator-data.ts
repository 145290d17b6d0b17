import { readFile, writeFile } from 'node:fs/promises';
import { ConfigError } from '@custcode/core';
import { z } from 'zod';
import type { SapTables } from './ddic.js';

const rows = z.array(z.record(z.string(), z.string()));
const fileSchema = z.object({
  format: z.literal('custcode-sap-emulator'),
  version: z.literal(1),
  tables: z.object({ KNA1: rows, KNB1: rows.default([]), KNVV: rows.default([]), T005U: rows.optional(), T077X: rows.optional(), TKUKT: rows.optional() }),
});

/** Saves emulator tables as JSON, so a demo can ship an "SAP system" as a file. */
export async function writeEmulatorData(file: string, tables: SapTables): Promise<void> {
  await writeFile(file, `${JSON.stringify({ format: 'custcode-sap-emulator', version: 1, tables }, null, 1)}\n`, 'utf8');
}

/** Loads tables written by `writeEmulatorData`; a file of another shape is a ConfigError naming the problem. */
export async function readEmulatorData(file: string): Promise<SapTables> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigError({
      message: `Cannot read SAP emulator data from ${file}: ${(error as Error).message}`,
      hint: 'Pass a JSON file written by writeEmulatorData (custcode demo creates one).',
      cause: error,
    });
  }
  const result = fileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError({
      message: `${file} is not SAP emulator data: ${issue.path.join('.') || 'file'}: ${issue.message}.`,
      hint: 'Pass a JSON file written by writeEmulatorData: { "format": "custcode-sap-emulator", "version": 1, "tables": { "KNA1": [...] } }.',
    });
  }
  return result.data.tables;
}
