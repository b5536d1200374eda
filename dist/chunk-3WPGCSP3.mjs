import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  assertDistinctSources,
  categoricalCounts,
  columnQuantile,
  columnType,
  readProfile,
  stringifyProfile
} from "./chunk-JQF754KU.mjs";
import {
  distinctEstimate,
  mergeProfiles,
  profileFile
} from "./chunk-KF6L3SPS.mjs";
import {
  refuseOverwritingInputs
} from "./chunk-U74FAAQZ.mjs";
import {
  outputFlag,
  parseCommandArgs,
  parseIntegerFlag
} from "./chunk-W2347Q5A.mjs";
import {
  ExitCode
} from "./chunk-JMASHIGL.mjs";
import {
  expandDataPaths
} from "./chunk-VFQYOCDE.mjs";
import {
  plural
} from "./chunk-LVCVLYC2.mjs";
import "./chunk-IW3PCL5P.mjs";
import "./chunk-HTMWGR7O.mjs";
import "./chunk-KCMKRERF.mjs";
import "./chunk-M6T65NKY.mjs";
import {
  writeFileAtomic
} from "./chunk-HY2LPEBQ.mjs";
import "./chunk-EY3EEY7L.mjs";
import {
  UsageError
} from "./chunk-DXANMND3.mjs";
import "./chunk-SSCV3AA7.mjs";

