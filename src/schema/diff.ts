import { allowedValues, parseBound } from './load.ts';
import type { FieldType, FieldsMatch, SchemaField, TableSchema } from './types.ts';
import { DEFAULT_FALSE, DEFAULT_TRUE, fieldParser, isNumericType, logicalKey } from './values.ts';

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
 * a constraint added or tightened (required, unique, a side of the range as a whole, lengths,
 * maxNullFraction; `mostly` raised or removed), an enum value removed, a pattern or jsonSchema
 * added or changed, a list delimiter changed, a boolean text dropped, a stricter fieldsMatch, a
 * primary key added or changed (not merely reordered), a missing value removed. Columns follow the NEW schema's fieldsMatch, as validation
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
    diffField(o, f, add, older.missingValues ?? [''], newer.missingValues ?? [''], keyList(older.primaryKey), oldUniqueKeyOf(older, f.name));
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
  const sameColumns = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));
  if (opk.length > 0 && opk.join('\u0000') !== npk.join('\u0000') && sameColumns(opk, npk)) {
    // Uniqueness and non-null parts do not depend on the order of a key's columns.
    add('compatible', null, 'primaryKey.reordered', older.primaryKey ?? null, newer.primaryKey ?? null, `primary key (${opk.join(', ')}) → (${npk.join(', ')}): same columns, new order`);
  } else if (opk.join('\u0000') !== npk.join('\u0000')) {
    // A new or changed key breaks old data unless the old schema already held it: every column
    // non-null, and the rows unique on it (a key holding the old one, or an old unique column).
    const met = npk.length === 0 ? null : oldKeyMet(older, npk);
    const what = npk.length === 0 ? 'primary key removed' : opk.length === 0 ? `primary key (${npk.join(', ')}) added` : `primary key (${opk.join(', ')}) → (${npk.join(', ')})`;
    add(npk.length === 0 || met ? 'compatible' : 'breaking', null, npk.length === 0 ? 'primaryKey.removed' : opk.length === 0 ? 'primaryKey.added' : 'primaryKey.changed', older.primaryKey ?? null, newer.primaryKey ?? null,
      met ? `${what} (the old schema already held its columns unique and non-null)` : what);
  }
  // A unique key is a set of columns: (a, b) and (b, a) are the same rule.
  const ukText = (k: string | string[]) => [...keyList(k)].sort().join('\u0000');
  const oldUK = new Set((older.uniqueKeys ?? []).map(ukText));
  const newUK = new Set((newer.uniqueKeys ?? []).map(ukText));
  for (const k of newUK) {
    if (oldUK.has(k)) continue;
    const cols = k.split('\u0000');
    // Rows with a null part are skipped, so uniqueness on the complete rows is all it asks.
    const met = oldUnique(older, cols);
    add(met ? 'compatible' : 'breaking', null, 'uniqueKey.added', null, cols, `unique key (${cols.join(', ')}) added${met ? ' (the old schema already held it unique)' : ''}`);
  }
  for (const k of oldUK) if (!newUK.has(k)) add('compatible', null, 'uniqueKey.removed', k.split('\u0000'), null, `unique key (${k.split('\u0000').join(', ')}) removed`);
  const omv = new Set(older.missingValues ?? ['']), nmv = new Set(newer.missingValues ?? ['']);
  // The table's list reaches only the fields without their own; a field that has its own list in
  // either schema is compared on the list in force (diffField).
  const inheriting = newer.fields.filter((f) => f.missingValues === undefined && oldFields.get(f.name)?.missingValues === undefined).map((f) => f.name);
  for (const v of omv) {
    if (nmv.has(v)) continue;
    if (inheriting.length > 0) add('breaking', null, 'missingValues.removed', v, null, `missing value ${JSON.stringify(v)} no longer means null (such cells are now checked as values)`);
    else add('compatible', null, 'missingValues.removed', v, null, `missing value ${JSON.stringify(v)} removed (every field has its own missingValues)`);
  }
  for (const v of nmv) if (!omv.has(v)) add('compatible', null, 'missingValues.added', null, v, `missing value ${JSON.stringify(v)} added`);

  const breaking = changes.filter((c) => c.severity === 'breaking');
  const compatible = changes.filter((c) => c.severity === 'compatible');
  return { breaking: breaking.length > 0, breakingCount: breaking.length, compatibleCount: compatible.length, changes: [...breaking, ...compatible] };
}

