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
