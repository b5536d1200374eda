import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneLine } from '../../../src/core/text.ts';
import { cli, tempDir } from './helpers.ts';

let dir: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => { dir = await tempDir(); });
afterAll(async () => { await dir.cleanup(); });

describe('column names from the data in the terminal report', () => {
  it('oneLine writes control characters as escapes and leaves the rest', () => {
    expect(oneLine('a\nb\r\tc\u001b[31m é')).toBe('a\\nb\\r\\tc\\u001b[31m é');
    expect(oneLine('plain name')).toBe('plain name');
  });

  it('a header holding a quoted line break stays on its report line and its table row', async () => {
    const data = join(dir.dir, 'd.csv');
    await writeFile(data, '"tem\np",extra\n5,1\n-99,2\n');
    const schema = join(dir.dir, 's.yaml');
    await writeFile(schema, 'fieldsMatch: subset\nfields:\n  - name: "tem\\np"\n    type: integer\n    constraints: { minimum: 0 }\n');
    const r = await cli(['validate', data, '--schema', schema]);
    expect(r.code, r.err).toBe(1);
    const text = r.out + r.err;
    expect(text).toContain(`${data}:4: [tem\\np] minimum:`);
    // The table row: the name, then its type, on one line.
    expect(text).toMatch(/^ {2}tem\\np +integer /m);
    expect(text).not.toMatch(/^p\b/m);
  });
});
