/**
 * csv-parse reference for bench/validate.ts: a streaming row-at-a-time pipeline doing the same
 * checks as `mlops validate` with the same counting rules (see bench/validate_pandas.py).
 * usage: node validate_csvparse.mjs <data.csv> <schema.json>; prints one JSON line.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { parse } from 'csv-parse';
import type { SchemaField, TableSchema } from '../src/schema/types.ts';
import { fieldParser, logicalKey, type Logical } from '../src/schema/values.ts';

interface Check {
  field: SchemaField;
  index: number;
  parse: (text: string) => Logical | undefined;
  min?: number; max?: number; xmin?: number; xmax?: number;
  pattern?: RegExp;
  enumKeys?: Set<string>;
  seen?: Set<string>;
  nulls: number;
  nonNull: number;
  failed: number;
}

const bound = (field: SchemaField, v: unknown, parse: (t: string) => Logical | undefined): number | undefined =>
  v === undefined ? undefined : typeof v === 'number' ? v : (parse(String(v)) as number);

async function main(): Promise<void> {
  const [data, schemaPath] = process.argv.slice(2);
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as TableSchema;
  const byRule: Record<string, number> = {};
  const bump = (rule: string, n = 1) => { if (n) byRule[rule] = (byRule[rule] ?? 0) + n; };
  const parser = createReadStream(data).pipe(parse({ bom: true }));
  let header: string[] | null = null;
  let checks: Check[] = [];
  let pkIndex: number[] = [];
  const pkSeen = new Set<string>();
  let rows = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    if (header === null) {
      header = record;
      checks = schema.fields.map((field) => {
        const p = fieldParser(field);
        const c = field.constraints ?? {};
        return {
          field, index: header!.indexOf(field.name), parse: p, nulls: 0, nonNull: 0, failed: 0,
          min: bound(field, c.minimum, p), max: bound(field, c.maximum, p), xmin: bound(field, c.exclusiveMinimum, p), xmax: bound(field, c.exclusiveMaximum, p),
          pattern: c.pattern !== undefined ? new RegExp(`^(?:${c.pattern})$`, 'u') : undefined,
          enumKeys: c.enum ? new Set(c.enum.map((v) => logicalKey(typeof v === 'string' ? p(v)! : v))) : undefined,
          seen: c.unique ? new Set() : undefined,
        };
      });
      const pk = schema.primaryKey === undefined ? [] : Array.isArray(schema.primaryKey) ? schema.primaryKey : [schema.primaryKey];
      pkIndex = pk.map((n) => header!.indexOf(n));
      continue;
    }
    rows++;
    for (const ch of checks) {
      const text = record[ch.index];
      const c = ch.field.constraints ?? {};
      if (text === '') {
        ch.nulls++;
        if (c.required) bump('required');
        continue;
      }
      ch.nonNull++;
      const tolerant = ch.field.mostly !== undefined;
      const v = ch.parse(text);
      const fails: string[] = [];
      if (v === undefined || (ch.field.type === 'integer' && !Number.isInteger(v))) fails.push('type');
      else {
        if (typeof v === 'number') {
          if (ch.min !== undefined && v < ch.min) fails.push('minimum');
          if (ch.max !== undefined && v > ch.max) fails.push('maximum');
          if (ch.xmin !== undefined && !(v > ch.xmin)) fails.push('exclusiveMinimum');
          if (ch.xmax !== undefined && !(v < ch.xmax)) fails.push('exclusiveMaximum');
        }
        const len = Array.from(text).length;
        if (c.minLength !== undefined && len < c.minLength) fails.push('minLength');
        if (c.maxLength !== undefined && len > c.maxLength) fails.push('maxLength');
        if (ch.pattern && !ch.pattern.test(text)) fails.push('pattern');
        if (ch.enumKeys && !ch.enumKeys.has(logicalKey(v))) fails.push('enum');
        if (ch.seen) {
          const key = logicalKey(v);
          if (ch.seen.has(key)) fails.push('unique');
          else ch.seen.add(key);
        }
      }
      if (fails.length) {
        ch.failed++;
        if (!tolerant) for (const f of fails) bump(f);
      }
    }
    if (pkIndex.length) {
      const parts = pkIndex.map((i) => record[i]);
      if (parts.some((p) => p === '')) bump('primaryKey');
      else {
        const key = parts.join('\u0000');
        if (pkSeen.has(key)) bump('primaryKey');
        else pkSeen.add(key);
      }
    }
  }
  for (const ch of checks) {
    if (ch.field.mostly !== undefined) {
      const observed = ch.nonNull ? (ch.nonNull - ch.failed) / ch.nonNull : 1;
      if (observed < ch.field.mostly) bump('mostly');
    }
    if (ch.field.maxNullFraction !== undefined && rows && ch.nulls / rows > ch.field.maxNullFraction) bump('maxNullFraction');
  }
  const errorCount = Object.values(byRule).reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({ rows, errorCount, byRule, maxRssKb: Math.round(process.resourceUsage().maxRSS) }));
}

await main();