// src/cli/commands/profile.ts
import { isAbsolute, resolve } from "node:path";
var USAGE = `Usage: mlops profile <data>... [-o profile.json] [--json] [--sample-size N] [--top-k N] [--seed N]
       mlops profile merge <a.json> <b.json>... [-o <out>] [--json]

Profiles data files (CSV, TSV, JSONL, JSON (also .gz), Parquet, Arrow; globs allowed) into one mergeable profile:
per column the row and null counts, cell types, min/max/mean/variance, a KLL quantile sketch with
its stated rank error, distinct count (exact up to 1000 values, HyperLogLog beyond), top values,
and a uniform sample of 2000 values. Several files (or a glob) are profiled one by one and merged.
'merge' combines profiles of shards: the result equals profiling the whole data (counts exactly,
sketches within their stated error) \u2014 run 'mlops profile' per shard in a matrix, then merge.
A CSV file over 32 MiB is profiled the same way in 32 MiB segments, on all CPUs (MLOPS_THREADS caps
the threads); its profile depends on the file alone, not on the number of threads.

The profile JSON goes to -o (written atomically) or, without -o, to stdout. A summary per column
goes to stderr. With --json and -o, stdout gets a short JSON summary instead.

Options:
  -o, --output <file>   write the profile here instead of stdout ('-': stdout)
  --json                with -o: print a JSON summary ({ output, rows, columns }) on stdout
  --sample-size N       values sampled per column (default 2000)
  --top-k N             frequent values tracked per column (default 100)
  --seed N              seed of the sketches' random choices (default 24301)

Exit codes: 0 success, 2 could not run (bad flags, unreadable or malformed data or profile,
a column missing from one of the profiles merged).`;
function atCwd(io, path) {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}
function fmt(x) {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e9) ? x.toExponential(3) : String(Number(x.toPrecision(6)));
}
function columnSummary(col) {
  const type = columnType(col);
  const distinct = distinctEstimate(col.distinct);
  const numeric = col.numeric ? { min: col.numeric.min, median: columnQuantile(col, 0.5), max: col.numeric.max, mean: col.numeric.mean, epsilon: col.numeric.sketch.epsilon } : null;
  const top = categoricalCounts(col);
  return {
    name: col.name,
    type,
    count: col.count,
    nulls: col.nulls,
    distinct,
    distinctExact: col.distinct.values !== null,
    numeric,
    // Past the top-K capacity a count is an estimate (the middle of its bounds): `error` is its ± half-width.
    top: col.topK.items.slice(0, 3).map((it) => {
      const count = top.counts.get(it.value) ?? it.count;
      return top.exact ? { value: it.value, count } : { value: it.value, count, error: it.error / 2 };
    })
  };
}
var SUMMARY_COLUMNS = 50;
function summaryText(profile, label) {
  const rows = [["column", "type", "nulls", "distinct", "min / median / max  or  top values"]];
  for (const col of profile.columns.slice(0, SUMMARY_COLUMNS)) {
    const s = columnSummary(col);
    const nullShare = s.count > 0 ? ` (${fmt(Math.round(1e3 * s.nulls / s.count) / 10)}%)` : "";
    const numericType = s.type === "integer" || s.type === "number";
    const detail = s.numeric && numericType ? `${fmt(s.numeric.min)} / ${fmt(s.numeric.median)} / ${fmt(s.numeric.max)}` : s.top.map((t) => `${JSON.stringify(t.value.length > 24 ? `${t.value.slice(0, 23)}\u2026` : t.value)} \xD7${"error" in t ? "\u2248" : ""}${fmt(t.count)}`).join(", ");
    rows.push([s.name, s.type ?? "empty", `${s.nulls}${nullShare}`, `${s.distinctExact ? "" : "\u2248"}${s.distinct}`, detail]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((c, i) => i === r.length - 1 ? c : c.padEnd(widths[i])).join("  ").trimEnd());
  const more = profile.columns.length - SUMMARY_COLUMNS;
  if (more > 0) lines.push(`\u2026 ${more} more columns (every column is in the profile JSON)`);
  return `${label}: ${plural(profile.rows, "row")}, ${plural(profile.columns.length, "column")}
${lines.map((l) => `  ${l}`).join("\n")}
`;
}
async function emit(profile, output, json, io, label) {
  io.stderr(summaryText(profile, label));
  if (output === void 0) {
    io.stdout(stringifyProfile(profile));
    return;
  }
  await writeFileAtomic(atCwd(io, output), stringifyProfile(profile), { what: "profile", name: output });
  io.stderr(`profile written to ${output}
`);
  if (json) io.stdout(`${JSON.stringify({ output, rows: profile.rows, columns: profile.columns.map(columnSummary) }, null, 2)}
`);
}
var command = {
  name: "profile",
  summary: "profile a data file, or merge shard profiles (merge)",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      output: { type: "string", short: "o" },
      json: { type: "boolean" },
      "sample-size": { type: "string" },
      "top-k": { type: "string" },
      seed: { type: "string" }
    }, "profile");
    const json = values.json === true;
    const output = outputFlag(values.output);
    if (positionals[0] === "merge") {
      const inputs = positionals.slice(1);
      if (inputs.length === 0) throw new UsageError("missing profiles. Usage: mlops profile merge <a.json> <b.json>... -o <out>");
      if (values["sample-size"] !== void 0 || values["top-k"] !== void 0 || values.seed !== void 0) {
        throw new UsageError("--sample-size, --top-k and --seed apply when profiling data, not to merge");
      }
      const profiles2 = [];
      for (const input of inputs) profiles2.push(await readProfile(atCwd(io, input)));
      assertDistinctSources(profiles2, inputs);
      await emit(mergeProfiles(profiles2, inputs), output, json, io, `merged ${plural(inputs.length, "profile")}`);
      return ExitCode.ok;
    }
    if (positionals.length === 0) throw new UsageError("missing <data>. Usage: mlops profile <data> [-o profile.json]");
    const opts = {};
    if (values["sample-size"] !== void 0) opts.sampleSize = parseIntegerFlag(values["sample-size"], "sample-size", 2e3);
    if (values["top-k"] !== void 0) {
      opts.topK = parseIntegerFlag(values["top-k"], "top-k", 100);
      if (opts.topK < 1) throw new UsageError("--top-k must be at least 1");
    }
    if (values.seed !== void 0) opts.seed = parseIntegerFlag(values.seed, "seed", 0);
    const files = await expandDataPaths(positionals, io.cwd);
    await refuseOverwritingInputs([{ flag: "output", path: output }], files, io.cwd);
    const profiles = [];
    for (const file of files) {
      const profile2 = await profileFile(atCwd(io, file), {}, opts);
      for (const s of profile2.sources) s.path = file;
      profiles.push(profile2);
    }
    const profile = profiles.length === 1 ? profiles[0] : mergeProfiles(profiles);
    await emit(profile, output, json, io, files.length === 1 ? files[0] : `${files.length} files`);
    return ExitCode.ok;
  }
};
var profile_default = command;
export {
  profile_default as default
};
