import { openTable } from '../table/index.ts';
import type { ValidationReport } from './report-types.ts';
import type { TableSchema } from './types.ts';
import { readOptionsForSchema, validateSource, type ValidateOptions } from './validate.ts';

/**
 * Opens a data file with the decoding the schema needs and validates it. When the data has
 * columns the schema does not name, the file is reopened asking only for the schema's columns,
 * so extra columns cost a scan but no decoding.
 */
export async function validateFile(path: string, schema: TableSchema, options: ValidateOptions = {}): Promise<ValidationReport> {
  let source = await openTable(path, readOptionsForSchema(schema));
  const names = new Set(schema.fields.map((f) => f.name));
  if (source.fieldNames.some((n) => !names.has(n))) {
    const header = source.fieldNames;
    const subset = await openTable(path, readOptionsForSchema(schema, header));
    // Keep the full header: fieldsMatch needs to see the extra columns.
    source = { ...subset, fieldNames: header, batches: () => subset.batches() };
  }
  return validateSource(source, schema, options);
}
