/**
 * Near-duplicate twins planted into the audit's 1M sample names, with the truth list to measure recall
 * against. Each twin is one sample customer's name rewritten the ways the same company gets typed twice
 * into an ERP (one or two at once): another legal form, the city moved into brackets or out of them,
 * 市 added or dropped, the city left out, half-width brackets, a space before the legal form, one
 * character of the trade name typed as a homophone (what a pinyin input method picks by mistake), as an
 * unrelated character (a plain typo), or in its traditional form. The twin gets a new code (year 2099, so it cannot collide) and no tax id, so only
 * the name links it.
 */
import { createRandom } from '@custcode/sample';
const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '苏州', '南京', '成都', '武汉', '西安', '天津', '重庆', '青岛', '厦门', '郑州', '长沙'];
const FORMS = ['股份有限公司', '有限责任公司', '有限公司'];
/** Same syllable, another character (toneless pinyin equal), for the trade-name characters of the sample. */
const HOMOPHONES = {
  瑞: '锐', 锐: '瑞', 恒: '衡', 鼎: '顶', 宏: '弘', 弘: '宏', 博: '搏', 嘉: '佳', 佳: '嘉', 永: '泳', 正: '政', 兴: '星', 星: '兴',
  盛: '晟', 晟: '盛', 泰: '太', 润: '闰', 德: '得', 信: '新', 和: '禾', 禾: '和', 达: '答', 丰: '峰', 峰: '丰', 同: '通', 通: '同',
  汇: '惠', 鑫: '新', 凯: '恺', 聚: '巨', 锦: '金', 晨: '辰', 辰: '晨', 启: '起', 铭: '明', 明: '铭', 众: '中', 力: '立', 立: '力',
  隆: '龙', 昌: '常', 耀: '曜', 悦: '越', 越: '悦', 旭: '序', 友: '有', 远: '源', 源: '远', 景: '京', 辉: '晖', 晖: '辉', 腾: '藤',
  宇: '雨', 茂: '贸', 洲: '州', 航: '杭', 骏: '俊', 岳: '越', 康: '糠', 蓝: '兰', 翔: '祥', 祥: '翔', 林: '琳', 森: '僧', 美: '梅',
  亿: '忆', 协: '谐', 荣: '容', 福: '富', 顺: '舜', 意: '义', 光: '广', 阳: '洋', 海: '嗨', 云: '芸', 川: '穿', 邦: '帮', 盈: '赢',
  鸿: '红', 翼: '益', 域: '玉', 图: '途', 维: '唯', 拓: '托', 迈: '麦', 驰: '池', 朗: '郎', 捷: '杰', 尚: '上', 纳: '娜', 凌: '玲',
  格: '革', 琪: '琦', 霖: '林', 澜: '兰', 宸: '辰', 沛: '佩', 煜: '玉', 珑: '龙', 璟: '景', 彦: '燕', 岚: '兰', 铂: '博', 琛: '晨',
  骐: '琪', 瀚: '汉', 钧: '君', 楷: '凯', 桓: '环',
};
/** Characters no sample trade name uses, for plain typos in its first three characters. */
const TYPOS = [...'圆晶秋冬夏春竹梅兰菊松柏'];
/** Simplified → traditional for the sample's trade names, industries and legal forms. */
const TRADITIONAL = {
  兴: '興', 达: '達', 丰: '豐', 汇: '匯', 凯: '凱', 锦: '錦', 万: '萬', 铭: '銘', 众: '眾', 创: '創', 悦: '悅', 远: '遠', 辉: '輝',
  腾: '騰', 贝: '貝', 骏: '駿', 诺: '諾', 蓝: '藍', 亿: '億', 协: '協', 荣: '榮', 顺: '順', 鸿: '鴻', 图: '圖', 维: '維', 迈: '邁',
  驰: '馳', 纳: '納', 锐: '銳', 钧: '鈞', 铂: '鉑', 骐: '騏', 澜: '瀾', 岚: '嵐', 珑: '瓏', 贸: '貿', 软: '軟', 机: '機', 电: '電',
  责: '責', 农: '農', 饰: '飾', 汽: '汽', 配: '配', 药: '藥', 纺: '紡', 织: '織', 这: '這', 业: '業', 务: '務', 实: '實', 发: '發',
};


