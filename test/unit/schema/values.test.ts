import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberSet } from '../../../src/schema/hash-set.ts';
import { compileStrptime, fieldParser } from '../../../src/schema/values.ts';

describe('NumberSet', () => {
  it('agrees with a JS Set on random doubles and integers (0 and -0 are one value)', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double(), fc.constantFrom(0, -0, NaN, Infinity))), (xs) => {
      const ours = new NumberSet(4);
      const ref = new Set<number>();
      for (const x of xs) {
        const key = Object.is(x, -0) ? 0 : x;
        expect(ours.add(x)).toBe(!ref.has(key));
        ref.add(key);
      }
      expect(ours.size).toBe(ref.size);
      for (const x of xs) expect(ours.has(x)).toBe(true);
    }), { numRuns: 200 });
  });
});

describe('date and time parsing', () => {
  const date = fieldParser({ type: 'date' });
  const datetime = fieldParser({ type: 'datetime' });
  it('ISO dates equal Date.UTC for every day of random years, and reject impossible days', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const t = new Date(0);
      t.setUTCFullYear(y, m - 1, d);
      t.setUTCHours(0, 0, 0, 0);
      const exists = t.getUTCDate() === d;
      expect(date(text)).toBe(exists ? t.getTime() : undefined);
    }), { numRuns: 500 });
  });

  it('datetimes: fast path and offsets agree with Date.parse', () => {
    for (const text of ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59', '1999-12-31T00:00:00.5+01:30', '2024-01-01 10:00:00Z']) {
      const expected = Date.parse(text.replace(' ', 'T').replace(/(T\d\d:\d\d:\d\d(\.\d+)?)$/, '$1Z'));
      expect(datetime(text)).toBe(expected);
    }
    expect(datetime('2023-02-29T00:00:00Z')).toBeUndefined();
    expect(datetime('2024-01-01T24:00:00Z')).toBeUndefined();
  });

  it('strptime formats', () => {
    expect(compileStrptime('%d %b %Y %I:%M %p', 'datetime')('05 Mar 2021 01:30 PM')).toBe(Date.UTC(2021, 2, 5, 13, 30));
    expect(compileStrptime('%y%m%d', 'date')('991231')).toBe(Date.UTC(1999, 11, 31));
    expect(compileStrptime('%H:%M', 'time')('23:05')).toBe(23 * 3600 + 5 * 60);
    expect(compileStrptime('%d/%m/%Y', 'date')('31/02/2020')).toBeUndefined();
    expect(() => compileStrptime('%Q', 'date')).toThrow(/unsupported directive/);
  });
});

describe('Table Schema v2 types beyond the scalars', () => {
  const ok = (type: Parameters<typeof fieldParser>[0], good: string[], bad: string[]) => {
    const parse = fieldParser(type);
    for (const t of good) expect(parse(t), `${type.type} ${t}`).not.toBeUndefined();
    for (const t of bad) expect(parse(t), `${type.type} ${t}`).toBeUndefined();
  };

  it('yearmonth is ordered as year × 12 + month − 1', () => {
    const parse = fieldParser({ type: 'yearmonth' });
    expect(parse('2024-01')).toBe(2024 * 12);
    expect(parse('2024-12')).toBe(2024 * 12 + 11);
    ok({ type: 'yearmonth' }, ['0001-01', '1999-12'], ['2024-13', '2024-00', '2024-1', '2024/01', '24-01']);
  });

  it('duration is ISO 8601', () => {
    ok({ type: 'duration' }, ['P1Y2M10DT2H30M', 'PT0.5S', 'P3W', 'P1D', 'PT36H'], ['P', 'PT', '1Y', 'P1H', 'P1DT', 'PT1D', 'P1Y2Y']);
  });

  it('object, array and geojson take JSON of their shape; the logical value is canonical JSON', () => {
    ok({ type: 'object' }, ['{}', '{"a": [1, 2]}'], ['[]', 'null', '"x"', '{bad}', '1']);
    ok({ type: 'array' }, ['[]', '[1, "a", {"b": null}]'], ['{}', '1', '[1,']);
    expect(fieldParser({ type: 'object' })('{ "a" :1 }')).toBe('{"a":1}');
    ok({ type: 'geojson' }, ['{"type": "Point", "coordinates": [1, 2]}', '{"type": "FeatureCollection", "features": []}'], ['{"type": "Circle"}', '{"coordinates": [1, 2]}', '[]']);
    ok({ type: 'geojson', format: 'topojson' }, ['{"type": "Topology", "objects": {}}'], ['{"type": "Point"}']);
  });

  it('geopoint in its three formats, longitude ±180 and latitude ±90', () => {
    ok({ type: 'geopoint' }, ['90, 45', '-180,-90', '2.35,48.85'], ['90', '181, 0', '0, 91', 'a, b', ', 5']);
    ok({ type: 'geopoint', format: 'array' }, ['[90, 45]'], ['[90]', '{"lon": 90, "lat": 45}', '[200, 0]']);
    ok({ type: 'geopoint', format: 'object' }, ['{"lon": 90, "lat": 45}'], ['{"lon": 90}', '[90, 45]', '{"lon": 90, "lat": 45, "x": 1}']);
    expect(fieldParser({ type: 'geopoint' })('90, 45')).toBe(fieldParser({ type: 'geopoint', format: 'array' })('[90,45]'));
    expect(() => fieldParser({ type: 'geopoint', format: 'wkt' })).toThrow(/unsupported geopoint format/);
  });

  it('list: items of itemType split at the delimiter', () => {
    ok({ type: 'list' }, ['a,b', 'x', ''], []);
    ok({ type: 'list', itemType: 'integer', delimiter: ';' }, ['1;2;3', '7'], ['1;x', '1,2', '1;;2']);
    ok({ type: 'list', itemType: 'date' }, ['2024-01-01,2024-02-29'], ['2023-02-29']);
    expect(() => fieldParser({ type: 'list', itemType: 'list' })).toThrow(/itemType cannot be 'list'/);
  });
});
