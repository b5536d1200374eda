/**
 * The runner's side of the step contract: workflow commands (`::error file=…::msg`) in a step's
 * output, and the env files (`GITHUB_OUTPUT`, `GITHUB_ENV`) in `name=value` / heredoc format.
 */

/** An annotation the step emitted. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
  /** Display name of the step that emitted it. */
  step?: string;
}

/** What a step's log said through workflow commands. */
export interface ParsedCommands {
  annotations: Annotation[];
  masks: string[];
  debug: string[];
  /** Outputs set with the deprecated `::set-output name=…::` command. */
  legacyOutputs: Record<string, string>;
  /** The log with command lines removed (groups kept as plain lines). */
  log: string[];
}

/** Decodes a command message (`%25`, `%0D`, `%0A`). */
export function unescapeData(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** Decodes a command property (also `%3A` and `%2C`). */
export function unescapeProperty(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%25/g, '%');
}

/** Decodes a legacy `##[command k=v;]data` property or message (`%25`, `%3B`, `%0D`, `%0A`, `%5D`). */
function unescapeLegacy(text: string): string {
  return text.replace(/%3B/gi, ';').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%5D/gi, ']').replace(/%25/g, '%');
}

/** The commands the runner registers: only these are recognised in the legacy `##[…]` form. */
const REGISTERED = new Set(['set-env', 'set-output', 'save-state', 'add-mask', 'add-path', 'add-matcher', 'remove-matcher', 'debug', 'warning', 'error', 'notice', 'group', 'endgroup', 'echo', 'stop-commands']);

/**
 * One command of a log line, as the runner's ActionCommand parses it: `::name props::message` at
 * the start of the line (after leading whitespace), else the legacy `##[name k=v;k=v]message`
 * ANYWHERE in the line, for a registered command name. `extra` names a stop-commands token, which
 * is a command while processing is stopped.
 */
function parseCommand(rawLine: string, extra?: string): { name: string; properties: Record<string, string>; value: string } | undefined {
  const line = rawLine.trimStart();
  const match = /^::([A-Za-z0-9-]+)(?: ([^]*?))?::([^]*)$/.exec(line);
  if (match) {
    const [, name, props = '', message = ''] = match;
    const properties: Record<string, string> = {};
    for (const pair of props.split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
    }
    return { name: name!, properties, value: unescapeData(message) };
  }
  const at = rawLine.indexOf('##[');
  if (at < 0) return undefined;
  const end = rawLine.indexOf(']', at);
  if (end < 0) return undefined;
  const info = rawLine.slice(at + 3, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!REGISTERED.has(name) && name !== extra) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info.slice(space + 1).split(';')) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = unescapeLegacy(pair.slice(eq + 1));
    }
  }
  return { name, properties, value: unescapeLegacy(rawLine.slice(end + 1)) };
}

/**
 * Parses workflow commands from a step's output, as the runner does line by line (it reads lines
 * ending in LF, CRLF or a lone CR).
 */
export function parseWorkflowCommands(text: string, step?: string): ParsedCommands {
  const result: ParsedCommands = { annotations: [], masks: [], debug: [], legacyOutputs: {}, log: [] };
  let stopToken: string | undefined;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    if (stopToken !== undefined) {
      if (parseCommand(rawLine, stopToken)?.name.toLowerCase() === stopToken.toLowerCase()) stopToken = undefined;
      else result.log.push(rawLine);
      continue;
    }
    const command = parseCommand(rawLine);
    if (!command) {
      result.log.push(rawLine);
      continue;
    }
    const { name, properties, value } = command;
    switch (name!.toLowerCase()) {
      case 'error': case 'warning': case 'notice': {
        const number = (key: string): number | undefined => (properties[key] !== undefined && /^\d+$/.test(properties[key]!) ? Number(properties[key]) : undefined);
        const annotation: Annotation = { level: name!.toLowerCase() as Annotation['level'], message: value };
        if (properties.file !== undefined) annotation.file = properties.file;
        if (number('line') !== undefined) annotation.line = number('line');
        if (number('endLine') !== undefined) annotation.endLine = number('endLine');
        if (number('col') !== undefined) annotation.col = number('col');
        if (number('endColumn') !== undefined) annotation.endColumn = number('endColumn');
        if (properties.title !== undefined) annotation.title = properties.title;
        if (step !== undefined) annotation.step = step;
        result.annotations.push(annotation);
        break;
      }
      case 'add-mask': if (value !== '') result.masks.push(value); break;
      case 'debug': result.debug.push(value); break;
      case 'set-output': if (properties.name) result.legacyOutputs[properties.name] = value; break;
      case 'stop-commands': stopToken = value; break;
      case 'group': result.log.push(`▶ ${value}`); break;
      case 'endgroup': break;
      default: result.log.push(rawLine);
    }
  }
  return result;
}

/**
 * Parses an env file (`GITHUB_OUTPUT`, `GITHUB_ENV`): `name=value` lines and
 * `name<<DELIMITER` … `DELIMITER` heredocs. Throws like the runner on a missing delimiter.
 */
export function parseEnvFile(text: string, what = 'env file'): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (delimiter === '') throw new Error(`${what}: invalid heredoc delimiter for '${name}'`);
      const value: string[] = [];
      let j = i + 1;
      for (; j < lines.length && lines[j] !== delimiter; j++) value.push(lines[j]!);
      if (j >= lines.length) throw new Error(`${what}: matching delimiter not found '${delimiter}'`);
      result[name] = value.join('\n');
      i = j;
    } else if (eq > 0) {
      result[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`${what}: invalid format '${line}'`);
    }
  }
  return result;
}
