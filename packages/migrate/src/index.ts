export { csvChunks } from './csv-chunks.js';
export { migrate, type MigrationInput } from './migrate.js';
export { migrateOnDisk, type OnDiskMigrateOptions, type OnDiskMigrationResult } from './migrate-on-disk.js';
export { crosswalkCsv, crosswalkCsvChunks, crosswalkJsonChunks, parseCrosswalk, CROSSWALK_COLUMNS } from './crosswalk-file.js';
export { parseTranslations, translateCustomer, DEFAULT_TRANSLATION_KEY, type TranslatedCustomer } from './translations.js';
export { parseMigrationDecisions } from './migration-decisions.js';
export { IMPORT_LAYOUTS, importLayoutForErp, buildImportTable, importTableCsv, importLayoutHeader, importRows, isImported, type ImportLayout, type ImportTable, type ImportTableOptions } from './import-layouts.js';
export {
  MIGRATION_DECISIONS, TRANSLATED_FIELDS, DECISION_ACTIONS,
  type MigrationDecision, type TranslatedField, type TranslationTable, type DecisionAction, type MigrationDecisionInput,
  type CrosswalkRow, type MigratedRecord, type UnmappedValue, type MigrationSummary, type MigrationResult, type MigrateOptions,
} from './migration-types.js';
