/** Reference tables of the canonical data set: categories, regions, orgs, name parts. */

export interface CanonicalRegion {
  code: string;
  name: string;
  /** GB/T 2260 district used in tax ids. */
  district: string;
  city: string;
  streets: readonly string[];
}

export const CANONICAL_CATEGORIES = [
  { code: '01', name: '批发客户' },
  { code: '02', name: '零售客户' },
  { code: '03', name: '海外客户' },
  { code: '04', name: '集团内部' },
  { code: '05', name: '政府机构' },
] as const;

export const CANONICAL_REGIONS: readonly CanonicalRegion[] = [
  { code: '11', name: '北京', district: '110108', city: '北京', streets: ['海淀区中关村大街', '朝阳区建国路', '东城区王府井大街'] },
  { code: '31', name: '上海', district: '310115', city: '上海', streets: ['浦东新区世纪大道', '徐汇区漕溪北路', '黄浦区南京东路'] },
  { code: '44', name: '广东', district: '440305', city: '深圳', streets: ['南山区科技园路', '福田区深南大道', '宝安区新安路'] },
  { code: '33', name: '浙江', district: '330106', city: '杭州', streets: ['西湖区文三路', '滨江区江南大道', '余杭区文一西路'] },
  { code: '32', name: '江苏', district: '320505', city: '苏州', streets: ['虎丘区狮山路', '姑苏区人民路', '吴中区东吴北路'] },
  { code: '51', name: '四川', district: '510107', city: '成都', streets: ['武侯区天府大道', '锦江区春熙路', '青羊区人民中路'] },
];

export const OVERSEAS_REGION = { code: '99', name: '海外' } as const;

export const CANONICAL_ORGS = ['ORG1', 'ORG2', 'ORG3'] as const;

/** 字号 (trade names); fictional. */
export const TRADE_NAMES = [
  '星辰', '明辉', '鼎盛', '恒通', '宏远', '金桥', '华信', '瑞丰', '天成', '永安',
  '博源', '嘉禾', '汇丰', '正泰', '新锐', '远航', '百川', '润泽', '盛世', '安达',
  '东方', '海纳', '中联', '智联', '绿源', '鑫达', '弘毅', '众诚', '和信', '佳美',
  '凯旋', '同创', '万象', '聚德', '锦程', '长城', '蓝海', '晨光', '信达', '卓越',
] as const;

/** Industry words with a one-character short form for short names. */
export const INDUSTRIES = [
  ['科技', '科'], ['贸易', '贸'], ['物流', '流'], ['电子', '电'], ['食品', '食'], ['机械', '机'],
  ['建材', '建'], ['医药', '药'], ['化工', '化'], ['服饰', '服'], ['软件', '软'], ['能源', '能'],
] as const;

export const LEGAL_SUFFIXES = ['有限公司', '有限责任公司', '股份有限公司'] as const;

export const LATIN_NAMES = [
  'Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell',
  'Cyberdyne', 'Wonka', 'Gringotts', 'Oceanic', 'Nakatomi', 'Massive', 'Dunder', 'Monarch', 'Aperture', 'Black Mesa',
] as const;

export const LATIN_INDUSTRIES = ['Trading', 'Logistics', 'Electronics', 'Foods', 'Machinery', 'Software'] as const;

export const LATIN_SUFFIXES = ['Co., Ltd.', 'Inc.', 'GmbH', 'LLC', 'Pte. Ltd.', 'Limited'] as const;

export const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'] as const;
export const GIVEN_NAMES = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超'] as const;
export const LATIN_CONTACTS = ['John Smith', 'Anna Müller', 'Li Wei', 'Maria Garcia', "Sean O'Neil", 'Kenji Tanaka'] as const;

export const pick = <T>(list: readonly T[], index: number): T => list[((index % list.length) + list.length) % list.length] as T;
