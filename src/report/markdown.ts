import { markdownTable } from 'markdown-table';

/** A table cell: text, a number (printed as is: format it first), or empty. */
export type Cell = string | number | boolean | null | undefined;
/** Column alignment: left, right, center, or none. */
export type Align = 'l' | 'r' | 'c' | '';

/**
 * Escapes a table cell: pipes would split the cell, newlines would end the row, and a backslash
 * is written doubled so it shows as itself. Inside a code span (`` `\N` ``) backslash escapes do
 * not apply, so only its pipes are escaped (the table unescapes `\|` before the span is read):
 * doubling there showed a category `\N` as `\\N`, a value the column does not hold.
 */
export function escapeCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell).replace(/\r?\n|\r/g, '<br>');
  if (!text.includes('`')) return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '`') {
      let n = i;
      while (text[n] === '`') n++;
      const close = closingRun(text, n, n - i);
      if (close >= 0) {
        out += text.slice(i, close + (n - i)).replace(/\|/g, '\\|');
        i = close + (n - i);
      } else {
        // A backtick run with no closer is literal text.
        out += text.slice(i, n);
        i = n;
      }
      continue;
    }
    const c = text[i]!;
    out += c === '\\' ? '\\\\' : c === '|' ? '\\|' : c;
    i++;
  }
  return out;
}

/** The index of the next run of exactly `length` backticks at or after `from`, or -1. */
function closingRun(text: string, from: number, length: number): number {
  let i = text.indexOf('`', from);
  while (i >= 0) {
    let end = i;
    while (text[end] === '`') end++;
    if (end - i === length) return i;
    i = text.indexOf('`', end);
  }
  return -1;
}

/**
 * Data text shown as written in markdown (a category, a class name, a column name): HTML and the
 * inline markdown marks become character references, so a cell `<NA>` is not taken for a tag (and
 * dropped), `*x*` is not emphasis and a backtick opens no code span; an `@` gets a word joiner after
 * it, so a value `@org/team` in a pull-request comment mentions no one. A backslash becomes a
 * reference too: left as is, it escaped the `&` of the next mark's reference outside a table
 * (a slice column `temp\_c` showed as `temp&#95;c`). Pipes and line breaks are the table's to
 * escape ({@link escapeCell}).
 */
