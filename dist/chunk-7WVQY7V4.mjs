import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  GitRegistry,
  runGit
} from "./chunk-3IUHIRSR.mjs";

// src/actions/registry-tags.ts
async function fetchRegistryTags(workspace, env, runtime) {
  const shallow = await runGit({ cwd: workspace, env }, ["rev-parse", "--is-shallow-repository"]).then((out) => out.trim() === "true", () => false);
  if (!shallow) return;
  try {
    await new GitRegistry({ cwd: workspace, env }).fetch();
    runtime.info("fetched the registry tags (the checkout is shallow)");
  } catch (error) {
    runtime.annotate("warning", `could not fetch the registry tags into this shallow checkout (${error.message.split("\n")[0]}): registry references are looked up among the tags it has; check out with fetch-depth: 0 to have them all`);
  }
}

export {
  fetchRegistryTags
};
