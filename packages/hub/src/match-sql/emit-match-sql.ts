import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@custcode/core';
import { checkWeights, type FieldWeights } from '@custcode/match';
import type { Hub } from '../open-hub.js';
import { type HubMatchOptions, prepareMatchInputs } from './match-inputs.js';
import { estimateHubWeights, runStages, scoringBand } from './match-hub.js';
import { blockingStages, CHANGED_LABELS, LABEL_ROUND, LABELS, NEXT_LABELS, PIPELINE_INPUTS, type PipelineStage, resultStages, scoringStages, stageStatement } from './match-pipeline.js';
import { MATCH_SQL_DIALECTS, type MatchSqlDialect } from './sql-dialect.js';

export interface EmitMatchSqlOptions extends HubMatchOptions {
  dialect: MatchSqlDialect;
  /** The directory to write: `sql/` (one statement a file), `data/` (the inputs as Parquet) and, for Spark, `run_match.py`. */
  out: string;
}

/** One generated statement file, in the order the runner executes it. */
export interface EmittedStatement {
  file: string;
  /** The relation it creates (or '' for the label-change count). */
  creates: string;
  /** `before` the label propagation, `round` (repeated until no label moves), `changed` (the count), `after`. */
  phase: 'before' | 'round' | 'changed' | 'after';
  dialectSpecific: boolean;
  sql: string;
}

export interface EmittedMatchSql {
  directory: string;
  dialect: MatchSqlDialect;
  statements: EmittedStatement[];
  /** The input folders under data/: match_keys, mx_decisions, mx_previous. */
  inputs: string[];
  /** The weights written into the scoring statement, and whether they were estimated (on the hub, by DuckDB) or given. */
  weights: FieldWeights & { estimated: boolean };
  /** How to run it (Spark: the spark-submit command line). */
  command: string;
}

/** Each stage of the generated pipeline reads its inputs more than once: a runner materialises every one. */
const RUNNER = (statements: readonly EmittedStatement[], inputs: readonly string[], maxRounds: number) => `"""custcode match pipeline, generated Spark SQL: runs sql/*.sql in order over the Parquet inputs.

    spark-submit run_match.py [DATA_DIR] [RESULT_DIR]

DATA_DIR (default: data/ beside this file) holds ${inputs.join(', ')} as Parquet folders, as custcode wrote
them; RESULT_DIR (default: result/) receives links/ and review/ as Parquet. The SQL files are read by the driver
from sql/ beside this file (client deploy mode, or ship them with --files).
"""
import os
import sys

from pyspark.sql import SparkSession

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "data")
RESULT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "result")
INPUTS = ${JSON.stringify(inputs)}
BEFORE = ${JSON.stringify(statements.filter((statement) => statement.phase === 'before').map((statement) => [statement.file, statement.creates]))}
ROUND = ${JSON.stringify(statements.filter((statement) => statement.phase === 'round').map((statement) => [statement.file, statement.creates])[0])}
CHANGED = ${JSON.stringify(statements.find((statement) => statement.phase === 'changed')!.file)}
AFTER = ${JSON.stringify(statements.filter((statement) => statement.phase === 'after').map((statement) => [statement.file, statement.creates]))}
MAX_ROUNDS = ${maxRounds}


def statement(file):
    with open(os.path.join(HERE, "sql", file), encoding="utf-8") as handle:
        return handle.read().strip().rstrip(";")


def materialise(spark, file, view):
    spark.sql(statement(file))
    # Later stages read this one several times: compute it once and cut its lineage.
    spark.table(view).localCheckpoint().createOrReplaceTempView(view)


def main():
    spark = SparkSession.builder.appName("custcode match").getOrCreate()
    for name in INPUTS:
        spark.read.parquet(os.path.join(DATA, name)).createOrReplaceTempView(name)
    for file, view in BEFORE:
        materialise(spark, file, view)
    # Connected components by min-label propagation: one SQL round per step, until no label moves.
    for _ in range(MAX_ROUNDS):
        materialise(spark, ROUND[0], ROUND[1])
        changed = spark.sql(statement(CHANGED)).collect()[0][0]
        spark.table("${NEXT_LABELS}").createOrReplaceTempView("${LABELS}")
        if changed == 0:
            break
    else:
        raise SystemExit("label propagation did not settle after %d rounds" % MAX_ROUNDS)
    for file, view in AFTER:
        materialise(spark, file, view)
    spark.table("mx_links").write.mode("overwrite").parquet(os.path.join(RESULT, "links"))
    spark.table("mx_review").write.mode("overwrite").parquet(os.path.join(RESULT, "review"))
    spark.stop()


if __name__ == "__main__":
    main()
`;

