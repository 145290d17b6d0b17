/**
 * Word lists for sample companies. Trade names (字号) are three characters from three pools where the
 * third is fixed by the first two, so any two trade names differ in at least two places: with the
 * industry words (pairwise different in both characters) no two generated company names are near
 * duplicates by accident, and a planted one-character typo is near only to its original.
 */
export const TRADE_FIRST = [...'瑞恒鼎宏博嘉永正兴盛泰润德信和达丰同汇鑫卓凯聚锦晨万启铭弘众创力隆昌耀悦旭友佳立'];
export const TRADE_SECOND = [...'远景辉腾宇晟源茂贝洲航峰骏岳迪诺康蓝翔祥林森科美亿协豪荣福顺意明光星奥辰晖阳海云'];
export const TRADE_THIRD = [...'通川禾邦盈鸿翼域图维拓迈驰朗捷尚策纳越凌锐格琪霖澜宸屹沛煜珑璟彦岚铂琛骐瀚钧楷桓'];
/** Characters that appear in no trade-name pool: a typo with one of these is near only to its original. */
export const TYPO_CHARACTERS = [...'圆晶秋冬夏春竹梅兰菊松柏'];

/** Two characters each; no first character and no second character repeats (see above). */
export const SAMPLE_INDUSTRIES = [
  '科技', '贸易', '物流', '电子', '食品', '机械', '建材', '医药', '化工', '服饰', '软件', '能源',
  '家具', '纺织', '汽配', '农业', '环保', '印刷', '塑胶', '五金', '餐饮', '光电', '陶瓷', '箱包',
];

export const SAMPLE_LEGAL_SUFFIXES = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司'];

export interface SampleCity {
  city: string;
  /** Province-level region code and name (GB/T 2260), as U8 DistrictClass / SAP REGIO hold them. */
  region: { code: string; name: string };
  district: string;
  areaCode: string;
  streets: readonly string[];
}

export const SAMPLE_CITIES: readonly SampleCity[] = [
  { city: '北京', region: { code: '11', name: '北京' }, district: '110108', areaCode: '010', streets: ['海淀区中关村大街', '朝阳区建国路', '丰台区南四环西路'] },
  { city: '上海', region: { code: '31', name: '上海' }, district: '310115', areaCode: '021', streets: ['浦东新区张江路', '闵行区莘庄工业区', '徐汇区漕宝路'] },
  { city: '广州', region: { code: '44', name: '广东' }, district: '440106', areaCode: '020', streets: ['天河区天河路', '番禺区市桥街', '黄埔区科学大道'] },
  { city: '深圳', region: { code: '44', name: '广东' }, district: '440305', areaCode: '0755', streets: ['南山区科技园', '宝安区西乡街道', '龙岗区坂田街道'] },
  { city: '杭州', region: { code: '33', name: '浙江' }, district: '330106', areaCode: '0571', streets: ['西湖区文三路', '滨江区长河街道', '萧山区金城路'] },
  { city: '苏州', region: { code: '32', name: '江苏' }, district: '320505', areaCode: '0512', streets: ['工业园区星湖街', '吴中区东吴北路', '相城区元和街道'] },
  { city: '南京', region: { code: '32', name: '江苏' }, district: '320104', areaCode: '025', streets: ['秦淮区中山南路', '江宁区天元中路', '鼓楼区汉中路'] },
  { city: '成都', region: { code: '51', name: '四川' }, district: '510107', areaCode: '028', streets: ['武侯区天府大道', '高新区益州大道', '锦江区东大街'] },
  { city: '武汉', region: { code: '42', name: '湖北' }, district: '420106', areaCode: '027', streets: ['武昌区中北路', '洪山区光谷大道', '江汉区建设大道'] },
  { city: '西安', region: { code: '61', name: '陕西' }, district: '610113', areaCode: '029', streets: ['雁塔区科技路', '未央区凤城八路', '碑林区南大街'] },
  { city: '天津', region: { code: '12', name: '天津' }, district: '120116', areaCode: '022', streets: ['滨海新区第三大街', '南开区鞍山西道', '河西区友谊路'] },
  { city: '重庆', region: { code: '50', name: '重庆' }, district: '500112', areaCode: '023', streets: ['渝北区金开大道', '江北区观音桥', '九龙坡区杨家坪'] },
  { city: '青岛', region: { code: '37', name: '山东' }, district: '370212', areaCode: '0532', streets: ['崂山区香港东路', '市南区东海西路', '黄岛区长江中路'] },
  { city: '厦门', region: { code: '35', name: '福建' }, district: '350206', areaCode: '0592', streets: ['湖里区软件园', '思明区鹭江道', '集美区杏林湾路'] },
  { city: '郑州', region: { code: '41', name: '河南' }, district: '410105', areaCode: '0371', streets: ['金水区花园路', '郑东新区商务外环路', '二七区大学路'] },
  { city: '长沙', region: { code: '43', name: '湖南' }, district: '430104', areaCode: '0731', streets: ['岳麓区麓谷大道', '芙蓉区五一大道', '雨花区韶山中路'] },
];

/** Latin brands: pairwise far apart, so `Brand Industry` names are never near duplicates by accident. */
export const LATIN_BRANDS = [
  'Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne', 'Wonka',
  'Nakatomi', 'Oscorp', 'Zorgon', 'Quillfeather', 'Brightwater', 'Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware',
  'Proseware', 'Adatum', 'Woodgrove', 'Lucerne', 'Fourth Coffee', 'Kestrel', 'Marigold', 'Pinnacle', 'Juniper', 'Halcyon',
];
export const LATIN_INDUSTRIES = ['Trading', 'Logistics', 'Electronics', 'Foods', 'Machinery', 'Pharma', 'Textiles', 'Software'];
export const LATIN_SUFFIXES = ['Co., Ltd.', 'Inc.', 'GmbH', 'LLC', 'Pte. Ltd.', 'Limited', 'S.A.', 'B.V.'];
export const LATIN_CITIES = [
  { city: 'Hong Kong', phone: '+852 ' },
  { city: 'Singapore', phone: '+65 ' },
  { city: 'Hamburg', phone: '+49 40 ' },
  { city: 'Los Angeles', phone: '+1 213 ' },
];

export const SAMPLE_SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
export const SAMPLE_GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '志强', '晓东', '海燕', '婷', '欣怡', '子涵'];

export const SAMPLE_CATEGORIES = [
  { code: '01', name: '批发客户', weight: 40 },
  { code: '02', name: '零售客户', weight: 25 },
  { code: '03', name: '海外客户', weight: 5 },
  { code: '04', name: '集团内部', weight: 5 },
  { code: '05', name: '政府机构', weight: 5 },
  { code: '06', name: '经销商', weight: 20 },
];
