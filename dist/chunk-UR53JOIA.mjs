import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  shellWord
} from "./chunk-4JGCLKKO.mjs";
import {
  loadConfig
} from "./chunk-D3J2R3HR.mjs";

// src/cli/config.ts
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
async function loadConfigIfAny(flag, cwd) {
  if (flag) return loadConfig(resolve(cwd, flag));
  const implicit = resolve(cwd, "mlops.yaml");
  return existsSync(implicit) ? loadConfig(implicit) : void 0;
}
function configAbove(cwd) {
  let dir = resolve(cwd);
  while (!existsSync(join(dir, ".git"))) {
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
    const candidate = join(dir, "mlops.yaml");
    if (existsSync(candidate)) return candidate;
  }
  return null;
}
function configAboveHint(cwd) {
  const above = configAbove(cwd);
  if (above === null) return "";
  const shown = relative(cwd, above);
  return `; ${shown} is the nearest: run from ${shellWord(dirname(above))}, or pass --config ${shellWord(shown)}`;
}

export {
  loadConfigIfAny,
  configAboveHint
};
