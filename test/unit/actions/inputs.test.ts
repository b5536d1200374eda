import { describe, expect, it, expectTypeOf } from 'vitest';
import { ActionInputError, inputEnvName, parseInputs } from '../../../src/actions/inputs.ts';
import { InputError } from '../../../src/core/errors.ts';

describe('inputEnvName', () => {
  it('upper-cases, turns spaces into underscores and keeps hyphens like @actions/core', () => {
    expect(inputEnvName('max-errors')).toBe('INPUT_MAX-ERRORS');
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT');
    expect(inputEnvName('github_token')).toBe('INPUT_GITHUB_TOKEN');
  });
});

describe('parseInputs', () => {
  const spec = {
    data: { type: 'path', required: true },
    comment: { type: 'boolean', default: true },
    'max-errors': { type: 'integer', default: 100, min: 0 },
    threshold: { type: 'number' },
    backend: { type: 'enum', values: ['auto', 'tensorflow', 'wasm', 'cpu'], default: 'auto' },
    extra: { type: 'json' },
    files: { type: 'path', list: true },
    label: { type: 'string' },
    raw: { type: 'string', trim: false },
  } as const;

  it('reads INPUT_ variables with types, defaults and trimming', () => {
    const parsed = parseInputs(spec, {
      INPUT_DATA: '  data/train.csv \n',
      'INPUT_MAX-ERRORS': '25',
      INPUT_THRESHOLD: '-1.5e-2',
      INPUT_BACKEND: 'WASM',
      INPUT_EXTRA: '{"a":[1,2]}',
      INPUT_FILES: 'a.csv\n\n  b.csv  \n',
      INPUT_LABEL: '  x  ',
      INPUT_RAW: '  x  ',
    });
    expect(parsed).toEqual({
      data: 'data/train.csv',
      comment: true,
      'max-errors': 25,
      threshold: -0.015,
      backend: 'wasm',
      extra: { a: [1, 2] },
      files: ['a.csv', 'b.csv'],
      label: 'x',
      raw: '  x  ',
    });
    expectTypeOf(parsed.data).toEqualTypeOf<string>();
    expectTypeOf(parsed.comment).toEqualTypeOf<boolean>();
    expectTypeOf(parsed['max-errors']).toEqualTypeOf<number>();
    expectTypeOf(parsed.threshold).toEqualTypeOf<number | undefined>();
    expectTypeOf(parsed.backend).toEqualTypeOf<'auto' | 'tensorflow' | 'wasm' | 'cpu'>();
    expectTypeOf(parsed.files).toEqualTypeOf<string[]>();
    expectTypeOf(parsed.label).toEqualTypeOf<string | undefined>();
  });

  it('treats empty and whitespace-only values as not given', () => {
    const parsed = parseInputs(spec, { INPUT_DATA: 'x', INPUT_COMMENT: '   ', INPUT_LABEL: '' });
    expect(parsed.comment).toBe(true);
    expect(parsed.label).toBeUndefined();
    expect(parsed.threshold).toBeUndefined();
    expect(parsed.files).toEqual([]);
    expect(parsed.backend).toBe('auto');
  });

  it('accepts exactly the YAML 1.2 core booleans', () => {
    const b = { flag: { type: 'boolean' } } as const;
    for (const t of ['true', 'True', 'TRUE']) expect(parseInputs(b, { INPUT_FLAG: t }).flag).toBe(true);
    for (const f of ['false', 'False', 'FALSE']) expect(parseInputs(b, { INPUT_FLAG: f }).flag).toBe(false);
    for (const bad of ['yes', 'on', '1', 'tRue']) {
      expect(() => parseInputs(b, { INPUT_FLAG: bad })).toThrow(`input 'flag' must be a boolean`);
    }
  });

  it('enforces required with an InputError naming the input', () => {
    try {
      parseInputs(spec, {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect(error).toBeInstanceOf(ActionInputError);
      expect((error as ActionInputError).input).toBe('data');
      expect((error as Error).message).toContain("input 'data' is required");
      expect((error as Error).message).toContain('INPUT_DATA');
    }
  });

  it('names the input and the bad value', () => {
    const cases: [Record<string, string>, string][] = [
      [{ 'INPUT_MAX-ERRORS': '1.5' }, `input 'max-errors' must be an integer, got "1.5"`],
      [{ 'INPUT_MAX-ERRORS': '-3' }, `input 'max-errors' must be ≥ 0, got "-3"`],
      [{ 'INPUT_MAX-ERRORS': '99999999999999999999' }, `input 'max-errors' is out of the safe integer range`],
      [{ INPUT_THRESHOLD: '0x10' }, `input 'threshold' must be a number, got "0x10"`],
      [{ INPUT_THRESHOLD: 'NaN' }, `input 'threshold' must be a number, got "NaN"`],
      [{ INPUT_BACKEND: 'gpu' }, `input 'backend' must be one of auto | tensorflow | wasm | cpu, got "gpu"`],
      [{ INPUT_EXTRA: '{a:1}' }, `input 'extra' must be JSON`],
      [{ INPUT_DATA: 'a\nb' }, `input 'data' must be a single path`],
    ];
    for (const [env, message] of cases) {
      expect(() => parseInputs(spec, { INPUT_DATA: 'd', ...env })).toThrow(message);
    }
  });

  it('resolves paths against cwd when given', () => {
    const parsed = parseInputs({ p: { type: 'path', default: 'x/y' }, l: { type: 'path', list: true } } as const, { INPUT_L: 'a\n/abs/b' }, { cwd: '/ws' });
    expect(parsed.p).toBe('/ws/x/y');
    expect(parsed.l).toEqual(['/ws/a', '/abs/b']);
  });

  it('applies string patterns', () => {
    const s = { name: { type: 'string', pattern: /^[a-z]+$/ } } as const;
    expect(parseInputs(s, { INPUT_NAME: 'abc' }).name).toBe('abc');
    expect(() => parseInputs(s, { INPUT_NAME: 'A b' })).toThrow(`input 'name' must match /^[a-z]+$/, got "A b"`);
  });
});

describe('setup-node, read by every action.yml and checked by every action', () => {
  it.each([['validate', 'validateInputs'], ['train', 'trainInputs'], ['evaluate', 'evaluateInputs'], ['release', 'releaseInputs'], ['drift', 'driftInputs']])(
    "actions/%s refuses 'no' (its action.yml would have installed Node.js: only false/False/FALSE skip it)",
    async (name, exported) => {
      const spec = (await import(`../../../src/actions/${name}.ts`) as Record<string, Record<string, unknown>>)[exported];
      expect(spec['setup-node']).toMatchObject({ type: 'boolean', default: true });
      const only = { 'setup-node': spec['setup-node'] } as unknown as { 'setup-node': { type: 'boolean'; default: true } };
      expect(() => parseInputs(only, { 'INPUT_SETUP-NODE': 'no' })).toThrow(/input 'setup-node' must be a boolean/);
      expect(parseInputs(only, { 'INPUT_SETUP-NODE': 'FALSE' })['setup-node']).toBe(false);
      expect(parseInputs(only, {})['setup-node']).toBe(true);
    },
  );
});
