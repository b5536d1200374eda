import { allowedValues, parseBound } from './load.ts';
import type { FieldType, FieldsMatch, SchemaField, TableSchema } from './types.ts';
import { fieldParser, isNumericType, logicalKey } from './values.ts';

/** One difference between two schemas. `breaking`: data valid under the old schema may fail the new one. */
export interface SchemaChange {
  severity: 'breaking' | 'compatible';
  /** Field name, or null for table-level keys (primaryKey, fieldsMatch, missingValues). */
  field: string | null;
  /** What changed, e.g. `field.removed`, `type.narrowed`, `constraint.minimum.tightened`, `enum.value.removed`. */
  change: string;
  from: unknown;
  to: unknown;
  message: string;
}

export interface SchemaDiff {
  breaking: boolean;
  breakingCount: number;
  compatibleCount: number;
  /** Breaking changes first, then compatible; each group in schema order. */
  changes: SchemaChange[];
}

/**
 * Type widening that keeps old data valid: integer → number, year → integer/number, anything →
 * string or any. Every other type change is a narrowing (breaking).
 */
function widens(from: FieldType, to: FieldType): boolean {
  if (from === to || to === 'any') return true;
  if (to === 'string') return true;
  if (from === 'integer' && to === 'number') return true;
  if (from === 'year' && (to === 'integer' || to === 'number')) return true;
  return false;
}

/** How permissive a fieldsMatch mode is about columns: each mode allows what its set lists. */
const MATCH_ALLOWS: Record<FieldsMatch, Set<string>> = {
  exact: new Set(),
  equal: new Set(['reorder']),
  subset: new Set(['reorder', 'extra']),
  superset: new Set(['reorder', 'missing']),
  partial: new Set(['reorder', 'extra', 'missing']),
};

function keyList(key: string | string[] | undefined): string[] {
  return key === undefined ? [] : Array.isArray(key) ? key : [key];
}

/**
 * Why data lacking `field` fails validation against `schema` even where fieldsMatch lets a field
 * be absent (superset/partial): every cell of an absent field is missing, so `required`, a
 * `maxNullFraction` below 1 and a primary key over it each fail (validate.ts absentFieldErrors and
 * the primary-key check). Null when an absent field passes.
 */
function absentFieldFails(field: SchemaField, schema: TableSchema): string | null {
  if (field.constraints?.required === true) return 'it is required';
  if (field.maxNullFraction !== undefined && field.maxNullFraction < 1) return `its maxNullFraction ${field.maxNullFraction} fails when every cell is missing`;
  if (keyList(schema.primaryKey).includes(field.name)) return 'it is part of the primary key';
  return null;
}

/**
 * Classifies every change from `older` to `newer`. Breaking: a type narrowed, a format changed,
 * a constraint added or tightened (required, unique, bounds, lengths, mostly, maxNullFraction), an
 * enum value removed, a pattern added or changed, a stricter fieldsMatch, a primary key added or
 * changed, a missing value removed. Columns follow the NEW schema's fieldsMatch, as validation
 * does (validate.ts matchHeader): a column added is breaking unless the new fieldsMatch lets a
 * field be absent (superset, partial) and the absent field passes (not required, no
 * maxNullFraction below 1, not in the primary key); a column removed is breaking unless the new
 * fieldsMatch ignores extra data columns (subset, partial). Everything else (widening, loosening,
 * metadata, role, drift settings) is compatible.
 */
