import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Customer, createMemorySource } from '@custcode/core';
import { generateSampleCustomers, sampleToCustomer, shareCustomers } from '@custcode/sample';
import { SparkSQL } from 'dt-sql-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Hub, openHub } from '../open-hub.js';
import { syncSource } from '../sync-source.js';
import { emitMatchSql, type EmittedMatchSql, pipelineStatements } from './emit-match-sql.js';
import { matchHub } from './match-hub.js';

const SOURCES = ['u8', 'k3', 'sap'];
let hub: Hub;
let directory: string;
let spark: EmittedMatchSql;

beforeAll(async () => {
  const first = generateSampleCustomers({ count: 300, seed: 2024, problems: true }).customers;
  const other = (seed: number) => shareCustomers(generateSampleCustomers({ count: 300, seed, problems: true }).customers, first, { share: 0.3, seed });
  const data: Record<string, Customer[]> = {
    u8: first.map((customer) => sampleToCustomer(customer, 'u8', 'yonyou-u8')),
    k3: other(7).map((customer) => sampleToCustomer(customer, 'k3', 'kingdee-k3cloud')),
    sap: other(11).map((customer) => sampleToCustomer(customer, 'sap', 'sap')),
  };
  hub = await openHub(':memory:');
  for (const name of SOURCES) await syncSource(hub, createMemorySource({ name, customers: data[name]! }));
  directory = mkdtempSync(join(tmpdir(), 'match-sql-'));
  spark = await emitMatchSql(hub, { sources: SOURCES, dialect: 'spark', out: directory, previous: [] });
}, 120_000);
afterAll(async () => {
  await hub?.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('emitMatchSql (the pipeline as Spark SQL)', () => {
  it('writes statements that Spark SQL’s grammar parses (dt-sql-parser), and the parser does reject a broken one', () => {
    const parser = new SparkSQL();
    expect(spark.statements.length).toBeGreaterThan(15);
    for (const statement of spark.statements) {
      const sql = readFileSync(join(directory, 'sql', statement.file), 'utf8');
      expect(sql).toBe(statement.sql);
      expect({ file: statement.file, errors: parser.validate(sql) }).toEqual({ file: statement.file, errors: [] });
    }
    // The check can fail: the same statement with DuckDB's `SELECT * EXCLUDE (…)` or an unbalanced parenthesis is refused.
    const scores = spark.statements.find((statement) => statement.creates === 'mx_scores')!.sql;
    expect(parser.validate(scores.replace('SELECT a, b,', 'SELECT * EXCLUDE (a), b,')).length).toBeGreaterThan(0);
    expect(parser.validate(scores.replace(' AS probability', ')) AS probability')).length).toBeGreaterThan(0);
  });

  it('is one definition: apart from how a stage is materialised, only the character-level edit distance differs between the dialects', () => {
    const parameters = { weights: spark.weights, threshold: 0.95, reviewFrom: 0.5 };
    const duckdb = pipelineStatements('duckdb', parameters);
    const sparkAgain = pipelineStatements('spark', parameters);
    expect(sparkAgain.map((statement) => statement.sql)).toEqual(spark.statements.map((statement) => statement.sql));
    const body = (sql: string) => sql.replace(/^CREATE OR REPLACE (TEMP TABLE|TEMPORARY VIEW) \w+ AS\n/, '');
    const differing = duckdb.filter((statement, index) => body(statement.sql) !== body(sparkAgain[index]!.sql)).map((statement) => statement.creates);
    expect(differing).toEqual(['mx_distances', 'mx_phone_similar']);
    expect(spark.statements.filter((statement) => statement.dialectSpecific).map((statement) => statement.creates)).toEqual(differing);
  });

  it('runs its shared subset (every statement but the two dialect-specific ones, as written for Spark) on DuckDB to DuckDB’s own answers', async () => {
    const connection = hub.connection;
    const duckdb = pipelineStatements('duckdb', { weights: spark.weights, threshold: 0.95, reviewFrom: 0.5 });
    // As the runner does: each view computed once (Spark: localCheckpoint; here a table under the view's name).
    const materialise = async (view: string) => {
      await connection.run(`CREATE OR REPLACE TEMP TABLE ${view}__done AS SELECT * FROM ${view}`);
      await connection.run(`DROP VIEW ${view}`);
      await connection.run(`ALTER TABLE ${view}__done RENAME TO ${view}`);
    };
    const dropStages = async () => {
      for (const statement of spark.statements) if (statement.creates !== '') await connection.run(`DROP TABLE IF EXISTS ${statement.creates}; DROP VIEW IF EXISTS ${statement.creates}`);
    };
    await dropStages();
    let shared = 0;
    for (const [index, statement] of spark.statements.entries()) {
      if (statement.phase === 'round' || statement.phase === 'changed') continue;
      if (statement.dialectSpecific) {
        await connection.run(duckdb[index]!.sql);
        continue;
      }
      if (statement.phase === 'after' && statement === spark.statements.find((s) => s.phase === 'after')) {
        const round = spark.statements.find((s) => s.phase === 'round')!;
        const changed = spark.statements.find((s) => s.phase === 'changed')!;
        for (let rounds = 0; ; rounds++) {
          expect(rounds).toBeLessThan(1000);
          await connection.run(round.sql);
          await materialise(round.creates);
          const moved = Number((await hub.query<{ changed: string }>(changed.sql.replace(/;\s*$/, '')))[0]!.changed);
          await connection.run('DROP TABLE mx_labels');
          await connection.run('ALTER TABLE mx_labels_next RENAME TO mx_labels');
          shared += 2;
          if (moved === 0) break;
        }
      }
      await connection.run(statement.sql);
      await materialise(statement.creates);
      shared += 1;
    }
    expect(shared).toBeGreaterThan(spark.statements.length - 2);
    const links = await hub.query('SELECT global_id, source, code, org, score, evidence, detail, linked_to FROM mx_links ORDER BY rid');
    const review = await hub.query('SELECT a, b, probability, detail FROM mx_review ORDER BY a, b');
    await dropStages();

    const result = await matchHub(hub, { sources: SOURCES, previous: [] });
    expect(result.summary.crossSourceClusters).toBeGreaterThan(30);
    expect(links).toEqual(result.links.map((link) => ({ global_id: link.globalId, source: link.source, code: link.code, org: link.org, score: link.score, evidence: link.evidence, detail: link.detail, linked_to: link.linkedTo })));
    expect(review).toEqual(await hub.query('SELECT a, b, probability, detail FROM mx_review ORDER BY a, b'));
    expect(review.length).toBe(result.review.length);
  }, 120_000);

  it('writes the inputs as Parquet and a PySpark runner that runs the files in order (checked as Python, not run: no Spark here)', () => {
    for (const input of ['match_keys', 'mx_decisions', 'mx_previous']) expect(existsSync(join(directory, 'data', input, 'part-0.parquet'))).toBe(true);
    const runner = readFileSync(join(directory, 'run_match.py'), 'utf8');
    for (const statement of spark.statements) expect(runner).toContain(statement.file);
    expect(spark.command).toBe(`spark-submit ${join(directory, 'run_match.py')}`);
    execFileSync('python3', ['-c', 'import ast, sys; ast.parse(open(sys.argv[1], encoding="utf-8").read())', join(directory, 'run_match.py')]);
  });

  it('refuses a dialect it does not know', async () => {
    await expect(emitMatchSql(hub, { sources: SOURCES, dialect: 'oracle' as never, out: directory })).rejects.toThrow(/No SQL dialect "oracle".*/);
  });
});
