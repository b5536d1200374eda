import yaml from 'js-yaml';
import { UsageError } from '../../core/errors.ts';
import { isJsonPath, writeFileAtomic } from '../../core/fs.ts';
import { looksLikeCommand } from '../../core/workflow-commands.ts';
import { diffSchemas, dumpSchema, formatSchemaDiff, inferSchema, loadSchema, type TableSchema } from '../../schema/index.ts';
import { helpHint, outputFlag, parseCommandArgs, parseIntegerFlag, requirePositional } from '../args.ts';
import { ExitCode, type Command } from '../command.ts';
import { dataArguments } from '../../table/index.ts';
import type { CliIo } from '../io.ts';
import { refuseOverwritingInputs } from '../outputs.ts';
import { atCwd } from './validate.ts';

/**
 * The inferred schema as YAML for stdout. In a workflow's log (GITHUB_ACTIONS, stdout not a file)
 * an enum value or column name such as `##[error]…` or `a\n::warning::…` would be run by the
 * runner as a workflow command; wrapping the YAML in stop-commands would break the document for
 * `| tee schema.yaml`. So there every string is written double-quoted on one line, where YAML's
 * `\x23` escape can spell the `#` of `##[`: the same schema once loaded, nothing left to run.
 */
function schemaYamlForStdout(schema: TableSchema, io: CliIo): string {
  const text = dumpSchema(schema);
  if (io.env.GITHUB_ACTIONS !== 'true' || io.stdoutIsFile === true || !looksLikeCommand(text)) return text;
  const { source: _source, ...plain } = schema;
  return yaml.dump(plain, { lineWidth: -1, noRefs: true, flowLevel: 3, quotingType: '"', forceQuotes: true }).replaceAll('##[', '#\\x23[');
}

const USAGE = `Usage:
  mlops schema infer <data>... [-o schema.yaml] [--max-enum N]
  mlops schema diff <old> <new> [--json] [--fail-on-breaking]

infer  Reads <data> (several files or a quoted glob: shards of one dataset, with the same
       columns, read as one table) and writes a Table Schema: types (boolean, integer, number, date, datetime,
       time, string), required when a column has no empty cells, enum for string columns with
       few distinct values (--max-enum, default 20), minimum/maximum (a timestamp or id column:
       minimum only, as new data is later), and role guesses (id, label, timestamp, ignore,
       feature). YAML on stdout (or -o -), or to -o (.json writes JSON).
diff   Classifies every change from <old> to <new> as breaking (old data may fail the new
       schema: type narrowed, constraint added or tightened, enum value removed, required
       added, pattern added or changed, stricter fieldsMatch; a column added unless the new
       fieldsMatch (superset, partial) lets it be absent and it is not required, not in the
       primary key, with no maxNullFraction below 1; a column removed unless the new
       fieldsMatch (subset, partial) ignores extra columns) or compatible; breaking first.
       Exit 0, or 1 with --fail-on-breaking when a change is breaking.`;

const command: Command = {
  name: 'schema',
  summary: 'infer a schema from data, or diff two schemas (infer | diff)',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'infer') {
      const { values, positionals } = parseCommandArgs(rest, { output: { type: 'string', short: 'o' }, 'max-enum': { type: 'string' } }, 'schema infer');
      requirePositional(positionals, 0, 'data', 'mlops schema infer <data>... [-o schema.yaml]');
      // Globs and lists (shards of one dataset) are read as one table.
      const files = await dataArguments(positionals, io.cwd);
      const out = outputFlag(values.output);
      await refuseOverwritingInputs([{ flag: 'output', path: out }], files, io.cwd);
      const schema = await inferSchema(files.map((f) => atCwd(io, f)), { maxEnum: parseIntegerFlag(values['max-enum'], 'max-enum', 20) });
      if (out === undefined) io.stdout(schemaYamlForStdout(schema, io));
      else {
        const text = isJsonPath(out) ? `${JSON.stringify(schema, null, 2)}\n` : dumpSchema(schema);
        await writeFileAtomic(atCwd(io, out), text, { what: 'schema', name: out });
        io.stderr(`wrote ${out} (${schema.fields.length} fields)\n`);
      }
      return ExitCode.ok;
    }
    if (sub === 'diff') {
      const { values, positionals } = parseCommandArgs(rest, { json: { type: 'boolean' }, 'fail-on-breaking': { type: 'boolean' } }, 'schema diff');
      const older = requirePositional(positionals, 0, 'old', 'mlops schema diff <old> <new>');
      const newer = requirePositional(positionals, 1, 'new', 'mlops schema diff <old> <new>');
      // A third schema would be silently left out of the comparison.
      if (positionals.length > 2) throw new UsageError(`unexpected argument '${positionals[2]}': schema diff compares two schemas. Usage: mlops schema diff <old> <new> [--json] [--fail-on-breaking]`);
      const diff = diffSchemas(await loadSchema(atCwd(io, older)), await loadSchema(atCwd(io, newer)));
      const text = `${formatSchemaDiff(diff)}\n`;
      if (values.json) {
        io.stdout(`${JSON.stringify(diff)}\n`);
        io.stderr(text);
      } else io.stdout(text);
      return values['fail-on-breaking'] && diff.breaking ? ExitCode.checkFailed : ExitCode.ok;
    }
    // `mlops schema --json`: an option where the subcommand goes means it is missing.
    throw new UsageError(sub === undefined || sub.startsWith('-') ? `missing subcommand (infer | diff).\n${USAGE}` : `unknown subcommand '${sub}' (infer | diff)${helpHint('schema')}`);
  },
};
export default command;
