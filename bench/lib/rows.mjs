/**
 * The rows of the results table: which measurements each compares (run in turn, so that neither side always
 * finds the caches warmed by the other) and the target it is held to.
 */
const s = (seconds) => `${seconds.toFixed(2)} s`;
const mb = (value) => `${Math.round(value)} MB`;
const rate = (rows, seconds) => `${Math.round(rows / seconds).toLocaleString('en-US')}/s`;

function versus(measure, custcodeName, rawName) {
  const custcode = measure(custcodeName);
  const raw = measure(rawName);
  return { custcode, raw, ratio: custcode.seconds / raw.seconds };
}

/** getMany through custcode against hand-written `IN` batches; both must find the same codes. */
function getManyRow(measure, driver) {
  const { custcode, raw, ratio } = versus(measure, `${driver}-getmany-custcode`, `${driver}-getmany-raw`);
  return { custcode: `${s(custcode.seconds)} (${custcode.found} found)`, baseline: `${s(raw.seconds)} (${raw.found} found)`, ratio, rss: `${mb(custcode.maxRssMb)} / ${mb(raw.maxRssMb)}`, met: ratio <= 1.1 && custcode.found === raw.found };
}

/**
 * CSV export against two hand-written exports on the same driver: csv-stringify fed row by row (the
 * dependency baseline) and lines built by hand, one write per 1,000 rows (the fastest found). The ratio
 * is taken against the faster of the two.
 */
function csvRow(measure, driver, how) {
  const custcode = measure(`${driver}-csv-custcode`);
  const stringify = measure(`${driver}-csv-raw`);
  const lines = measure(`${driver}-csv-raw-lines`);
  const best = lines.seconds <= stringify.seconds ? lines : stringify;
  const ratio = custcode.seconds / best.seconds;
  const same = sameBytes(custcode, lines, stringify);
  return {
    custcode: `${s(custcode.seconds)} (${rate(custcode.rows, custcode.seconds)})`,
    baseline: `${how}: lines built by hand ${s(lines.seconds)}; csv-stringify ${s(stringify.seconds)} (custcode ÷ csv-stringify ${(custcode.seconds / stringify.seconds).toFixed(2)})${same ? '' : '; **the CSV outputs differ**'}`,
    ratio,
    rss: `${mb(custcode.maxRssMb)} / ${mb(best.maxRssMb)}`,
    met: ratio <= 1.1 && custcode.maxRssMb <= 200 && same && custcode.rows === best.rows && stringify.rows === best.rows,
  };
}

/** `export --fields code,name,taxId` against the same SELECT of only those three columns, lines built by hand. */
function projectedCsvRow(measure, driver) {
  const custcode = measure(`${driver}-csvf-custcode`);
  const lines = measure(`${driver}-csvf-raw-lines`);
  const ratio = custcode.seconds / lines.seconds;
  const same = sameBytes(custcode, lines);
  return {
    custcode: `${s(custcode.seconds)} (${rate(custcode.rows, custcode.seconds)})`,
    baseline: `SELECT of the three columns, lines built by hand ${s(lines.seconds)}${same ? '' : '; **the CSV outputs differ**'}`,
    ratio,
    rss: `${mb(custcode.maxRssMb)} / ${mb(lines.maxRssMb)}`,
    met: ratio <= 1.1 && custcode.maxRssMb <= 200 && same && custcode.rows === lines.rows,
  };
}

/** Whether every measurement wrote the same bytes (the digest run.mjs takes of each output file). */
const sameBytes = (...results) => results.every((result) => result.digest !== undefined && result.digest !== 'differs between runs' && result.digest === results[0].digest);

function flatnessRow(measure, large, small) {
  const largeRun = measure(large);
  const smallRun = measure(small);
  const ratio = largeRun.maxRssMb / smallRun.maxRssMb;
  return { custcode: `${mb(largeRun.maxRssMb)} ÷ ${mb(smallRun.maxRssMb)}`, baseline: '—', ratio, rss: mb(largeRun.maxRssMb), met: ratio <= 1.2 && largeRun.maxRssMb <= 200 };
}

