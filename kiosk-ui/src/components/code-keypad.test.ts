import { describe, expect, it } from 'vitest';
import { longTermDate } from '../../../contract/intake/package-schema.ts';
import { applyKeypadEdit, shapeDate, type KeypadEdit } from './code-keypad.ts';
import { errorShown, fieldError, fieldsIntroKey, sourceShown } from './paper-fields.ts';

describe('applyKeypadEdit', () => {
  it('inserts at the caret and replaces a selection', () => {
    expect(applyKeypadEdit('9133', 4, 4, { kind: 'insert', text: '0' }, 18)).toEqual({ value: '91330', caret: 5 });
    expect(applyKeypadEdit('9133', 1, 1, { kind: 'insert', text: 'A' }, 18)).toEqual({ value: '9A133', caret: 2 });
    expect(applyKeypadEdit('9133', 1, 3, { kind: 'insert', text: 'B' }, 18)).toEqual({ value: '9B3', caret: 2 });
  });

  it('stops at the field length', () => {
    expect(applyKeypadEdit('110105194912310021', 18, 18, { kind: 'insert', text: 'X' }, 18)).toEqual({ value: '110105194912310021', caret: 18 });
    // Replacing a selected character is fine at full length.
    expect(applyKeypadEdit('110105194912310021', 17, 18, { kind: 'insert', text: 'X' }, 18)).toEqual({ value: '11010519491231002X', caret: 18 });
  });

  it('deletes before the caret, or the selection', () => {
    expect(applyKeypadEdit('2030', 4, 4, { kind: 'backspace' }, 10)).toEqual({ value: '203', caret: 3 });
    expect(applyKeypadEdit('2030', 0, 0, { kind: 'backspace' }, 10)).toEqual({ value: '2030', caret: 0 });
    expect(applyKeypadEdit('2030', 1, 3, { kind: 'backspace' }, 10)).toEqual({ value: '20', caret: 1 });
  });

  it('clears, sets long-term, and starts afresh after long-term', () => {
    expect(applyKeypadEdit('2030-06', 3, 3, { kind: 'clear' }, 10)).toEqual({ value: '', caret: 0 });
    expect(applyKeypadEdit('2030-06', 3, 3, { kind: 'replace', text: longTermDate }, 10)).toEqual({ value: longTermDate, caret: 2 });
    expect(applyKeypadEdit(longTermDate, 2, 2, { kind: 'insert', text: '2' }, 10)).toEqual({ value: '2', caret: 1 });
  });
});

describe('fieldError', () => {
  it('asks for required fields only', () => {
    expect(fieldError({ input: 'text', required: true }, '  ')).toBe('required');
    expect(fieldError({ input: 'idNumber', required: false }, '')).toBeNull();
  });

  it('checks the shape of ID numbers and dates', () => {
    expect(fieldError({ input: 'idNumber', required: true }, '11010519491231002X')).toBeNull();
    expect(fieldError({ input: 'idNumber', required: true }, '1101051949123100')).toBe('idNumber');
    expect(fieldError({ input: 'idNumber', required: true }, '11010519491231002x')).toBe('idNumber');
    expect(fieldError({ input: 'date', required: true }, '2030-06-30')).toBeNull();
    expect(fieldError({ input: 'date', required: true }, longTermDate)).toBeNull();
    expect(fieldError({ input: 'date', required: true }, '2030/06/30')).toBe('date');
    expect(fieldError({ input: 'code', required: true }, '91330203MA2CXXXXX1')).toBeNull();
  });
});

describe('the confirm screen\'s words', () => {
  it('an empty required field is red only once the agent tried to confirm; a bad value once the field was left', () => {
    expect(errorShown('required', { attempted: false, touched: true })).toBeNull();
    expect(errorShown('required', { attempted: true, touched: false })).toBe('required');
    expect(errorShown('date', { attempted: false, touched: true })).toBe('date');
    expect(errorShown('date', { attempted: false, touched: false })).toBeNull();
    expect(errorShown(null, { attempted: true, touched: true })).toBeNull();
  });

  it('the "not read" badge goes once the field is filled; a changed value is the agent\'s', () => {
    expect(sourceShown({ source: 'none', value: '' }, '')).toBe('none');
    expect(sourceShown({ source: 'none', value: '' }, '许文彬')).toBe('agent');
    expect(sourceShown({ source: 'qr', value: '91350200MA2Y7K3Q6F' }, '91350200MA2Y7K3Q6F')).toBe('qr');
    expect(sourceShown({ source: 'earlier', value: '许文彬' }, '许文斌')).toBe('agent');
  });

  it('says the kiosk read the paper only when something was read', () => {
    expect(fieldsIntroKey([{ source: 'none', value: '' }])).toBe('fields.introNothingRead');
    expect(fieldsIntroKey([{ source: 'none', value: '' }, { source: 'qr', value: '9135' }])).toBe('fields.intro');
  });
});

describe('shapeDate', () => {
  /** Types `keys` one by one at the end of the field, as the date keypad does. */
  const type = (keys: string): string =>
    Array.from(keys).reduce((value, key) => {
      const edit: KeypadEdit = { kind: 'insert', text: key };
      return shapeDate(applyKeypadEdit(value, value.length, value.length, edit, 10)).value;
    }, '');

  it('puts the dashes in while the digits are typed', () => {
    expect(type('2046')).toBe('2046-');
    expect(type('204603')).toBe('2046-03-');
    expect(type('20460317')).toBe('2046-03-17');
  });

  it('adds nothing for a dash tapped where one already is', () => {
    expect(type('2046-03-17')).toBe('2046-03-17');
    expect(type('2046--03')).toBe('2046-03-');
  });

  it('leaves long-term and an edit in the middle alone', () => {
    expect(shapeDate({ value: longTermDate, caret: 2 })).toEqual({ value: longTermDate, caret: 2 });
    expect(shapeDate({ value: '204603', caret: 3 })).toEqual({ value: '204603', caret: 3 });
  });
});
