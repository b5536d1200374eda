import { describe, expect, it } from 'vitest';
import { codeBlock, details, table, truncateMarkdown } from '../../../src/report/index.ts';

const POINTER = '> [!NOTE]\n> Cut; the full report is in the job summary.\n';

describe('truncateMarkdown fences as CommonMark reads them', () => {
  it('does not take a code line of 4+ spaces and backticks for the closing fence', () => {
    // A schema error quoting a markdown description: the indented fence is code, not a closer.
    const code = codeBlock('description: |\n    ````\n    example\n    ````\nend');
    expect(code.startsWith('```\n')).toBe(true);
    const markdown = `${details('Base schema', code)}\n## Next\n\n${'row\n'.repeat(40)}`;
    const cutAt = markdown.indexOf('## Next') + 10;
    const out = truncateMarkdown(markdown, cutAt + POINTER.length, POINTER);
    // The block was closed by its own closer: nothing is left open, so no closer is added.
    expect(out).toBe(`${markdown.slice(0, markdown.indexOf('## Next') + '## Next\n\n'.length)}\n${POINTER}`);
  });

  it('closes a block cut inside it even when it holds an indented fence-like line', () => {
    const markdown = `<details>\n<summary>s</summary>\n\n\`\`\`\n    \`\`\`\`\n${'line\n'.repeat(40)}\`\`\`\n\n</details>\n`;
    const out = truncateMarkdown(markdown, 120, POINTER);
    expect(out.endsWith(`\`\`\`\n</details>\n\n${POINTER}`)).toBe(true);
    expect(out.length).toBeLessThanOrEqual(120);
  });

  it('does not take a line starting with inline code of three backticks for a fence', () => {
    const markdown = `\`\`\`a\`\`\` is the column.\n\n${'More text.\n'.repeat(20)}`;
    const out = truncateMarkdown(markdown, 80, POINTER);
    expect(out).toBe(`\`\`\`a\`\`\` is the column.\n\n${POINTER}`);
  });

  it('reads a fence closed on a CRLF line as closed', () => {
    const markdown = `\`\`\`\r\nx\r\n\`\`\`\r\n\r\n${'Text.\r\n'.repeat(30)}`;
    const out = truncateMarkdown(markdown, 90, POINTER);
    expect(out).toBe(`\`\`\`\r\nx\r\n\`\`\`\r\n\r\n${'Text.\r\n'.repeat(Math.floor((90 - 16 - 1 - POINTER.length) / 7))}\n${POINTER}`);
  });

  it('ends a table with a blank line before the </details> that closes around it', () => {
    const markdown = `${details('Per-class scores', table([['class', 'f1'], ...Array.from({ length: 50 }, (_, i) => [`c${i}`, '0.5'])]))}\nend\n`;
    const out = truncateMarkdown(markdown, 200, POINTER);
    expect(out).toMatch(/\| c\d+ +\| 0\.5 \|\n\n<\/details>\n\n> \[!NOTE\]\n> Cut; the full report is in the job summary\.\n$/);
    expect(out.length).toBeLessThanOrEqual(200);
  });
});
