export { runRuleValidate, type RuleValidateOptions } from './rule-validate-command.js';
export { MAX_COUNT, runRuleGenerate, type RuleGenerateOptions } from './rule-generate-command.js';
export { runRuleExplain, type RuleExplainOptions } from './rule-explain-command.js';
export { openSequenceStore } from './open-sequence-store.js';
export { resolveRule } from '@custcode/rules';
