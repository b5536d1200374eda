import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/actions/report-path.ts
import { randomBytes } from "node:crypto";
import { mkdir, open } from "node:fs/promises";
import { join, resolve } from "node:path";
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

export {
  defaultReportPath
};
