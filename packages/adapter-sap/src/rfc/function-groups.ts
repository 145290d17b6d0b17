/**
 * Function groups of the read modules whose group is known: S_RFC is usually granted per group. RFC_READ_TABLE
 * is in SDTX (its program is SAPLSDTX); the groups of BBP_RFC_READ_TABLE and the /BODS/, /SAPDS/ copies were
 * not confirmed, so those are named as function modules (S_RFC with RFC_TYPE FUNC).
 */
export const FUNCTION_GROUPS: Readonly<Record<string, string>> = { RFC_READ_TABLE: 'SDTX' };

/** The S_RFC value (ACTVT 16) that lets a user call `functionModule`: its function group when known, else the module itself. */
export function rfcGrantFor(functionModule: string): { type: 'FUGR' | 'FUNC'; name: string } {
  const group = FUNCTION_GROUPS[functionModule];
  return group === undefined ? { type: 'FUNC', name: functionModule } : { type: 'FUGR', name: group };
}
