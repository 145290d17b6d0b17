/**
 * Labelled data for cross-ERP matching: `sources` ERPs of `perSource` customers each, 30 % of every source
 * being companies that all the sources hold (typed differently by each), the rest its own. Each appearance
 * of a company gets its own noise: 有限公司/有限责任公司, 北京X/X（北京）, traditional characters, an English
 * name, full-width characters, a typo, the tax id as USCC, old 15-digit number or 9-character organisation
 * code (hyphenated), phone formats, missing fields. `truth` maps `source:code` to the company's id.
 */
import { makeUscc } from '@custcode/core/fixtures';
import { createRandom } from '@custcode/sample';


const CITIES = [
  ['北京', 'Beijing', '110105', '010'], ['上海', 'Shanghai', '310115', '021'], ['广州', 'Guangzhou', '440106', '020'], ['深圳', 'Shenzhen', '440305', '0755'],
  ['杭州', 'Hangzhou', '330106', '0571'], ['南京', 'Nanjing', '320106', '025'], ['成都', 'Chengdu', '510107', '028'], ['武汉', 'Wuhan', '420106', '027'],
  ['天津', 'Tianjin', '120101', '022'], ['重庆', 'Chongqing', '500103', '023'], ['西安', 'Xian', '610113', '029'], ['苏州', 'Suzhou', '320505', '0512'],
  ['长沙', 'Changsha', '430102', '0731'], ['郑州', 'Zhengzhou', '410105', '0371'], ['青岛', 'Qingdao', '370202', '0532'], ['厦门', 'Xiamen', '350203', '0592'],
];
/** Characters of company names with their reading (English names) and, where it differs, the traditional form. */
const CORE = (
  '华hua華 信xin 东dong東 方fang 宏hong 达da達 永yong 安an 泰tai 恒heng 瑞rui 丰feng豐 盛sheng 鑫xin 源yuan 金jin 宝bao寶 昌chang 隆long 兴xing興 ' +
  '嘉jia 和he 光guang 明ming 新xin 天tian 佳jia 德de 康kang 利li 远yuan遠 大da 中zhong 通tong 海hai 龙long龍 凯kai凱 腾teng騰 ' +
  '伟wei偉 博bo 智zhi 创chuang創 联lian聯 合he 力li 诚cheng誠 顺shun順 祥xiang 富fu 润run潤 辉hui輝 锦jin錦 程cheng 立li 亚ya亞 欣xin ' +
  '鸿hong鴻 万wan萬 荣rong榮 凤feng鳳 晨chen 星xing 云yun雲 山shan 川chuan 峰feng 林lin 森sen 阳yang陽 春chun 秋qiu 银yin銀 正zheng 同tong'
)
  .split(' ')
  .map((entry) => entry.match(/^(\p{Script=Han})([a-z]+)(\p{Script=Han})?$/u))
  .filter(Boolean)
  .map(([, han, reading, traditional]) => ({ han, reading, traditional: traditional ?? han }));
const INDUSTRIES = [
  ['科技', 'Technology'], ['贸易', 'Trading'], ['物流', 'Logistics'], ['电子', 'Electronics'], ['机械', 'Machinery'], ['化工', 'Chemical'],
  ['建材', 'Building Materials'], ['食品', 'Foods'], ['医药', 'Pharmaceutical'], ['纺织', 'Textile'], ['能源', 'Energy'], ['信息技术', 'Information Technology'],
];
const TRADITIONAL_INDUSTRY = { 贸易: '貿易', 物流: '物流', 电子: '電子', 机械: '機械', 医药: '醫藥', 纺织: '紡織', 能源: '能源', 信息技术: '資訊技術', 建材: '建材', 食品: '食品', 化工: '化工', 科技: '科技' };
const ROADS = ['建国路', '人民路', '中山路', '解放路', '长江路', '和平路', '新华路', '滨江大道', '世纪大道', '科技园路'];

/** One real-world company. */
function company(random, id) {
  const city = random.pick(CITIES);
  const core = [random.pick(CORE), random.pick(CORE), random.pick(CORE)];
  const industry = random.pick(INDUSTRIES);
  const mobile = random.chance(0.3);
  return {
    id,
    city,
    core,
    industry,
    uscc: makeUscc(city[2], 10_000_000 + id),
    phone: mobile ? `1${random.pick(['3', '5', '8'])}${String(random.int(1e9)).padStart(9, '0')}` : `${city[3]}-${2 + random.int(7)}${String(random.int(1e7)).padStart(7, '0')}`,
    address: `${city[0]}市${random.pick(ROADS)}${1 + random.int(999)}号`,
  };
}

const toFullWidth = (text) => text.replace(/[!-~]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0));

function spellName(random, entity, source) {
  const [cityName, cityEnglish] = entity.city;
  if (source === 1 && random.chance(0.05)) {
    const reading = entity.core.map((part) => part.reading).join('');
    return `${cityEnglish} ${reading[0].toUpperCase()}${reading.slice(1)} ${entity.industry[1]} Co., Ltd.`;
  }
  const traditional = random.chance(0.1);
  let core = entity.core.map((part) => (traditional ? part.traditional : part.han));
  // A typo: one character of the name replaced by another.
  if (random.chance(0.08)) core[random.int(core.length)] = random.pick(CORE).han;
  const industry = traditional ? TRADITIONAL_INDUSTRY[entity.industry[0]] : entity.industry[0];
  const form = random.chance(0.3) ? '有限责任公司' : '有限公司';
  const body = `${core.join('')}${industry}`;
  const roll = random.next();
  if (roll < 0.25) return `${body}（${cityName}）${form}`;
  if (roll < 0.35) return `${body}${form}`;
  return `${cityName}${roll < 0.45 ? '市' : ''}${body}${form}`;
}

