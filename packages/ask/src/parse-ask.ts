import type { CustomerStatus } from '@custcode/core';
import type { CustomerQuery } from '@custcode/core';
import { dateInputProblem } from '@custcode/core/adapter';
import { UnsupportedQueryError } from '@custcode/core';
import { DATE_RULES, type DateRange, localToday } from './ask-dates.js';
import { categoryNames, regionNames } from './ask-english-names.js';

/** Values the source really has, so that names in a question can be recognised (gathered by a scan, or given). */
export interface AskVocabulary {
  regions?: readonly string[];
  categories?: readonly string[];
  orgs?: readonly string[];
}

export interface AskOptions {
  /** `YYYY-MM-DD` that relative dates count from (default: today, local time). */
  today?: string;
}

/** One phrase of the question and the filters it became. */
export interface AskPhrase {
  phrase: string;
  filter: Partial<CustomerQuery>;
  /** Said when the meaning is approximate. */
  note?: string;
}

export interface AskResult {
  query: CustomerQuery;
  understood: AskPhrase[];
  /** Words that were not understood (and not used). */
  ignored: string[];
}

const STATUS_WORDS: ReadonlyArray<[RegExp, CustomerStatus]> = [
  [/已?停用|冻结|禁用|封存|\b(?:blocked|inactive|disabled|frozen|suspended)\b/i, 'blocked'],
  [/已?删除|作废|\b(?:deleted|removed)\b/i, 'deleted'],
  [/正常|启用|在用|有效|\b(?:active|enabled)\b/i, 'active'],
];
const CREATED_WORDS = /新增|新建|新开|创建|开户|建档|\b(?:created|new|added|opened)\b/i;
const UPDATED_WORDS = /修改|更新|变更|改动|\b(?:updated|modified|changed)\b/i;
const STOP_WORDS = /的|客户|所有|全部|哪些|列出|查找|查询|显示|并且|以及|或者|或|\b(?:customers?|or|all|show|list|find|me|the|with|which|that|are|were|and|of|in)\b|[，。,.?？!！:：;；]/gi;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Turns a question in Chinese or English into CustomerQuery filters with a small set of documented rules
 * (README.md): status words, date phrases (with 新增/created or 修改/updated), region, category and org
 * names from the vocabulary, code prefixes, a row limit; one leftover word becomes the `text` search.
 * No external service; what each phrase meant is returned in `understood`.
 */