/**
 * Writes the match pipeline for `dialect` to `out`: one statement per file under sql/, numbered in order, the
 * inputs (the keys the JavaScript model computed, decisions, earlier global ids) as Parquet under data/, and for
 * Spark a PySpark runner (run_match.py) that runs the files in order, looping the label-propagation round.
 * The weights are written into the scoring statement: given, or estimated on the hub with DuckDB (the blocking
 * stages run here; scoring and clustering are left to the engine the files are for).
 */
export async function emitMatchSql(hub: Hub, options: EmitMatchSqlOptions): Promise<EmittedMatchSql> {
  if (!MATCH_SQL_DIALECTS.includes(options.dialect)) {
    throw new ConfigError({ message: `No SQL dialect "${String(options.dialect)}".`, hint: `Use one of: ${MATCH_SQL_DIALECTS.join(', ')}.` });
  }
  const band = scoringBand(options);
  const records = await prepareMatchInputs(hub, options);
  let weights: FieldWeights;
  if (options.weights === undefined) {
    await runStages(hub, blockingStages('duckdb'));
    weights = (await estimateHubWeights(hub, records)).weights;
  } else {
    weights = checkWeights(options.weights);
  }
  const parameters = { weights, ...band };
  const statements = pipelineStatements(options.dialect, parameters);

  rmSync(join(options.out, 'sql'), { recursive: true, force: true });
  mkdirSync(join(options.out, 'sql'), { recursive: true });
  for (const statement of statements) writeFileSync(join(options.out, 'sql', statement.file), statement.sql);
  const inputs = Object.keys(PIPELINE_INPUTS);
  for (const input of inputs) {
    const folder = join(options.out, 'data', input);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    await hub.connection.run(`COPY ${input} TO $1 (FORMAT parquet)`, [join(folder, 'part-0.parquet')]);
  }
  const runner = join(options.out, 'run_match.py');
  if (options.dialect === 'spark') writeFileSync(runner, RUNNER(statements, inputs, records.length + 1));
  return {
    directory: options.out,
    dialect: options.dialect,
    statements,
    inputs,
    weights: { ...weights, estimated: options.weights === undefined },
    command: options.dialect === 'spark' ? `spark-submit ${runner}` : '',
  };
}

/** Every statement of the pipeline in a dialect, numbered in execution order. */
export function pipelineStatements(dialect: MatchSqlDialect, parameters: Parameters<typeof scoringStages>[0]): EmittedStatement[] {
  const statements: EmittedStatement[] = [];
  const add = (phase: EmittedStatement['phase'], stage: PipelineStage) => {
    const number = String(statements.length + 1).padStart(2, '0');
    statements.push({ file: `${number}_${stage.name}.sql`, creates: stage.name, phase, dialectSpecific: stage.dialectSpecific, sql: stageStatement(dialect, stage) });
  };
  for (const stage of [...blockingStages(dialect), ...scoringStages(parameters)]) add('before', stage);
  add('round', LABEL_ROUND);
  statements.push({ file: `${String(statements.length + 1).padStart(2, '0')}_changed_labels.sql`, creates: '', phase: 'changed', dialectSpecific: false, sql: `${CHANGED_LABELS};\n` });
  for (const stage of resultStages(parameters)) add('after', stage);
  return statements;
}
