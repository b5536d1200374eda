import { describe, expect, it } from 'vitest';
import type { RawTag } from '../../../src/registry/git.ts';
import { formatTagMessage, METADATA_SCHEMA, type TagMetadata } from '../../../src/registry/metadata.ts';
import { buildState, rollbackTarget, tagsToEvents } from '../../../src/registry/state.ts';
import { cardTextFromConfig, renderModelCard, MODEL_CARD_LIMIT } from '../../../src/registry/model-card.ts';
import { runInfoFrom, profileSummaryFrom } from '../../../src/registry/run-info.ts';

const C1 = '1'.repeat(40);
const C2 = '2'.repeat(40);

/** A tag as git would list it; `ms` orders events inside one tagger second via createdAt. */
function tag(name: string, commit: string, second: number, meta?: Partial<TagMetadata> & { ms?: number }, annotated = true): RawTag {
  const metadata = meta ? { schema: METADATA_SCHEMA, event: 'registration', name: 'm', commit, createdBy: 'x', createdAt: new Date(second * 1000 + (meta.ms ?? 0)).toISOString(), ...meta } as TagMetadata : null;
  return {
    name, object: `obj-${name}`, annotated, commit, taggerName: 'Tagger', taggerEmail: 't@example.com', taggerTime: second,
    message: metadata ? formatTagMessage('msg', metadata) : 'plain message',
  };
}

describe('registry state', () => {
  it('orders events within one tagger second by createdAt ms and counters, and folds stages by latest assignment', () => {
    const tags = [
      tag('m#production#3', C1, 100, { event: 'assignment', version: 'v1.0.0', stage: 'production', ms: 900, rollbackFrom: 'v1.1.0' }),
      tag('m#production#2', C2, 100, { event: 'assignment', version: 'v1.1.0', stage: 'production', ms: 500 }),
      tag('m@v1.1.0', C2, 100, { event: 'registration', version: 'v1.1.0', ms: 100 }),
      tag('m#production#1', C1, 100, { event: 'assignment', version: 'v1.0.0', stage: 'production', ms: 300 }),
      tag('m@v1.0.0', C1, 100, { event: 'registration', version: 'v1.0.0', ms: 0 }),
    ];
    const [model] = buildState(tagsToEvents(tags));
    expect(model!.events.map((e) => e.tag)).toEqual(['m@v1.0.0', 'm@v1.1.0', 'm#production#1', 'm#production#2', 'm#production#3']);
    expect(model!.stages).toEqual({ production: 'v1.0.0' });
    expect(model!.latest).toBe('v1.1.0');
    // After that rollback, nothing earlier is left.
    expect(rollbackTarget(model!, 'production')).toBeNull();
  });

  it('rollback walks back through a chain of versions instead of toggling', () => {
    const versions = ['v1.0.0', 'v2.0.0', 'v3.0.0'];
    const tags: RawTag[] = versions.map((v, i) => tag(`m@${v}`, C1, 10 + i, { event: 'registration', version: v }));
    versions.forEach((v, i) => tags.push(tag(`m#prod#${i + 1}`, C1, 20 + i, { event: 'assignment', version: v, stage: 'prod' })));
    let model = buildState(tagsToEvents(tags))[0]!;
    expect(rollbackTarget(model, 'prod')).toEqual({ from: 'v3.0.0', to: 'v2.0.0' });
    tags.push(tag('m#prod#4', C1, 30, { event: 'assignment', version: 'v2.0.0', stage: 'prod', rollbackFrom: 'v3.0.0' }));
    model = buildState(tagsToEvents(tags))[0]!;
    expect(model.stages.prod).toBe('v2.0.0');
    expect(rollbackTarget(model, 'prod')).toEqual({ from: 'v2.0.0', to: 'v1.0.0' });
    // Deregistering v1.0.0 leaves nothing to roll back to; a deregistered holder frees the stage.
    tags.push(tag('m@v1.0.0!', C1, 31, { event: 'deregistration', version: 'v1.0.0' }));
    model = buildState(tagsToEvents(tags))[0]!;
    expect(rollbackTarget(model, 'prod')).toBeNull();
    tags.push(tag('m@v2.0.0!', C1, 32, { event: 'deregistration', version: 'v2.0.0' }));
    model = buildState(tagsToEvents(tags))[0]!;
    expect(model.stages.prod).toBe('v3.0.0');
    expect(model.latest).toBe('v3.0.0');
  });

  it('reads GTO tags (no metadata): versions by commit, unassignment, deprecation; skips lightweight tags', () => {
    const tags = [
      tag('churn@v1.0.0', C1, 1), tag('churn@v2.0.0', C2, 2),
      tag('churn#prod#1', C1, 3), tag('churn#prod#2', C2, 4), tag('churn#prod!#3', C2, 5),
      tag('churn#dev#4', C2, 6, undefined, false),
      tag('churn@deprecated', C1, 7),
    ];
    const [model] = buildState(tagsToEvents(tags));
    expect(model!.stages).toEqual({ prod: 'v1.0.0' });
    expect(model!.deprecated).toBe(true);
    expect(model!.events.map((e) => [e.event, e.version, e.actor])).toEqual([
      ['registration', 'v1.0.0', 'Tagger'], ['registration', 'v2.0.0', 'Tagger'], ['assignment', 'v1.0.0', 'Tagger'],
      ['assignment', 'v2.0.0', 'Tagger'], ['unassignment', 'v2.0.0', 'Tagger'], ['deprecation', null, 'Tagger'],
    ]);
  });
});

