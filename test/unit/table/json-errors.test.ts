import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { memoryIo } from '../../../src/cli/io.ts';
import { InputError } from '../../../src/core/errors.ts';
import { jsonSyntaxError } from '../../../src/table/json-syntax.ts';
import { readTable } from '../../../src/table/index.ts';
import { useTempFiles } from '../../support/temp-files.ts';

const file = useTempFiles('json-errors-test-');

/** The InputError message of reading `content` as a file of extension `ext`, its path written `F`. */
async function readError(content: string, ext = 'json'): Promise<string> {
  const path = await file(content, ext);
  const error = await readTable(path).then(
    () => null,
    (x: unknown) => x,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message.replace(path, 'F');
}

describe('invalid .json data files: the message names file, line and column, whatever V8 says', () => {
  // V8 gives no position for these ("Unexpected end of JSON input", "Unexpected token ']', … is not valid JSON").
  it('a truncated file: at the end of its last token, not on a blank last line', async () => {
    expect(await readError('[\n  {"a": 1},\n  {"a": 2},\n')).toBe("F:3:12: invalid JSON: unexpected end of the file where a value was expected (an array is not closed)");
    expect(await readError('[\n  {"a": 1},\n  {"a": 2}\n\n\n')).toBe("F:3:11: invalid JSON: unexpected end of the file where ',' or ']' was expected (an array is not closed)");
    expect(await readError('[\n  {"a": 1},\n  {"a": 2')).toBe("F:3:10: invalid JSON: unexpected end of the file where ',' or '}' was expected (an object is not closed)");
    expect(await readError('[\n  {"a": 1},\n  {"a": "tw')).toBe('F:3:9: invalid JSON: string never closed (its closing quote is missing)');
  });

  it('a trailing comma, in an array and in an object', async () => {
    expect(await readError('[\n  {"a": 1},\n  {"a": 2},\n]\n')).toBe("F:4:1: invalid JSON: unexpected ']' where a value was expected (a trailing comma?)");
    expect(await readError('[\n  {"a": 1},\n  {"a": 2,}\n]\n')).toBe("F:3:11: invalid JSON: unexpected '}' where a property name in double quotes was expected (a trailing comma?)");
  });

  it('a bad token: bare word, single quotes, unquoted key, bad number, missing comma, text after the array', async () => {
    expect(await readError('[\n  {"a": 1},\n  {"a": x}\n]')).toBe("F:3:9: invalid JSON: unexpected 'x' where a value was expected");
    expect(await readError("[\n  {'a': 1}\n]")).toBe(`F:2:4: invalid JSON: unexpected "'" where a property name in double quotes or '}' was expected`);
    expect(await readError('[{"a": 1}, {b: 2}]')).toBe("F:1:13: invalid JSON: unexpected 'b' where a property name in double quotes or '}' was expected");
    expect(await readError('[{"a": NaN}]')).toBe("F:1:8: invalid JSON: unexpected 'NaN' where a value was expected");
    expect(await readError('[{"a": 01}]')).toBe("F:1:8: invalid JSON: invalid number '01'");
    expect(await readError('[\n  {"a": 1}\n  {"a": 2}\n]')).toBe("F:3:3: invalid JSON: unexpected '{' where ',' or ']' was expected (a missing ','?)");
    expect(await readError('[\n  {"a": 1},\n  {"a": 2 "b": 3}\n]\n')).toBe(`F:3:11: invalid JSON: unexpected "b" where ',' or '}' was expected (a missing ','?)`);
    expect(await readError('[{"a": 1}]\n]\n')).toBe("F:2:1: invalid JSON: unexpected ']' where the end of the file was expected");
    // Positions count characters, not bytes or UTF-16 units; a BOM is not a column.
    expect(await readError('\ufeff[{"é😀": 1, "b": ]}]')).toBe("F:1:17: invalid JSON: unexpected ']' where a value was expected");
  });

  it('faults V8 does place (string faults) get the same line and column form', async () => {
    expect(await readError('[\n  {"a": "x\\qy"}\n]')).toBe("F:2:11: invalid JSON: bad escape '\\q' in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
    expect(await readError('[\n  {"a": "x\ny"}\n]')).toBe('F:2:11: invalid JSON: line break inside a string (write it as \\n, or close the string)');
  });

  it('a top level that is not an array names its line', async () => {
    expect(await readError('\n{"a": 1}\n')).toBe('F:2: a .json data file must hold one JSON array of objects (use .jsonl for one object per line)');
    expect(await readError('  "text"')).toBe('F:1: a .json data file must hold one JSON array of objects (use .jsonl for one object per line)');
    expect(await readError('[\n  {"a": 1},\n  2\n]')).toBe('F:3: element 2 of the array is not a JSON object');
  });

  it('JSON Lines: the line of the file and the column on it', async () => {
    expect(await readError('{"a": 1}\n{"a": 2,}\n', 'jsonl')).toBe("F:2:9: invalid JSON: unexpected '}' where a property name in double quotes was expected (a trailing comma?)");
    expect(await readError('{"a": 1}\n\n{"a": 2\n', 'jsonl')).toBe("F:3:8: invalid JSON: unexpected end of the line where ',' or '}' was expected (an object is not closed)");
    expect(await readError('{"a": 1} {"a": 2}\n', 'jsonl')).toBe("F:1:10: invalid JSON: unexpected '{' where the end of the line was expected");
  });

  it('mlops validate on a truncated .json: exit 2, file:line:col on stderr', async () => {
    const data = await file('[\n  {"a": 1},\n  {"a": 2}', 'json');
    const schema = await file('fields:\n  - { name: a, type: integer }\n', 'yaml');
    const io = memoryIo();
    const code = await runCli(['validate', data, '--schema', schema], io);
    expect(code).toBe(2);
    expect(io.err).toContain(`${data}:3:11: invalid JSON: unexpected end of the file where ',' or ']' was expected`);
  });
});

describe('jsonSyntaxError agrees with JSON.parse', () => {
  it('finds a fault exactly when JSON.parse throws (mutated JSON texts)', () => {
    const pieces = ['[', ']', '{', '}', ',', ':', '"', '\\', '"a"', '1', '-', '0', '.', 'e', '+', 'true', 'nul', ' ', '\n', '\t', 'x', "'", '\u0001', 'é', '😀', '\\u00e9', '\\u12'];
    const mutated = fc
      .tuple(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...pieces)), { maxLength: 3 }))
      .map(([value, edits]) => {
        let text = JSON.stringify(value, null, edits.length % 2 === 0 ? undefined : 1) ?? 'null';
        for (const [at, cut, piece] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + piece + text.slice(i + (cut % 3));
        }
        return text;
      });
    fc.assert(
      fc.property(mutated, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const fault = jsonSyntaxError(text);
        expect(fault === undefined).toBe(valid);
        if (fault) {
          expect(fault.offset).toBeGreaterThanOrEqual(0);
          expect(fault.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 3000, seed: 20261127 },
    );
  });
});
