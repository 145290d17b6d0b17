import type { DemoSourceReport } from './demo-command.js';

/**
 * How the tour spells the command: `npx` finds the `custcode` of the project around the current directory
 * (an install, or a clone where `npm ci` linked it at the root) and a global install alike, so each line
 * runs as printed wherever the demo was made.
 */
const COMMAND = 'npx custcode';

/** A directory as one shell word: quoted only when it holds characters the shell would read. */
const shellWord = (text: string) => (/^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`);

/** What the demo created and a few commands to try on it. */
export function demoTour(directory: string, reports: readonly DemoSourceReport[], first: DemoSourceReport): string {
  const lines = [`custcode demo created in ${directory}:`, ''];
  for (const report of reports) {
    lines.push(
      report.skipped !== undefined
        ? `  ${report.source.padEnd(8)} ${report.erp.padEnd(16)} skipped: ${report.skipped}`
        : `  ${report.source.padEnd(8)} ${report.erp.padEnd(16)} ${report.file} (${report.rows?.toLocaleString('en-US')} records)`,
    );
  }
  const source = first.source;
  const code = first.sampleCode ?? 'CODE';
  const csv = reports.find((report) => report.erp === 'file');
  lines.push(
    '',
    'Try:',
    `  cd ${shellWord(directory)}`,
    `  ${COMMAND} sources --check`,
    `  ${COMMAND} get ${source} ${code}`,
    `  ${COMMAND} get ${source} ${code} --json`,
    `  ${COMMAND} search ${source} 北京 --limit 10`,
    `  ${COMMAND} search ${source} --status blocked --updated-since 2024-06-01`,
    `  ${COMMAND} search ${source} --ask "北京 停用 的客户 2024年以后新增"`,
    `  ${COMMAND} export ${source} --out ${source}.xlsx --headers zh`,
    `  ${COMMAND} export ${source} --view ${source}-blocked --out blocked.pdf`,
    ...(csv ? [`  ${COMMAND} search ${csv.source} --name 有限公司 --limit 5`] : []),
    `  ${COMMAND} rule explain kh`,
    `  ${COMMAND} audit ${source}`,
    '',
  );
  return lines.join('\n');
}