export const BENCH_ROWS_TABLE = [
  {
    id: '1',
    measurements: ['mariadb-getmany-custcode', 'mariadb-getmany-raw'],
    label: 'getMany, 100k random codes (≈9 % missing), MariaDB',
    target: 'ratio ≤ 1.10',
    evaluate(measure) {
      return getManyRow(measure, 'mariadb');
    },
  },
  {
    id: '1s',
    measurements: ['sqlite-getmany-custcode', 'sqlite-getmany-raw'],
    label: 'getMany, 100k random codes, SQLite',
    target: 'ratio ≤ 1.10',
    evaluate(measure) {
      return getManyRow(measure, 'sqlite');
    },
  },
  {
    id: '2',
    measurements: ['mariadb-csv-custcode', 'mariadb-csv-raw-lines', 'mariadb-csv-raw'],
    label: 'stream 1M rows to CSV, MariaDB',
    target: 'ratio ≤ 1.10, RSS ≤ 200 MB',
    evaluate(measure) {
      return csvRow(measure, 'mariadb', 'one streamed SELECT');
    },
  },
  {
    id: '2f',
    measurements: ['mariadb-csvf-custcode', 'mariadb-csvf-raw-lines'],
    label: 'stream 1M rows to CSV, MariaDB, `--fields code,name,taxId`',
    target: 'ratio ≤ 1.10, RSS ≤ 200 MB',
    evaluate(measure) {
      return projectedCsvRow(measure, 'mariadb');
    },
  },
  {
    id: '2s',
    measurements: ['sqlite-csv-custcode', 'sqlite-csv-raw-lines', 'sqlite-csv-raw'],
    label: 'stream 1M rows to CSV, SQLite',
    target: 'ratio ≤ 1.10, RSS ≤ 200 MB',
    evaluate(measure) {
      return csvRow(measure, 'sqlite', '`iterate()` over one statement');
    },
  },
  {
    id: '2sf',
    measurements: ['sqlite-csvf-custcode', 'sqlite-csvf-raw-lines'],
    label: 'stream 1M rows to CSV, SQLite, `--fields code,name,taxId`',
    target: 'ratio ≤ 1.10, RSS ≤ 200 MB',
    evaluate(measure) {
      return projectedCsvRow(measure, 'sqlite');
    },
  },
  {
    id: '1p',
    measurements: ['postgres-getmany-custcode', 'postgres-getmany-raw'],
    label: 'getMany, 100k random codes, PostgreSQL',
    target: 'ratio ≤ 1.10',
    needs: 'CUSTCODE_POSTGRES_URL',
    evaluate(measure) {
      return getManyRow(measure, 'postgres');
    },
  },
  {
    id: '2p',
    measurements: ['postgres-csv-custcode', 'postgres-csv-raw-lines', 'postgres-csv-raw'],
    label: 'stream 1M rows to CSV, PostgreSQL',
    target: 'ratio ≤ 1.10, RSS ≤ 200 MB',
    needs: 'CUSTCODE_POSTGRES_URL',
    evaluate(measure) {
      return csvRow(measure, 'postgres', 'one SELECT through a server-side cursor, FETCH 5,000 ahead');
    },
  },
  {
    id: '3',
    measurements: ['mariadb-csv-custcode', 'mariadb-csv100k-custcode'],
    label: 'memory flatness: peak RSS of 1M-row ÷ 100k-row CSV export, MariaDB',
    target: '≤ 1.2',
    evaluate(measure) {
      return flatnessRow(measure, 'mariadb-csv-custcode', 'mariadb-csv100k-custcode');
    },
  },
  {
    id: '3f',
    measurements: ['mariadb-csvf-custcode', 'mariadb-csvf100k-custcode'],
    label: 'memory flatness: peak RSS of 1M-row ÷ 100k-row CSV export, MariaDB, `--fields code,name,taxId`',
    target: '≤ 1.2',
    evaluate(measure) {
      return flatnessRow(measure, 'mariadb-csvf-custcode', 'mariadb-csvf100k-custcode');
    },
  },
  {
    id: '4',
    measurements: ['mariadb-xlsx-custcode', 'mariadb-xlsx-raw'],
    label: 'XLSX export of 1M rows, MariaDB (baseline: exceljs streaming writer, no styles)',
    target: 'RSS ≤ 300 MB',
    evaluate(measure) {
      const { custcode, raw, ratio } = versus(measure, 'mariadb-xlsx-custcode', 'mariadb-xlsx-raw');
      return { custcode: `${s(custcode.seconds)} (${rate(custcode.rows, custcode.seconds)})`, baseline: s(raw.seconds), ratio, rss: `${mb(custcode.maxRssMb)} / ${mb(raw.maxRssMb)}`, met: custcode.maxRssMb <= 300 };
    },
  },
  {
    id: '5',
    measurements: ['rules-custcode', 'rules-raw'],
    label: 'rule validation, 1M codes KH{YYYY}{seq:6}{check:luhn}',
    target: '≥ 2M codes/s',
    evaluate(measure) {
      const { custcode, raw, ratio } = versus(measure, 'rules-custcode', 'rules-raw');
      const perSecond = custcode.rows / custcode.seconds;
      return { custcode: `${s(custcode.seconds)} (${rate(custcode.rows, custcode.seconds)})`, baseline: `${s(raw.seconds)} (${rate(raw.rows, raw.seconds)})`, ratio, rss: mb(custcode.maxRssMb), met: perSecond >= 2_000_000 };
    },
  },
  {
    id: '6a',
    measurements: ['audit-exact'],
    label: 'audit of 1M codes with the rule, without near-duplicates',
    target: '≤ 2 s',
    evaluate(measure) {
      const result = measure('audit-exact');
      return { custcode: `${s(result.seconds)} (${result.duplicates} duplicate groups, ${result.formatViolations} format violations)`, baseline: '—', ratio: undefined, rss: mb(result.maxRssMb), met: result.seconds <= 2 };
    },
  },
  {
    id: '6b',
    measurements: ['audit-near'],
    label: 'audit of 1M records plus 5,000 planted twins with near-duplicates on the names; recall on the planted pairs',
    target: '≤ 15 s',
    evaluate(measure) {
      const result = measure('audit-near');
      const { pairs, found, recall, byNoise } = result.planted;
      const perNoise = Object.entries(byNoise).map(([noise, counts]) => `${noise} ${counts.found}/${counts.pairs}`).join(', ');
      return {
        custcode: `${s(result.seconds)} (${result.nearDuplicateGroups} near-duplicate groups; recall ${recall.toFixed(3)}: ${found} of ${pairs} planted pairs — ${perNoise})`,
        baseline: '—',
        ratio: undefined,
        rss: mb(result.maxRssMb),
        met: result.seconds <= 15,
      };
    },
  },
  {
    id: '7',
    measurements: ['sap-scan'],
    label: 'SAP: full KNA1 scan of 100k rows on the RFC emulator, RFC calls',
    target: 'calls vs ⌈rows/page⌉ × ⌈width/512⌉',
    evaluate(measure) {
      const result = measure('sap-scan');
      return {
        custcode: `${result.rfcCalls} calls (${result.kna1Data} data, ${result.kna1KeysOnly} key-only, ${result.metadata} metadata, ${result.other} other) in ${s(result.seconds)}`,
        baseline: `minimum ${result.minimum} (width ${result.width})`,
        ratio: result.rfcCalls / result.minimum,
        rss: mb(result.maxRssMb),
        met: undefined,
      };
    },
  },
  {
    id: '7p',
    measurements: ['sap-scan-projected', 'sap-scan'],
    label: 'SAP: KNA1 scan of 100k rows on the RFC emulator projected to code,name,taxId, RFC calls',
    target: 'calls vs ⌈rows/page⌉ × ⌈width/512⌉ for the projected width',
    evaluate(measure) {
      const result = measure('sap-scan-projected');
      const full = measure('sap-scan');
      return {
        custcode: `${result.rfcCalls} calls (${result.kna1Data} data, ${result.kna1KeysOnly} key-only, ${result.metadata} metadata, ${result.other} other) in ${s(result.seconds)}; full read ${full.rfcCalls} calls`,
        baseline: `minimum ${result.minimum} (width ${result.width})`,
        ratio: result.rfcCalls / result.minimum,
        rss: mb(result.maxRssMb),
        met: undefined,
      };
    },
  },
  {
    id: '7b',
    measurements: ['sap-odata-scan'],
    label: 'SAP over OData: full scan of 100k customers on the API_BUSINESS_PARTNER emulator (server page 100), HTTP requests',
    target: 'requests vs ⌈rows/server page⌉ per entity set read',
    evaluate(measure) {
      const result = measure('sap-odata-scan');
      const minimum = result.minimumPerSet * result.sets;
      return {
        custcode: `${result.requests} requests (${result.customerRequests} A_Customer, ${result.partnerRequests} A_BusinessPartner) for ${result.rows} rows in ${s(result.seconds)} (${Math.round(result.rows / result.seconds)} rows/s)`,
        baseline: `minimum ${minimum} (${result.minimumPerSet} per entity set)`,
        ratio: result.requests / minimum,
        rss: mb(result.maxRssMb),
        met: undefined,
      };
    },
  },
  {
    id: '7c',
    measurements: ['sap-odata-lookups'],
    label: 'SAP over OData: 10k lookups on the API_BUSINESS_PARTNER emulator, HTTP requests',
    target: 'requests (OR-lists within a 4 096-character URL)',
    evaluate(measure) {
      const result = measure('sap-odata-lookups');
      return {
        custcode: `${result.requests} requests (${result.customerRequests} A_Customer, ${result.partnerRequests} A_BusinessPartner) for ${result.codes} codes, ${result.found} found, in ${s(result.seconds)}`,
        baseline: 'n/a',
        ratio: undefined,
        rss: mb(result.maxRssMb),
        met: undefined,
      };
    },
  },
  ...migrateRows(),
  ...matchRows(),
  ...hubRows(),
];

