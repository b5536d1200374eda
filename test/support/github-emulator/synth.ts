/**
 * Builds API objects that satisfy GitHub's schemas: the required fields of a component are filled
 * with neutral values derived from the schema itself (empty strings, zeros, `null` where nullable,
 * the first enum value), and the emulator overlays the fields that carry state. Whatever the
 * emulator sends is then still checked by the response validator.
 */
import { componentSchema, resolveRef } from './openapi.ts';
import type { Json, JsonObject } from './openapi.ts';

const EPOCH = '2026-01-01T00:00:00Z';

function synth(schemaIn: JsonObject, depth: number): Json {
  const schema = resolveRef(schemaIn);
  if (depth > 12) return null;
  if (schema.nullable === true) return null;
  if (Array.isArray(schema.allOf)) {
    const merged: JsonObject = {};
    for (const part of schema.allOf as JsonObject[]) Object.assign(merged, synth(part, depth + 1) as JsonObject);
    return merged;
  }
  const choices = (schema.oneOf ?? schema.anyOf) as JsonObject[] | undefined;
  if (Array.isArray(choices) && choices.length > 0) return synth(choices[0], depth + 1);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : (schema.type as string | undefined);
  switch (type) {
    case 'object': {
      const out: JsonObject = {};
      const properties = (schema.properties ?? {}) as Record<string, JsonObject>;
      for (const name of (schema.required ?? []) as string[]) out[name] = properties[name] ? synth(properties[name], depth + 1) : null;
      return out;
    }
    case 'array': return [];
    case 'integer': case 'number': return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean': return false;
    case 'string': {
      if (schema.format === 'date-time') return EPOCH;
      if (schema.format === 'uri') return 'https://example.invalid/';
      if (schema.format === 'email') return 'noreply@example.invalid';
      return '';
    }
    default:
      if (schema.properties) return synth({ ...schema, type: 'object' }, depth);
      return null;
  }
}

function isPlainObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function overlay(base: Json, top: unknown): Json {
  if (top === undefined) return base;
  if (isPlainObject(base) && isPlainObject(top)) {
    const out: JsonObject = { ...base };
    for (const [key, value] of Object.entries(top)) if (value !== undefined) out[key] = overlay(base[key] ?? null, value);
    return out;
  }
  return top as Json;
}

const skeletons = new Map<string, Json>();

/** A schema-valid `component` object with `fields` laid over its synthesized skeleton. */
export function build(component: string, fields: Record<string, unknown>): JsonObject {
  let skeleton = skeletons.get(component);
  if (skeleton === undefined) {
    skeleton = synth(componentSchema(component), 0);
    skeletons.set(component, skeleton);
  }
  return overlay(structuredClone(skeleton), fields) as JsonObject;
}
