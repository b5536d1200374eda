import { isAbsolute, resolve } from 'node:path';
import { writeJsonAtomic } from '../../core/fs.ts';
import { diffSchemas, formatSchemaDiff, formatValidationReport, loadSchema, multiValidation, multiValidationLine, validateFile, validationJson, type SchemaDiff, type TableSchema, type ValidationReport } from '../../schema/index.ts';
import { dataArguments } from '../../table/index.ts';
import { helpHint, parseCommandArgs, parseIntegerFlag, reportFileFlag, requirePositional } from '../args.ts';
import { ExitCode, type Command } from '../command.ts';
import type { CliIo } from '../io.ts';
import { refuseOverwritingInputs } from '../outputs.ts';
import { UsageError } from '../../core/errors.ts';

const USAGE = `Usage: mlops validate <data>... --schema <file> [--base-schema <file>] [--json] [--report <file>] [--max-errors N]

Checks every row of <data> (CSV, TSV, JSONL, JSON (also .gz), Parquet, Arrow) against a Table Schema (YAML or JSON,
Frictionless v2 with role/maxNullFraction/mostly/drift). Never stops at the first error: every
rule's count is exact; --max-errors (default 1000) bounds only the error rows stored and printed.
CSV files over 8 MiB are validated in segments on all CPUs, one per thread (8 to 256 MiB each;
MLOPS_THREADS caps the threads);
the report is exactly that of one pass. See docs/performance.md.

Options:
  --schema <file>       the schema to validate against (required)
  --base-schema <file>  an older schema (e.g. from the base branch): its changes are classified
                        breaking/compatible and reported alongside
  --json                print the report as one JSON document on stdout (human text on stderr)
  --report <file>       also write the JSON report to <file> (atomically)
  --max-errors N        error rows to store and print (default 1000; counts are always exact)

Several files or a quoted glob ('data/*.csv', shards of one dataset) are validated one by one
against the schema (keys are unique within each file); the JSON document then lists each file's
report under "reports" with the totals at the top.

Exit codes: 0 valid (every file), 1 invalid data, 2 could not run (bad flags, unreadable or malformed data or
schema, a schema field absent from the data unless fieldsMatch allows it).`;

/** Resolves a user path against the command's working directory. */
export function atCwd(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}


/** `--json`: the document on stdout and the human text on stderr (DESIGN §4); else the text on stdout. */
function emit(io: CliIo, json: boolean, doc: unknown, text: string): void {
  if (json) {
    io.stdout(`${JSON.stringify(doc)}\n`);
    io.stderr(text);
  } else {
    io.stdout(text);
  }
}

const command: Command = {
  name: 'validate',
  summary: 'validate a data file against a Table Schema',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      schema: { type: 'string' },
      'base-schema': { type: 'string' },
      json: { type: 'boolean' },
      report: { type: 'string' },
      'max-errors': { type: 'string' },
    }, 'validate');
    requirePositional(positionals, 0, 'data', 'mlops validate <data>... --schema <file>');
    if (values.schema === undefined) throw new UsageError(`missing --schema <file>${helpHint('validate')}`);
    const maxErrors = parseIntegerFlag(values['max-errors'], 'max-errors', 1000);
    reportFileFlag(values.report, 'report', 'validate');
    const schema = await loadSchema(atCwd(io, values.schema));
    // Messages name the schema as the user gave it, as they name the data file.
    if (schema.source) schema.source.path = values.schema;
    const diff = values['base-schema'] !== undefined ? diffSchemas(await loadSchema(atCwd(io, values['base-schema'])), schema) : undefined;
    const files = await dataArguments(positionals, io.cwd);
    await refuseOverwritingInputs([{ flag: 'report', path: values.report }], [...files, values.schema, values['base-schema']], io.cwd);
    if (files.length > 1) return validateMany(io, files, schema, values.schema, { diff, maxErrors, json: values.json === true, report: values.report });
    const data = files[0]!;
    const report = await validateFile(atCwd(io, data), schema, { maxErrors });
    // Report the paths as the user gave them (annotations and messages stay repository-relative).
    report.file = data;
    report.schema = values.schema;
    const doc = validationJson(report, diff);
    if (values.report !== undefined) await writeJsonAtomic(atCwd(io, values.report), doc, { what: 'report', name: values.report });
    emit(io, values.json === true, doc, formatValidationReport(report, diff));
    return report.valid ? ExitCode.ok : ExitCode.checkFailed;
  },
};
export default command;

async function validateMany(io: CliIo, files: string[], schema: TableSchema, schemaPath: string, options: { diff: SchemaDiff | undefined; maxErrors: number; json: boolean; report: string | undefined }): Promise<number> {
  const reports: ValidationReport[] = [];
  for (const file of files) {
    const report = await validateFile(atCwd(io, file), schema, { maxErrors: options.maxErrors });
    report.file = file;
    report.schema = schemaPath;
    reports.push(report);
  }
  const doc = multiValidation(reports, options.diff);
  if (options.report !== undefined) await writeJsonAtomic(atCwd(io, options.report), doc, { what: 'report', name: options.report });
  const text = [
    ...reports.map((r) => formatValidationReport(r)),
    ...(options.diff ? [`${formatSchemaDiff(options.diff)}\n`] : []),
    `${multiValidationLine(doc, schemaPath)}\n`,
  ].join('\n');
  emit(io, options.json, doc, text);
  return doc.valid ? ExitCode.ok : ExitCode.checkFailed;
}
