/**
 * Table Schema (Frictionless v2 + ML extensions): load, validate data against it, infer it from
 * data, diff two versions. Domain module: no GitHub, Actions or CLI imports (DESIGN §2).
 */
export type * from './types.ts';
export type * from './report-types.ts';
export { FIELD_TYPES, FIELD_ROLES, FIELDS_MATCH } from './types.ts';
export { loadSchema, parseSchema } from './load.ts';
export { dataReadOptions, readOptionsForSchema, validateSource, formatPct } from './validate.ts';
export type { ValidateOptions } from './validate.ts';
export { validateFile } from './file.ts';
export { detectNumberForm, inferSchema, inferSchemaFromSource, dumpSchema } from './infer.ts';
export type { InferOptions } from './infer.ts';
export { diffSchemas } from './diff.ts';
export type { SchemaChange, SchemaDiff } from './diff.ts';
export { formatValidationReport, formatSchemaDiff } from './format.ts';
export { multiValidation, multiValidationLine, validationJson } from './multi.ts';
export type { MultiValidationJson } from './multi.ts';
