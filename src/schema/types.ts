/**
 * Table Schema (Frictionless v2) with the ML extensions of DESIGN §5. These are the shapes after
 * loading and validating a schema file; every optional key is optional here too, so a schema
 * round-trips through `mlops schema infer` / `diff` without inventing values.
 */

/** Field types supported by the validator (the Frictionless basics). */
export const FIELD_TYPES = [
  'string', 'number', 'integer', 'boolean', 'date', 'datetime', 'time', 'year', 'yearmonth', 'duration',
  'object', 'array', 'list', 'geopoint', 'geojson', 'any',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FIELD_ROLES = ['feature', 'label', 'id', 'timestamp', 'ignore'] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];

/** Frictionless v2 `fieldsMatch`: how the data's columns are matched to `fields`. */
export const FIELDS_MATCH = ['exact', 'equal', 'subset', 'superset', 'partial'] as const;
export type FieldsMatch = (typeof FIELDS_MATCH)[number];

/** A bound (minimum/maximum/…) in the field's own representation: a number, or a date/time text. */
export type Bound = number | string;

export interface Constraints {
  required?: boolean;
  unique?: boolean;
  minimum?: Bound;
  maximum?: Bound;
  exclusiveMinimum?: Bound;
  exclusiveMaximum?: Bound;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: Array<string | number | boolean>;
  /** Table Schema v2: a JSON Schema every value of an object or array field must satisfy. */
  jsonSchema?: Record<string, unknown>;
}

/** Drift-test settings used by `mlops drift` (src/drift owns their meaning). */
export interface DriftSettings {
  method?: string;
  threshold?: number;
  /** A drift on a critical column counts as dataset drift on its own. */
  critical?: boolean;
}

export interface SchemaField {
  name: string;
  type: FieldType;
  format?: string;
  title?: string;
  description?: string;
  example?: unknown;
  rdfType?: string;
  /** Number lexical forms (Frictionless): `1.000,50` with decimalChar `,` and groupChar `.`. */
  decimalChar?: string;
  groupChar?: string;
  /** false: leading and trailing characters that are not part of the number (`€`, `%`) are dropped. */
  bareNumber?: boolean;
  /** Table Schema v2: this field's missing values, replacing the table's `missingValues`. */
  missingValues?: string[];
  /** `list` fields: the item delimiter (default `,`) and the items' type (default `string`). */
  delimiter?: string;
  itemType?: FieldType;
  /** Frictionless categories (string/integer): the allowed values, checked as `enum` is. */
  categories?: Array<string | number | { value: string | number; label?: string }>;
  categoriesOrdered?: boolean;
  /** Boolean lexical forms (Frictionless defaults: true/True/TRUE/1, false/False/FALSE/0). */
  trueValues?: string[];
  falseValues?: string[];
  constraints?: Constraints;
  // ML extensions (DESIGN §5)
  role?: FieldRole;
  /** Largest allowed share of null cells (0..1), a column-level check. */
  maxNullFraction?: number;
  /** Share (0..1) of non-null cells that must pass this field's value rules (Great Expectations `mostly`). */
  mostly?: number;
  drift?: DriftSettings;
}

export interface TableSchema {
  $schema?: string;
  name?: string;
  title?: string;
  description?: string;
  fields: SchemaField[];
  fieldsMatch?: FieldsMatch;
  /** Cell texts read as null; default `[""]`. */
  missingValues?: string[];
  /** One field name or a composite key. */
  primaryKey?: string | string[];
  /** Frictionless v2 unique keys: each a field name or a composite. */
  uniqueKeys?: Array<string | string[]>;
  /** Frictionless foreign keys: kept as written, not checked (they reference other resources). */
  foreignKeys?: Array<{ fields: string | string[]; reference: Record<string, unknown> }>;
  /** Where the schema came from (not part of the file): used in messages. */
  source?: { path: string; positions: PositionMap };
}

/** 1-based line and column of a key (or array item) in a schema/config file. */
export interface Position {
  line: number;
  column: number;
}

/** JSON-pointer-like path (`/fields/2/constraints/minimum`) → position of that key or item. */
export type PositionMap = Map<string, Position>;
