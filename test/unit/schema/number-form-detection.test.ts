import { describe, expect, it } from 'vitest';
import { detectNumberForm } from '../../../src/schema/infer.ts';

describe('detectNumberForm', () => {
  it.each([
    [['3,25', '12', '0,5'], { decimalChar: ',' }],
    [['1.234,5', '7'], { decimalChar: ',', groupChar: '.' }],
    [['1,234.5', '12'], { groupChar: ',' }],
    [['1,234,567', '999'], { groupChar: ',' }],
  ])('%j → %j', (texts, form) => {
    expect(detectNumberForm(texts)).toEqual(form);
  });

  it.each([
    [['1,234', '2,345']], // 1.234 or 1234: nothing proves either
    [['12', '13.5']], // plain numbers prove no form
    [['3,25', 'abc']], // not every value is a number
    [['007,5']], // a code with a leading zero
    [[]],
  ])('%j → null', (texts) => {
    expect(detectNumberForm(texts)).toBeNull();
  });
});
