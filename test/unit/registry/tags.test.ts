import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTag, isModelName, modelNameProblem, nextCounter, parseModelRef, parseTag, isValidModelName, type ParsedTag } from '../../../src/registry/tags.ts';
import { bumpVersion, compareSemVer, normalizeVersion, parseSemVer, formatSemVer } from '../../../src/registry/semver.ts';

// Tag strings from GTO's documentation and test suite (iterative/gto), with the meaning GTO gives them.
const GTO_EXAMPLES: Array<[string, ParsedTag]> = [
  ['awesome-model@v0.0.1', { kind: 'registration', name: 'awesome-model', version: 'v0.0.1' }],
  ['awesome-model#prod#1', { kind: 'assignment', name: 'awesome-model', stage: 'prod', counter: 1 }],
  ['awesome-model#prod!#2', { kind: 'unassignment', name: 'awesome-model', stage: 'prod', counter: 2 }],
  ['churn@v3.1.1', { kind: 'registration', name: 'churn', version: 'v3.1.1' }],
  ['rf#prod', { kind: 'assignment', name: 'rf', stage: 'prod' }],
  ['nn#prod!', { kind: 'unassignment', name: 'nn', stage: 'prod' }],
  ['nn@v1.0.0!', { kind: 'deregistration', name: 'nn', version: 'v1.0.0' }],
  ['nn@v1.0.0#1', { kind: 'registration', name: 'nn', version: 'v1.0.0', counter: 1 }],
  ['nn@v1.0.0!#1', { kind: 'deregistration', name: 'nn', version: 'v1.0.0', counter: 1 }],
  ['nn@v1.0.0-rc.2', { kind: 'registration', name: 'nn', version: 'v1.0.0-rc.2' }],
  ['nn@v1.0.0-alpha.beta', { kind: 'registration', name: 'nn', version: 'v1.0.0-alpha.beta' }],
  ['new-artifact@v1.0.1!', { kind: 'deregistration', name: 'new-artifact', version: 'v1.0.1' }],
  ['awesome-model@deprecated', { kind: 'deprecation', name: 'awesome-model' }],
  ['awesome-model@deprecated#3', { kind: 'deprecation', name: 'awesome-model', counter: 3 }],
  ['dvclive=model@v1.0.0', { kind: 'registration', name: 'dvclive:model', version: 'v1.0.0' }],
  ['some/folder=some/model#dev#4', { kind: 'assignment', name: 'some/folder:some/model', stage: 'dev', counter: 4 }],
];

// Tags GTO's suite documents as not being registry tags.
const GTO_NOT_TAGS = [
  '', '###', '@@@', 'model@v1', 'nn#prod#-1', 'model@v111', 'model-prod', 'model@0.0.1', 'model#prod#1-2', 'model#prod?#1-2',
  'model#prod@v1.2.3', 'model@v1.2.3#prod', 'model@prod@v1@stage-1', 'namespace/model@0.0.1', '@namespace/model@0.0.1',
  'model#prod#v1#stage#1-', 'model#prod-v1-stage@1-2', 'v1.2.0',
];