/**
 * Migration (issue 21, target 4): 1M U8 customers (SQLite) renumbered by CUST{YYYY}{seq:6}, every new code
 * checked in the target (the MariaDB bench table) through getMany, no near-duplicate review. Row 8 holds the
 * source in memory (`migrate`), 8d spills it to a scratch SQLite database (`migrateOnDisk`, what the CLI runs)
 * and is held to row 8's time in the same run; 8b is 8d on 5M customers (its own SQLite file).
 */
function migrateRows() {
  const generated = (result) => `${s(result.seconds)} (${result.generated.toLocaleString('en-US')} codes generated)`;
  return [
    {
      id: '8',
      // Taken in turn with 8d's on-disk run, so that neither always finds the caches warmed by the other.
      measurements: ['migrate-custcode', 'migrate-memory'],
      label: 'migrate 1M U8 customers (SQLite) to CUST{YYYY}{seq:6}, every new code checked in the target (MariaDB) through getMany; in memory (migrate)',
      target: '— (the baseline of 8d)',
      evaluate(measure) {
        const inMemory = measure('migrate-memory');
        return { custcode: generated(inMemory), baseline: '—', ratio: undefined, rss: mb(inMemory.maxRssMb), met: undefined };
      },
    },
    {
      id: '8d',
      measurements: ['migrate-custcode', 'migrate-memory'],
      label: 'the same migration on disk (migrateOnDisk: a scratch SQLite database instead of arrays) vs in memory (row 8)',
      target: 'RSS ≤ 500 MB, ratio ≤ 1.00',
      evaluate(measure) {
        const onDisk = measure('migrate-custcode');
        const inMemory = measure('migrate-memory');
        const ratio = onDisk.seconds / inMemory.seconds;
        return {
          custcode: generated(onDisk),
          baseline: `in memory ${generated(inMemory)}`,
          ratio,
          rss: `${mb(onDisk.maxRssMb)} / ${mb(inMemory.maxRssMb)}`,
          met: onDisk.maxRssMb <= 500 && ratio <= 1 && onDisk.rows === inMemory.rows && onDisk.generated === inMemory.generated,
        };
      },
    },
    {
      id: '8b',
      measurements: ['migrate-5m'],
      label: 'migrate 5M U8 customers (SQLite) on disk, same rule and target check',
      target: 'completes; time and RSS reported',
      evaluate(measure) {
        const result = measure('migrate-5m');
        return { custcode: `${generated(result)}, ${rate(result.rows, result.seconds)}`, baseline: '—', ratio: undefined, rss: mb(result.maxRssMb), met: result.rows === 5_000_000 };
      },
    },
  ];
}

