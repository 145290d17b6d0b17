/** The Markdown table `npm run bench` prints (and RESULTS.md records). */
export function renderTable(rows, { date, machine, repeat }) {
  const lines = [
    `Run ${date} — ${machine}; ${repeat} run(s) per measurement, best time; each measurement in a fresh process.`,
    '',
    '| # | measurement | custcode | hand-written, same driver | ratio | peak RSS custcode / hand-written | target | met |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const ratio = row.ratio === undefined ? '—' : row.ratio.toFixed(2);
    const met = row.met === undefined ? 'n/a' : row.met ? 'yes' : '**no**';
    lines.push(`| ${row.id} | ${row.label} | ${row.custcode} | ${row.baseline} | ${ratio} | ${row.rss} | ${row.target} | ${met} |`);
  }
  return `${lines.join('\n')}\n`;
}