export function plainText(text: string): string {
  // An underscore inside a word (`temp_max`) is no emphasis in GitHub markdown: left readable.
  return text.replace(/[&<>`*[\]~@\\]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (c) => (c === '@' ? '@\u2060' : `&#${c.charCodeAt(0)};`));
}

/**
 * A GitHub-flavoured markdown table; `rows[0]` is the header. Cells are escaped
 * ({@link escapeCell}). `align` is one style for all columns or one per column.
 */
export function table(rows: readonly (readonly Cell[])[], options: { align?: Align | readonly Align[] } | Align | readonly Align[] = {}): string {
  if (rows.length === 0) return '';
  const align = typeof options === 'string' || Array.isArray(options) ? options : (options as { align?: Align | readonly Align[] }).align;
  return `${markdownTable(rows.map((row) => row.map(escapeCell)), { align: align as string | readonly string[] | undefined })}\n`;
}

/** GitHub alert kinds (`> [!NOTE]` …). */
export type AlertKind = 'NOTE' | 'TIP' | 'IMPORTANT' | 'WARNING' | 'CAUTION';

/** A GitHub alert block; every line of `text` is quoted (blank lines too, so the alert does not end). */
export function alert(kind: AlertKind, text: string): string {
  const body = text.replace(/\s+$/, '').split(/\r?\n/).map((line) => (line === '' ? '>' : `> ${line}`));
  return `> [!${kind}]\n${body.join('\n')}\n`;
}

/** Escapes text for HTML content (`&`, `<`, `>`). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A collapsible `<details>` section. The blank lines around `body` let GitHub render the
 * markdown inside it.
 */
export function details(summary: string, body: string, options: { open?: boolean } = {}): string {
  return `<details${options.open ? ' open' : ''}>\n<summary>${escapeHtml(summary)}</summary>\n\n${body.replace(/\s+$/, '')}\n\n</details>\n`;
}

/** One series of an {@link xyChart}. */
export interface ChartSeries {
  name: string;
  kind: 'line' | 'bar';
  values: readonly number[];
}

/** Input of {@link xyChart}. */
export interface XyChartSpec {
  title?: string;
  xLabels: readonly (string | number)[];
  yLabel?: string;
  /** Fixed y range; default: mermaid picks it from the data. */
  yRange?: readonly [number, number];
  series: readonly ChartSeries[];
}

// Mermaid strings cannot escape a double quote; a typographic one reads the same.
const mermaidString = (text: string | number): string => `"${String(text).replace(/"/g, '”').replace(/[\r\n]+/g, ' ')}"`;
const mermaidNumber = (x: number): string => String(Number(x.toPrecision(6)));

/**
 * A mermaid `xychart-beta` chart in a fenced block. xychart has no legend, so series names are
 * listed under the chart. Non-finite values cannot be plotted: they are drawn as 0 and the
 * legend says so.
 */
export function xyChart(spec: XyChartSpec): string {
  const lines = ['```mermaid', 'xychart-beta'];
  if (spec.title) lines.push(`    title ${mermaidString(spec.title)}`);
  lines.push(`    x-axis [${spec.xLabels.map(mermaidString).join(', ')}]`);
  const range = spec.yRange ? ` ${mermaidNumber(spec.yRange[0])} --> ${mermaidNumber(spec.yRange[1])}` : '';
  if (spec.yLabel || range) lines.push(`    y-axis${spec.yLabel ? ` ${mermaidString(spec.yLabel)}` : ''}${range}`);
  let missing = false;
  for (const series of spec.series) {
    if (series.values.length !== spec.xLabels.length) {
      throw new RangeError(`series '${series.name}' has ${series.values.length} values for ${spec.xLabels.length} x labels`);
    }
    const values = series.values.map((v) => {
      if (Number.isFinite(v)) return mermaidNumber(v);
      missing = true;
      return '0';
    });
    lines.push(`    ${series.kind} [${values.join(', ')}]`);
  }
  lines.push('```');
  const legend = spec.series.map((s) => `${s.kind === 'line' ? 'line' : 'bars'}: ${s.name}`).join(' · ');
  const note = missing ? ' (missing values drawn as 0)' : '';
  return `${lines.join('\n')}\n${legend || note ? `\n<sub>${escapeHtml(legend)}${note}</sub>\n` : ''}`;
}

/**
 * The hidden marker that identifies a sticky comment: `<!-- mlops:<kind>:<name> -->`. Characters
 * that would end the comment or the line are percent-encoded.
 */
export function markerComment(kind: string, name: string): string {
  const safe = (text: string): string => text.replace(/%/g, '%25').replace(/>/g, '%3E').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `<!-- mlops:${safe(kind)}:${safe(name)} -->`;
}

/** Inline code that survives backticks in `text` (a longer backtick run delimits it). */
export function inlineCode(text: string): string {
  // A lone CR ends a markdown line as LF does (and a table cell turns it into a literal <br>).
  const body = text.replace(/\r\n|\r|\n/g, ' ');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // The renderer strips one space from each end of a span that starts and ends with one: padded,
  // a category ' NY ' stays ' NY ' (shown as 'NY' it could not be told from the clean 'NY').
  const spaced = body.startsWith(' ') && body.endsWith(' ') && /[^ ]/.test(body);
  const pad = body.startsWith('`') || body.endsWith('`') || spaced ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in `text`, so it cannot end early. */
export function codeBlock(text: string, language = ''): string {
  const longest = Math.max(2, ...(text.match(/^ {0,3}`+/gm) ?? []).map((run) => run.trim().length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\s+$/, '')}\n${fence}\n`;
}
