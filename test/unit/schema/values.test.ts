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

describe('NumberSet: dense integers', () => {
  /** Adds `xs`, checking each answer and the final contents against a JS Set (one expect: 10^5 of them take seconds). */
  function agree(xs: number[], window?: { firstBits: number; freeBits: number }): NumberSet {
    const ours = new NumberSet(16, window);
    const ref = new Set<number>();
    const wrong: string[] = [];
    for (const x of xs) {
      if (ours.add(x) !== !ref.has(x)) wrong.push(`add(${x})`);
      ref.add(x);
    }
    for (const x of ref) if (!ours.has(x)) wrong.push(`has(${x})`);
    // A non-integer next to each integer is absent (never mistaken for a bit).
    for (const x of xs) if (Number.isInteger(x) && Math.abs(x) < 2 ** 50 && ours.has(x + 0.25)) wrong.push(`has(${x + 0.25})`);
    expect(wrong).toEqual([]);
    expect(ours.size).toBe(ref.size);
    return ours;
  }

  it('keeps 1..n, in order or shuffled, in a bitmap of about n bits', () => {
    const n = 200_000;
    const ids = Array.from({ length: n }, (_, i) => i + 1);
    expect(agree(ids).bytes).toBeLessThan(100_000);
    const shuffled = [...ids];
    for (let i = n - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    expect(agree([...shuffled, ...shuffled.slice(0, 1000)]).bytes).toBeLessThan(100_000);
  });

  it('sends sparse integers to the hash table and never loses one between the two', () => {
    // Dense ids, then far-away ones (which freeze the window), then more ids inside and just outside it.
    const xs = [...Array.from({ length: 5000 }, (_, i) => i), 1e12, -1e12, 2 ** 53, 2 ** 53 + 2, 7, 40_000, 40_000, 1e12, 5001, 123_456_789];
    agree(xs);
    fc.assert(fc.property(fc.array(fc.oneof(
      fc.integer({ min: -3000, max: 3000 }),
      fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
      fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 60, 0.5, -7.25),
    ), { maxLength: 400 }), (values) => { agree(values); }), { numRuns: 300 });
    // A tiny window grows and is refused often: a value refused into the hash table must never
    // later fall inside the grown window (where it would be added again).
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -40, max: 40 })), { maxLength: 300 }), (values) => {
      agree(values, { firstBits: 32, freeBits: 64 });
    }), { numRuns: 300 });
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
