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

  it('refuses kinds and names that would break the HTML comment', () => {
    expect(() => stickyMarker('a--b', 'x')).toThrow(/kind/);
    expect(() => stickyMarker('a', 'x>')).toThrow(/name/);
    expect(() => stickyMarker('a', '')).toThrow();
  });
});
