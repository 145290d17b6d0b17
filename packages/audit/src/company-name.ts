import { pinyinOfWord } from './pinyin-key.js';

/** Provinces, autonomous regions and large cities: a leading or bracketed place is pulled out of a name. */
const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏',
  '宁夏', '新疆', '香港', '澳门',
];
const CITIES = [
  '深圳', '广州', '杭州', '苏州', '南京', '成都', '武汉', '西安', '长沙', '郑州', '青岛', '济南', '沈阳', '大连', '厦门',
  '福州', '宁波', '无锡', '合肥', '昆明', '东莞', '佛山', '哈尔滨', '长春', '石家庄', '太原', '南昌', '南宁', '贵阳', '兰州',
  '海口', '珠海', '温州', '常州', '南通', '徐州', '烟台', '泉州', '惠州', '嘉兴', '绍兴', '金华', '台州', '潍坊', '洛阳',
  '唐山', '保定', '扬州', '镇江', '盐城', '芜湖', '呼和浩特', '乌鲁木齐', '银川', '西宁', '拉萨', '三亚', '汕头', '江门',
  '湛江', '昆山', '义乌', '宜昌', '襄阳', '株洲', '柳州', '桂林', '大庆', '鞍山', '包头', '邯郸', '临沂', '济宁', '淄博',
];
const byLength = (a: string, b: string) => b.length - a.length;
const provinceGroup = PROVINCES.sort(byLength).join('|');
const cityGroup = CITIES.sort(byLength).join('|');
const placeGroup = `${provinceGroup}|${cityGroup}`;

const compatibilityCharacters = /[\u00A0-\u00FF\u2000-\u206F\u2100-\u24FF\u3000\u3200-\u33FF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;
const bracketOpen = /[（【〔［｛〈《「『{[]/g;
const bracketClose = /[）】〕］｝〉》」』}\]]/g;
const bracketedPlace = new RegExp(`\\((${placeGroup})(?:省|市|自治区)?\\)`);
const leadingPlace = new RegExp(
  `^(?:(${provinceGroup})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)?)?(?:(${cityGroup})市?)?`,
);
/**
 * Legal forms and generic words at the end of a name, longest first; stripped repeatedly. Latin forms
 * only as whole words (`Zig Zag` keeps its `ag`).
 */
const legalSuffix = new RegExp(
  '(?:集团股份有限公司|股份有限公司|有限责任公司|集团有限公司|有限公司|分公司|总公司|公司|集团|发展|实业|控股|国际|股份|' +
    '(?<=^|[\\s.,])(?:co\\.?,? ?ltd|company limited|co\\.? limited|limited|ltd|inc|incorporated|corp|corporation|' +
    'gmbh|llc|plc|pte|pty|company|co|group|s\\.?a|s\\.?a\\.?s|b\\.?v|n\\.?v|ag|kk|srl|s\\.?r\\.?l)\\.?)$',
);
const separators = /[\s.,，。、'"‘’“”()&·\-_/]+/g;

/** A leading province or city written in pinyin (`Beijing Huaxin Co., Ltd.`), as its own word; 陕西 is spelt Shaanxi. */
const placeByPinyin = new Map<string, string>([['shaanxi', '陕西']]);
for (const place of [...PROVINCES, ...CITIES]) if (!placeByPinyin.has(pinyinOfWord(place))) placeByPinyin.set(pinyinOfWord(place), place);
const leadingPinyinPlace = new RegExp(`^(${[...placeByPinyin.keys()].sort(byLength).join('|')})(?:shi|sheng)?[\\s.,'\\-_/]+(?=[a-z0-9])`);

export interface CompanyNameKey {
  /** The name without place, legal form and punctuation: what identifies the company. */
  core: string;
  /** The place pulled out of the name (`北京`), or null. */
  place: string | null;
}

/**
 * Normalises a company name for comparison: NFKC (full-width to half-width), brackets unified, a
 * bracketed or leading province/city pulled out (a leading one also when written in pinyin as a word of its own), legal suffixes (有限公司, 股份有限公司, Co., Ltd. …)
 * and punctuation removed, Latin letters lower-cased.
 */
export function companyNameKey(name: string): CompanyNameKey {
  // NFKC only when the name has compatibility characters (full-width forms, ideographic space, circled…): it is costly.
  const normalized = compatibilityCharacters.test(name) ? name.normalize('NFKC') : name;
  let text = normalized.toLowerCase().replace(bracketOpen, '(').replace(bracketClose, ')').trim();
  let place: string | null = null;
  const bracketed = bracketedPlace.exec(text);
  if (bracketed) {
    place = bracketed[1] ?? null;
    text = text.slice(0, bracketed.index) + text.slice(bracketed.index + bracketed[0].length);
  }
  const leading = leadingPlace.exec(text);
  if (leading && leading[0].length > 0 && leading[0].length < text.length) {
    place ??= leading[2] ?? leading[1] ?? null;
    text = text.slice(leading[0].length);
  } else {
    const latin = leadingPinyinPlace.exec(text);
    if (latin) {
      place ??= placeByPinyin.get(latin[1]!) ?? null;
      text = text.slice(latin[0].length);
    }
  }
  text = text.trim();
  for (let guard = 0; guard < 6; guard++) {
    const stripped = text.replace(legalSuffix, '').replace(/[\s.,()]+$/, '');
    if (stripped === text || stripped.length === 0) break;
    text = stripped;
  }
  return { core: text.replace(separators, ''), place };
}
