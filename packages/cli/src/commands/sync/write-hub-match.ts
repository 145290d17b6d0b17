import { statSync } from 'node:fs';
import { type HubGoldenInput, type HubLinkInput, openHub, writeMatchTables, writeParquet } from '@custcode/hub';

/** Replaces a hub's links and golden tables with a match result; a Parquet hub also gets its links/ and golden/ files. */
export async function writeHubMatch(path: string, result: { links: readonly HubLinkInput[]; golden: readonly HubGoldenInput[] }): Promise<void> {
  const hub = await openHub(path);
  try {
    await writeMatchTables(hub, result);
    if (statSync(path).isDirectory()) await writeParquet(hub, path, []);
  } finally {
    await hub.close();
  }
}