export function parseAsk(question: string, vocabulary: AskVocabulary = {}, options: AskOptions = {}): AskResult {
  let rest = ` ${question.normalize('NFKC')} `;
  const understood: AskPhrase[] = [];
  const query: Record<string, unknown> = {};
  const take = (pattern: RegExp): RegExpExecArray | undefined => {
    const match = pattern.exec(rest);
    if (!match) return undefined;
    rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`;
    return match;
  };
  const add = (phrase: string, filter: Partial<CustomerQuery>, note?: string) => {
    Object.assign(query, filter);
    understood.push({ phrase: phrase.trim(), filter, ...(note ? { note } : {}) });
  };

  const codePrefix = take(/编号以\s*([A-Za-z0-9_-]+)\s*开头|codes?\s+(?:starting|starts|beginning|begins)\s+with\s+([A-Za-z0-9_-]+)/i);
  if (codePrefix) add(codePrefix[0], { codePrefix: codePrefix[1] ?? codePrefix[2]! });
  const limit = take(/前\s*(\d+)\s*(?:个|条|家|名)?|\b(?:top|first)\s+(\d+)\b/i);
  if (limit) add(limit[0], { limit: Number(limit[1] ?? limit[2]) });
  const org = take(/组织\s*[:：=]?\s*([A-Za-z0-9/_-]+)|\borg(?:\s*[:=]\s*|\s+)([A-Za-z0-9/_-]+)/i);
  if (org) add(org[0], { org: org[1] ?? org[2]! });

  const dates = matchDate(take, options.today ?? localToday());
  const updated = take(UPDATED_WORDS);
  const created = take(CREATED_WORDS);
  if (dates) {
    const [phrase, range] = dates;
    const verb = updated ?? created;
    const label = `${verb ? `${verb[0]} ` : ''}${phrase}`;
    if (updated && !created) {
      const note = range.to ? `only "changed since ${range.from ?? '…'}" can be searched; the end of the range was dropped` : undefined;
      if (range.from) add(label, { updatedSince: range.from }, note);
    } else {
      add(label, { ...(range.from ? { createdFrom: range.from } : {}), ...(range.to ? { createdTo: range.to } : {}) }, verb ? undefined : 'a date without 新增/修改 is read as the creation date');
    }
  } else if (updated || created) {
    understood.push({ phrase: (updated ?? created)![0], filter: {}, note: 'no date given, so this word changes nothing' });
  }

  const statuses: CustomerStatus[] = [];
  for (const [pattern, status] of STATUS_WORDS) {
    for (let match = take(pattern); match; match = take(pattern)) {
      if (!statuses.includes(status)) statuses.push(status);
      understood.push({ phrase: match[0], filter: { status } });
    }
  }
  if (statuses.length > 0) query.status = statuses.length === 1 ? statuses[0] : statuses;

  for (const [field, values, englishNames] of [['region', vocabulary.regions, regionNames], ['category', vocabulary.categories, categoryNames], ['org', vocabulary.orgs, () => []]] as const) {
    if (!values || query[field] !== undefined) continue;
    // A value is named as written or by an English name (Shanghai → 上海). Longest names first, so that 华北批发
    // wins over 批发. All-digit values (region codes, org ids) would match numbers of the question by accident:
    // those need the explicit forms (组织1000, --region 11).
    const names = values
      .filter((value) => value.trim() !== '' && !/^\d+$/.test(value))
      .flatMap((value) => [value, ...englishNames(value)].map((name) => ({ name, value })))
      .sort((a, b) => b.name.length - a.name.length);
    for (const { name, value } of names) {
      const pattern = escapeRegExp(name).replace(/ /g, '\\s+');
      const match = take(new RegExp(/^[A-Za-z0-9]/.test(name) ? `\\b${pattern}\\b` : pattern, 'i'));
      if (match) {
        add(match[0], { [field]: value }, name === value ? undefined : `${match[0].trim()} is ${value} in this source`);
        break;
      }
    }
  }

  const leftover = rest.replace(STOP_WORDS, ' ').split(/\s+/).filter((word) => word !== '');
  const ignored: string[] = [];
  if (leftover.length === 1) add(leftover[0]!, { text: leftover[0]! }, 'matched against code, name, short name and pinyin initials');
  else ignored.push(...leftover);
  return { query: query as CustomerQuery, understood, ignored };
}

/** The first date phrase and its range; a phrase naming a day the calendar has not is refused, never guessed at. */
function matchDate(take: (pattern: RegExp) => RegExpExecArray | undefined, today: string): [string, DateRange] | undefined {
  for (const rule of DATE_RULES) {
    const match = take(rule.pattern);
    if (!match) continue;
    // Written dates are checked before any arithmetic on them; computed ends after (year 0000, month 13).
    const written = match[0].match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    const range = written.some((date) => dateInputProblem(date) !== undefined) ? {} : rule.range(match, today);
    for (const date of [...written, range.from, range.to]) {
      const problem = date === undefined ? undefined : dateInputProblem(date);
      if (problem !== undefined) {
        throw new UnsupportedQueryError({
          message: `Cannot read the date in "${match[0].trim()}": ${problem}.`,
          hint: 'Name a real day: 2024-06-01以后, since 2024-06-01, 2024年3月, 2024年以后.',
        });
      }
    }
    return [match[0], range];
  }
  return undefined;
}
