import { describe, expect, it } from 'vitest';
import { parseSchema } from '../../../src/schema/load.ts';
import { validateSource } from '../../../src/schema/validate.ts';
import { memorySource } from './helpers.ts';

// Messages quote a long value cut to 57 characters and '...': the cut must not split a surrogate
// pair (an emoji), which left a lone surrogate that terminals show as '�' and JSON as '\ud83d'.

describe('a long value quoted in a message', () => {
  it('is cut between characters, not inside an emoji', async () => {
    const schema = parseSchema('fields: [{ name: a, type: string, constraints: { pattern: x } }]', 'schema.yaml');
    const value = `${'a'.repeat(56)}😀${'b'.repeat(10)}`;
    const report = await validateSource(memorySource(['a'], [[value]]), schema);
    const message = report.errors[0].message;
    expect(report.errors[0].value).toBe(value);
    expect(message).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(message).toMatch(/^'a{56}(😀)?\.\.\.' /);
  });
});
