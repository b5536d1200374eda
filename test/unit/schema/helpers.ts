import type { Column, RecordBatch, TableSource } from '../../../src/table/types.ts';
import { parseNumberText } from '../../../src/schema/values.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { isNumericType } from '../../../src/schema/values.ts';
import type { TableSchema } from '../../../src/schema/types.ts';

/**
 * An in-memory TableSource built the way the CSV reader builds batches: numeric decoding for
 * the names in `numeric`, dictionary-encoded strings (a fresh dictionary per batch) otherwise,
 * `missing` texts as nulls, and physical lines = data row + 1 (header on line 1).
 */
export function memorySource(header: string[], rows: string[][], options: { numeric?: string[]; batchRows?: number; missing?: string[]; format?: 'csv' | 'parquet' } = {}): TableSource {
  const numeric = new Set(options.numeric ?? []);
  const missing = new Set(options.missing ?? ['']);
  const batchRows = options.batchRows ?? 4;
  return {
    path: 'mem.csv',
    format: options.format ?? 'csv',
    fieldNames: header,
    async *batches(): AsyncIterable<RecordBatch> {
      for (let start = 0; start < rows.length || (start === 0 && rows.length === 0); start += batchRows) {
        const slice = rows.slice(start, start + batchRows);
        const n = slice.length;
        const columns: Column[] = header.map((name, c) => {
          if (numeric.has(name)) {
            const values = new Float64Array(n);
            const nulls = new Uint8Array(n);
            const invalid: Array<{ index: number; text: string }> = [];
            slice.forEach((row, i) => {
              const text = row[c];
              if (missing.has(text)) { nulls[i] = 1; values[i] = NaN; return; }
              const v = parseNumberText(text.trim());
              if (v === undefined) { values[i] = NaN; invalid.push({ index: i, text }); } else values[i] = v;
            });
            return { kind: 'number', name, values, nulls, invalid };
          }
          const dictionary: string[] = [];
          const index = new Map<string, number>();
          const codes = new Int32Array(n);
          slice.forEach((row, i) => {
            const text = row[c];
            if (missing.has(text)) { codes[i] = -1; return; }
            let code = index.get(text);
            if (code === undefined) { code = dictionary.length; index.set(text, code); dictionary.push(text); }
            codes[i] = code;
          });
          return { kind: 'string', name, codes, dictionary };
        });
        const lines = new Float64Array(n).map((_, i) => (options.format === 'parquet' ? 0 : start + i + 2));
        yield { length: n, rowOffset: start, lines, columns };
        if (rows.length === 0) break;
      }
    },
  };
}

/** A schema from YAML text, and a source decoded as readOptionsForSchema would ask. */
export function setup(yamlText: string, header: string[], rows: string[][], options: { batchRows?: number } = {}): { schema: TableSchema; source: TableSource } {
  const schema = parseSchema(yamlText, 'schema.yaml');
  const numeric = schema.fields.filter((f) => isNumericType(f.type)).map((f) => f.name);
  return { schema, source: memorySource(header, rows, { numeric, batchRows: options.batchRows, missing: schema.missingValues }) };
}

/** Parses `a,b\n1,2` into a header and rows (no quoting: test data only). */
export function csvRows(text: string): { header: string[]; rows: string[][] } {
  const [head, ...lines] = text.replace(/\n$/, '').split('\n');
  return { header: head.split(','), rows: lines.map((l) => l.split(',')) };
}
