import { describe, expect, it } from 'vitest';
import { escapeCell, inlineCode, plainText, table } from '../../../src/report/index.ts';

describe('table cells holding code spans', () => {
  it('keeps the backslashes of a code span as they are: they are not escapes there', () => {
    // MySQL's null marker as a drift contributor, or a column named with a backslash.
    expect(escapeCell(inlineCode('\\N'))).toBe('`\\N`');
    expect(escapeCell(`${inlineCode('C:\\data')} (absent)`)).toBe('`C:\\data` (absent)');
  });

  it('still escapes the pipes of a code span, which the table reads before the span', () => {
    expect(escapeCell(inlineCode('a|b'))).toBe('`a\\|b`');
    expect(escapeCell(inlineCode('a\\|b'))).toBe('`a\\\\|b`');
  });

  it('doubles backslashes outside code spans and around them', () => {
    expect(escapeCell('x\\y `p\\q` r\\s')).toBe('x\\\\y `p\\q` r\\\\s');
    expect(escapeCell('a\\|b')).toBe('a\\\\\\|b');
    // A backtick run without a closer is text, not a span.
    expect(escapeCell('a`b\\c')).toBe('a`b\\\\c');
    expect(escapeCell('``a`b``\\')).toBe('``a`b``\\\\');
  });

  it('renders a table whose code cells show their values', () => {
    expect(table([['Feature', 'Most changed'], [inlineCode('status'), inlineCode('\\N')]])).toBe(
      '| Feature  | Most changed |\n| -------- | ------------ |\n| `status` | `\\N`         |\n',
    );
  });
});

describe('inlineCode keeps the value the renderer shows', () => {
  it('pads a value with a space at both ends, which the renderer would strip', () => {
    // Rendered, one space is stripped from each end: the category shows as ' NY ', not 'NY'.
    expect(inlineCode(' NY ')).toBe('`  NY  `');
    expect(inlineCode(' NY')).toBe('` NY`');
    expect(inlineCode('   ')).toBe('`   `');
    expect(inlineCode(' \t ')).toBe('`  \t  `');
  });

  it('turns a lone CR into a space like a line break', () => {
    expect(inlineCode('a\rb\r\nc\nd')).toBe('`a b c d`');
    expect(escapeCell(inlineCode('a\rb'))).toBe('`a b`');
  });
});

describe('plainText outside a table', () => {
  it('keeps a backslash from escaping the reference of the mark after it', () => {
    // `temp\&#95;c` renders as `temp&#95;c`: the backslash escapes the ampersand.
    expect(`**${plainText('temp\\_c')}**`).toBe('**temp&#92;&#95;c**');
    expect(plainText('C:\\data\\*.csv')).toBe('C:&#92;data&#92;&#42;.csv');
  });

  it('needs no table escape for the backslash in a cell (it is a reference already)', () => {
    expect(table([['v'], [plainText('a\\b')]])).toBe('| v       |\n| ------- |\n| a&#92;b |\n');
  });
});