describe('tag grammar', () => {
  it.each(GTO_EXAMPLES)('parses %s as GTO does', (tag, meaning) => {
    expect(parseTag(tag)).toEqual(meaning);
    expect(formatTag(meaning)).toBe(tag);
  });

  it.each(GTO_NOT_TAGS)('ignores %j', (tag) => {
    expect(parseTag(tag)).toBeNull();
  });

  it('validates names like GTO (letters, digits, - _ /; no leading/trailing separators) and refuses //', () => {
    for (const ok of ['1', 'm', 'nn', 'model-prod', 'model_prod_v1', 'dvclive/model', 'DVCLive/Model', 'dir:model']) expect(isValidModelName(ok)).toBe(true);
    for (const bad of ['', 'm/', '/m', 'a model', '_model', '-model', 'model-', 'model@1', 'model#1', 'a//b', '../x:m']) expect(isValidModelName(bad)).toBe(false);
    expect(() => formatTag({ kind: 'registration', name: 'Bad Name', version: 'v1.0.0' })).toThrow(/invalid model name/);
    expect(() => formatTag({ kind: 'registration', name: 'ok', version: '1.0.0' })).toThrow(/invalid version/);
  });

  it('names mlops gives models follow mlops.yaml\'s grammar, the lower-case subset of GTO\'s', () => {
    for (const ok of ['1', 'm', 'pen', 'model-prod', 'model_prod_v1', 'a-_b']) expect(isModelName(ok)).toBe(true);
    for (const bad of ['', 'Pen', 'DVCLive', 'dvclive/model', 'dir:model', 'model-', '_model', 'a.b', 'a model']) expect(isModelName(bad)).toBe(false);
    expect(modelNameProblem('Pen')).toBe("invalid model name 'Pen': model names match [a-z0-9]([a-z0-9-_]*[a-z0-9])? — lower-case letters, digits, '-' and '_', starting and ending with a letter or digit, as mlops.yaml's name (did you mean 'pen'?)");
    expect(modelNameProblem('a/b')).not.toContain('did you mean');
    fc.assert(fc.property(fc.string(), (s) => !isModelName(s) || isValidModelName(s)));
  });

  const name = fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9_-]{0,6}(\/[a-zA-Z0-9_-]{1,4})?[a-zA-Z0-9])?$/).filter((s) => !s.includes('//'));
  const version = fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50), fc.option(fc.constantFrom('rc.1', 'alpha', 'beta.2'), { nil: undefined }))
    .map(([a, b, c, pre]) => `v${a}.${b}.${c}${pre ? `-${pre}` : ''}`);
  const counter = fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined });
  const tagArb: fc.Arbitrary<ParsedTag> = fc.oneof(
    fc.record({ kind: fc.constantFrom('registration' as const, 'deregistration' as const), name, version, counter }),
    fc.record({ kind: fc.constantFrom('assignment' as const, 'unassignment' as const), name, stage: name, counter }),
    fc.record({ kind: fc.constant('deprecation' as const), name, counter }),
  ).map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as unknown as ParsedTag);

  it('parse(format(t)) = t and format(parse(s)) = s (property)', () => {
    fc.assert(fc.property(tagArb, (t) => {
      const s = formatTag(t);
      expect(parseTag(s)).toEqual(t);
      expect(formatTag(parseTag(s)!)).toBe(s);
    }), { numRuns: 500 });
  });

  it('the counter continues the model\'s highest counter across stages and actions, ignoring other models', () => {
    expect(nextCounter([], 'm')).toBe(1);
    expect(nextCounter(['m@v1.0.0', 'm#staging#1', 'm#production#4', 'm#staging!#2', 'other#production#9', 'm@v1.0.0!'], 'm')).toBe(5);
  });

  it('parses model references', () => {
    expect(parseModelRef('weather@v1.2.0')).toEqual({ name: 'weather', version: 'v1.2.0' });
    expect(parseModelRef('weather@1.2.0')).toEqual({ name: 'weather', version: 'v1.2.0' });
    expect(parseModelRef('weather@latest')).toEqual({ name: 'weather', latest: true });
    expect(parseModelRef('weather#production')).toEqual({ name: 'weather', stage: 'production' });
    expect(parseModelRef('models/weather')).toBeNull();
    expect(parseModelRef('weather@one')).toBeNull();
  });
});

describe('semver', () => {
  it('orders by SemVer precedence, prereleases before releases', () => {
    const sorted = ['v1.0.0', 'v1.0.0-rc.1', 'v0.9.12', 'v1.0.0-alpha', 'v1.0.0-alpha.1', 'v1.10.0', 'v1.2.0'].sort(compareSemVer);
    expect(sorted).toEqual(['v0.9.12', 'v1.0.0-alpha', 'v1.0.0-alpha.1', 'v1.0.0-rc.1', 'v1.0.0', 'v1.2.0', 'v1.10.0']);
  });

  it('bumps', () => {
    expect(bumpVersion('v1.2.3', 'patch')).toBe('v1.2.4');
    expect(bumpVersion('v1.2.3', 'minor')).toBe('v1.3.0');
    expect(bumpVersion('v1.2.3', 'major')).toBe('v2.0.0');
    expect(bumpVersion('v1.2.3-rc.1', 'patch')).toBe('v1.2.3');
  });

  it('normalizes user input and rejects non-versions', () => {
    expect(normalizeVersion('1.0.0')).toBe('v1.0.0');
    expect(normalizeVersion('v01.0.0')).toBeNull();
    expect(parseSemVer('v1.0')).toBeNull();
    fc.assert(fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), (a, b, c) => {
      const v = `v${a}.${b}.${c}`;
      expect(formatSemVer(parseSemVer(v)!)).toBe(v);
      expect(compareSemVer(bumpVersion(v, 'patch'), v)).toBe(1);
    }));
  });
});
