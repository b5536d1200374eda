import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { truncateMarkdown, buildStickyBody, stickyMarker } from '../../../src/github/index.ts';

const POINTER = '> see the job summary';

describe('truncateMarkdown', () => {
  it('returns short text unchanged', () => {
    expect(truncateMarkdown('abc', 10, POINTER)).toBe('abc');
  });

  it('cuts on a line boundary and leaves no code fence open', () => {
    const md = ['intro', '```', ...Array.from({ length: 50 }, (_, i) => `code ${i}`), '```', 'after'].join('\n');
    const out = truncateMarkdown(md, 200, POINTER);
    expect(out.length).toBeLessThanOrEqual(200);
    const lines = out.split('\n');
    expect(lines.filter((l) => l === '```')).toHaveLength(2);
    for (const l of lines) expect(l === '' || l === '```' || l === 'intro' || l === POINTER || /^code \d+$/.test(l)).toBe(true);
  });

  it('keeps whole table rows', () => {
    const md = ['| a | b |', '| - | - |', ...Array.from({ length: 100 }, (_, i) => `| ${i} | ${'y'.repeat(i % 7)} |`)].join('\n');
    const out = truncateMarkdown(md, 300, POINTER);
    const body = out.slice(0, out.lastIndexOf(`\n\n${POINTER}`));
    for (const line of body.split('\n')) expect(line).toMatch(/^\| .* \|$/);
    expect(md.startsWith(body)).toBe(true);
  });

  it('closes a <details> section left open by the cut', () => {
    const md = ['<details><summary>all</summary>', '', ...Array.from({ length: 40 }, (_, i) => `line ${i}`), '</details>'].join('\n');
    const out = truncateMarkdown(md, 150, POINTER);
    expect(out.length).toBeLessThanOrEqual(150);
    expect(out.match(/<details/g)?.length).toBe(out.match(/<\/details>/g)?.length);
  });

  it('property: fits the limit, ends with the pointer, and fences stay balanced', () => {
    const line = fc.oneof(fc.constant('```'), fc.constant('| x | y |'), fc.string({ maxLength: 40 }).map((s) => s.replace(/\n/g, ' ')));
    fc.assert(fc.property(fc.array(line, { maxLength: 80 }), fc.integer({ min: 40, max: 600 }), (lines, max) => {
      const md = lines.join('\n');
      const out = truncateMarkdown(md, max, POINTER);
      if (md.length <= max) return out === md;
      if (out.length > max || !out.endsWith(POINTER)) return false;
      const kept = out.slice(0, out.length - POINTER.length);
      const fences = kept.split('\n').filter((l) => /^ {0,3}```/.test(l)).length;
      return fences % 2 === 0;
    }), { numRuns: 300 });
  });
});

describe('sticky body', () => {
  it('starts with the marker and keeps it when cut', () => {
    const body = buildStickyBody('evaluate', 'weather', 'x\n'.repeat(40_000), 'https://example.test/run', 65_536);
    expect(body.startsWith(`${stickyMarker('evaluate', 'weather')}\n`)).toBe(true);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('[job summary](https://example.test/run)');
  });

  it('escapes what would break the HTML comment, keeps plain names as they were, and refuses empty ones', () => {
    // Plain names (every marker written before escaping existed) are unchanged.
    expect(stickyMarker('validate', 'data/train.csv')).toBe('<!-- mlops:validate:data/train.csv -->');
    expect(stickyMarker('evaluate', 'my-model_2')).toBe('<!-- mlops:evaluate:my-model_2 -->');
    expect(stickyMarker('validate', 'data/100%.csv')).toBe('<!-- mlops:validate:data/100%.csv -->');
    // `--`, `>` and line breaks are percent-encoded; `%` before two hex digits too, so names never collide.
    expect(stickyMarker('validate', 'data/train--v2.csv')).toBe('<!-- mlops:validate:data/train%2D-v2.csv -->');
    expect(stickyMarker('validate', 'a--->b\r\nc')).toBe('<!-- mlops:validate:a%2D%2D-%3Eb%0D%0Ac -->');
    expect(stickyMarker('validate', 'a%3Eb')).toBe('<!-- mlops:validate:a%253Eb -->');
    expect(stickyMarker('a--b', 'x')).toBe('<!-- mlops:a%2D-b:x -->');
    expect(() => stickyMarker('a', '')).toThrow(/name/);
    expect(() => stickyMarker('', 'x')).toThrow(/kind/);
  });

  it('every marker is one line, a well-formed HTML comment, and distinct names give distinct markers', () => {
    const alphabet = fc.constantFrom('a', '-', '>', '%', '3', 'E', '2', 'D', '\n', '\r', '!', ' ', '<');
    fc.assert(fc.property(fc.array(alphabet, { minLength: 1, maxLength: 12 }).map((c) => c.join('')), fc.array(alphabet, { minLength: 1, maxLength: 12 }).map((c) => c.join('')), (a, b) => {
      const marker = stickyMarker('validate', a);
      const inner = marker.slice('<!--'.length, -'-->'.length);
      if (/[\r\n]/.test(marker) || inner.includes('--') || inner.includes('>')) return false;
      return a === b || marker !== stickyMarker('validate', b);
    }), { numRuns: 2000 });
  });
});
