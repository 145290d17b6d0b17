import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { audit } from '@custcode/audit';
import { renderAuditHtml } from '@custcode/audit';
import type { Customer } from '@custcode/core';
import { writeCsv, writeJson, writeNdjson } from '@custcode/export';
import { writeXlsx } from '@custcode/export/xlsx';
import { projectSeedCustomer } from '@custcode/core/fixtures';
import { createMemorySource } from '@custcode/core';
import { accessMatrixSeed, leakedNeedles, maskNeedles } from '@custcode/access/testing';
import { pinyinInitials } from '@custcode/core/adapter';
import { MASKABLE_FIELDS, type MaskableField } from '@custcode/access';
import { type GuardedSource, guardSource } from '@custcode/access';

/**
 * An ERP-like layout: raw columns under their own names, some holding a field's value in another form that
 * matching values cannot find (the name's pinyin initials in capitals, the phone without its area code) —
 * found only because the source declares them.
 */
const FIELDS = ['source', 'erp', 'code', 'name', 'shortName', 'taxId', 'phone', 'contact', 'address', 'category', 'region', 'status', 'createdAt', 'org'] as const;
const records: Customer[] = accessMatrixSeed().map((seed) => {
  const customer = projectSeedCustomer(seed, { source: 'erp', erp: 'generic-sql', org: '100001', fields: FIELDS });
  customer.raw = {
    KUNNR: customer.code,
    NAME1: customer.name,
    MNEMONIC: pinyinInitials(customer.name).toUpperCase(),
    SORTL: customer.shortName,
    STCEG: customer.taxId,
    TEL_LOCAL: customer.phone?.split('-')[1],
    CONTACT: customer.contact,
    STRAS: customer.address,
  };
  return customer;
});
const rawColumns = { code: ['KUNNR'], name: ['NAME1', 'MNEMONIC'], shortName: ['SORTL'], taxId: ['STCEG'], phone: ['TEL_LOCAL'], contact: ['CONTACT'], address: ['STRAS'] };

const collect = async <T>(items: AsyncIterable<T>) => {
  const list: T[] = [];
  for await (const item of items) list.push(item);
  return list;
};
async function written(write: (output: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(output);
  return Buffer.concat(chunks);
}
async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join('\n');
}

/** Each path of the library and the text it gives a caller. */
const PATHS: Record<string, (source: GuardedSource) => Promise<string>> = {
  get: async (source) => JSON.stringify(await Promise.all(records.map((record) => source.get(record.code || 'none')))),
  getMany: async (source) => JSON.stringify(await collect(source.getMany(records.map((record) => record.code)))),
  'search (records with raw)': async (source) => JSON.stringify(await collect(source.search())),
  csv: async (source) => (await written((output) => writeCsv(source.search(), output))).toString('utf8'),
  json: async (source) => (await written((output) => writeJson(source.search(), output))).toString('utf8'),
  ndjson: async (source) => (await written((output) => writeNdjson(source.search(), output))).toString('utf8'),
  xlsx: async (source) => xlsxText(await written((output) => writeXlsx(source.search(), output))),
  'audit (JSON and HTML)': async (source) => {
    const report = await audit(source.search(), { source: 'erp' });
    return `${JSON.stringify(report)}\n${renderAuditHtml(report)}`;
  },
};

/** Text probes that would confirm a masked value one guess at a time: none may find a record. */
function probes(field: MaskableField): string[] {
  if (field === 'name') return records.flatMap((record) => [record.name, pinyinInitials(record.name).slice(0, 6)]);
  if (field === 'shortName') return records.flatMap((record) => (record.shortName ? [record.shortName] : []));
  return [];
}

describe.each(MASKABLE_FIELDS)('masking %s on every library path', (field) => {
  const policy = { roles: { masked: { sources: { erp: { commands: '*' as const, mask: [field] } } } }, users: { mia: { role: 'masked' } } };
  const guarded = () => guardSource(createMemorySource({ name: 'erp', customers: records, rawColumns, pageSize: 4 }), { policy, user: 'mia', command: 'export' });
  const needles = maskNeedles(records, field);

  it('has values to hide', () => expect(needles.length).toBeGreaterThan(records.length - 1));

  for (const [path, read] of Object.entries(PATHS)) {
    it(`${path}: no unmasked value, no pinyin initials`, async () => {
      expect(leakedNeedles(await read(guarded()), needles)).toEqual([]);
    });
  }

  it('search text never matches the masked value; the code still answers', async () => {
    const source = guarded();
    for (const text of probes(field)) expect(await collect(source.search({ text })), text).toEqual([]);
    expect(source.access.textFields).toEqual(['code', 'name', 'shortName'].filter((textField) => textField !== field));
    // The code still answers.
    expect((await collect(source.search({ text: 'KH2015' }))).map((customer) => customer.code)).toEqual(['KH2015']);
  });
});