/**
 * Cross-ERP matching of 3 sources (BENCH_MATCH_N customers each, default 1M; 30 % shared), one row per kind
 * of evidence added: the USCC alone (exact blocking on the tax id), + organisation code / old tax number,
 * + phone and name, + Fellegi–Sunter scores (the full match). Quality is pairwise against the truth file.
 */
function matchRows() {
  const kinds = [
    ['9a', 'uscc', 'USCC alone'],
    ['9b', 'org-code', '+ organisation code / 15-digit tax number'],
    ['9c', 'phone-name', '+ phone and similar name'],
    ['9d', 'score', '+ Fellegi–Sunter scores (full match)'],
  ];
  return kinds.map(([id, kind, added]) => ({
    id,
    measurements: [`match-${kind}`],
    label: `match 3 sources × ${Number(process.env.BENCH_MATCH_N ?? 1_000_000).toLocaleString('en-US')} customers (30 % shared): ${added}`,
    target: kind === 'score' ? '≤ 180 s, ≤ 2 GB, precision ≥ 0.98, recall ≥ 0.95' : 'shows what each evidence kind adds',
    evaluate(measure) {
      const result = measure(`match-${kind}`);
      const quality = `precision ${result.precision.toFixed(4)}, recall ${result.recall.toFixed(4)}`;
      return {
        custcode: `${s(result.seconds)} (${quality}; ${result.candidatePairs.toLocaleString('en-US')} candidate pairs, ${result.review} to review)`,
        baseline: '—',
        ratio: undefined,
        rss: mb(result.maxRssMb),
        met: kind === 'score' ? result.seconds <= 180 && result.maxRssMb <= 2048 && result.precision >= 0.98 && result.recall >= 0.95 : true,
      };
    },
  }));
}