export function diffSchemas(older: TableSchema, newer: TableSchema): SchemaDiff {
  const changes: SchemaChange[] = [];
  const add = (severity: SchemaChange['severity'], field: string | null, change: string, from: unknown, to: unknown, message: string) =>
    changes.push({ severity, field, change, from, to, message });
  const oldFields = new Map(older.fields.map((f) => [f.name, f]));
  const newFields = new Map(newer.fields.map((f) => [f.name, f]));
  const om = older.fieldsMatch ?? 'exact', nm = newer.fieldsMatch ?? 'exact';
  const allowsMissing = MATCH_ALLOWS[nm].has('missing'), allowsExtra = MATCH_ALLOWS[nm].has('extra');

  for (const f of older.fields) {
    if (newFields.has(f.name)) continue;
    // Old data has (or, under superset/partial, may have) the column; the new schema sees it as an extra column.
    if (allowsExtra) add('compatible', f.name, 'field.removed', f.type, null, `column '${f.name}' removed (fieldsMatch: ${nm} ignores extra columns)`);
    else add('breaking', f.name, 'field.removed', f.type, null, `column '${f.name}' removed: old data that has it fails validation (fieldsMatch: ${nm} reports extra columns)`);
  }
  for (const f of newer.fields) {
    const o = oldFields.get(f.name);
    if (!o) {
      const required = f.constraints?.required === true;
      const change = required ? 'field.added.required' : 'field.added';
      const what = `${required ? 'required ' : ''}column '${f.name}' added`;
      // Old data may lack the column (under exact/equal/superset it cannot even have it).
      const reason = !allowsMissing ? `fieldsMatch: ${nm} needs every schema field in the data` : absentFieldFails(f, newer);
      if (reason === null) add('compatible', f.name, change, null, f.type, `${what} (fieldsMatch: ${nm} lets old data lack it)`);
      else add('breaking', f.name, change, null, f.type, `${what}: old data without it fails validation (${allowsMissing ? `fieldsMatch: ${nm} lets it be absent, but ${reason}` : reason})`);
      continue;
    }
    diffField(o, f, add);
  }
  if (nm === 'partial' && newer.fields.length > 0) {
    // partial still needs one schema field in the data. Old data always has the fields its own
    // fieldsMatch requires (all of them under exact/equal/subset, else those an absent field
    // fails); when none of those is kept and a field was removed, old data may hold only removed ones.
    const oldMustHave = older.fields.filter((f) => !MATCH_ALLOWS[om].has('missing') || absentFieldFails(f, older) !== null);
    const removed = older.fields.filter((f) => !newFields.has(f.name)).map((f) => f.name);
    if (removed.length > 0 && !oldMustHave.some((f) => newFields.has(f.name))) {
      add('breaking', null, 'fields.noneKept', removed, newer.fields.map((f) => f.name),
        `old data may hold none of the new schema's fields (only ${removed.map((n) => `'${n}'`).join(', ')}), which fails fieldsMatch: partial`);
    }
  }

  // Table-level keys. A fieldsMatch change is judged on what each mode lets data do (reorder,
  // extra columns, absent fields): dropping an allowance breaks old data that used it.
  if (om !== nm) {
    const loosened = [...MATCH_ALLOWS[om]].every((k) => MATCH_ALLOWS[nm].has(k));
    add(loosened ? 'compatible' : 'breaking', null, loosened ? 'fieldsMatch.loosened' : 'fieldsMatch.tightened', om, nm, `fieldsMatch ${om} → ${nm}`);
  }
  if (nm === 'exact' && om === 'exact') {
    const oldOrder = older.fields.map((f) => f.name).filter((n) => newFields.has(n));
    const newOrder = newer.fields.map((f) => f.name).filter((n) => oldFields.has(n));
    if (oldOrder.join('\u0000') !== newOrder.join('\u0000')) add('breaking', null, 'fields.reordered', oldOrder, newOrder, 'field order changed (fieldsMatch: exact maps columns by position)');
  }
  const opk = keyList(older.primaryKey), npk = keyList(newer.primaryKey);
  if (opk.join('\u0000') !== npk.join('\u0000')) {
    // Only dropping the key is safe: a new or wider key also forbids nulls in its new columns.
    const loosened = npk.length === 0;
    add(loosened ? 'compatible' : 'breaking', null, npk.length === 0 ? 'primaryKey.removed' : opk.length === 0 ? 'primaryKey.added' : 'primaryKey.changed', older.primaryKey ?? null, newer.primaryKey ?? null,
      npk.length === 0 ? 'primary key removed' : opk.length === 0 ? `primary key (${npk.join(', ')}) added` : `primary key (${opk.join(', ')}) → (${npk.join(', ')})`);
  }
  const oldUK = new Set((older.uniqueKeys ?? []).map((k) => keyList(k).join('\u0000')));
  const newUK = new Set((newer.uniqueKeys ?? []).map((k) => keyList(k).join('\u0000')));
  for (const k of newUK) if (!oldUK.has(k)) add('breaking', null, 'uniqueKey.added', null, k.split('\u0000'), `unique key (${k.split('\u0000').join(', ')}) added`);
  for (const k of oldUK) if (!newUK.has(k)) add('compatible', null, 'uniqueKey.removed', k.split('\u0000'), null, `unique key (${k.split('\u0000').join(', ')}) removed`);
  const omv = new Set(older.missingValues ?? ['']), nmv = new Set(newer.missingValues ?? ['']);
  for (const v of omv) if (!nmv.has(v)) add('breaking', null, 'missingValues.removed', v, null, `missing value ${JSON.stringify(v)} no longer means null (such cells are now checked as values)`);
  for (const v of nmv) if (!omv.has(v)) add('compatible', null, 'missingValues.added', null, v, `missing value ${JSON.stringify(v)} added`);

  const breaking = changes.filter((c) => c.severity === 'breaking');
  const compatible = changes.filter((c) => c.severity === 'compatible');
  return { breaking: breaking.length > 0, breakingCount: breaking.length, compatibleCount: compatible.length, changes: [...breaking, ...compatible] };
}

