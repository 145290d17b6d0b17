import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { cursorAfter } from '@custcode/core/adapter';
import { isCustcodeError } from '@custcode/core';
import { createFileSource } from './file-source.js';

const directory = mkdtempSync(join(tmpdir(), 'custcode-file-source-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const columns = { code: '客户编号', name: '客户名称', status: '状态', createdAt: '创建日期' };

async function collect(source: Awaited<ReturnType<typeof createFileSource>>) {
  const customers = [];
  for await (const customer of source.search()) customers.push(customer);
  return customers;
}

describe('file source', () => {
  it('reads an XLSX sheet, with dates, numbers and Chinese status words', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['这一页不是客户']);
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['客户编号', '客户名称', '状态', '创建日期']);
    sheet.addRow([1002, '北京测试有限公司', '冻结', new Date(Date.UTC(2024, 0, 5, 9, 30))]);
    sheet.addRow(['K001', { richText: [{ text: '上海' }, { text: '浦东公司' }] }, '正常', null]);
    sheet.addRow([null, '没有编号的行', '正常', null]);
    const path = join(directory, 'clients.xlsx');
    await workbook.xlsx.writeFile(path);
    const source = await createFileSource({ name: 'xls', path, columns, sheet: '客户' });
    const customers = await collect(source);
    expect(customers.map(({ raw: _raw, ...customer }) => customer)).toEqual([
      { source: 'xls', erp: 'file', code: '', name: '没有编号的行', status: 'active' },
      { source: 'xls', erp: 'file', code: '1002', name: '北京测试有限公司', status: 'blocked', createdAt: '2024-01-05T09:30:00' },
      { source: 'xls', erp: 'file', code: 'K001', name: '上海浦东公司', status: 'active' },
    ]);
    expect(await source.get(' 1002 ')).toMatchObject({ name: '北京测试有限公司' });
  });

  it('a projected search of a file carries exactly the asked fields (an empty code kept), and a filter on an unasked field still applies', async () => {
    const path = join(directory, 'projected.csv');
    writeFileSync(path, '客户编号,客户名称,状态,创建日期\n,没有编号,正常,2024-01-01\n C7,前导空格,冻结,2024-02-01\nK9,普通客户,正常,2023-01-01\n');
    const source = await createFileSource({ name: 'csv', path, columns });
    const names = [];
    for await (const customer of source.search({ fields: ['name'] })) names.push(customer);
    expect(names).toEqual([
      { source: 'csv', erp: 'file', code: '', name: '没有编号' },
      // A file's cells are read trimmed, projected or not.
      { source: 'csv', erp: 'file', code: 'C7', name: '前导空格' },
      { source: 'csv', erp: 'file', code: 'K9', name: '普通客户' },
    ]);
    const recent = [];
    for await (const customer of source.search({ createdFrom: '2024-01-01', status: 'active', fields: ['code'] })) recent.push(customer);
    expect(recent).toEqual([{ source: 'csv', erp: 'file', code: '' }]);
    expect((await collect(source)).map((customer) => customer.code)).toEqual(['', 'C7', 'K9']);
  });

  it('reads GBK CSV when told, and names a wrong column header with a suggestion', async () => {
    const path = join(directory, 'gbk.csv');
    writeFileSync(path, iconv.encode('客户编号,客户名称,状态,创建日期\nA1,广州测试贸易公司,删除,2023-03-04\n', 'gbk'));
    const customers = await collect(await createFileSource({ name: 'csv', path, columns, encoding: 'gbk' }));
    expect(customers).toMatchObject([{ code: 'A1', name: '广州测试贸易公司', status: 'deleted', createdAt: '2023-03-04T00:00:00' }]);

    const wrong = createFileSource({ name: 'csv', path, columns: { code: '客户编号', name: '客户名' }, encoding: 'gbk' });
    await expect(wrong).rejects.toThrow(/no column "客户名"\. Did you mean "客户名称"\?/);
  });

  it('refuses an unknown status word and points to statusValues', async () => {
    const path = join(directory, 'status.csv');
    writeFileSync(path, '\uFEFF客户编号,客户名称,状态\nB1,测试,暂停\n');
    const error = await createFileSource({ name: 'csv', path, columns: { code: '客户编号', name: '客户名称', status: '状态' } }).catch((caught: unknown) => caught);
    expect(isCustcodeError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toContain('unknown status "暂停"');
    const mapped = await createFileSource({ name: 'csv', path, columns: { code: '客户编号', name: '客户名称', status: '状态' }, statusValues: { 暂停: 'blocked' } });
    expect(await mapped.get('B1')).toMatchObject({ status: 'blocked' });
  });

  it('returns every data row of a GB18030 CSV, rows without a code included; only blank rows are skipped', async () => {
    const path = join(directory, 'gb18030.csv');
    writeFileSync(path, iconv.encode('客户编号,客户名称,地址\nKH001,北京星辰科技有限公司,北京市海淀区\n,大连星海港务有限公司,\n,,\n  ,宁波港口物流有限公司,\nKH002,上海瑞丰贸易有限公司,\n', 'gb18030'));
    const source = await createFileSource({ name: 'f', path, columns: { code: '客户编号', name: '客户名称', address: '地址' }, encoding: 'gb18030' });
    const customers = await collect(source);
    expect(customers.map((customer) => [customer.code, customer.name])).toEqual([
      ['', '大连星海港务有限公司'],
      ['', '宁波港口物流有限公司'],
      ['KH001', '北京星辰科技有限公司'],
      ['KH002', '上海瑞丰贸易有限公司'],
    ]);
    expect(customers[0]!.raw).toEqual({ 客户编号: '', 客户名称: '大连星海港务有限公司', 地址: '' });
    expect(await source.count()).toBe(4);
    expect(await source.count({ name: '港' })).toBe(2);
    expect(isCustcodeError(await source.get('').catch((error: unknown) => error), 'CODE_MALFORMED')).toBe(true);
  });

  it('pages with limit and cursors through several empty codes and repeated codes, in file order', async () => {
    const path = join(directory, 'paging.csv');
    const lines = ['code,name', ',无编号一', 'B1,乙', ',无编号二', 'A1,甲', 'B1,乙二', ',无编号三', ' A0,前导空格'];
    writeFileSync(path, `${lines.join('\n')}\n`);
    const source = await createFileSource({ name: 'f', path, columns: { code: 'code', name: 'name' } });
    const order = ['无编号一', '无编号二', '无编号三', '前导空格', '甲', '乙', '乙二'];
    expect((await collect(source)).map((customer) => customer.name)).toEqual(order);
    for (const limit of [1, 2, 4]) {
      const names: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 10; page++) {
        const rows = [];
        for await (const customer of source.search({ limit, ...(after === undefined ? {} : { after }) })) rows.push(customer);
        names.push(...rows.map((customer) => customer.name));
        if (rows.length < limit) break;
        after = cursorAfter(rows, 'as-is', after);
      }
      expect(names, `limit ${limit}`).toEqual(order);
    }
  });
});
