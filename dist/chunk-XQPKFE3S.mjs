import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  postOrWarn
} from "./chunk-DP5Z5ZLN.mjs";
import {
  checkJsonReportInput,
  defaultReportPath
} from "./chunk-4U2LXZIH.mjs";
import {
  ActionInputError,
  parseInputs
} from "./chunk-QUBK3FVQ.mjs";
import {
  createActionsRuntime
} from "./chunk-SP45EASV.mjs";
import {
  createOctokit,
  resolveRunContext,
  upsertStickyComment
} from "./chunk-BIZBUEHE.mjs";
import "./chunk-FGDYCVTY.mjs";
import {
  alert,
  codeBlock,
  details,
  inlineCode,
  plainText,
  table
} from "./chunk-P5IS7C6Z.mjs";
import "./chunk-SNU2JPT2.mjs";
import "./chunk-DVDZ43KM.mjs";
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
  formatPct,
  loadSchema
} from "./chunk-EAMZTAYM.mjs";
import "./chunk-6H53F6EY.mjs";
import {
  dataArguments
} from "./chunk-VFQYOCDE.mjs";
import {
  groupDigits
} from "./chunk-LVCVLYC2.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-HTMWGR7O.mjs";
import "./chunk-C65ARSH5.mjs";
import "./chunk-M6T65NKY.mjs";
import {
  assertReadableFile,
  writeJsonAtomic
} from "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
import {
  InputError,
  formatLocation
} from "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";

