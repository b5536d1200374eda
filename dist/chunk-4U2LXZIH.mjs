import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  ActionInputError
} from "./chunk-QUBK3FVQ.mjs";

// src/actions/report-path.ts
import { randomBytes } from "node:crypto";
import { mkdir, open } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
async function reserveReportPath(dir, stem) {
  await mkdir(dir, { recursive: true }).catch(() => void 0);
  for (let n = 1; n <= 1e3; n++) {
    const path = join(dir, n === 1 ? `${stem}.json` : `${stem}-${n}.json`);
    try {
      await (await open(path, "wx")).close();
      return path;
    } catch (error) {
      if (error.code !== "EEXIST") return path;
    }
  }
  return join(dir, `${stem}-${randomBytes(6).toString("hex")}.json`);
}
async function defaultReportPath(env, workspace, stem) {
  return env.RUNNER_TEMP ? reserveReportPath(env.RUNNER_TEMP, stem) : resolve(workspace, ".mlops", `${stem}.json`);
}
function evaluateReportPaths(given) {
  const json = /\.json$/i.exec(given);
  if (json) return { json: given, markdown: `${given.slice(0, json.index)}.md` };
  const markdown = /\.md$/i.exec(given);
  if (markdown) return { json: `${given.slice(0, markdown.index)}.json`, markdown: given };
  return { json: given, markdown: `${given}.md` };
}
function checkJsonReportInput(report) {
  if (report === void 0 || !/\.(md|markdown)$/i.test(report)) return;
  throw new ActionInputError(
    "report",
    report,
    `input 'report' is where the JSON report is written, and '${basename(report)}' names a markdown file: give a path ending in .json (the markdown report is the job summary)`
  );
}

export {
  defaultReportPath,
  evaluateReportPaths,
  checkJsonReportInput
};
