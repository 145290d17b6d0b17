import { describe, expect, it } from 'vitest';
import { createRfcEmulator } from './rfc-emulator.js';
import { SAP_DICTIONARY } from './ddic.js';

const kna1 = Array.from({ length: 30 }, (_, index) => ({
  KUNNR: String(1000 + index).padStart(10, '0'),
  NAME1: `Customer ${index}`,
  REGIO: index % 2 === 0 ? '11' : '31',
  ERDAT: '20240105',
}));
const tables = { KNA1: kna1, KNB1: [], KNVV: [] };
const read = (parameters: Record<string, unknown>) => createRfcEmulator(tables).call('RFC_READ_TABLE', { QUERY_TABLE: 'KNA1', ...parameters });
const fields = (...names: string[]) => names.map((name) => ({ FIELDNAME: name }));
const rejection = async (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as Record<string, unknown>);

describe('RFC_READ_TABLE emulator', () => {
  it('returns fixed-width WA lines with OFFSET/LENGTH/TYPE/FIELDTEXT as the standard module does', async () => {
    const result = await read({ FIELDS: fields('KUNNR', 'NAME1', 'ERDAT'), OPTIONS: [{ TEXT: "KUNNR = '0000001002'" }] });
    expect(result.FIELDS).toEqual([
      { FIELDNAME: 'KUNNR', OFFSET: '000000', LENGTH: '000010', TYPE: 'C', FIELDTEXT: 'Customer Number' },
      { FIELDNAME: 'NAME1', OFFSET: '000010', LENGTH: '000035', TYPE: 'C', FIELDTEXT: 'Name 1' },
      { FIELDNAME: 'ERDAT', OFFSET: '000045', LENGTH: '000008', TYPE: 'D', FIELDTEXT: 'Date on which the Record Was Created' },
    ]);
    expect(result.DATA).toEqual([{ WA: `0000001002Customer 2${' '.repeat(25)}20240105` }]);
  });

  it('puts the delimiter before every field after the first and counts it in OFFSET', async () => {
    const result = await read({ DELIMITER: '|', FIELDS: fields('KUNNR', 'REGIO', 'ERDAT'), OPTIONS: [{ TEXT: "KUNNR = '0000001000'" }] });
    expect((result.FIELDS as Array<{ OFFSET: string }>).map((field) => field.OFFSET)).toEqual(['000000', '000011', '000015']);
    expect(result.DATA).toEqual([{ WA: '0000001000|11 |20240105' }]);
  });

  it('raises DATA_BUFFER_EXCEEDED for rows over 512 characters unless NO_DATA is set', async () => {
    const all = SAP_DICTIONARY.get('KNA1')!.fields;
    expect(all.reduce((sum, field) => sum + field.length, 0)).toBeGreaterThan(512);
    expect((await rejection(read({})))?.key).toBe('DATA_BUFFER_EXCEEDED');
    const metadata = await read({ NO_DATA: 'X' });
    expect(metadata.DATA).toEqual([]);
    expect((metadata.FIELDS as unknown[]).length).toBe(all.length);
    // Delimiters count: 508 characters of fields fit, plus one delimiter per gap (17) do not.
    const wide = fields('KUNNR', 'NAME1', 'NAME2', 'NAME3', 'NAME4', 'ORT01', 'ORT02', 'STRAS', 'STCD5', 'TELFX', 'MCOD1', 'MCOD2', 'MCOD3', 'ANRED', 'STCEG', 'STCD3', 'STCD4', 'STCD1');
    expect((await read({ FIELDS: wide, OPTIONS: [{ TEXT: "KUNNR = '0000001000'" }] })).DATA).toHaveLength(1);
    expect((await rejection(read({ FIELDS: wide, DELIMITER: ';' })))?.key).toBe('DATA_BUFFER_EXCEEDED');
  });

  it('applies ROWSKIPS and ROWCOUNT to the unsorted result (ROWCOUNT counts from after the skipped rows)', async () => {
    const emulator = createRfcEmulator(tables, { order: 'stored' });
    const page = await emulator.call('RFC_READ_TABLE', { QUERY_TABLE: 'KNA1', FIELDS: fields('KUNNR'), ROWSKIPS: 5, ROWCOUNT: 3 });
    expect(page.DATA).toEqual([{ WA: '0000001005' }, { WA: '0000001006' }, { WA: '0000001007' }]);
    const rest = await emulator.call('RFC_READ_TABLE', { QUERY_TABLE: 'KNA1', FIELDS: fields('KUNNR'), ROWSKIPS: 28 });
    expect(rest.DATA).toHaveLength(2);
  });

  it('returns rows in no particular order, differently from call to call, deterministically per seed', async () => {
    const keys = async (seed: number) => {
      const emulator = createRfcEmulator(tables, { seed });
      const first = await emulator.call('RFC_READ_TABLE', { QUERY_TABLE: 'KNA1', FIELDS: fields('KUNNR'), ROWCOUNT: 10 });
      const second = await emulator.call('RFC_READ_TABLE', { QUERY_TABLE: 'KNA1', FIELDS: fields('KUNNR'), ROWCOUNT: 10 });
      return [first.DATA, second.DATA].map((data) => (data as Array<{ WA: string }>).map((line) => line.WA));
    };
    const [first, second] = await keys(3);
    expect(first).not.toEqual([...first!].sort());
    expect(first).not.toEqual(second);
    expect(await keys(3)).toEqual([first, second]);
  });

  it('raises each exception where the real module does, shaped like node-rfc ABAPError', async () => {
    const denied = createRfcEmulator(tables, { authorize: (table) => table !== 'KNA1' });
    const error = await rejection(denied.call('RFC_READ_TABLE', { QUERY_TABLE: 'KNA1', FIELDS: fields('KUNNR') }));
    expect(error).toMatchObject({ name: 'ABAPError', key: 'NOT_AUTHORIZED', code: 5, codeString: 'RFC_ABAP_EXCEPTION' });
    expect(error).toBeInstanceOf(Error);
    expect((await rejection(read({ QUERY_TABLE: 'ZZ_NO_TABLE' })))?.key).toBe('TABLE_NOT_AVAILABLE');
    expect((await rejection(read({ QUERY_TABLE: 'ADDR1_DATA' })))?.key).toBe('TABLE_WITHOUT_DATA');
    expect((await rejection(read({ FIELDS: fields('KUNNR', 'NOPE') })))?.key).toBe('FIELD_NOT_VALID');
    expect((await rejection(read({ FIELDS: fields('KUNNR'), OPTIONS: [{ TEXT: "KUNNR = = '1'" }] })))?.key).toBe('OPTION_NOT_VALID');
    expect((await rejection(read({ FIELDS: fields('KUNNR'), OPTIONS: [{ TEXT: "NOPE = '1'" }] })))?.key).toBe('OPTION_NOT_VALID');
    expect((await rejection(read({ FIELDS: fields('KUNNR'), OPTIONS: [{ TEXT: "KUNNR IN ( '0000001000', '0000001001', '0000001002', '0000001003', '12' )" }] })))?.key).toBe('OPTION_NOT_VALID');
    const unknown = await rejection(createRfcEmulator(tables).call('Z_NOT_THERE', { QUERY_TABLE: 'KNA1' }));
    expect(unknown).toMatchObject({ codeString: 'RFC_NOT_FOUND', key: 'FU_NOT_FOUND' });
  });

  it('denies tables per logged-on user (S_TABU_NAM), also for NO_DATA calls, and S_RFC before the module runs', async () => {
    const authorizations = { READER: { tables: ['KNA1'] }, NORFC: { tables: '*' as const, rfc: ['SYST'] }, ALL: { tables: '*' as const, rfc: ['SDTX'] } };
    const as = (user: string) => createRfcEmulator({ ...tables, T005U: [] }, { user, authorizations });
    const reader = as('READER');
    expect((await reader.call('RFC_READ_TABLE', { QUERY_TABLE: 'KNA1', FIELDS: fields('KUNNR') })).DATA).toHaveLength(30);
    for (const noData of ['', 'X']) {
      const denied = await rejection(reader.call('RFC_READ_TABLE', { QUERY_TABLE: 'T005U', NO_DATA: noData, FIELDS: fields('BLAND') }));
      expect(denied).toMatchObject({ name: 'ABAPError', key: 'NOT_AUTHORIZED', codeString: 'RFC_ABAP_EXCEPTION' });
    }
    // The authority check comes before the table is looked up: an unknown table is NOT_AUTHORIZED too.
    expect((await rejection(reader.call('RFC_READ_TABLE', { QUERY_TABLE: 'ZZ_NO_TABLE' })))?.key).toBe('NOT_AUTHORIZED');
    expect((await as('ALL').call('RFC_READ_TABLE', { QUERY_TABLE: 'T005U', FIELDS: fields('BLAND') })).DATA).toEqual([]);
    const noRfc = await rejection(as('NORFC').call('RFC_READ_TABLE', { QUERY_TABLE: 'KNA1', FIELDS: fields('KUNNR') }));
    expect(noRfc).toMatchObject({ codeString: 'RFC_ABAP_RUNTIME_FAILURE', key: 'RFC_NO_AUTHORITY' });
    expect(String(noRfc?.message)).toContain('function group SDTX');
    // A user without any authorizations may do nothing; without an authorizations map everything is allowed.
    expect((await rejection(as('STRANGER').call('RFC_READ_TABLE', { QUERY_TABLE: 'KNA1' })))?.key).toBe('RFC_NO_AUTHORITY');
    expect((await createRfcEmulator(tables, { user: 'STRANGER' }).call('RFC_READ_TABLE', { QUERY_TABLE: 'KNA1', FIELDS: fields('KUNNR') })).DATA).toHaveLength(30);
  });

  it('answers under alternate module names and counts every call', async () => {
    const emulator = createRfcEmulator(tables, { functionModules: ['Z_READ_TABLE'] });
    await emulator.call('Z_READ_TABLE', { QUERY_TABLE: 'KNA1', FIELDS: fields('KUNNR'), ROWCOUNT: 1 });
    await rejection(emulator.call('RFC_READ_TABLE', { QUERY_TABLE: 'KNA1' }));
    expect(emulator.callCount).toBe(2);
    expect(emulator.calls.map((call) => [call.functionModule, call.outcome])).toEqual([
      ['Z_READ_TABLE', 1],
      ['RFC_READ_TABLE', 'FU_NOT_FOUND'],
    ]);
    expect((await createRfcEmulator(tables).call('BBP_RFC_READ_TABLE', { QUERY_TABLE: 'KNA1', FIELDS: fields('KUNNR') })).DATA).toHaveLength(30);
  });

  it('holds change documents: CDHDR with its client field MANDANT and TIMS UTIME, CDPOS wider than a line', async () => {
    const emulator = createRfcEmulator({
      KNA1: [],
      KNB1: [],
      KNVV: [],
      CDHDR: [
        { OBJECTCLAS: 'DEBI', OBJECTID: '0000001000', CHANGENR: '0000000001', UDATE: '20250603', UTIME: '093000' },
        { OBJECTCLAS: 'DEBI', OBJECTID: '0000001001', CHANGENR: '0000000002', UDATE: '20250603', UTIME: '080000' },
        { OBJECTCLAS: 'KRED', OBJECTID: '0000001000', CHANGENR: '0000000003', UDATE: '20250604', UTIME: '' },
      ],
      CDPOS: [],
    });
    const cdhdr = (options: string[], names = ['MANDANT', 'OBJECTID', 'UTIME']) => emulator.call('RFC_READ_TABLE', { QUERY_TABLE: 'CDHDR', FIELDS: fields(...names), OPTIONS: options.map((TEXT) => ({ TEXT })) });
    const lines = ["OBJECTCLAS = 'DEBI' AND ( UDATE > '20250603' OR ( UDATE = '20250603'", " AND UTIME >= '090000' ) ) AND OBJECTID IN ( '0000001000',", " '0000001001' )"];
    // OBJECTID is CHAR90: a 10-character literal compares padded with blanks, as in ABAP.
    expect((await cdhdr(lines)).DATA).toEqual([{ WA: `100${'0000001000'.padEnd(90)}093000` }]);
    expect((await cdhdr(["OBJECTCLAS = 'KRED'"], ['UTIME'])).DATA).toEqual([{ WA: '000000' }]);
    expect((await rejection(cdhdr(["OBJECTCLAS = 'DEBI' AND KUNNR = '0000001000'"])))?.key).toBe('OPTION_NOT_VALID');
    const items = emulator.call('RFC_READ_TABLE', { QUERY_TABLE: 'CDPOS', FIELDS: fields('OBJECTID', 'CHANGENR', 'TABNAME', 'TABKEY', 'FNAME', 'CHNGIND', 'VALUE_NEW', 'VALUE_OLD'), OPTIONS: [] });
    expect((await rejection(items))?.key).toBe('DATA_BUFFER_EXCEEDED');
  });
});

