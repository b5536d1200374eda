import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  expandDataPaths,
  isGlob
} from "./chunk-VFQYOCDE.mjs";
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/cli/outputs.ts
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
async function identity(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? `${info.dev}:${info.ino}` : void 0;
  } catch {
    return void 0;
  }
}
async function refuseOverwritingInputs(outputs, inputs, cwd) {
  const planned = outputs.filter((o) => o.path !== void 0);
  if (planned.length === 0) return;
  const seen = /* @__PURE__ */ new Map();
  for (const output of planned) {
    const target = resolve(cwd, output.path);
    const other = seen.get(target);
    if (other !== void 0) throw new InputError(`--${other} names this file too; write each to its own file`, { file: output.path, key: `--${output.flag}` });
    seen.set(target, output.flag);
  }
  const written = /* @__PURE__ */ new Map();
  for (const output of planned) {
    const id = await identity(resolve(cwd, output.path));
    if (id !== void 0) written.set(id, output);
  }
  if (written.size === 0) return;
  for (const input of inputs) {
    if (!input) continue;
    const files = isGlob(input) ? await expandDataPaths(input, cwd).catch(() => []) : [input];
    for (const file of files) {
      const output = written.get(await identity(resolve(cwd, file)) ?? "");
      if (output !== void 0) {
        const which = file === output.path ? "an input" : `the input ${file}`;
        throw new InputError(`is ${which} of this command, which writing it would destroy; write to another file`, { file: output.path, key: `--${output.flag}` });
      }
    }
  }
}

export {
  refuseOverwritingInputs
};