/**
 * The customer hub: `sync` of the 1M U8 customers into a Parquet hub against the CSV export of the same
 * source in the same run (rows/s), and an incremental sync after 1 % of the rows changed (in the hub rows'
 * own copy of the SQLite bench database) against the full sync of that copy.
 */
function hubRows() {
  return [
    {
      id: '10a',
      measurements: ['hub-sync-mariadb', 'mariadb-csv-custcode'],
      label: 'sync 1M U8 customers (MariaDB) to a Parquet hub vs the CSV export of the same source (rows/s)',
      target: 'sync ÷ CSV rows/s ≥ 0.80, RSS ≤ 300 MB',
      evaluate(measure) {
        const sync = measure('hub-sync-mariadb');
        const csv = measure('mariadb-csv-custcode');
        const ratio = sync.rows / sync.seconds / (csv.rows / csv.seconds);
        return {
          custcode: `${s(sync.seconds)} (${rate(sync.rows, sync.seconds)}, ${sync.mode}, ${sync.inserted.toLocaleString('en-US')} new)`,
          baseline: `CSV export ${s(csv.seconds)} (${rate(csv.rows, csv.seconds)})`,
          ratio,
          rss: `${mb(sync.maxRssMb)} / ${mb(csv.maxRssMb)}`,
          met: ratio >= 0.8 && sync.maxRssMb <= 300 && sync.rows === csv.rows,
        };
      },
    },
    {
      id: '10b',
      measurements: ['hub-sync-sqlite-incremental', 'hub-sync-sqlite-full'],
      label: 'incremental sync to the Parquet hub after 1 % of 1M rows changed (a SQLite copy) vs the full sync of the copy',
      target: 'incremental ÷ full time ≤ 0.05',
      evaluate(measure) {
        const incremental = measure('hub-sync-sqlite-incremental');
        const full = measure('hub-sync-sqlite-full');
        const ratio = incremental.seconds / full.seconds;
        return {
          custcode: `${s(incremental.seconds)} (${incremental.mode}: read ${incremental.rows.toLocaleString('en-US')}, ${incremental.updated.toLocaleString('en-US')} changed of ${incremental.changed.toLocaleString('en-US')} edited)`,
          baseline: `full sync ${s(full.seconds)} (${rate(full.rows, full.seconds)})`,
          ratio,
          rss: `${mb(incremental.maxRssMb)} / ${mb(full.maxRssMb)}`,
          met: ratio <= 0.05 && incremental.mode === 'incremental' && incremental.updated === incremental.changed,
        };
      },
    },
  ];
}