// src/actions/validate.ts
import { isAbsolute, relative, sep } from "node:path";
var validateInputs = {
  // Read by action.yml's setup step; declared here so a value that is no boolean ('no') fails clearly.
  "setup-node": { type: "boolean", default: true, description: "install Node.js with actions/setup-node" },
  data: { type: "path", required: true, description: "data file to validate, or a glob of shards" },
  schema: { type: "path", required: true, description: "Table Schema (YAML or JSON)" },
  "base-schema": { type: "path", description: "schema from the base branch, for the schema diff" },
  "max-errors": { type: "integer", default: 1e3, min: 0, description: "error rows stored in the report" },
  report: { type: "path", description: "where to write the JSON report (default: $RUNNER_TEMP/mlops-validate.json, or mlops-validate-2.json, -3\u2026 for later steps of the job)" },
  comment: { type: "boolean", default: true, description: "post or update a sticky comment on pull requests" },
  "comment-author": { type: "string", description: "login the comments are written under, e.g. <app-slug>[bot] for a GitHub App token" },
  token: { type: "string", description: "token for the pull-request comment" },
  "token-is-default": { type: "boolean", description: "set by action.yml: the token is the workflow GITHUB_TOKEN" }
};
var SUMMARY_ERROR_ROWS = 50;
function num(n) {
  return groupDigits(n);
}
function cellValue(v) {
  if (v === null) return "";
  return typeof v === "number" ? numberText(v) : plainText(v);
}
function numberText(v) {
  if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
  const integerDigits = Math.floor(Math.log10(Math.abs(v))) + 1;
  return String(Number(v.toPrecision(Math.min(17, Math.max(6, integerDigits + 2)))));
}
function count(n, noun) {
  return `${num(n)} ${noun}${n === 1 ? "" : "s"}`;
}
function validationMarkdown(report, diff, baseProblem) {
  const parts = [`### Data validation: ${inlineCode(report.file)}`, ""];
  const schema = report.schema !== null ? inlineCode(report.schema) : "the schema";
  parts.push(report.valid ? alert("TIP", `**Valid**: ${count(report.rows, "row")} ${report.rows === 1 ? "passes" : "pass"} every rule of ${schema}.`) : alert("CAUTION", `**Invalid**: ${count(report.errorCount, "error")} in ${count(report.rows, "row")} against ${schema}.`));
  const rules = Object.entries(report.errorsByRule).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  if (rules.length) parts.push("", table([["rule", "errors"], ...rules.map(([r, n]) => [r, num(n ?? 0)])], ["l", "r"]));
  const columnRows = Object.entries(report.columns).map(([name, c]) => {
    const failures = Object.entries(c.failures).filter(([, n]) => (n ?? 0) > 0).map(([r, n]) => `${r} ${num(n ?? 0)}`).join(", ");
    const checks = [
      c.mostly ? `mostly ${c.mostly.passed ? "\u2705" : "\u274C"} ${formatPct(c.mostly.observed)} (\u2265 ${formatPct(c.mostly.required)})` : "",
      c.maxNullFraction ? `nulls ${c.maxNullFraction.passed ? "\u2705" : "\u274C"} ${formatPct(c.maxNullFraction.observed)} (\u2264 ${formatPct(c.maxNullFraction.allowed)})` : ""
    ].filter(Boolean).join("<br>");
    return [c.present ? inlineCode(name) : `${inlineCode(name)} (absent)`, c.type, c.errorCount ? `\u274C ${num(c.errorCount)}` : "\u2705", num(c.nulls), cellValue(c.min), cellValue(c.max), failures, checks];
  });
  parts.push("", table([["column", "type", "errors", "nulls", "min", "max", "rule failures", "column checks"], ...columnRows], ["l", "l", "r", "r", "r", "r", "l", "l"]));
  if (report.errors.length) {
    const shown = report.errors.slice(0, SUMMARY_ERROR_ROWS);
    const rows = shown.map((e) => [e.line ?? "", e.row ?? "", e.column === null ? "" : plainText(e.column), e.rule, e.value === null ? "" : plainText(String(e.value)), plainText(e.message)]);
    const more = report.errorCount > shown.length ? `

Showing ${shown.length} of ${num(report.errorCount)} errors; the JSON report lists ${report.errors.length}.` : "";
    parts.push("", details(`First ${count(shown.length, "error")}`, `${table([["line", "row", "column", "rule", "value", "message"], ...rows])}${more}`, { open: !report.valid }));
  } else if (report.truncated) {
    parts.push("", `No error rows stored (\`max-errors: ${report.maxErrors}\`); the counts above are exact.`);
  }
  if (report.extraColumns.length) parts.push("", `Columns not in the schema: ${report.extraColumns.map((c) => inlineCode(c)).join(", ")}`);
  if (diff || baseProblem !== void 0) parts.push("", schemaDiffMarkdown(diff, baseProblem));
  return `${parts.join("\n")}
`;
}
function schemaDiffMarkdown(diff, baseProblem) {
  const parts = ["#### Schema changes against the base branch"];
  if (diff === void 0) {
    parts.push("", alert("WARNING", "The base branch's schema could not be read, so its changes are not shown; the data was validated against this branch's schema (the pull request may be what fixes the base one):"), "", codeBlock(baseProblem ?? ""));
  } else if (diff.changes.length === 0) parts.push("", "No changes.");
  else {
    if (diff.breaking) parts.push("", alert("WARNING", `${diff.breakingCount} breaking change${diff.breakingCount === 1 ? "" : "s"}: data valid under the base schema may fail this one.`));
    parts.push("", table([["", "column", "change"], ...diff.changes.map((c) => [c.severity === "breaking" ? "\u26A0\uFE0F breaking" : "compatible", c.field === null ? "(table)" : plainText(c.field), plainText(c.message)])]));
  }
  return parts.join("\n");
}
function workspacePath(path, workspace) {
  const rel = isAbsolute(path) ? relative(workspace, path) : path;
  return rel.split(sep).join("/");
}
async function postComment(runtime, env, options) {
  const token = options.token || env.GITHUB_TOKEN;
  if (!token || !env.GITHUB_REPOSITORY) {
    runtime.info("validate: no token or repository, so no pull-request comment");
    return;
  }
  runtime.setSecret(token);
  const context = resolveRunContext(env);
  if (context.prNumber === void 0) {
    runtime.debug("validate: not a pull-request run, no comment");
    return;
  }
  const prNumber = context.prNumber;
  const octokit = createOctokit({ token, env, onSecret: (v) => runtime.setSecret(v), log: { warn: (m) => runtime.info(`warning: ${m}`) } });
  const result = await postOrWarn(runtime, "validate", context, () => upsertStickyComment(octokit, {
    owner: context.owner,
    repo: context.repo,
    issueNumber: prNumber,
    kind: "validate",
    name: options.dataPath,
    body: options.markdown,
    ...context.runUrl ? { summaryUrl: context.runUrl } : {},
    ...options.author ? { authorLogin: options.author } : {},
    // Only the token input can be compared with github.token; GITHUB_TOKEN from the environment is unknown.
    ...options.token && options.defaultToken !== void 0 ? { defaultToken: options.defaultToken } : {}
  }));
  if (result) runtime.info(`validate comment ${result.operation} on pull request #${prNumber}${result.url ? `: ${result.url}` : ""}`);
}
async function loadBaseSchema(path) {
  await assertReadableFile(path, "base schema file");
  try {
    return await loadSchema(path);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}
function relativeError(error, workspace) {
  if (!(error instanceof InputError) || error instanceof ActionInputError || !error.location.file || !isAbsolute(error.location.file)) return error;
  const rel = workspacePath(error.location.file, workspace);
  if (rel.startsWith("..")) return error;
  const prefix = formatLocation(error.location);
  const message = error.message.startsWith(`${prefix}: `) ? error.message.slice(prefix.length + 2) : error.message;
  return new InputError(message, { ...error.location, file: rel }, { cause: error });
}
var entry = {
  name: "validate",
  async run(io) {
    const workspace = io.env.GITHUB_WORKSPACE ?? io.cwd;
    try {
      return await runValidate(io, workspace);
    } catch (error) {
      throw relativeError(error, workspace);
    }
  }
};
var validate_default = entry;
async function runValidate(io, workspace) {
  const runtime = createActionsRuntime(io);
  const inputs = parseInputs(validateInputs, io.env, { cwd: workspace });
  checkJsonReportInput(inputs.report);
  const schema = await loadSchema(inputs.schema);
  const schemaPath = workspacePath(inputs.schema, workspace);
  const base = inputs["base-schema"] !== void 0 ? await loadBaseSchema(inputs["base-schema"]) : void 0;
  const diff = base !== void 0 && !(base instanceof InputError) ? diffSchemas(base, schema) : void 0;
  const baseProblem = base instanceof InputError ? base.message : void 0;
  if (baseProblem !== void 0) {
    runtime.annotate("warning", `The base branch's schema could not be read, so the schema diff is skipped: ${baseProblem}`, { file: schemaPath, title: "Schema diff skipped" });
  }
  if (schema.source) schema.source.path = schemaPath;
  const files = await dataArguments([inputs.data], workspace);
  const reports = [];
  await runtime.group("Validate data", async () => {
    for (const file of files) {
      const report = await validateFile(file, schema, { maxErrors: inputs["max-errors"] });
      report.file = workspacePath(file, workspace);
      report.schema = schemaPath;
      reports.push(report);
    }
  });
  const single = reports.length === 1 ? reports[0] : null;
  const totals = multiValidation(reports, diff);
  for (const report of reports) runtime.info(formatValidationReport(report, single ? diff : void 0).trimEnd());
  if (!single) {
    if (diff) runtime.info(formatSchemaDiff(diff));
    runtime.info(multiValidationLine(totals, schemaPath));
  }
  for (const report of reports) {
    for (const e of report.errors) {
      runtime.annotate("error", e.message, {
        file: report.file,
        ...e.line !== null ? { startLine: e.line } : {},
        title: `${e.column !== null ? `${e.column}: ` : ""}${e.rule}`
      });
    }
  }
  if (diff?.breaking) {
    runtime.annotate("warning", diff.changes.filter((c) => c.severity === "breaking").map((c) => `${c.field ?? "(table)"}: ${c.message}`).join("\n"), {
      file: schemaPath,
      title: `${diff.breakingCount} breaking schema change${diff.breakingCount === 1 ? "" : "s"}`
    });
  }
  const reportPath = inputs.report ?? await defaultReportPath(io.env, workspace, "mlops-validate");
  await writeJsonAtomic(reportPath, single ? validationJson(single, diff) : totals);
  const markdown = single ? validationMarkdown(single, diff, baseProblem) : multiValidationMarkdown(totals, diff, baseProblem);
  runtime.appendSummary(markdown);
  runtime.setOutput("valid", totals.valid);
  runtime.setOutput("error-count", totals.errorCount);
  runtime.setOutput("report", reportPath);
  const dataPath = workspacePath(inputs.data, workspace);
  if (inputs.comment) {
    await postComment(runtime, io.env, {
      dataPath,
      markdown,
      ...inputs.token !== void 0 ? { token: inputs.token } : {},
      ...inputs["token-is-default"] !== void 0 ? { defaultToken: inputs["token-is-default"] } : {},
      ...inputs["comment-author"] !== void 0 ? { author: inputs["comment-author"] } : {}
    });
  }
  return totals.valid ? 0 : 1;
}
function multiValidationMarkdown(doc, diff, baseProblem) {
  const invalid = doc.files.filter((f) => !f.valid).length;
  const head = [
    `### Data validation: ${doc.files.length} files`,
    "",
    doc.valid ? alert("TIP", `**Valid**: all ${doc.files.length} files (${count(doc.rows, "row")}) pass every rule.`) : alert("CAUTION", `**Invalid**: ${invalid} of ${doc.files.length} files fail \u2014 ${count(doc.errorCount, "error")} in ${count(doc.rows, "row")}.`),
    "",
    table([["file", "rows", "errors"], ...doc.files.map((f) => [inlineCode(f.file), num(f.rows), f.valid ? "\u2705" : `\u274C ${num(f.errorCount)}`])], ["l", "r", "r"]),
    ""
  ].join("\n");
  const sections = doc.reports.map((r) => validationMarkdown(r).replace(/^### /, "#### "));
  return `${head}
${sections.join("\n")}${diff || baseProblem !== void 0 ? `
${schemaDiffMarkdown(diff, baseProblem)}
` : ""}`;
}
export {
  validate_default as default,
  multiValidationMarkdown,
  validateInputs,
  validationMarkdown
};