function spellTaxId(random, entity, source) {
  if (random.chance(0.2)) return undefined;
  // Source 0 still has many pre-2015 15-digit numbers, source 2 organisation codes, source 1 the USCC.
  if (source === 0 && random.chance(0.4)) return entity.uscc.slice(2, 17);
  if (source === 2 && random.chance(0.25)) return `${entity.uscc.slice(8, 16)}-${entity.uscc[16]}`;
  return random.chance(0.1) ? toFullWidth(entity.uscc) : entity.uscc;
}

function spellPhone(random, entity) {
  if (random.chance(0.2)) return undefined;
  const phone = entity.phone;
  if (!phone.includes('-')) return random.pick([phone, `+86 ${phone}`, `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`]);
  const [area, number] = phone.split('-');
  return random.pick([phone, `(${area})${number}`, `+86 ${area.slice(1)} ${number.slice(0, 4)} ${number.slice(4)}`, `${area}${number}`]);
}

function appearance(random, entity, source, code) {
  const customer = { source: `erp${source + 1}`, erp: 'generic-sql', code, name: spellName(random, entity, source), status: 'active', raw: {} };
  const taxId = spellTaxId(random, entity, source);
  if (taxId !== undefined) customer.taxId = taxId;
  const phone = spellPhone(random, entity);
  if (phone !== undefined) customer.phone = phone;
  if (random.chance(0.7)) customer.address = random.chance(0.2) ? `中国${entity.address}` : entity.address;
  if (random.chance(0.6)) customer.region = entity.city[0];
  return customer;
}

/**
 * The data one appearance at a time, in source order (`{ source, customer, company }`), so that a million
 * customers per source can be written to a file without holding them: only the shared companies and one
 * source's own companies are in memory. Same `seed`, same data as `generateMatchData`.
 */
export function* matchDataRecords({ perSource, sources = 3, overlap = 0.3, seed = 19 }) {
  const random = createRandom(seed);
  const shared = Math.round(perSource * overlap);
  let nextId = 0;
  const sharedCompanies = Array.from({ length: shared }, () => company(random, nextId++));
  for (let source = 0; source < sources; source++) {
    const name = `erp${source + 1}`;
    const own = Array.from({ length: perSource - shared }, () => company(random, nextId++));
    const companies = [...sharedCompanies, ...own];
    // Shuffled, so that shared companies do not sit at the same positions in every source.
    for (let i = companies.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [companies[i], companies[j]] = [companies[j], companies[i]];
    }
    for (let index = 0; index < companies.length; index++) {
      const code = `${name.toUpperCase()}${String(index + 1).padStart(8, '0')}`;
      yield { source: name, customer: appearance(random, companies[index], source, code), company: companies[index].id };
    }
  }
}

/**
 * Generates the sources. Returns `{ sources: [{ name, customers }], truth: Map<'source:code', companyId> }`.
 * Same `seed`, same data.
 */
export function generateMatchData(options) {
  const truth = new Map();
  const bySource = new Map();
  for (const { source, customer, company } of matchDataRecords(options)) {
    if (!bySource.has(source)) bySource.set(source, []);
    bySource.get(source).push(customer);
    truth.set(`${source}:${customer.code}`, company);
  }
  return { sources: [...bySource].map(([name, customers]) => ({ name, customers })), truth };
}

/**
 * The truth of a data set whose codes are `ERP<n><8-digit position>` (as generated here), held as one
 * Int32Array of company ids per source instead of a Map of millions of strings. Map-like where
 * `pairwiseQuality` needs it (`get('erp1:ERP100000001')`, `values()`).
 */
export class IndexedTruth {
  constructor(bySource) {
    this.bySource = bySource;
  }
  get(key) {
    const colon = key.indexOf(':');
    const ids = this.bySource.get(key.slice(0, colon));
    if (!ids) return undefined;
    const position = Number(key.slice(-8)) - 1;
    return position >= 0 && position < ids.length ? ids[position] : undefined;
  }
  *values() {
    for (const ids of this.bySource.values()) yield* ids;
  }
}

/**
 * Pairwise precision and recall of clusters against the truth: a predicted pair is two records in one
 * cluster; it is right when both are the same company.
 */
export function pairwiseQuality(clusters, truth) {
  const pairs = (n) => (n * (n - 1)) / 2;
  let predicted = 0;
  let correct = 0;
  for (const cluster of clusters) {
    predicted += pairs(cluster.members.length);
    const perCompany = new Map();
    for (const member of cluster.members) {
      const id = truth.get(`${member.source}:${member.code}`);
      perCompany.set(id, (perCompany.get(id) ?? 0) + 1);
    }
    for (const count of perCompany.values()) correct += pairs(count);
  }
  const perCompany = new Map();
  for (const id of truth.values()) perCompany.set(id, (perCompany.get(id) ?? 0) + 1);
  let actual = 0;
  for (const count of perCompany.values()) actual += pairs(count);
  return { precision: predicted === 0 ? 1 : correct / predicted, recall: actual === 0 ? 1 : correct / actual, predictedPairs: predicted, truePairs: actual };
}
