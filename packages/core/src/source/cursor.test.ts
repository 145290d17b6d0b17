import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCode } from '../code/normalize-code.js';
import { compareCursors, cursorAfter, cursorOf, decodeCursor, encodeCursor, keyOf, positionAfter, toStoredCode } from './cursor.js';

describe('cursors', () => {
  it('a code without org is its own cursor', () => {
    expect(encodeCursor({ code: 'KH2024010001' })).toBe('KH2024010001');
    expect(decodeCursor('KH2024010001')).toEqual({ code: 'KH2024010001' });
  });

  it('round-trips codes with an org, and codes that start with ~', () => {
    for (const cursor of [
      { code: 'KH01', org: '100002' },
      { code: '0000001000', org: '1000/10/00' },
      { code: '~odd' },
      { code: '~odd', org: 'ORG 1' },
      { code: '北京-01', org: '组织' },
      { code: "O'Brien%_\\", org: '' },
    ]) {
      const encoded = encodeCursor(cursor);
      expect(decodeCursor(encoded), JSON.stringify(cursor)).toEqual(cursor);
    }
  });

  it('encoded cursors are URL- and shell-safe', () => {
    expect(encodeCursor({ code: 'KH 01/+', org: '北京' })).toMatch(/^~[A-Za-z0-9_-]+$/);
  });

  it('a plain code that merely starts with ~ stays a code', () => {
    expect(decodeCursor('~not-base64-json')).toEqual({ code: '~not-base64-json' });
  });

  it('a typed plain cursor is normalised like a code (spaces, full width)', () => {
    expect(decodeCursor(' ＫＨ０１ ')).toEqual({ code: 'KH01' });
  });

  it('cursorOf uses the stored form: SAP codes zero-padded', () => {
    expect(cursorOf({ code: '1000' }, 'sap-alpha')).toBe('0000001000');
    expect(cursorOf({ code: '1000' })).toBe('1000');
    expect(decodeCursor(cursorOf({ code: '1000', org: '1000/10/00' }, 'sap-alpha'))).toEqual({ code: '0000001000', org: '1000/10/00' });
    expect(toStoredCode('C-1', 'sap-alpha')).toBe('C-1');
  });

  it('encodes codes that would not survive as plain text: empty, surrounding spaces', () => {
    for (const code of ['', ' KH01', 'KH01 ', '\u3000KH01']) {
      const cursor = encodeCursor({ code });
      expect(cursor, JSON.stringify(code)).toMatch(/^~/);
      expect(decodeCursor(cursor)).toEqual({ code });
    }
  });

  it('round-trips how many rows of a key were passed', () => {
    expect(decodeCursor(encodeCursor({ code: '', seen: 3 }))).toEqual({ code: '', seen: 3 });
    expect(decodeCursor(encodeCursor({ code: 'C1', org: '10', seen: 1 }))).toEqual({ code: 'C1', org: '10', seen: 1 });
    // Not a count: ignored.
    expect(decodeCursor(`~${Buffer.from(JSON.stringify({ c: 'C1', s: -2 })).toString('base64url')}`)).toEqual({ code: 'C1' });
  });

  it('positionAfter counts the rows of the last key, across pages', () => {
    const page = [{ code: 'A' }, { code: '' }, { code: '' }].sort((a, b) => (a.code < b.code ? -1 : 1));
    expect(positionAfter(page, 'as-is')).toEqual({ code: 'A', seen: 1 });
    expect(positionAfter([{ code: '' }, { code: '' }], 'as-is')).toEqual({ code: '', seen: 2 });
    expect(positionAfter([{ code: '' }], 'as-is', { code: '', seen: 2 })).toEqual({ code: '', seen: 3 });
    expect(positionAfter([{ code: 'B' }], 'as-is', { code: '', seen: 2 })).toEqual({ code: 'B', seen: 1 });
    expect(positionAfter([{ code: 'C1', org: '1' }, { code: 'C1', org: '2' }], 'as-is')).toEqual({ code: 'C1', org: '2', seen: 1 });
    expect(positionAfter([{ code: '1000' }], 'sap-alpha')).toEqual({ code: '0000001000', seen: 1 });
    expect(positionAfter([], 'as-is', { code: 'X' })).toEqual({ code: 'X' });
    expect(decodeCursor(cursorAfter([{ code: '' }, { code: '' }], 'as-is', cursorAfter([{ code: '' }]))!)).toEqual({ code: '', seen: 3 });
  });

  it('round-trips any normalised code with or without an org (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.option(fc.string({ maxLength: 12 }), { nil: undefined }), (text, org) => {
        const code = normalizeCode(text);
        const cursor = org === undefined ? { code } : { code, org };
        expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
      }),
      { numRuns: 500 },
    );
  });
});

describe('compareCursors (the order memory and SAP sources sort rows in)', () => {
  it('orders by stored code, then org, an absent org first, by UTF-16 code units', () => {
    const keys = [{ code: 'B' }, { code: 'A', org: '2' }, { code: '\u{1F600}' }, { code: 'A' }, { code: '\uFF21' }, { code: 'A', org: '10' }];
    expect([...keys].sort(compareCursors)).toEqual([{ code: 'A' }, { code: 'A', org: '10' }, { code: 'A', org: '2' }, { code: 'B' }, { code: '\u{1F600}' }, { code: '\uFF21' }]);
    expect(compareCursors({ code: 'A', org: '' }, { code: 'A' })).toBe(0);
    expect(compareCursors(keyOf({ code: '123', org: '1000' }, 'sap-alpha'), { code: '0000000123', org: '1000' })).toBe(0);
  });
});
