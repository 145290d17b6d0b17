/**
 * English names for the Chinese values ERPs hold in region and category fields, so that "customers in
 * Shanghai" finds region 上海. A name only counts when the source really has a matching value.
 */
const PLACES: Readonly<Record<string, string>> = {
  beijing: '北京', shanghai: '上海', tianjin: '天津', chongqing: '重庆',
  hebei: '河北', shanxi: '山西', 'inner mongolia': '内蒙古', liaoning: '辽宁', jilin: '吉林', heilongjiang: '黑龙江',
  jiangsu: '江苏', zhejiang: '浙江', anhui: '安徽', fujian: '福建', jiangxi: '江西', shandong: '山东',
  henan: '河南', hubei: '湖北', hunan: '湖南', guangdong: '广东', guangxi: '广西', hainan: '海南',
  sichuan: '四川', guizhou: '贵州', yunnan: '云南', tibet: '西藏', xizang: '西藏', shaanxi: '陕西', gansu: '甘肃',
  qinghai: '青海', ningxia: '宁夏', xinjiang: '新疆', 'hong kong': '香港', macau: '澳门', macao: '澳门', taiwan: '台湾',
  guangzhou: '广州', shenzhen: '深圳', dongguan: '东莞', foshan: '佛山', hangzhou: '杭州', ningbo: '宁波',
  nanjing: '南京', suzhou: '苏州', wuxi: '无锡', chengdu: '成都', wuhan: '武汉', "xi'an": '西安', xian: '西安',
  qingdao: '青岛', jinan: '济南', xiamen: '厦门', fuzhou: '福州', zhengzhou: '郑州', changsha: '长沙', hefei: '合肥',
  shenyang: '沈阳', dalian: '大连', harbin: '哈尔滨', kunming: '昆明',
  'north china': '华北', 'east china': '华东', 'south china': '华南', 'central china': '华中',
  'northeast china': '东北', 'northwest china': '西北', 'southwest china': '西南', overseas: '海外', abroad: '海外',
};

/** A region value may carry an administrative suffix after the place: 上海市, 广东省, 广西壮族自治区. */
const ADMINISTRATIVE_SUFFIX = /^(?:省|市|地区|特别行政区|(?:壮族|回族|维吾尔)?自治区)?$/;

/** English words of customer categories and a Chinese word the category value contains. */
const CATEGORY_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['wholesale', '批发'], ['wholesaler', '批发'], ['retail', '零售'], ['retailer', '零售'],
  ['distributor', '经销'], ['distributors', '经销'], ['dealer', '经销'], ['dealers', '经销'],
  ['agent', '代理'], ['agents', '代理'], ['government', '政府'], ['overseas', '海外'], ['foreign', '海外'],
  ['intra-group', '集团内部'], ['internal', '内部'], ['key account', '大客户'], ['key accounts', '大客户'],
];

/** Lower-case English names that stand for `value`, one of the source's regions. */
export function regionNames(value: string): string[] {
  return Object.entries(PLACES)
    .filter(([, chinese]) => value.startsWith(chinese) && ADMINISTRATIVE_SUFFIX.test(value.slice(chinese.length)))
    .map(([english]) => english);
}

/** Lower-case English words that stand for `value`, one of the source's categories. */
export function categoryNames(value: string): string[] {
  return CATEGORY_WORDS.filter(([, chinese]) => value.includes(chinese)).map(([english]) => english);
}
