import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { runDriftCheck } from '../../../src/drift/check.ts';
import { compareProfiles } from '../../../src/drift/engine.ts';
import { driftHeadline, driftJson, renderDriftMarkdown } from '../../../src/drift/report.ts';
import { mulberry32 } from '../../../src/core/random.ts';
import { profileFile } from '../../../src/profile/index.ts';

// Signals besides the distribution test: placeholders that replace numbers, samples too small for
// the test that needs them, features the current data lacks, and nothing left to compare.
const dir = mkdtempSync(join(tmpdir(), 'mlops-drift-signals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CSV of `n` rows: x ~ N(0,1), w ~ N(10,2), plan of three values; `placeholder(i)` replaces x's text. */
function write(name: string, n: number, seed: number, placeholder?: (i: number) => string | null): string {
  const r = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const lines = ['x,w,plan'];
  for (let i = 0; i < n; i++) {
    const x = normal().toFixed(4);
    lines.push([placeholder?.(i) ?? x, (10 + 2 * normal()).toFixed(3), ['a', 'b', 'c'][i % 3]].join(','));
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('numbers replaced by text placeholders', () => {
  it('a numeric feature whose cells turn into NA is drift ("non-numeric values"), also when no number is left', async () => {
    const reference = await profileFile(write('ref.csv', 700, 1));
    for (const share of [0.9, 1]) {
      const current = await profileFile(write(`na-${share}.csv`, 300, 2, (i) => (i < share * 300 ? 'NA' : null)));
      const report = compareProfiles(reference, current);
      const x = report.columns.find((c) => c.name === 'x')!;
      expect(x.drifted).toBe(true);
      expect(x.status).toBe('drift');
      expect(x.reasons).toContain('non-numeric values');
      expect(x.nonNumeric!.reference).toBe(0);
      expect(x.nonNumeric!.current).toBeCloseTo(share, 2);
      expect(x.nonNumeric!.drifted).toBe(true);
      expect(report.columns.find((c) => c.name === 'w')!.drifted).toBe(false);
      expect(renderDriftMarkdown(report)).toContain('**not numbers 0.0% → ');
      expect(driftJson(report).columns).toContainEqual(expect.objectContaining({ name: 'x', nonNumeric: x.nonNumeric }));
    }
  });

  it('NaN texts count as non-numeric too; a few placeholders on both sides are no signal', async () => {
    const reference = await profileFile(write('ref-few.csv', 700, 3, (i) => (i % 50 === 0 ? 'NA' : null)));
    const same = await profileFile(write('cur-few.csv', 300, 4, (i) => (i % 50 === 0 ? 'NA' : null)));
    const calm = compareProfiles(reference, same).columns.find((c) => c.name === 'x')!;
    expect(calm.nonNumeric!.drifted).toBe(false);
    expect(calm.reasons).not.toContain('non-numeric values');
    const nan = await profileFile(write('cur-nan.csv', 300, 5, () => 'NaN'));
    const x = compareProfiles(reference, nan).columns.find((c) => c.name === 'x')!;
    expect(x.drifted).toBe(true);
    expect(x.reasons).toContain('non-numeric values');
  });

  it('categorical columns carry no non-numeric share', async () => {
    const report = compareProfiles(await profileFile(write('ref-c.csv', 700, 6)), await profileFile(write('cur-c.csv', 300, 7)));
    expect(report.columns.find((c) => c.name === 'plan')!.nonNumeric).toBeUndefined();
  });
});

describe('samples too small for a sample-based test', () => {
  it('KS on profiles that kept 0 or 10 sampled values is "insufficient data" with the reason, not a p-value of 1', async () => {
    const path = write('small-ref.csv', 700, 8);
    const shifted = write('small-cur.csv', 700, 9, (i) => (3 + (i % 7) * 0.1).toFixed(3));
    const full = compareProfiles(await profileFile(path), await profileFile(shifted));
    expect(full.columns.find((c) => c.name === 'x')!.drifted).toBe(true);
    for (const sampleSize of [0, 10]) {
      const report = compareProfiles(await profileFile(path, {}, { sampleSize }), await profileFile(shifted, {}, { sampleSize }));
      const x = report.columns.find((c) => c.name === 'x')!;
      expect(x.method).toBe('ks');
      expect(x.status).toBe('insufficient data');
      expect(x.insufficient).toBe(`the profiles' samples hold ${sampleSize} / ${sampleSize} numbers; the test needs 30 on each side`);
      expect(x.nRef).toBe(sampleSize);
      expect(x.pValue).toBeUndefined();
      expect(renderDriftMarkdown(report)).toContain(`insufficient data (the profiles' samples hold ${sampleSize} / ${sampleSize} numbers`);
    }
  });

  it('a sample-based test reports the sampled values it ran on as n', async () => {
    const report = compareProfiles(await profileFile(write('n-ref.csv', 700, 10)), await profileFile(write('n-cur.csv', 300, 11)));
    const x = report.columns.find((c) => c.name === 'x')!;
    expect(x.method).toBe('ks');
    expect([x.nRef, x.nCur]).toEqual([700, 300]);
  });
});

describe('columns the current data lacks, and nothing to compare', () => {
  it('a reference feature missing from the current data is named in a warning and the headline (not drift)', async () => {
    const reference = await profileFile(write('miss-ref.csv', 700, 12));
    const path = join(dir, 'miss-cur.csv');
    writeFileSync(path, `x,plan\n${Array.from({ length: 300 }, (_, i) => `${(i % 10) / 10 - 0.45},${['a', 'b', 'c'][i % 3]}`).join('\n')}\n`);
    const report = compareProfiles(reference, await profileFile(path));
    expect(report.onlyInReference).toEqual(['w']);
    expect(report.missingFeatures).toEqual(['w']);
    expect(renderDriftMarkdown(report)).toContain('> [!WARNING]\n> **Missing from the current data**: `w` is in the reference but not in the current data');
    expect(driftHeadline(report)).toMatch(/; missing from the current data: w$/);
    // A listed feature set leaves the others out on purpose.
    expect(compareProfiles(reference, await profileFile(path), { features: ['x'] }).missingFeatures).toEqual([]);
  });

  it('no column in common, or every shared column skipped, is an InputError naming the columns', async () => {
    const reference = await profileFile(write('none-ref.csv', 100, 13));
    const other = join(dir, 'other.csv');
    writeFileSync(other, 'a,b\n1,x\n2,y\n');
    expect(() => compareProfiles(reference, { ...reference, columns: [] }, { currentColumns: ['a', 'b'] })).toThrow(InputError);
    await expect(runDriftCheck({ cwd: dir, reference: join(dir, 'none-ref.csv'), current: other })).rejects.toThrow(
      'no column to compare: the reference and the current data have no column in common (reference: x, w, plan; current: a, b)',
    );
    const ids = join(dir, 'ids.csv');
    writeFileSync(ids, `id,x\n${Array.from({ length: 200 }, (_, i) => `${i + 1},${i % 9}`).join('\n')}\n`);
    // One column left after the identifier is skipped: compared as usual.
    expect((await runDriftCheck({ cwd: dir, reference: ids, current: ids })).report.columns.map((c) => c.name)).toEqual(['x']);
    const onlyIds = join(dir, 'only-ids.csv');
    writeFileSync(onlyIds, `id\n${Array.from({ length: 200 }, (_, i) => i + 1).join('\n')}\n`);
    await expect(runDriftCheck({ cwd: dir, reference: onlyIds, current: onlyIds })).rejects.toThrow('no column to compare: every column in both is left out — id (identifier)');
  });

  it('listed features: repeated names count once; an empty list or a missing feature is an InputError naming the file', async () => {
    const reference = write('feat-ref.csv', 300, 14);
    const current = write('feat-cur.csv', 300, 15);
    const once = await runDriftCheck({ cwd: dir, reference, current, features: ['x', 'x', 'plan', 'x'] });
    expect(once.report.columns.map((c) => c.name).sort()).toEqual(['plan', 'x']);
    expect(once.report.evaluatedColumns).toBe(2);
    await expect(runDriftCheck({ cwd: dir, reference, current, features: [] })).rejects.toThrow('the feature list is empty');
    const lacking = join(dir, 'feat-lacking.csv');
    writeFileSync(lacking, 'w,plan\n1,a\n');
    const error = await runDriftCheck({ cwd: dir, reference, current: lacking, features: ['x'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${lacking} (x): feature 'x' is not in the current data`);
    const fromReference = await runDriftCheck({ cwd: dir, reference: lacking, current, features: ['x'] }).catch((e: unknown) => e);
    expect((fromReference as InputError).message).toBe(`${lacking} (x): feature 'x' is not in the reference data`);
  });
});

describe('data-derived text in the drift report', () => {
  it('a category value or column name with backticks stays inside its code span (no mention, link or closing keyword reaches the markdown)', async () => {
    const hostile = '`x` fixes #1 @octo-org/admins `y`';
    const rows = (n: number, values: string[]) => ['plan,`col` @team', ...Array.from({ length: n }, (_, i) => `${JSON.stringify(values[i % values.length])},${i % 7}`)].join('\n') + '\n';
    const reference = await profileFile((writeFileSync(join(dir, 'ref-hostile.csv'), rows(600, ['a', 'b'])), join(dir, 'ref-hostile.csv')));
    const current = await profileFile((writeFileSync(join(dir, 'cur-hostile.csv'), rows(600, ['a', hostile])), join(dir, 'cur-hostile.csv')));
    const report = compareProfiles(reference, current);
    const plan = report.columns.find((c) => c.name === 'plan')!;
    expect(plan.newCategories).toContain(hostile);
    const markdown = renderDriftMarkdown(report);
    // A value with single backticks is fenced by a double-backtick span (padded: it starts with one).
    expect(markdown).toContain(`new: \`\` ${hostile} \`\``);
    expect(markdown).toContain('`` `col` @team ``');
    expect(markdown).not.toContain(`\`${hostile}\``);
  });
});