type Add = (severity: SchemaChange['severity'], field: string | null, change: string, from: unknown, to: unknown, message: string) => void;

function diffField(o: SchemaField, n: SchemaField, add: Add): void {
  const name = n.name;
  if (o.type !== n.type) {
    const ok = widens(o.type, n.type);
    add(ok ? 'compatible' : 'breaking', name, ok ? 'type.widened' : 'type.narrowed', o.type, n.type, `type ${o.type} → ${n.type}`);
  } else if ((o.format ?? 'default') !== (n.format ?? 'default')) {
    const ok = n.format === 'any' || (n.type === 'string' && (n.format ?? 'default') === 'default');
    add(ok ? 'compatible' : 'breaking', name, ok ? 'format.loosened' : 'format.changed', o.format ?? 'default', n.format ?? 'default', `format ${o.format ?? 'default'} → ${n.format ?? 'default'}`);
  }
  const oc = o.constraints ?? {}, nc = n.constraints ?? {};
  const flag = (key: 'required' | 'unique') => {
    const a = oc[key] === true, b = nc[key] === true;
    if (a !== b) add(b ? 'breaking' : 'compatible', name, `constraint.${key}.${b ? 'added' : 'removed'}`, a, b, `${key} ${b ? 'added' : 'removed'}`);
  };
  flag('required');
  flag('unique');
  // Bounds compare in the field's logical space (dates as dates), using the new field's parser.
  const num = (field: SchemaField, v: unknown) => (v === undefined ? undefined : parseBound(v as number | string, field));
  const lower = (key: 'minimum' | 'exclusiveMinimum' | 'minLength', tighter: (a: number, b: number) => boolean) => {
    const a = key === 'minLength' ? oc.minLength : num(o, oc[key]);
    const b = key === 'minLength' ? nc.minLength : num(n, nc[key]);
    if (a === b || (oc[key] === undefined && nc[key] === undefined)) return;
    if (oc[key] === nc[key]) return;
    if (b === undefined) add('compatible', name, `constraint.${key}.removed`, oc[key], null, `${key} removed`);
    else if (a === undefined) add('breaking', name, `constraint.${key}.added`, null, nc[key], `${key} ${JSON.stringify(nc[key])} added`);
    else if (tighter(a, b)) add('breaking', name, `constraint.${key}.tightened`, oc[key], nc[key], `${key} ${JSON.stringify(oc[key])} → ${JSON.stringify(nc[key])}`);
    else add('compatible', name, `constraint.${key}.loosened`, oc[key], nc[key], `${key} ${JSON.stringify(oc[key])} → ${JSON.stringify(nc[key])}`);
  };
  lower('minimum', (a, b) => b > a);
  lower('exclusiveMinimum', (a, b) => b > a);
  lower('minLength', (a, b) => b > a);
  const upper = (key: 'maximum' | 'exclusiveMaximum' | 'maxLength') => {
    const a = key === 'maxLength' ? oc.maxLength : num(o, oc[key]);
    const b = key === 'maxLength' ? nc.maxLength : num(n, nc[key]);
    if (oc[key] === nc[key]) return;
    if (b === undefined) add('compatible', name, `constraint.${key}.removed`, oc[key], null, `${key} removed`);
    else if (a === undefined) add('breaking', name, `constraint.${key}.added`, null, nc[key], `${key} ${JSON.stringify(nc[key])} added`);
    else if (b < a) add('breaking', name, `constraint.${key}.tightened`, oc[key], nc[key], `${key} ${JSON.stringify(oc[key])} → ${JSON.stringify(nc[key])}`);
    else if (b > a) add('compatible', name, `constraint.${key}.loosened`, oc[key], nc[key], `${key} ${JSON.stringify(oc[key])} → ${JSON.stringify(nc[key])}`);
  };
  upper('maximum');
  upper('exclusiveMaximum');
  upper('maxLength');
  if (oc.pattern !== nc.pattern) {
    if (nc.pattern === undefined) add('compatible', name, 'constraint.pattern.removed', oc.pattern, null, 'pattern removed');
    else add('breaking', name, oc.pattern === undefined ? 'constraint.pattern.added' : 'constraint.pattern.changed', oc.pattern ?? null, nc.pattern, oc.pattern === undefined ? `pattern ${JSON.stringify(nc.pattern)} added` : `pattern ${JSON.stringify(oc.pattern)} → ${JSON.stringify(nc.pattern)}`);
  }
  // Frictionless categories are the allowed values too: compared as enum is.
  const oEnum = allowedValues(o);
  const nEnum = allowedValues(n);
  if (oEnum || nEnum) {
    if (!nEnum) add('compatible', name, 'constraint.enum.removed', oEnum ?? null, null, 'enum removed');
    else if (!oEnum) add('breaking', name, 'constraint.enum.added', null, nEnum, `enum added (${nEnum.length} values)`);
    else {
      const keyOf = (field: SchemaField, v: string | number | boolean) => {
        const parsed = typeof v === 'string' ? fieldParser(field)(v) : v;
        return parsed === undefined ? String(v) : logicalKey(parsed);
      };
      const oldKeys = new Map(oEnum.map((v) => [keyOf(o, v), v]));
      const newKeys = new Map(nEnum.map((v) => [keyOf(n, v), v]));
      for (const [k, v] of oldKeys) if (!newKeys.has(k)) add('breaking', name, 'enum.value.removed', v, null, `enum value ${JSON.stringify(v)} removed`);
      for (const [k, v] of newKeys) if (!oldKeys.has(k)) add('compatible', name, 'enum.value.added', null, v, `enum value ${JSON.stringify(v)} added`);
    }
  }
  if (o.mostly !== n.mostly) {
    const tighter = n.mostly !== undefined && (o.mostly === undefined || n.mostly > o.mostly);
    add(tighter ? 'breaking' : 'compatible', name, tighter ? 'mostly.tightened' : 'mostly.loosened', o.mostly ?? null, n.mostly ?? null, `mostly ${o.mostly ?? 'unset'} → ${n.mostly ?? 'unset'}`);
  }
  if (o.maxNullFraction !== n.maxNullFraction) {
    const tighter = n.maxNullFraction !== undefined && (o.maxNullFraction === undefined || n.maxNullFraction < o.maxNullFraction);
    add(tighter ? 'breaking' : 'compatible', name, tighter ? 'maxNullFraction.tightened' : 'maxNullFraction.loosened', o.maxNullFraction ?? null, n.maxNullFraction ?? null, `maxNullFraction ${o.maxNullFraction ?? 'unset'} → ${n.maxNullFraction ?? 'unset'}`);
  }
  if (JSON.stringify(o.missingValues ?? null) !== JSON.stringify(n.missingValues ?? null)) {
    // Only a superset of an explicit list keeps every old null a null; anything else may turn
    // nulls into values that are then checked.
    const kept = o.missingValues !== undefined && n.missingValues !== undefined && o.missingValues.every((v) => n.missingValues!.includes(v));
    add(kept ? 'compatible' : 'breaking', name, 'missingValues.changed', o.missingValues ?? null, n.missingValues ?? null, `field missingValues ${JSON.stringify(o.missingValues ?? 'from the table')} → ${JSON.stringify(n.missingValues ?? 'from the table')}`);
  }
  const nf = (f: SchemaField) => JSON.stringify([f.decimalChar ?? '.', f.groupChar ?? null, f.bareNumber ?? true]);
  if (isNumericType(n.type) && isNumericType(o.type) && nf(o) !== nf(n)) {
    add('breaking', name, 'numberForm.changed', [o.decimalChar ?? null, o.groupChar ?? null, o.bareNumber ?? null], [n.decimalChar ?? null, n.groupChar ?? null, n.bareNumber ?? null], 'decimalChar/groupChar/bareNumber changed');
  }
  const tv = (f: SchemaField) => JSON.stringify([f.trueValues ?? null, f.falseValues ?? null]);
  if (n.type === 'boolean' && o.type === 'boolean' && tv(o) !== tv(n)) add('breaking', name, 'booleanValues.changed', [o.trueValues, o.falseValues], [n.trueValues, n.falseValues], 'trueValues/falseValues changed');
  if ((o.role ?? 'feature') !== (n.role ?? 'feature')) add('compatible', name, 'role.changed', o.role ?? null, n.role ?? null, `role ${o.role ?? 'unset'} → ${n.role ?? 'unset'}`);
  if (JSON.stringify(o.drift ?? null) !== JSON.stringify(n.drift ?? null)) add('compatible', name, 'drift.changed', o.drift ?? null, n.drift ?? null, 'drift settings changed');
  for (const key of ['title', 'description'] as const) {
    if (o[key] !== n[key]) add('compatible', name, `${key}.changed`, o[key] ?? null, n[key] ?? null, `${key} changed`);
  }
}
