import { describe, expect, it } from 'vitest';
import { typeHint } from '../../../src/schema/hints.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import type { SchemaField } from '../../../src/schema/types.ts';
import { fieldParser } from '../../../src/schema/values.ts';

/** [field, rejected text, hint, the field with the hint applied (which must then read the text)] */
const CASES: Array<[SchemaField, string, string, SchemaField]> = [
  [{ name: 'x', type: 'number' }, '1,234.5', "thousands separators? set groupChar: ','", { name: 'x', type: 'number', groupChar: ',' }],
  [{ name: 'x', type: 'number' }, '3,25', "a decimal comma? set decimalChar: ','", { name: 'x', type: 'number', decimalChar: ',' }],
  [{ name: 'x', type: 'number' }, '1.234,5', "set decimalChar: ',' and groupChar: '.'", { name: 'x', type: 'number', decimalChar: ',', groupChar: '.' }],
  [{ name: 'x', type: 'number' }, '12.5%', 'set bareNumber: false', { name: 'x', type: 'number', bareNumber: false }],
  [{ name: 'x', type: 'number' }, '$ 40', 'set bareNumber: false', { name: 'x', type: 'number', bareNumber: false }],
  [{ name: 'x', type: 'integer' }, '3.0', 'use type number', { name: 'x', type: 'number' }],
  [{ name: 'x', type: 'integer' }, '1,234', "thousands separators? set groupChar: ','", { name: 'x', type: 'integer', groupChar: ',' }],
  [{ name: 'x', type: 'integer' }, '1,234.5', "use type number with groupChar: ','", { name: 'x', type: 'number', groupChar: ',' }],
  [{ name: 'x', type: 'integer' }, '3,25', "a decimal comma in an integer field? use type number with decimalChar: ','", { name: 'x', type: 'number', decimalChar: ',' }],
  [{ name: 'x', type: 'integer' }, '1.234,5', "use type number with decimalChar: ',' and groupChar: '.'", { name: 'x', type: 'number', decimalChar: ',', groupChar: '.' }],
  [{ name: 'x', type: 'integer' }, '12%', 'set bareNumber: false', { name: 'x', type: 'integer', bareNumber: false }],
  [{ name: 'x', type: 'boolean' }, 'Yes', 'set trueValues and falseValues on the field (e.g. trueValues: [Yes], falseValues: [No])', { name: 'x', type: 'boolean', trueValues: ['Yes'], falseValues: ['No'] }],
  [{ name: 'x', type: 'boolean' }, 'no', '(e.g. trueValues: [yes], falseValues: [no])', { name: 'x', type: 'boolean', trueValues: ['yes'], falseValues: ['no'] }],
  [{ name: 'x', type: 'boolean' }, 'OFF', '(e.g. trueValues: [ON], falseValues: [OFF])', { name: 'x', type: 'boolean', trueValues: ['ON'], falseValues: ['OFF'] }],
  [{ name: 'x', type: 'boolean' }, 'Y', '(e.g. trueValues: [Y], falseValues: [N])', { name: 'x', type: 'boolean', trueValues: ['Y'], falseValues: ['N'] }],
  [{ name: 'x', type: 'date' }, '31/01/2024', "set format: '%d/%m/%Y'", { name: 'x', type: 'date', format: '%d/%m/%Y' }],
  [{ name: 'x', type: 'date' }, '01/31/2024', "set format: '%m/%d/%Y'", { name: 'x', type: 'date', format: '%m/%d/%Y' }],
  [{ name: 'x', type: 'date' }, '01/02/2024', "set format: '%m/%d/%Y' (or '%d/%m/%Y')", { name: 'x', type: 'date', format: '%m/%d/%Y' }],
  [{ name: 'x', type: 'date' }, '31.01.2024', "set format: '%d.%m.%Y'", { name: 'x', type: 'date', format: '%d.%m.%Y' }],
  [{ name: 'x', type: 'date' }, '20240131', "set format: '%Y%m%d'", { name: 'x', type: 'date', format: '%Y%m%d' }],
  [{ name: 'x', type: 'date' }, '2024-01-31T10:00:00Z', 'use type datetime', { name: 'x', type: 'datetime' }],
  [{ name: 'x', type: 'datetime' }, '2024-01-31', 'use type date', { name: 'x', type: 'date' }],
];

describe('type-error hints', () => {
  it.each(CASES)('%j rejects %s: the hint names the setting, and the setting reads it', (field, text, hint, fixed) => {
    expect(fieldParser(field)(text)).toBeUndefined();
    expect(typeHint(field, text)).toContain(hint);
    expect(fieldParser(fixed)(text)).not.toBeUndefined();
    // The setting the hint names is one the schema loader accepts on that type.
    expect(() => parseSchema(JSON.stringify({ fields: [fixed] }), 'fixed.json')).not.toThrow();
  });

  it('gives no hint for plain bad values, or when the field already has the setting', () => {
    expect(typeHint({ name: 'x', type: 'number' }, 'abc')).toBeNull();
    expect(typeHint({ name: 'x', type: 'boolean' }, 'maybe')).toBeNull();
    expect(typeHint({ name: 'x', type: 'date' }, 'soon')).toBeNull();
    expect(typeHint({ name: 'x', type: 'number', groupChar: ' ' }, '1,234.5')).toBeNull();
    expect(typeHint({ name: 'x', type: 'boolean', trueValues: ['oui'] }, 'yes')).toBeNull();
    expect(typeHint({ name: 'x', type: 'date', format: '%Y/%m/%d' }, '01/02/2024')).toBeNull();
    expect(typeHint({ name: 'x', type: 'string' }, '1,234')).toBeNull();
  });
});
