import { FIELD_ROLES, FIELD_TYPES, FIELDS_MATCH } from './types.ts';

/**
 * JSON Schema (draft-07, checked by ajv) for a Table Schema file with the ML extensions.
 * Unknown keys are rejected everywhere (`additionalProperties: false`) so a typo such as
 * `minimun` fails loudly instead of silently disabling a rule.
 */
const bound = { type: ['number', 'string'] };
const fraction = { type: 'number', minimum: 0, maximum: 1 };
const nameOrNames = {
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true },
  ],
};

/**
 * Table Schema v2 missing values: texts, or `{ value, label }` objects whose label says why the
 * value is missing (load.ts reduces them to their texts).
 */
const missingValues = {
  type: 'array',
  items: {
    anyOf: [
      { type: 'string' },
      { type: 'object', required: ['value'], additionalProperties: false, properties: { value: { type: 'string' }, label: { type: 'string' } } },
    ],
  },
};

export const tableSchemaJsonSchema = {
  $id: 'https://mlops-actions.dev/schemas/table-schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['fields'],
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    fieldsMatch: { enum: [...FIELDS_MATCH] },
    missingValues,
    primaryKey: nameOrNames,
    uniqueKeys: { type: 'array', items: nameOrNames },
    // Accepted so that a Frictionless schema loads as written; references to other resources are
    // not checked (a single file cannot see them), and docs/validation.md says so.
    foreignKeys: {
      type: 'array',
      items: {
        type: 'object',
        required: ['fields', 'reference'],
        properties: { fields: nameOrNames, reference: { type: 'object' } },
      },
    },
    fields: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1 },
          type: { enum: [...FIELD_TYPES] },
          format: { type: 'string', minLength: 1 },
          title: { type: 'string' },
          description: { type: 'string' },
          example: {},
          rdfType: { type: 'string' },
          missingValues,
          delimiter: { type: 'string', minLength: 1 },
          itemType: { enum: [...FIELD_TYPES] },
          categories: {
            type: 'array',
            minItems: 1,
            items: {
              anyOf: [
                { type: ['string', 'number'] },
                { type: 'object', required: ['value'], additionalProperties: false, properties: { value: { type: ['string', 'number'] }, label: { type: 'string' } } },
              ],
            },
          },
          categoriesOrdered: { type: 'boolean' },
          decimalChar: { type: 'string', minLength: 1, maxLength: 1 },
          groupChar: { type: 'string', minLength: 1, maxLength: 1 },
          bareNumber: { type: 'boolean' },
          trueValues: { type: 'array', items: { type: 'string' }, minItems: 1 },
          falseValues: { type: 'array', items: { type: 'string' }, minItems: 1 },
          role: { enum: [...FIELD_ROLES] },
          maxNullFraction: fraction,
          mostly: fraction,
          drift: {
            type: 'object',
            additionalProperties: false,
            properties: {
              method: { type: 'string', minLength: 1 },
              threshold: { type: 'number', minimum: 0 },
              critical: { type: 'boolean' },
            },
          },
          constraints: {
            type: 'object',
            additionalProperties: false,
            properties: {
              required: { type: 'boolean' },
              unique: { type: 'boolean' },
              minimum: bound,
              maximum: bound,
              exclusiveMinimum: bound,
              exclusiveMaximum: bound,
              minLength: { type: 'integer', minimum: 0 },
              maxLength: { type: 'integer', minimum: 0 },
              pattern: { type: 'string' },
              enum: { type: 'array', items: { type: ['string', 'number', 'boolean'] }, minItems: 1 },
              jsonSchema: { type: 'object' },
            },
          },
        },
      },
    },
  },
} as const;
