import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../../src/schema/file.ts';
import { parseSchema } from '../../../src/schema/load.ts';
import { tempDir } from './helpers.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(async () => cleanup());

describe('errorsByRule', () => {
  it('lists its rules in one order, whether the file was validated in one pass or in segments', async () => {
    // Early rows repeat keys (unique, primaryKey); type errors come only later, in other segments.
    const rows = ['id,code,n'];
    for (let i = 0; i < 400; i++) rows.push(`${i % 150},${i % 150},${i >= 300 ? 'x' : String(i)}`);
    const path = join(dir, 'rules.csv');
    await writeFile(path, `${rows.join('\n')}\n`);
    const schema = parseSchema('fields:\n  - {name: id, type: integer}\n  - {name: code, type: string, constraints: {unique: true}}\n  - {name: n, type: integer}\nprimaryKey: id\n', 's.yaml');
    const whole = await validateFile(path, schema, { segmentBytes: 1 << 30 });
    const segmented = await validateFile(path, schema, { segmentBytes: 1024 });
    expect(Object.keys(whole.errorsByRule)).toEqual(['type', 'unique', 'primaryKey']);
    expect(JSON.stringify(segmented.errorsByRule)).toBe(JSON.stringify(whole.errorsByRule));
    expect(whole.errorsByRule).toEqual({ type: 100, unique: 250, primaryKey: 250 });
  });
});
