import { describe, expect, it } from 'vitest';
import { narrowedTextFields, restrictText, unmaskedTextFields } from './masked-text.js';

describe('text search and masks', () => {
  it('leaves a masked name or short name out of what text matches; the code always stays', () => {
    expect(unmaskedTextFields({})).toEqual(['code', 'name', 'shortName']);
    expect(unmaskedTextFields({ name: 'name', phone: 'partial' })).toEqual(['code', 'shortName']);
    expect(unmaskedTextFields({ name: 'hide', shortName: 'full' })).toEqual(['code']);
  });

  it('narrows the query only when there is text, and empties it when only masked fields were asked for', () => {
    expect(restrictText({ text: 'bjhx' }, ['code'])).toEqual({ text: 'bjhx', textFields: ['code'] });
    expect(restrictText({ text: '' }, ['code'])).toEqual({ text: '' });
    expect(restrictText({ status: 'active' }, ['code'])).toEqual({ status: 'active' });
    expect(restrictText({ text: 'x', textFields: ['name'] }, ['code', 'shortName'])).toBeUndefined();
    expect(restrictText({ text: 'x', textFields: ['name'] }, ['code', 'name', 'shortName'])).toEqual({ text: 'x', textFields: ['name'] });
  });

  it('tells what text matched when a mask narrowed it', () => {
    expect(narrowedTextFields({ text: 'x' }, ['code', 'name', 'shortName'])).toBeUndefined();
    expect(narrowedTextFields({ text: 'x' }, ['code'])).toEqual(['code']);
    expect(narrowedTextFields({ text: 'x', textFields: ['name'] }, ['code'])).toEqual([]);
  });
});
