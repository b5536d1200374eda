import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  looksLikeCommand
} from "./chunk-DVDZ43KM.mjs";
import {
  atCwd
} from "./chunk-LGUL75YZ.mjs";
import {
  refuseOverwritingInputs
} from "./chunk-U74FAAQZ.mjs";
import {
  diffSchemas,
  dumpSchema,
  formatSchemaDiff,
  inferSchema
} from "./chunk-GYSFXBIC.mjs";
import {
  helpHint,
  outputFlag,
  parseCommandArgs,
  parseIntegerFlag,
  requirePositional
} from "./chunk-W2347Q5A.mjs";
import {
  ExitCode
} from "./chunk-JMASHIGL.mjs";
import {
  loadSchema,
  yaml
} from "./chunk-EAMZTAYM.mjs";
import "./chunk-6H53F6EY.mjs";
import {
  dataArguments
} from "./chunk-VFQYOCDE.mjs";
import "./chunk-LVCVLYC2.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-HTMWGR7O.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-M6T65NKY.mjs";
import {
  isJsonPath,
  writeFileAtomic
} from "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
import {
  UsageError
} from "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";

// src/cli/commands/schema.ts
function schemaYamlForStdout(schema, io) {
  const text = dumpSchema(schema);
  if (io.env.GITHUB_ACTIONS !== "true" || io.stdoutIsFile === true || !looksLikeCommand(text)) return text;
  const { source: _source, ...plain } = schema;
  return yaml.dump(plain, { lineWidth: -1, noRefs: true, flowLevel: 3, quotingType: '"', forceQuotes: true }).replaceAll("##[", "#\\x23[");
}
var USAGE = `Usage:
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
var command = {
  name: "schema",
  summary: "infer a schema from data, or diff two schemas (infer | diff)",
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === "infer") {
      const { values, positionals } = parseCommandArgs(rest, { output: { type: "string", short: "o" }, "max-enum": { type: "string" } }, "schema infer");
      requirePositional(positionals, 0, "data", "mlops schema infer <data>... [-o schema.yaml]");
      const files = await dataArguments(positionals, io.cwd);
      const out = outputFlag(values.output);
      await refuseOverwritingInputs([{ flag: "output", path: out }], files, io.cwd);
      const schema = await inferSchema(files.map((f) => atCwd(io, f)), { maxEnum: parseIntegerFlag(values["max-enum"], "max-enum", 20) });
      if (out === void 0) io.stdout(schemaYamlForStdout(schema, io));
      else {
        const text = isJsonPath(out) ? `${JSON.stringify(schema, null, 2)}
` : dumpSchema(schema);
        await writeFileAtomic(atCwd(io, out), text, { what: "schema", name: out });
        io.stderr(`wrote ${out} (${schema.fields.length} fields)
`);
      }
      return ExitCode.ok;
    }
    if (sub === "diff") {
      const { values, positionals } = parseCommandArgs(rest, { json: { type: "boolean" }, "fail-on-breaking": { type: "boolean" } }, "schema diff");
      const older = requirePositional(positionals, 0, "old", "mlops schema diff <old> <new>");
      const newer = requirePositional(positionals, 1, "new", "mlops schema diff <old> <new>");
      if (positionals.length > 2) throw new UsageError(`unexpected argument '${positionals[2]}': schema diff compares two schemas. Usage: mlops schema diff <old> <new> [--json] [--fail-on-breaking]`);
      const diff = diffSchemas(await loadSchema(atCwd(io, older)), await loadSchema(atCwd(io, newer)));
      const text = `${formatSchemaDiff(diff)}
`;
      if (values.json) {
        io.stdout(`${JSON.stringify(diff)}
`);
        io.stderr(text);
      } else io.stdout(text);
      return values["fail-on-breaking"] && diff.breaking ? ExitCode.checkFailed : ExitCode.ok;
    }
    throw new UsageError(sub === void 0 || sub.startsWith("-") ? `missing subcommand (infer | diff).
${USAGE}` : `unknown subcommand '${sub}' (infer | diff)${helpHint("schema")}`);
  }
};
var schema_default = command;
export {
  schema_default as default
};
