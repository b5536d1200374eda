import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  refuseOverwritingInputs
} from "./chunk-U74FAAQZ.mjs";
import {
  diffSchemas,
  formatSchemaDiff,
  formatValidationReport,
  multiValidation,
  multiValidationLine,
  validateFile,
  validationJson
} from "./chunk-GYSFXBIC.mjs";
import {
  helpHint,
  parseCommandArgs,
  parseIntegerFlag,
  reportFileFlag,
  requirePositional
} from "./chunk-W2347Q5A.mjs";
import {
  ExitCode
} from "./chunk-JMASHIGL.mjs";
import {
  loadSchema
} from "./chunk-EAMZTAYM.mjs";
import {
  dataArguments
} from "./chunk-VFQYOCDE.mjs";
import {
  writeJsonAtomic
} from "./chunk-HY2LPEBQ.mjs";
import {
  UsageError
} from "./chunk-DXANMND3.mjs";

// src/cli/commands/validate.ts
import { isAbsolute, resolve } from "node:path";
var USAGE = `Usage: mlops validate <data>... --schema <file> [--base-schema <file>] [--json] [--report <file>] [--max-errors N]

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
function atCwd(io, path) {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}
function emit(io, json, doc, text) {
  if (json) {
    io.stdout(`${JSON.stringify(doc)}
`);
    io.stderr(text);
  } else {
    io.stdout(text);
  }
}
var command = {
  name: "validate",
  summary: "validate a data file against a Table Schema",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      schema: { type: "string" },
      "base-schema": { type: "string" },
      json: { type: "boolean" },
      report: { type: "string" },
      "max-errors": { type: "string" }
    }, "validate");
    requirePositional(positionals, 0, "data", "mlops validate <data>... --schema <file>");
    if (values.schema === void 0) throw new UsageError(`missing --schema <file>${helpHint("validate")}`);
    const maxErrors = parseIntegerFlag(values["max-errors"], "max-errors", 1e3);
    reportFileFlag(values.report, "report", "validate");
    const schema = await loadSchema(atCwd(io, values.schema));
    if (schema.source) schema.source.path = values.schema;
    const diff = values["base-schema"] !== void 0 ? diffSchemas(await loadSchema(atCwd(io, values["base-schema"])), schema) : void 0;
    const files = await dataArguments(positionals, io.cwd);
    await refuseOverwritingInputs([{ flag: "report", path: values.report }], [...files, values.schema, values["base-schema"]], io.cwd);
    if (files.length > 1) return validateMany(io, files, schema, values.schema, { diff, maxErrors, json: values.json === true, report: values.report });
    const data = files[0];
    const report = await validateFile(atCwd(io, data), schema, { maxErrors });
    report.file = data;
    report.schema = values.schema;
    const doc = validationJson(report, diff);
    if (values.report !== void 0) await writeJsonAtomic(atCwd(io, values.report), doc, { what: "report", name: values.report });
    emit(io, values.json === true, doc, formatValidationReport(report, diff));
    return report.valid ? ExitCode.ok : ExitCode.checkFailed;
  }
};
var validate_default = command;
async function validateMany(io, files, schema, schemaPath, options) {
  const reports = [];
  for (const file of files) {
    const report = await validateFile(atCwd(io, file), schema, { maxErrors: options.maxErrors });
    report.file = file;
    report.schema = schemaPath;
    reports.push(report);
  }
  const doc = multiValidation(reports, options.diff);
  if (options.report !== void 0) await writeJsonAtomic(atCwd(io, options.report), doc, { what: "report", name: options.report });
  const text = [
    ...reports.map((r) => formatValidationReport(r)),
    ...options.diff ? [`${formatSchemaDiff(options.diff)}
`] : [],
    `${multiValidationLine(doc, schemaPath)}
`
  ].join("\n");
  emit(io, options.json, doc, text);
  return doc.valid ? ExitCode.ok : ExitCode.checkFailed;
}

export {
  atCwd,
  validate_default
};
