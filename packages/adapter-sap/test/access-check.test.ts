import { isCustcodeError } from '@custcode/core';
import { checkSapAccess, type SapAccessReport } from '@custcode/adapter-sap';
import { createRfcEmulator, type SapUserAuthorizations } from '@custcode/adapter-sap/emulator';
import { describe, expect, it } from 'vitest';

const tables = { KNA1: [{ KUNNR: '0000001000', NAME1: 'Kunde' }], KNB1: [], KNVV: [], T005U: [], T077X: [] };
const emulatorFor = (authorizations: SapUserAuthorizations) => createRfcEmulator(tables, { user: 'RFC_READER', authorizations: { RFC_READER: authorizations } });
/** `object value: status [exception]`, one line per check. */
const lines = (report: SapAccessReport) =>
  report.checks.map((check) => `${check.object} ${check.values.RFC_NAME ?? check.values.TABLE}: ${check.status}${check.exception ? ` ${check.exception}` : ''}`);

describe('checkSapAccess', () => {
  it('lists the module and tables a source needs and which of them this user may read', async () => {
    const client = emulatorFor({ tables: ['KNA1', 'KNB1'], rfc: ['SDTX'] });
    const report = await checkSapAccess({ name: 'sap', client, orgScope: 'company-code' });
    expect(report.functionModule).toBe('RFC_READ_TABLE');
    expect(lines(report)).toEqual([
      'S_RFC SDTX: granted',
      'S_RFC SYST: not probed',
      'S_RFC RFC1: not probed',
      'S_RFC SDIFRUNTIME: not probed',
      'S_TABU_NAM KNA1: granted',
      'S_TABU_NAM KNB1: granted',
      'S_TABU_NAM T005U: missing NOT_AUTHORIZED',
      'S_TABU_NAM T077X: missing NOT_AUTHORIZED',
      'S_TABU_NAM CDHDR: missing NOT_AUTHORIZED',
      'S_TABU_NAM CDPOS: missing NOT_AUTHORIZED',
    ]);
    expect(report.checks.find((check) => check.values.TABLE === 'CDHDR')).toMatchObject({ required: false, neededFor: expect.stringMatching(/updatedSince.*changeDocuments: false/) });
    expect(report.checks.find((check) => check.values.TABLE === 'T005U')).toMatchObject({ values: { ACTVT: '03', TABLE: 'T005U' }, required: false });
    expect(report.checks[0]).toMatchObject({ values: { ACTVT: '16', RFC_TYPE: 'FUGR', RFC_NAME: 'SDTX' }, required: true });
    // Cheap: one metadata-only call (NO_DATA, no rows) per table, with the fields the source reads.
    expect(client.calls.map((call) => `${call.table}:${call.noData}`)).toEqual(['KNA1:true', 'KNB1:true', 'T005U:true', 'T077X:true', 'CDHDR:true', 'CDPOS:true']);
    expect(client.calls[0]!.fields).toEqual(expect.arrayContaining(['KUNNR', 'NAME1', 'STCD1', 'KTOKD']));
  });

  it('follows the configuration: sales areas, KUKLA texts, no texts', async () => {
    const client = emulatorFor({ tables: '*' });
    expect(lines(await checkSapAccess({ name: 'sap', client, orgScope: 'sales-area', categoryField: 'KUKLA' })).slice(4)).toEqual([
      'S_TABU_NAM KNA1: granted',
      'S_TABU_NAM KNVV: granted',
      'S_TABU_NAM T005U: granted',
      'S_TABU_NAM TKUKT: granted',
      'S_TABU_NAM CDHDR: granted',
      'S_TABU_NAM CDPOS: granted',
    ]);
    expect(lines(await checkSapAccess({ name: 'sap', client, texts: false, changeDocuments: false })).slice(4)).toEqual(['S_TABU_NAM KNA1: granted']);
  });

  it('reports a user without S_RFC for the read module, and leaves the tables unprobed', async () => {
    const report = await checkSapAccess({ name: 'sap', client: emulatorFor({ tables: '*', rfc: ['SYST'] }) });
    expect(lines(report)).toEqual([
      'S_RFC SDTX: missing RFC_NO_AUTHORITY',
      'S_RFC SYST: not probed',
      'S_RFC RFC1: not probed',
      'S_RFC SDIFRUNTIME: not probed',
      'S_TABU_NAM KNA1: not probed',
      'S_TABU_NAM T005U: not probed',
      'S_TABU_NAM T077X: not probed',
      'S_TABU_NAM CDHDR: not probed',
      'S_TABU_NAM CDPOS: not probed',
    ]);
  });

  it('names a module of unknown group as a function module, and says when it does not exist', async () => {
    const custom = createRfcEmulator(tables, { functionModules: ['Z_READ_TABLE'] });
    expect((await checkSapAccess({ name: 'sap', client: custom, functionModule: 'Z_READ_TABLE', texts: false })).checks[0]).toMatchObject({
      values: { RFC_TYPE: 'FUNC', RFC_NAME: 'Z_READ_TABLE' },
      status: 'granted',
    });
    const missing = await checkSapAccess({ name: 'sap', client: custom, functionModule: 'Z_NOT_THERE', texts: false });
    expect(lines(missing)[0]).toBe('S_RFC Z_NOT_THERE: failed FU_NOT_FOUND');
    expect(lines(missing)[4]).toBe('S_TABU_NAM KNA1: not probed');
  });

  it('reports a field the system does not know (extraFields) as a failed probe', async () => {
    const report = await checkSapAccess({ name: 'sap', client: emulatorFor({ tables: '*' }), extraFields: ['NOFIELD'], texts: false, changeDocuments: false });
    expect(lines(report).slice(4)).toEqual(['S_TABU_NAM KNA1: failed FIELD_NOT_VALID']);
  });

  it('throws what is not an answer of the system (a connection that fails)', async () => {
    const client = { call: async () => Promise.reject(Object.assign(new Error('partner not reached passwd=Geheim-123'), { name: 'RfcLibError', code: 1, codeString: 'RFC_COMMUNICATION_FAILURE' })) };
    const error = await checkSapAccess({ name: 'sap', client }).catch((caught: unknown) => caught);
    expect(isCustcodeError(error, 'CONNECTION_FAILED'), String(error)).toBe(true);
  });
});