/** `{ city, shi, core, form, bracket }` of a sample name: `[城市[市]]core form` or `core（城市）form`; undefined for other names (Latin). */
function partsOf(name) {
  const form = FORMS.find((candidate) => name.endsWith(candidate));
  if (!form) return undefined;
  let rest = name.slice(0, -form.length);
  const bracket = /^(.+)（(.+)）$/.exec(rest);
  if (bracket && CITIES.includes(bracket[2])) return { city: bracket[2], shi: false, core: bracket[1], form, bracket: true };
  const city = CITIES.find((candidate) => rest.startsWith(candidate));
  if (!city) return { city: '', shi: false, core: rest, form, bracket: false };
  rest = rest.slice(city.length);
  const shi = rest.startsWith('市');
  return { city, shi, core: shi ? rest.slice(1) : rest, form, bracket: false };
}

const render = ({ city, shi, core, form, bracket, halfWidth, space }) => {
  const gap = space ? ' ' : '';
  if (!city) return `${core}${gap}${form}`;
  if (bracket) return halfWidth ? `${core}(${city})${gap}${form}` : `${core}（${city}）${gap}${form}`;
  return `${city}${shi ? '市' : ''}${core}${gap}${form}`;
};

/** One character of the core replaced from `table` (the first one it has, from a random position); undefined when none is. */
function replaceOne(core, table, next) {
  const characters = [...core];
  const start = Math.floor(next() * characters.length);
  for (let step = 0; step < characters.length; step++) {
    const index = (start + step) % characters.length;
    const replacement = table[characters[index]];
    if (replacement) {
      characters[index] = replacement;
      return characters.join('');
    }
  }
  return undefined;
}

const NOISES = {
  'legal-form': (parts, next) => ({ ...parts, form: FORMS.filter((form) => form !== parts.form)[Math.floor(next() * 2)] }),
  bracket: (parts) => (parts.city ? { ...parts, bracket: !parts.bracket, shi: false } : undefined),
  shi: (parts) => (parts.city && !parts.bracket ? { ...parts, shi: !parts.shi } : undefined),
  'no-city': (parts) => (parts.city ? { ...parts, city: '' } : undefined),
  'half-width': (parts) => (parts.city ? { ...parts, bracket: true, halfWidth: true } : undefined),
  space: (parts) => ({ ...parts, space: true }),
  homophone: (parts, next) => {
    const core = replaceOne(parts.core, HOMOPHONES, next);
    return core && { ...parts, core };
  },
  typo: (parts, next) => {
    const characters = [...parts.core];
    characters[Math.floor(next() * Math.min(3, characters.length))] = TYPOS[Math.floor(next() * TYPOS.length)];
    return { ...parts, core: characters.join('') };
  },
  traditional: (parts, next) => {
    const core = replaceOne(parts.core, TRADITIONAL, next);
    return core && { ...parts, core };
  },
};
const NOISE_NAMES = Object.keys(NOISES);

/**
 * `count` twins of customers picked evenly from `customers` (each noise applied at most twice, the name
 * always changed); returns the twins and the truth list `[originalCode, twinCode, noises]`.
 */
export function plantTwins(customers, count, seed = 21) {
  const next = createRandom(seed).next;
  const twins = [];
  const truth = [];
  const stride = Math.floor(customers.length / count);
  for (let index = 0; twins.length < count && index < customers.length; index += stride) {
    const original = customers[(index + Math.floor(next() * stride)) % customers.length];
    const parts = partsOf(original.name);
    if (!parts) continue;
    let twin = parts;
    const applied = [];
    const wanted = next() < 0.3 ? 2 : 1;
    for (let attempt = 0; applied.length < wanted && attempt < 10; attempt++) {
      const noise = NOISE_NAMES[Math.floor(next() * NOISE_NAMES.length)];
      if (applied.includes(noise)) continue;
      const changed = NOISES[noise](twin, next);
      if (changed && render(changed) !== render(twin)) {
        twin = changed;
        applied.push(noise);
      }
    }
    if (applied.length === 0) continue;
    const code = `KH2099${String(twins.length + 1).padStart(original.code.length - 6, '0')}`;
    const { taxId: _taxId, phone: _phone, ...rest } = original;
    twins.push({ ...rest, code, name: render(twin), raw: {} });
    truth.push([original.code, code, applied]);
  }
  return { twins, truth };
}

/** Share of truth pairs whose two codes the audit put in one near-duplicate group, overall and per noise. */
export function recallOf(findings, truth) {
  const groupOf = new Map();
  findings.forEach((finding, group) => finding.codes.forEach((code) => groupOf.set(code, group)));
  const byNoise = {};
  let found = 0;
  for (const [original, twin, noises] of truth) {
    const hit = groupOf.has(twin) && groupOf.get(twin) === groupOf.get(original);
    if (hit) found++;
    for (const noise of noises) {
      byNoise[noise] ??= { pairs: 0, found: 0 };
      byNoise[noise].pairs++;
      if (hit) byNoise[noise].found++;
    }
  }
  return { pairs: truth.length, found, recall: found / truth.length, byNoise };
}
