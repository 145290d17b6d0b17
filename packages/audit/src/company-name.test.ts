import { describe, expect, it } from 'vitest';
import { companyNameKey } from './company-name.js';

describe('companyNameKey', () => {
  it.each([
    ['北京星辰科技有限公司', '星辰科技', '北京'],
    ['北京市星辰科技有限责任公司', '星辰科技', '北京'],
    ['星辰科技（北京）股份有限公司', '星辰科技', '北京'],
    ['星辰科技(北京)有限公司', '星辰科技', '北京'],
    ['广东省深圳市鼎盛电子集团有限公司', '鼎盛电子', '深圳'],
    ['【上海】瑞丰贸易发展有限公司', '瑞丰贸易', '上海'],
    ['ＡＢＣ　贸易有限公司', 'abc贸易', null],
    ['Acme Trading Co., Ltd.', 'acmetrading', null],
    ['ACME TRADING LIMITED', 'acmetrading', null],
    ['Globex GmbH', 'globex', null],
    ['Tyrell Electronics Pte. Ltd.', 'tyrellelectronics', null],
    ['Soylent S.A.', 'soylent', null],
    ['Vandelay Industries B.V.', 'vandelayindustries', null],
    ['Zig Zag', 'zigzag', null],
    ['北京', '北京', null],
    ['Beijing Huaxin Co., Ltd.', 'huaxin', '北京'],
    ['Shaanxi Coal Trading Co., Ltd.', 'coaltrading', '陕西'],
    ['Xiangtan Motors Ltd', 'xiangtanmotors', null],
    ['Beijing', 'beijing', null],
  ])('%s → %s', (name, core, place) => {
    expect(companyNameKey(name)).toEqual({ core, place });
  });
});
