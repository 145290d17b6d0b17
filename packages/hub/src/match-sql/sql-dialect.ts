/** The SQL dialects the match pipeline is generated for. */
export const MATCH_SQL_DIALECTS = ['duckdb', 'spark'] as const;
export type MatchSqlDialect = (typeof MATCH_SQL_DIALECTS)[number];

/**
 * What differs between the dialects. Everything else in the pipeline is written once in the SQL both accept
 * (STRING casts, `||`, row_number, VALUES tables, regexp_extract, lpad, power), so that most statements are
 * the same text in both.
 */
export interface SqlDialect {
  name: MatchSqlDialect;
  /** A statement that materialises `body` under `name` (DuckDB: a table; Spark: a temporary view the runner caches). */
  materialise(name: string, body: string): string;
  /** Levenshtein distance in characters (UTF-16 code units for Chinese text, as the JavaScript model counts). */
  editDistance(a: string, b: string): string;
}

/**
 * One distinct printable ASCII character per position (no quote or backslash): DuckDB's levenshtein counts
 * bytes, so a pair of strings is first mapped character by character onto these (translate), and the
 * distance of the mapped strings is the distance in characters.
 */
const ASCII_ALPHABET = Array.from({ length: 94 }, (_, index) => String.fromCharCode(33 + index))
  .filter((character) => character !== "'" && character !== '\\')
  .join('');

export const DIALECTS: Record<MatchSqlDialect, SqlDialect> = {
  duckdb: {
    name: 'duckdb',
    materialise: (name, body) => `CREATE OR REPLACE TEMP TABLE ${name} AS\n${body}`,
    editDistance: (a, b) => {
      const size = ASCII_ALPHABET.length;
      // Short pairs (most): a || b itself is the alphabet, translate keeping each character's first position.
      const both = `${a} || ${b}`;
      const short = `levenshtein(translate(${a}, ${both}, substring('${ASCII_ALPHABET}', 1, length(${both}))), translate(${b}, ${both}, substring('${ASCII_ALPHABET}', 1, length(${both}))))`;
      // Longer ones: their distinct characters, computed once and bound by a lambda; more than the ASCII alphabet
      // holds falls back to bytes (a larger distance).
      const alphabet = `array_to_string(list_distinct(string_split(${both}, '')), '')`;
      const ascii = `substring('${ASCII_ALPHABET}', 1, length(alphabet))`;
      const long = `list_transform([${alphabet}], alphabet -> CASE WHEN length(alphabet) <= ${size} THEN levenshtein(translate(${a}, alphabet, ${ascii}), translate(${b}, alphabet, ${ascii})) ELSE levenshtein(${a}, ${b}) END)[1]`;
      return `CASE WHEN length(${both}) <= ${size} THEN ${short} ELSE ${long} END`;
    },
  },
  spark: {
    name: 'spark',
    materialise: (name, body) => `CREATE OR REPLACE TEMPORARY VIEW ${name} AS\n${body}`,
    // Spark's levenshtein counts characters.
    editDistance: (a, b) => `levenshtein(${a}, ${b})`,
  },
};

/** A double literal both dialects read as the same IEEE value (a bare 0.85 is a DECIMAL in both). */
export const double = (value: number): string => {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return `CAST('${String(value)}' AS DOUBLE)`;
};

/**
 * A string literal of text the pipeline makes itself (level names, evidence kinds); user values are only ever
 * read from tables. Quotes and backslashes are refused: the dialects escape them differently.
 */
export const text = (value: string): string => {
  if (/['\\]/.test(value)) throw new Error(`not a pipeline literal: ${value}`);
  return `'${value}'`;
};
