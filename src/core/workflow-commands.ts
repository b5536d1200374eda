import { randomHex } from './random.ts';

/**
 * Keeping printed text from acting as a GitHub workflow command. The runner reads every line a
 * step prints, on stdout and on stderr, and runs `::name …::` at the start of a line (after blanks;
 * lines may end in LF, CRLF or a lone CR) and the legacy `##[name …]` ANYWHERE in a line,
 * `stop-commands` included. Data-derived text — a column name with a line break, a cell value such
 * as `##[error file=README.md]…` — must be printed, never run. Shared by the actions runtime
 * (src/actions/runtime.ts) and the CLI when it runs in a workflow's `run:` step (src/cli/main.ts).
 */

/**
 * What the runner's `TrimStart()` removes before it looks for `::`: .NET's Char.IsWhiteSpace,
 * which counts NEL (U+0085) as a blank where JavaScript's `\s` does not; a column name starting
 * with NEL then `::error …::` printed at the start of a table row was run. U+FEFF and U+180E,
 * blanks to JavaScript or to older .NET, are counted too: a false alarm only wraps plain text.
 * Line breaks are left out: the runner splits lines at CR and LF only.
 */
const BLANK = '[\\t\\v\\f \\u0085\\u00a0\\u1680\\u180e\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]';

/**
 * A line the runner would parse as a workflow command: `::` at its start after blanks, or the
 * legacy `##[` anywhere in it.
 */
const COMMAND_LIKE = new RegExp(`(?:^|[\\r\\n])${BLANK}*::|##\\[`);

/** Text with nothing but blanks (as {@link BLANK} counts them). */
const ALL_BLANK = new RegExp(`^${BLANK}*$`);

/** True when the runner would take something in `text` for a workflow command. */
export function looksLikeCommand(text: string): boolean {
  return COMMAND_LIKE.test(text);
}

/**
 * `text` between `::stop-commands::` and a fresh random resume token (GitHub's documented way to
 * echo untrusted text): the runner prints it as it is and runs none of it.
 */
export function stopCommandsAround(text: string): string {
  let token = randomHex(16);
  while (text.includes(token)) token = randomHex(16);
  return `::stop-commands::${token}\n${text}${/[\r\n]$/.test(text) ? '' : '\n'}::${token}::\n`;
}

/**
 * `text` as the runner will print it without running any of it: wrapped in `stop-commands` when
 * it looks like a command, else unchanged. Judges `text` alone, as whole lines: for a stream
 * written in pieces use {@link inertStream}.
 */
export function inertCommands(text: string): string {
  return looksLikeCommand(text) ? stopCommandsAround(text) : text;
}

/**
 * A guard for one output stream written in pieces that may end mid-line: each piece is judged
 * together with the unfinished line before it (a `#` then `#[error]…`, blanks then `::error::…`),
 * and one that would complete a command is printed on a line of its own inside `stop-commands`.
 * Plain text passes through unchanged, byte for byte.
 */
export function inertStream(): (text: string) => string {
  // What matters of the unfinished line: whether it is blank so far, and its last two characters.
  let blank = true;
  let tail = '';
  return (text) => {
    if (text === '') return text;
    const context = blank ? (tail === '' ? '' : ' ') : `x${tail}`;
    let result = text;
    if (looksLikeCommand(context + text)) {
      // The wrapper's first line must start a line for the runner to read it as a command.
      result = `${context === '' ? '' : '\n'}${stopCommandsAround(text)}`;
      blank = true;
      tail = '';
      return result;
    }
    const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    const rest = text.slice(lastBreak + 1);
    if (lastBreak >= 0) {
      blank = ALL_BLANK.test(rest);
      tail = rest.slice(-2);
    } else {
      blank = blank && ALL_BLANK.test(rest);
      tail = (tail + rest).slice(-2);
    }
    return result;
  };
}

/**
 * A JSON document with every `##[` (only ever inside a string) written `#\u0023[`: the same JSON
 * once parsed, which the runner cannot read as a legacy command when it lands in the log. JSON
 * never starts a line with `::` (line breaks in strings are escaped), so nothing else is needed.
 */
export function inertJson(text: string): string {
  return text.includes('##[') ? text.replaceAll('##[', '#\\u0023[') : text;
}
