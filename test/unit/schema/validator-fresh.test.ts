import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { GENERATED_VALIDATOR, validatorSource } from '../../../scripts/schema-validator.ts';
import { tableSchemaJsonSchema } from '../../../src/schema/json-schema.ts';
import { validate } from '../../../src/schema/table-schema-validator.generated.ts';

describe('the precompiled schema-file checker', () => {
  it('is generated from the current json-schema.ts', () => {
    expect(readFileSync(GENERATED_VALIDATOR, 'utf8'), "stale: run 'npx tsx scripts/schema-validator.ts --write'").toBe(validatorSource());
  });

  it('gives the errors of the same schema compiled at run time', () => {
    const compiled = new Ajv({ allErrors: true, strict: false }).compile(tableSchemaJsonSchema);
    const check = validate as unknown as ((data: unknown) => boolean) & { errors?: unknown };
    const samples: unknown[] = [
      { fields: [{ name: 'a', type: 'integer', constraints: { minimum: 1 } }] },
      { fields: [] , primaryKey: ['a', 'a'] },
      { fields: [{ name: '', type: 'nope', constraints: { minLength: -1, pattern: 3 } }], extra: true },
      { fields: [{ name: '𝒳𝒴', type: 'string', constraints: { enum: ['x'] }, mostly: 2 }], fieldsMatch: 'sometimes' },
      { fields: 'a' },
      {},
    ];
    for (const sample of samples) {
      const ok = compiled(sample);
      expect(check(sample)).toBe(ok);
      expect(check.errors ?? null).toEqual(compiled.errors ?? null);
    }
  });
});
