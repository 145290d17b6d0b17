import { CHECK_DEFINITIONS } from './check-algorithms.js';
import type { GapMode, RuleExplanation, RuleSegment } from './rule-types.js';

const DATE_EN = { YYYY: 'the 4-digit year', YY: 'the 2-digit year', MM: 'the 2-digit month', DD: 'the 2-digit day' } as const;
const DATE_ZH = { YYYY: '4 位年份', YY: '2 位年份', MM: '2 位月份', DD: '2 位日期' } as const;
const FIELD_ZH = { category: '客户分类', region: '地区', org: '组织' } as const;
const CLASS_EN = { digits: 'digits', letters: 'letters A-Z', alnum: 'digits or letters A-Z', 'uscc-char': 'characters 0-9/A-Z without I, O, Z, S, V' } as const;
const CLASS_ZH = { digits: '数字', letters: '大写字母', alnum: '数字或大写字母', 'uscc-char': '数字或字母（不含 I、O、Z、S、V）' } as const;
const RESET_EN = { never: '', year: ', restarting every year', month: ', restarting every month', day: ', restarting every day' } as const;
const RESET_ZH = { never: '', year: '，每年重新开始', month: '，每月重新开始', day: '，每天重新开始' } as const;

function lengthText(min: number, max: number): string {
  return min === max ? `${min}` : `${min}-${max}`;
}

function describe(segment: RuleSegment): { en: string; zh: string } {
  switch (segment.type) {
    case 'literal':
      return { en: `the text ${JSON.stringify(segment.text)}`, zh: `固定文字“${segment.text}”` };
    case 'date':
      return { en: DATE_EN[segment.part], zh: DATE_ZH[segment.part] };
    case 'field':
      return { en: `${segment.length} characters of the customer's ${segment.field}`, zh: `${FIELD_ZH[segment.field]}的前 ${segment.length} 位` };
    case 'chars':
      return { en: `${lengthText(segment.min, segment.max)} ${CLASS_EN[segment.class]}`, zh: `${lengthText(segment.min, segment.max)} 位${CLASS_ZH[segment.class]}` };
    case 'alpha':
      return {
        en: `a number stored SAP-style: digits zero-padded to ${segment.length}, or up to ${segment.length} letters and digits`,
        zh: `SAP 内部格式编号：纯数字补零至 ${segment.length} 位，或最多 ${segment.length} 位字母数字`,
      };
    case 'check':
      return { en: CHECK_DEFINITIONS[segment.algorithm].en, zh: CHECK_DEFINITIONS[segment.algorithm].zh };
    case 'grades': {
      const levels = segment.levels.join('-');
      return {
        en: `a hierarchical class code with levels of ${levels} characters; each level's code starts with its parent's`,
        zh: `分级编码（编码方案 ${levels}），下级编码以上级编码开头`,
      };
    }
    case 'seq': {
      const start = segment.start ?? 1;
      const step = segment.step ?? 1;
      const max = segment.max ?? 10 ** segment.width - 1;
      const scope = segment.scope ?? 'all';
      const scopeEn = scope === 'all' ? ', counted separately for each value of the other parts' : scope === 'none' ? ', one counter for the whole rule' : `, counted separately for each ${scope.join(' + ')}`;
      const scopeZh = scope === 'all' ? '，按其余部分分别计数' : scope === 'none' ? '，全规则共用一个计数器' : `，按 ${scope.join(' + ')} 分别计数`;
      return {
        en: `a ${segment.width}-digit zero-padded serial number from ${start}, step ${step}, up to ${max}${scopeEn}${RESET_EN[segment.reset ?? 'never']}`,
        zh: `${segment.width} 位流水号（补零），从 ${start} 开始，步长 ${step}，最大 ${max}${scopeZh}${RESET_ZH[segment.reset ?? 'never']}`,
      };
    }
  }
}

export function explainRule(segments: readonly RuleSegment[], minLength: number, maxLength: number, mode: GapMode, timeZone: string): RuleExplanation {
  const parts = segments.map(describe);
  const length = lengthText(minLength, maxLength);
  const hasSerial = segments.some((segment) => segment.type === 'seq');
  const hasDate = segments.some((segment) => segment.type === 'date');
  let en = `${length} characters: ${parts.map((part) => part.en).join('; then ')}.`;
  let zh = `共 ${length} 位：${parts.map((part) => part.zh).join('；')}。`;
  if (hasDate) {
    en += ` Dates are the record's creation date (or today) in ${timeZone}.`;
    zh += `日期取记录的创建日期（无则取当天），时区 ${timeZone}。`;
  }
  if (hasSerial) {
    en += mode === 'no-gap'
      ? ' Numbers are drawn in no-gap mode: a number is used only when confirmed, abandoned numbers are reissued.'
      : ' Numbers are drawn in fast mode: a number is used when drawn, so abandoned numbers leave gaps.';
    zh += mode === 'no-gap' ? '不断号模式：确认后才占用编号，放弃的编号会重新分配。' : '快速模式：取号即占用，放弃的编号会形成断号。';
  }
  return { en, zh };
}
