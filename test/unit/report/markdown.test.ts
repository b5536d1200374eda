import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alert, codeBlock, details, escapeCell, inlineCode, markerComment, table, truncateMarkdown, xyChart } from '../../../src/report/index.ts';

describe('table', () => {
  it('renders a GFM table with alignment and escaped cells', () => {
    expect(table([['metric', 'value'], ['a|b', 1], ['multi\nline', null]], { align: ['l', 'r'] })).toBe(
      '| metric        | value |\n| :------------ | ----: |\n| a\\|b          |     1 |\n| multi<br>line |       |\n',
    );
    expect(table([['x'], ['y']], 'c')).toBe('|  x  |\n| :-: |\n|  y  |\n');
    expect(table([])).toBe('');
  });
  it('escapes backslashes before pipes so a cell cannot break out', () => {
    expect(escapeCell('a\\|b')).toBe('a\\\\\\|b');
    expect(escapeCell(undefined)).toBe('');
    expect(escapeCell(false)).toBe('false');
  });
});

describe('alert and details', () => {
  it('quotes every line of an alert, blank lines included', () => {
    expect(alert('WARNING', 'Drift in 3 columns.\n\nSee below.\n')).toBe('> [!WARNING]\n> Drift in 3 columns.\n>\n> See below.\n');
  });
  it('renders details with escaped summary and blank lines around the body', () => {
    expect(details('Errors <10>', '| a |\n|---|\n')).toBe('<details>\n<summary>Errors &lt;10&gt;</summary>\n\n| a |\n|---|\n\n</details>\n');
    expect(details('s', 'b', { open: true })).toMatch(/^<details open>/);
  });
});

describe('xyChart', () => {
  it('renders mermaid xychart-beta with a legend', () => {
    const chart = xyChart({
      title: 'Loss "train"',
      xLabels: [1, 2, 3],
      yLabel: 'loss',
      yRange: [0, 1],
      series: [{ name: 'train', kind: 'line', values: [0.9, 0.5, 1 / 3] }, { name: 'val', kind: 'bar', values: [0.95, NaN, 0.4] }],
    });
    expect(chart).toBe([
      '```mermaid',
      'xychart-beta',
      '    title "Loss ”train”"',
      '    x-axis ["1", "2", "3"]',
      '    y-axis "loss" 0 --> 1',
      '    line [0.9, 0.5, 0.333333]',
      '    bar [0.95, 0, 0.4]',
      '```',
      '',
      '<sub>line: train · bars: val (missing values drawn as 0)</sub>',
      '',
    ].join('\n'));
  });
  it('rejects series that do not match the labels', () => {
    expect(() => xyChart({ xLabels: ['a'], series: [{ name: 's', kind: 'bar', values: [1, 2] }] })).toThrow(RangeError);
  });
});

describe('inlineCode and codeBlock', () => {
  it('pick delimiters longer than any backtick run inside', () => {
    expect(inlineCode('a.csv')).toBe('`a.csv`');
    expect(inlineCode('x `y` z')).toBe('``x `y` z``');
    expect(inlineCode('`edge')).toBe('`` `edge ``');
    expect(codeBlock('plain\n', 'json')).toBe('```json\nplain\n```\n');
    expect(codeBlock('```\ninner\n```')).toBe('````\n```\ninner\n```\n````\n');
  });
});

describe('markerComment', () => {
  it('builds the sticky-comment marker and cannot be closed early', () => {
    expect(markerComment('evaluate', 'weather')).toBe('<!-- mlops:evaluate:weather -->');
    expect(markerComment('validate', 'x-->y\nz')).toBe('<!-- mlops:validate:x--%3Ey%0Az -->');
  });
});

describe('truncateMarkdown', () => {
  const pointer = '_Cut: full report in the job summary._';
  it('returns short markdown unchanged', () => {
    expect(truncateMarkdown('# hi\n', 10, pointer)).toBe('# hi\n');
  });
  it('cuts at a line boundary inside a table, never between header and delimiter', () => {
    const md = `# T\n\n| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(10)}`;
    const out = truncateMarkdown(md, 80, pointer);
    expect(out).toBe(`# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n${pointer}`);
    // 25 characters would end right after the header row: the cut moves before the table.
    expect(truncateMarkdown(md, 15 + 1 + pointer.length, pointer)).toBe(`# T\n\n\n${pointer}`);
    const tight = truncateMarkdown(md, 60, pointer);
    expect(tight).toBe(`# T\n\n\n${pointer}`);
  });
  it('closes an open fence with its own marker and open details blocks', () => {
    const md = `<details>\n<summary>s</summary>\n\n~~~~json\n${'{"a": 1}\n'.repeat(20)}~~~~\n</details>\n`;
    const out = truncateMarkdown(md, 120, pointer);
    expect(out).toBe(`<details>\n<summary>s</summary>\n\n~~~~json\n{"a": 1}\n{"a": 1}\n~~~~\n</details>\n\n${pointer}`);
  });
  it('falls back to the pointer alone, cut when even it does not fit', () => {
    expect(truncateMarkdown('x'.repeat(100), 50, pointer)).toBe(pointer);
    expect(truncateMarkdown('x'.repeat(100), 5, pointer)).toBe(pointer.slice(0, 5));
  });
  it('property: within the limit, ends with the pointer, fences and details balanced, rows whole', () => {
    const block = fc.oneof(
      fc.string({ maxLength: 30 }).map((s) => `${s.replace(/[`~|<>\n]/g, 'x')}\n`),
      fc.array(fc.tuple(fc.nat(999), fc.nat(999)), { minLength: 1, maxLength: 8 }).map((rows) => table([['a', 'b'], ...rows])),
      fc.array(fc.string({ maxLength: 20 }).map((s) => s.replace(/[`~\n]/g, 'y')), { maxLength: 6 }).map((ls) => `\`\`\`\n${ls.join('\n')}\n\`\`\`\n`),
      fc.string({ maxLength: 40 }).map((s) => details('d', s.replace(/[`~|<>]/g, 'z'))),
    );
    fc.assert(fc.property(fc.array(block, { maxLength: 12 }), fc.integer({ min: 45, max: 400 }), (blocks, max) => {
      const md = blocks.join('\n');
      const out = truncateMarkdown(md, max, pointer);
      expect(out.length).toBeLessThanOrEqual(max);
      if (md.length <= max) {
        expect(out).toBe(md);
        return;
      }
      expect(out.endsWith(pointer)).toBe(true);
      const body = out.slice(0, out.length - pointer.length);
      expect((body.match(/^```/gm) ?? []).length % 2).toBe(0);
      expect((body.match(/<details>/g) ?? []).length).toBe((body.match(/<\/details>/g) ?? []).length);
      const inputLines = new Set(md.split('\n'));
      for (const line of body.split('\n').filter((l) => l.startsWith('|'))) expect(inputLines.has(line)).toBe(true);
    }), { numRuns: 300 });
  });
});
