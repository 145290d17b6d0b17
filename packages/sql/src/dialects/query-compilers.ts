import type { DialectName } from './dialect-name.js';
import { dialectFor } from './dialects.js';
import type { QueryCompiler } from './query-compiler.js';

export function queryCompilerFor(dialect: DialectName): QueryCompiler {
  return dialectFor(dialect).compiler;
}
