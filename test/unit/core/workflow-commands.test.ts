import { describe, expect, it } from 'vitest';
import { inertCommands, inertJson, inertStream } from '../../../src/core/workflow-commands.ts';
import { parseWorkflowCommands } from '../../support/action-runner/index.ts';

describe('inertStream: a stream written in pieces', () => {
  it.each([
    ['a # then #[error]', ['value: #', '#[error file=README.md]forged\n']],
    ['blanks then ::error::', ['  ', '::error file=README.md::forged\n']],
    ['a lone CR then ::', ['x\r', '::warning::forged\n']],
    ['a whole command line', ['ok\n', '::notice::forged\n']],
  ])('%s: no command runs, the text still shows', (_what, pieces) => {
    const guard = inertStream();
    const printed = pieces.map(guard).join('') + `::warning::the step's own\n`;
    const parsed = parseWorkflowCommands(printed);
    expect(parsed.annotations).toEqual([{ level: 'warning', message: "the step's own" }]);
    expect(parsed.log.join('\n')).toContain('forged');
  });

  it('plain text, cut anywhere, is printed byte for byte', () => {
    const guard = inertStream();
    const pieces = ['ratio 1:', '2, a::b ', '## not [x]\n', '  :', ': one colon each\n'];
    expect(pieces.map(guard).join('')).toBe(pieces.join(''));
  });
});

describe('inertJson', () => {
  it('the same document once parsed; the runner reads no command in it', () => {
    const doc = { value: '##[error file=README.md]forged', column: 'a\n::warning::b' };
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    const safe = inertJson(text);
    expect(JSON.parse(safe)).toEqual(doc);
    expect(parseWorkflowCommands(safe).annotations).toEqual([]);
    expect(parseWorkflowCommands(text).annotations).not.toEqual([]);
    expect(inertJson('{"a":"# #["}')).toBe('{"a":"# #["}');
  });

  it('inertCommands leaves plain text alone', () => {
    expect(inertCommands('a::b\n')).toBe('a::b\n');
  });
});

/**
 * The lines the runner would run, read as its ActionCommand does: `::` after .NET's TrimStart()
 * (Char.IsWhiteSpace: NEL U+0085 included, which JavaScript's trimStart keeps), or `##[` anywhere;
 * lines between stop-commands and its token are skipped.
 */
function runnerCommandLines(text: string): string[] {
  const dotnetBlank = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;
  const found: string[] = [];
  let stop: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(dotnetBlank, '');
    if (stop !== undefined) {
      if (trimmed === `::${stop}::`) stop = undefined;
      continue;
    }
    const start = /^::stop-commands::(.+)$/.exec(trimmed);
    if (start) stop = start[1];
    else if (trimmed.startsWith('::') || line.includes('##[')) found.push(line);
  }
  return found;
}

describe('blanks as the runner counts them', () => {
  const forged = '\u0085::error file=README.md::forged after a NEL';

  it('a NEL (U+0085) before :: at the start of a line is a command to the runner, and is made inert', () => {
    const row = `  ${forged}  integer  0\n`;
    expect(runnerCommandLines(row)).toHaveLength(1);
    expect(runnerCommandLines(inertCommands(row))).toEqual([]);
    expect(inertCommands(row)).toContain(forged);
    for (const blank of ['\u00a0', '\u2003', '\u3000', '\u2028']) expect(runnerCommandLines(inertCommands(`${blank}::warning::x\n`))).toEqual([]);
  });

  it('inertStream: a NEL in one piece and :: in the next', () => {
    for (const pieces of [['  \u0085', '::error::forged\n'], ['ok\n\u0085', '\u00a0', '::error::forged\n']]) {
      const guard = inertStream();
      const printed = pieces.map(guard).join('');
      expect(runnerCommandLines(pieces.join(''))).toHaveLength(1);
      expect(runnerCommandLines(printed), JSON.stringify(printed)).toEqual([]);
      expect(printed).toContain('forged');
    }
  });

  it('text with a NEL but no command is printed as it is', () => {
    const guard = inertStream();
    const pieces = ['a\u0085b: c\n', '\u0085 x:y\n'];
    expect(pieces.map(guard).join('')).toBe(pieces.join(''));
  });
});
