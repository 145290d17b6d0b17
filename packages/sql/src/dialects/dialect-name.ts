/** The SQL engines custcode compiles for. Only files under `dialects/` refer to one by name. */
export const DIALECT_NAMES = ['mssql', 'oracle', 'mysql', 'postgres', 'sqlite'] as const;

export type DialectName = (typeof DIALECT_NAMES)[number];

export function isDialectName(value: unknown): value is DialectName {
  return typeof value === 'string' && (DIALECT_NAMES as readonly string[]).includes(value);
}
