import { ConfigError } from '@custcode/core';
import { DECISION_ACTIONS, type DecisionAction, type MigrationDecisionInput } from './migration-types.js';
import { looksLikeJson, parseCsvRecords, parseJsonText } from '@custcode/export';

const isAction = (value: string): value is DecisionAction => (DECISION_ACTIONS as readonly string[]).includes(value);

function decision(oldCode: unknown, action: unknown, into: unknown, where: string): MigrationDecisionInput {
  // Codes are taken exactly as written: stored codes may carry spaces, and those must still match.
  const code = typeof oldCode === 'string' ? oldCode : '';
  const verb = typeof action === 'string' ? action.trim().toLowerCase() : '';
  const target = typeof into === 'string' && into.trim() !== '' ? into : '';
  if (code.trim() === '') throw new ConfigError({ message: `Decisions ${where}: old_code is empty.`, hint: 'Name the source customer by its code.' });
  if (!isAction(verb)) {
    throw new ConfigError({ message: `Decisions ${where}: unknown decision "${String(action)}" for ${code}.`, hint: `Use one of: ${DECISION_ACTIONS.join(', ')}.` });
  }
  if (verb === 'merge' && target === '') {
    throw new ConfigError({ message: `Decisions ${where}: merge of ${code} does not say into which customer.`, hint: 'Fill "into" with the surviving customer\'s old code (or a code in the target).' });
  }
  return { oldCode: code, decision: verb, ...(verb === 'merge' ? { into: target } : {}) };
}

/**
 * Reads the decisions file: CSV with the header `old_code,decision,into`, or a JSON array of
 * `{ "oldCode": "…", "decision": "merge", "into": "…" }` (`old_code` is accepted too). One decision per code.
 */
export function parseMigrationDecisions(text: string): MigrationDecisionInput[] {
  let decisions: MigrationDecisionInput[];
  if (looksLikeJson(text)) {
    const parsed = parseJsonText(text, 'decisions file');
    if (!Array.isArray(parsed)) throw new ConfigError({ message: 'The decisions file must be a JSON array.', hint: 'Write [{ "oldCode": "…", "decision": "merge", "into": "…" }].' });
    decisions = parsed.map((item: Record<string, unknown>, index) => decision(item?.oldCode ?? item?.old_code, item?.decision, item?.into, `item ${index + 1}`));
  } else {
    decisions = parseCsvRecords(text, 'decisions file', ['old_code', 'decision']).map((record, index) =>
      decision(record.old_code, record.decision, record.into, `line ${index + 2}`),
    );
  }
  const seen = new Map<string, MigrationDecisionInput>();
  for (const item of decisions) {
    const earlier = seen.get(item.oldCode);
    if (earlier && (earlier.decision !== item.decision || earlier.into !== item.into)) {
      throw new ConfigError({ message: `The decisions file decides ${item.oldCode} twice (${earlier.decision} and ${item.decision}).`, hint: 'Keep one decision per old code.' });
    }
    seen.set(item.oldCode, item);
  }
  return [...seen.values()];
}
