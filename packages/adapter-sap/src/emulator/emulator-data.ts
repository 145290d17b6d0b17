import { readFile, writeFile } from 'node:fs/promises';
import { ConfigError } from '@custcode/core';
import { z } from 'zod';
import type { SapTables } from './ddic.js';
import type { SapUserAuthorizations } from './user-authorizations.js';

const rows = z.array(z.record(z.string(), z.string()));
const grantList = z.union([z.literal('*'), z.array(z.string())]);
const fileSchema = z.object({
  format: z.literal('custcode-sap-emulator'),
  version: z.literal(1),
  tables: z.object({ KNA1: rows, KNB1: rows.default([]), KNVV: rows.default([]), T005U: rows.optional(), T077X: rows.optional(), TKUKT: rows.optional(), CDHDR: rows.optional(), CDPOS: rows.optional() }),
  /** The user the emulated client is logged on as. */
  user: z.string().min(1).optional(),
  /** Per user: what it may display and call (absent: everything allowed). */
  authorizations: z.record(z.string(), z.object({ tables: grantList, rfc: grantList.optional() }).strict()).optional(),
});

/** An emulated system as a file: its tables and, optionally, the logon user and what each user may do. */
export interface EmulatorSystem {
  tables: SapTables;
  user?: string;
  authorizations?: Record<string, SapUserAuthorizations>;
}

/** Saves emulator tables (and users) as JSON, so a demo can ship an "SAP system" as a file. */
export async function writeEmulatorData(file: string, tables: SapTables, access: Omit<EmulatorSystem, 'tables'> = {}): Promise<void> {
  await writeFile(file, `${JSON.stringify({ format: 'custcode-sap-emulator', version: 1, tables, ...access }, null, 1)}\n`, 'utf8');
}

/** Loads a file written by `writeEmulatorData`; a file of another shape is a ConfigError naming the problem. */
export async function readEmulatorSystem(file: string): Promise<EmulatorSystem> {
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
  const { tables, user, authorizations } = result.data;
  return { tables, ...(user === undefined ? {} : { user }), ...(authorizations === undefined ? {} : { authorizations }) };
}

/** The tables of a file written by `writeEmulatorData`. */
export async function readEmulatorData(file: string): Promise<SapTables> {
  return (await readEmulatorSystem(file)).tables;
}