/**
 * Whether rows valid under `schema` are unique on `columns` (ignoring rows with a null part): the
 * primary key, or a unique key, lies within them, or one of them is a unique column.
 */
function oldUnique(schema: TableSchema, columns: string[]): boolean {
  const within = (key: string[]) => key.length > 0 && key.every((c) => columns.includes(c));
  if (within(keyList(schema.primaryKey))) return true;
  if ((schema.uniqueKeys ?? []).some((k) => within(keyList(k)))) return true;
  return schema.fields.some((f) => columns.includes(f.name) && f.constraints?.unique === true);
}

/** Whether `schema` holds the column `name` unique through a one-column primary or unique key. */
function oldUniqueKeyOf(schema: TableSchema, name: string): boolean {
  return [schema.primaryKey, ...(schema.uniqueKeys ?? [])].some((k) => { const cols = keyList(k); return cols.length === 1 && cols[0] === name; });
}

/** Whether rows valid under `schema` already meet a primary key on `columns`: unique, with no null part. */
function oldKeyMet(schema: TableSchema, columns: string[]): boolean {
  const key = keyList(schema.primaryKey);
  const nonNull = columns.every((c) => key.includes(c) || schema.fields.some((f) => f.name === c && f.constraints?.required === true));
  // With no null part, a unique key's null-skipping makes no difference.
  return nonNull && oldUnique(schema, columns);
}

/** One side's bound as validation applies it: the value (dates as epoch ms) and whether it is exclusive. */
interface EffectiveBound { at: number; exclusive: boolean }

/**
 * The bound that decides one side of a field's range: the tighter of the inclusive and the
 * exclusive key, or null when the side is open. On integer-valued types an exclusive bound is the
 * inclusive one next to it (`exclusiveMinimum: 0` is `minimum: 1`), so a rewrite between the two
 * forms is no change.
 */
function effectiveBound(field: SchemaField, side: 'lower' | 'upper'): EffectiveBound | null {
  const c = field.constraints ?? {};
  const integral = field.type === 'integer' || field.type === 'year';
  const candidates: EffectiveBound[] = [];
  const inclusive = side === 'lower' ? c.minimum : c.maximum;
  const exclusive = side === 'lower' ? c.exclusiveMinimum : c.exclusiveMaximum;
  const at = inclusive === undefined ? undefined : parseBound(inclusive, field);
  if (at !== undefined) candidates.push({ at, exclusive: false });
  const ex = exclusive === undefined ? undefined : parseBound(exclusive, field);
  if (ex !== undefined) {
    if (integral) candidates.push({ at: side === 'lower' ? Math.floor(ex) + 1 : Math.ceil(ex) - 1, exclusive: false });
    else candidates.push({ at: ex, exclusive: true });
  }
  return candidates.reduce<EffectiveBound | null>((best, b) => (tighterBound(side, b, best) ? b : best), null);
}

/** Whether bound `a` admits fewer values than `b` on that side (an open side, null, admits all). */
function tighterBound(side: 'lower' | 'upper', a: EffectiveBound | null, b: EffectiveBound | null): boolean {
  if (a === null) return false;
  if (b === null) return true;
  if (a.at !== b.at) return side === 'lower' ? a.at > b.at : a.at < b.at;
  return a.exclusive && !b.exclusive;
}

type Add = (severity: SchemaChange['severity'], field: string | null, change: string, from: unknown, to: unknown, message: string) => void;