describe('model card', () => {
  const meta: TagMetadata = {
    schema: METADATA_SCHEMA, event: 'registration', name: 'weather', version: 'v1.2.0', commit: 'c'.repeat(40), createdBy: 'octocat',
    createdAt: '2026-01-01T00:00:00.000Z', parentVersion: 'v1.1.0', pullRequest: 42,
    model: { sha256: 'f'.repeat(64), bytes: 1234, files: [{ path: 'model.json', sha256: 'a'.repeat(64), bytes: 1234 }] },
    data: [{ path: 'data/train.csv', sha256: 'b'.repeat(64), md5: 'd'.repeat(32), rows: 1461, role: 'train' }],
    params: { epochs: 50, model: { hidden: [64, 32] } },
  };
  const run = runInfoFrom({ metrics: { accuracy: { value: 0.8512, low: 0.82, high: 0.88 }, test: { f1_macro: 0.71 } }, backend: { name: 'wasm' }, task: 'multiclass' });
  const profile = profileSummaryFrom({ rows: 1461, columns: [{ name: 'temp_max', count: 1461, nulls: 0, types: { number: 1461, integer: 3 }, numeric: { mean: 16.4 } }] });

  it('has every section, with intervals, data hashes, lineage links and the limitations placeholder', () => {
    const card = renderModelCard({ metadata: meta, run, profile, description: 'Predicts the weather.', intendedUse: 'Demos only.', repositoryUrl: 'https://github.com/o/r' });
    for (const h of ['# Model card: weather v1.2.0', '## Description', '## Intended use', '## Model', '## Data', '## Training parameters', '## Metrics', '## Lineage', '## Limitations']) expect(card).toContain(h);
    expect(card).toContain('Predicts the weather.');
    expect(card).toContain('| accuracy | 0.8512 [0.8200, 0.8800] |');
    expect(card).toContain('| test.f1_macro | 0.7100 |');
    // Parameter values are data, shown as written: `[64,32]` as references, never a link's text.
    expect(card).toContain('| model.hidden | &#91;64,32&#93; |');
    expect(card).toContain('`data/train.csv` | train | 1461');
    expect(card).toContain('[#42](https://github.com/o/r/pull/42)');
    expect(card).toContain('https://github.com/o/r/commit/' + 'c'.repeat(40));
    expect(card).toContain('| temp_max | number | 0 | 16.4000 |');
    expect(card).toContain('Parent version | v1.1.0');
  });

  it('shows names from the data and the people as text: no code span broken, no HTML, no mention', () => {
    const odd: TagMetadata = {
      ...meta, createdBy: '@org/ml <b>bot</b>',
      data: [{ path: 'data/a`b|c.csv', sha256: 'b'.repeat(64), md5: 'd'.repeat(32), rows: 1, role: 'train' }],
      params: { 'x<i>': '<script>' },
    };
    const columns = profileSummaryFrom({ rows: 1, columns: [{ name: '<b>temp</b>', count: 1, nulls: 0, types: { number: 1 }, numeric: { mean: 1 } }] });
    const card = renderModelCard({ metadata: odd, run: null, profile: columns });
    // The path in a code span its backtick cannot close, its pipe escaped for the table.
    expect(card).toContain('| ``data/a`b\\|c.csv`` | train |');
    expect(card).not.toMatch(/<b>|<i>|<script>/);
    expect(card).toContain('&#60;b&#62;temp&#60;/b&#62;');
    expect(card).toContain('@\u2060org/ml');
  });

  it('takes description and intended use from the config when it has them', () => {
    expect(cardTextFromConfig({ name: 'w', description: 'Top level.', registry: { intendedUse: 'Nested.' } })).toEqual({ description: 'Top level.', intendedUse: 'Nested.' });
    expect(cardTextFromConfig({ name: 'w', registry: { stages: [] } })).toEqual({ description: null, intendedUse: null });
  });

  it('stays under the release body limit', () => {
    const big = { ...meta, params: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`param_${i}`, 'x'.repeat(30)])) };
    const card = renderModelCard({ metadata: big, run: null, profile: null });
    expect(card.length).toBeLessThanOrEqual(MODEL_CARD_LIMIT);
    expect(card).toContain('cut to fit');
    expect(card).toContain('## Limitations');
    expect(card).toContain('## Lineage');
  });
});
