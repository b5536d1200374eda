/**
 * The benchmark's 20-field schema over bench/lib/generate.ts's columns. It uses every rule kind
 * (required, unique, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength,
 * pattern, enum, mostly, maxNullFraction, primaryKey) and every generated type. A few rules fail
 * on purpose (amount > 500 on ~0.4% of rows, churned's 2% nulls over maxNullFraction 1%, x1 beyond
 * ±3 tolerated by mostly) so the three implementations must agree on non-trivial counts.
 */
import type { TableSchema } from '../src/schema/types.ts';

const regions = Array.from({ length: 12 }, (_, i) => `r${String(i).padStart(2, '0')}`);

export const BENCH_SCHEMA: TableSchema = {
  fields: [
    { name: 'id', type: 'integer', role: 'id', constraints: { required: true, unique: true, minimum: 1 } },
    { name: 'user', type: 'string', constraints: { required: true, pattern: 'u[0-9a-f]{8}', minLength: 9, maxLength: 9 } },
    { name: 'x1', type: 'number', mostly: 0.99, constraints: { minimum: -3, maximum: 3 } },
    { name: 'x2', type: 'number', constraints: { exclusiveMinimum: 0, exclusiveMaximum: 100 } },
    { name: 'x3', type: 'number', maxNullFraction: 0.05 },
    { name: 'x4', type: 'number', constraints: { minimum: -10, maximum: 10 } },
    { name: 'amount', type: 'number', constraints: { minimum: 0, maximum: 500 } },
    { name: 'duration', type: 'number', constraints: { exclusiveMinimum: 0 } },
    { name: 'age', type: 'integer', constraints: { minimum: 18, maximum: 90 } },
    { name: 'clicks', type: 'integer', constraints: { minimum: 0, maximum: 1000 } },
    { name: 'bytes', type: 'integer', constraints: { minimum: 0, exclusiveMaximum: 1e9 } },
    { name: 'active', type: 'boolean' },
    { name: 'churned', type: 'boolean', maxNullFraction: 0.01 },
    { name: 'signup', type: 'date', role: 'timestamp', constraints: { minimum: '2015-01-01', maximum: '2024-12-31' } },
    { name: 'seen', type: 'datetime', constraints: { minimum: '2015-01-01T00:00:00Z' } },
    { name: 'plan', type: 'string', constraints: { enum: ['free', 'pro', 'team'] } },
    { name: 'region', type: 'string', constraints: { enum: regions } },
    { name: 'country', type: 'string', constraints: { pattern: 'c[0-9]{2}' } },
    { name: 'product', type: 'string', constraints: { pattern: 'p[0-9]{3}', minLength: 4, maxLength: 4 } },
    { name: 'label', type: 'integer', role: 'label', constraints: { required: true, enum: [0, 1] } },
  ],
  primaryKey: 'id',
};