function diffField(o: SchemaField, n: SchemaField, add: Add, oldTableMissing: string[], newTableMissing: string[], oldKey: string[], oldUniqueColumn: boolean): void {
  const name = n.name;
  if (o.type !== n.type) {
    const ok = widens(o.type, n.type);
    add(ok ? 'compatible' : 'breaking', name, ok ? 'type.widened' : 'type.narrowed', o.type, n.type, `type ${o.type} → ${n.type}`);
  } else if ((o.format ?? 'default') !== (n.format ?? 'default')) {
    // `any` reads what the default (ISO) reads and more, but not every strptime text: Date.parse
    // rejects `31/01/2024`, so only default → any loosens.
    const ok = (n.format === 'any' && (o.format ?? 'default') === 'default') || (n.type === 'string' && (n.format ?? 'default') === 'default');
    add(ok ? 'compatible' : 'breaking', name, ok ? 'format.loosened' : 'format.changed', o.format ?? 'default', n.format ?? 'default', `format ${o.format ?? 'default'} → ${n.format ?? 'default'}`);
  }
  const oc = o.constraints ?? {}, nc = n.constraints ?? {};
  // The old primary key already held its columns to no nulls, and a one-column key (or unique
  // key) to unique values.
  const implied = { required: oldKey.includes(name), unique: oldUniqueColumn };
  const flag = (key: 'required' | 'unique') => {
    const a = oc[key] === true, b = nc[key] === true;
    if (a === b) return;
    if (b && implied[key]) add('compatible', name, `constraint.${key}.added`, a, b, `${key} added (the old primary key already required it)`);
    else add(b ? 'breaking' : 'compatible', name, `constraint.${key}.${b ? 'added' : 'removed'}`, a, b, `${key} ${b ? 'added' : 'removed'}`);
  };
  flag('required');
  flag('unique');
  // Bounds compare in the field's logical space (dates as dates), each side parsed by its own field.
  // A side's severity is judged on its effective bound (the tighter of the inclusive and the
  // exclusive key): `exclusiveMinimum: 0` → `minimum: 0` adds a key yet admits more values.
  for (const side of ['lower', 'upper'] as const) {
    const keys = side === 'lower' ? (['minimum', 'exclusiveMinimum'] as const) : (['maximum', 'exclusiveMaximum'] as const);
    const tighter = tighterBound(side, effectiveBound(n, side), effectiveBound(o, side));
    for (const key of keys) {
      const from = oc[key], to = nc[key];
      if (from === to) continue;
      const a = from === undefined ? undefined : parseBound(from, o);
      const b = to === undefined ? undefined : parseBound(to, n);
      if (a !== undefined && a === b) continue; // the same bound written another way
      const what = b === undefined ? 'removed' : a === undefined ? 'added' : (side === 'lower' ? b > a : b < a) ? 'tightened' : 'loosened';
      const narrows = what === 'added' || what === 'tightened';
      // A key that narrows on its own is breaking only when the side as a whole got tighter.
      const severity = narrows && tighter ? 'breaking' : 'compatible';
      const text = what === 'removed' ? `${key} removed` : what === 'added' ? `${key} ${JSON.stringify(to)} added` : `${key} ${JSON.stringify(from)} → ${JSON.stringify(to)}`;
      add(severity, name, `constraint.${key}.${what}`, from ?? null, to ?? null, narrows && !tighter ? `${text} (the ${side} bound as a whole is not tighter)` : text);
    }
  }
  const length = (key: 'minLength' | 'maxLength', narrower: (a: number, b: number) => boolean) => {
    const a = oc[key], b = nc[key];
    if (a === b) return;
    if (b === undefined) add('compatible', name, `constraint.${key}.removed`, a, null, `${key} removed`);
    else if (a === undefined) add('breaking', name, `constraint.${key}.added`, null, b, `${key} ${b} added`);
    else if (narrower(a, b)) add('breaking', name, `constraint.${key}.tightened`, a, b, `${key} ${a} → ${b}`);
    else add('compatible', name, `constraint.${key}.loosened`, a, b, `${key} ${a} → ${b}`);
  };
  length('minLength', (a, b) => b > a);
  length('maxLength', (a, b) => b < a);
  if (oc.pattern !== nc.pattern) {
    if (nc.pattern === undefined) add('compatible', name, 'constraint.pattern.removed', oc.pattern, null, 'pattern removed');
    else add('breaking', name, oc.pattern === undefined ? 'constraint.pattern.added' : 'constraint.pattern.changed', oc.pattern ?? null, nc.pattern, oc.pattern === undefined ? `pattern ${JSON.stringify(nc.pattern)} added` : `pattern ${JSON.stringify(oc.pattern)} → ${JSON.stringify(nc.pattern)}`);
  }
  if (JSON.stringify(oc.jsonSchema ?? null) !== JSON.stringify(nc.jsonSchema ?? null)) {
    // Whether one JSON Schema admits all that another does is not decidable here: any change may break.
    if (nc.jsonSchema === undefined) add('compatible', name, 'constraint.jsonSchema.removed', oc.jsonSchema, null, 'jsonSchema removed');
    else add('breaking', name, oc.jsonSchema === undefined ? 'constraint.jsonSchema.added' : 'constraint.jsonSchema.changed', oc.jsonSchema ?? null, nc.jsonSchema, `jsonSchema ${oc.jsonSchema === undefined ? 'added' : 'changed'}`);
  }
  if (o.type === 'list' && n.type === 'list') {
    const od = o.delimiter ?? ',', nd = n.delimiter ?? ',';
    if (od !== nd) add('breaking', name, 'list.delimiter.changed', od, nd, `list delimiter ${JSON.stringify(od)} → ${JSON.stringify(nd)}`);
    const oi = o.itemType ?? 'string', ni = n.itemType ?? 'string';
    if (oi !== ni) {
      const ok = widens(oi, ni);
      add(ok ? 'compatible' : 'breaking', name, ok ? 'list.itemType.widened' : 'list.itemType.narrowed', oi, ni, `list itemType ${oi} → ${ni}`);
    }
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
    // No `mostly` is every row: a field's value rules are then errors on every failing row, so
    // adding `mostly` tolerates failures and removing it tolerates none (validate.ts `tolerant`).
    const tighter = (n.mostly ?? 1) > (o.mostly ?? 1);
    add(tighter ? 'breaking' : 'compatible', name, tighter ? 'mostly.tightened' : 'mostly.loosened', o.mostly ?? null, n.mostly ?? null, `mostly ${o.mostly ?? 'unset (every row)'} → ${n.mostly ?? 'unset (every row)'}`);
  }
  if (o.maxNullFraction !== n.maxNullFraction) {
    const tighter = n.maxNullFraction !== undefined && (o.maxNullFraction === undefined || n.maxNullFraction < o.maxNullFraction);
    add(tighter ? 'breaking' : 'compatible', name, tighter ? 'maxNullFraction.tightened' : 'maxNullFraction.loosened', o.maxNullFraction ?? null, n.maxNullFraction ?? null, `maxNullFraction ${o.maxNullFraction ?? 'unset'} → ${n.maxNullFraction ?? 'unset'}`);
  }
  if (JSON.stringify(o.missingValues ?? null) !== JSON.stringify(n.missingValues ?? null)) {
    // A field's own list replaces the table's. Only a superset of the list in force keeps every
    // old null a null; anything else may turn nulls into values that are then checked.
    const before = o.missingValues ?? oldTableMissing, after = n.missingValues ?? newTableMissing;
    const kept = before.every((v) => after.includes(v));
    add(kept ? 'compatible' : 'breaking', name, 'missingValues.changed', o.missingValues ?? null, n.missingValues ?? null, `field missingValues ${JSON.stringify(o.missingValues ?? 'from the table')} → ${JSON.stringify(n.missingValues ?? 'from the table')}`);
  }
  const nf = (f: SchemaField) => JSON.stringify([f.decimalChar ?? '.', f.groupChar ?? null, f.bareNumber ?? true]);
  if (isNumericType(n.type) && isNumericType(o.type) && nf(o) !== nf(n)) {
    add('breaking', name, 'numberForm.changed', [o.decimalChar ?? null, o.groupChar ?? null, o.bareNumber ?? null], [n.decimalChar ?? null, n.groupChar ?? null, n.bareNumber ?? null], 'decimalChar/groupChar/bareNumber changed');
  }
  if (n.type === 'boolean' && o.type === 'boolean') {
    const ot = o.trueValues ?? DEFAULT_TRUE, of = o.falseValues ?? DEFAULT_FALSE;
    const nt = n.trueValues ?? DEFAULT_TRUE, nf2 = n.falseValues ?? DEFAULT_FALSE;
    if (JSON.stringify([ot, of]) !== JSON.stringify([nt, nf2])) {
      // Texts added to either list keep old data valid; a text dropped (or moved to the other list) may not.
      const kept = ot.every((v) => nt.includes(v)) && of.every((v) => nf2.includes(v));
      add(kept ? 'compatible' : 'breaking', name, 'booleanValues.changed', [o.trueValues ?? null, o.falseValues ?? null], [n.trueValues ?? null, n.falseValues ?? null],
        kept ? 'trueValues/falseValues extended' : 'trueValues/falseValues changed: a text that was a boolean may no longer be one, or means the opposite');
    }
  }
  if ((o.role ?? 'feature') !== (n.role ?? 'feature')) add('compatible', name, 'role.changed', o.role ?? null, n.role ?? null, `role ${o.role ?? 'unset'} → ${n.role ?? 'unset'}`);
  if (JSON.stringify(o.drift ?? null) !== JSON.stringify(n.drift ?? null)) add('compatible', name, 'drift.changed', o.drift ?? null, n.drift ?? null, 'drift settings changed');
  for (const key of ['title', 'description'] as const) {
    if (o[key] !== n[key]) add('compatible', name, `${key}.changed`, o[key] ?? null, n[key] ?? null, `${key} changed`);
  }
}
