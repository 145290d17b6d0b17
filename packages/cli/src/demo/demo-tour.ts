import type { DemoSourceReport } from './demo-command.js';

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
    `  cd ${directory}`,
    '  custcode sources --check',
    `  custcode get ${source} ${code}`,
    `  custcode get ${source} ${code} --json`,
    `  custcode search ${source} 北京 --limit 10`,
    `  custcode search ${source} --status blocked --updated-since 2024-06-01`,
    `  custcode search ${source} --ask "北京 停用 的客户 2024年以后新增"`,
    `  custcode export ${source} --out ${source}.xlsx --headers zh`,
    `  custcode export ${source} --view ${source}-blocked --out blocked.pdf`,
    ...(csv ? [`  custcode search ${csv.source} --name 有限公司 --limit 5`] : []),
    '  custcode rule explain kh',
    `  custcode audit ${source}`,
    '',
  );
  return lines.join('\n');
}
