import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-DXANMND3.mjs";

// src/train/backend.ts
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
function cpuDescription() {
  const list = cpus();
  return list.length > 0 ? `${list.length}\xD7 ${list[0].model.trim()}` : "cpu";
}
async function loadBackend(name, options = {}) {
  const resolver = options.resolver ?? defaultResolver(options);
  const skipped = [];
  const tryNative = async (forced) => {
    const gpus = await resolver.detectGpus();
    const candidates = gpus ? ["@tensorflow/tfjs-node-gpu", "@tensorflow/tfjs-node"] : ["@tensorflow/tfjs-node"];
    if (!gpus) skipped.push("@tensorflow/tfjs-node-gpu: no GPU visible (nvidia-smi -L failed)");
    for (const pkg of candidates) {
      let native;
      try {
        native = await resolver.loadNative(pkg);
      } catch (error) {
        const reason = `${pkg}: failed to load (${error.message.split("\n")[0]})`;
        if (forced) throw new InputError(`backend 'tensorflow' is not available: ${reason}`, { key: "train.backend" });
        skipped.push(reason);
        continue;
      }
      if (!native) {
        skipped.push(`${pkg}: not installed (searched ${resolver.searchDirs().join(", ")})`);
        continue;
      }
      const gpu = pkg === "@tensorflow/tfjs-node-gpu";
      return {
        tf: native.tf,
        backend: "tensorflow",
        package: pkg,
        gpu,
        device: gpu && gpus ? gpus.join("; ") : cpuDescription(),
        versions: { ...native.tf.version ?? {}, [pkg.slice("@tensorflow/".length)]: native.version },
        skipped
      };
    }
    return null;
  };
  const tryBundled = async (backend, forced) => {
    try {
      const b = await resolver.loadBundled(backend);
      return {
        tf: b.tf,
        backend,
        package: `@tensorflow/tfjs-backend-${backend}`,
        gpu: false,
        device: cpuDescription(),
        versions: b.versions,
        ...b.features ? { features: b.features } : {},
        skipped
      };
    } catch (error) {
      const reason = `@tensorflow/tfjs-backend-${backend}: failed to initialise (${error.message.split("\n")[0]})`;
      if (forced) throw new InputError(`backend '${backend}' is not available: ${reason}`, { key: "train.backend" });
      skipped.push(reason);
      return null;
    }
  };
  if (name === "tensorflow") {
    const native = await tryNative(true);
    if (native) return native;
    throw new InputError(
      `backend 'tensorflow' is not available: neither @tensorflow/tfjs-node-gpu nor @tensorflow/tfjs-node resolves from ${resolver.searchDirs().join(", ")}. Install one there (npm install @tensorflow/tfjs-node), point MLOPS_NATIVE_DIR at a directory holding it, or use --backend wasm.`,
      { key: "train.backend" }
    );
  }
  if (name === "wasm" || name === "cpu") return await tryBundled(name, true);
  return await tryNative(false) ?? await tryBundled("wasm", false) ?? await tryBundled("cpu", true);
}
function detectNvidiaGpus(timeoutMs = 5e3) {
  return new Promise((done) => {
    execFile("nvidia-smi", ["-L"], { timeout: timeoutMs }, (error, stdout) => {
      if (error) return done(null);
      const gpus = stdout.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("GPU")).map((l) => l.replace(/\s*\(UUID:.*\)$/, ""));
      done(gpus.length > 0 ? gpus : null);
    });
  });
}
function wasmDirectory() {
  const here = dirname(fileURLToPath(import.meta.url));
  if (existsSync(join(here, "tfjs-backend-wasm.wasm"))) return here;
  const require2 = createRequire(import.meta.url);
  return join(dirname(require2.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist");
}
var bundled = null;
function commonJsExports(namespace) {
  const keys = Object.keys(namespace);
  return keys.length === 1 && keys[0] === "default" ? namespace.default : namespace;
}
async function importBundled() {
  bundled ??= (async () => {
    const [core, layers, cpu, wasm] = await Promise.all([
      import("./chunk-QKYTFKS4.mjs").then(commonJsExports),
      import("./chunk-CGPVNT3J.mjs").then(commonJsExports),
      import("./chunk-27HGRJWQ.mjs").then(commonJsExports),
      import("./chunk-ODXOOQAW.mjs").then(commonJsExports)
    ]);
    const tf = {
      tensor2d: core.tensor2d,
      tensor1d: core.tensor1d,
      tidy: core.tidy,
      dispose: core.dispose,
      memory: core.memory,
      setBackend: core.setBackend,
      getBackend: core.getBackend,
      ready: core.ready,
      env: core.env,
      train: core.train,
      io: core.io,
      add: core.add,
      mul: core.mul,
      neg: core.neg,
      log: core.log,
      sum: core.sum,
      cast: core.cast,
      reshape: core.reshape,
      clipByValue: core.clipByValue,
      oneHot: core.oneHot,
      losses: core.losses,
      version: { "tfjs-core": core.version_core, "tfjs-layers": layers.version_layers },
      sequential: layers.sequential,
      layers: layers.layers,
      initializers: layers.initializers,
      regularizers: layers.regularizers,
      loadLayersModel: layers.loadLayersModel
    };
    const versions = {
      "tfjs-core": core.version_core,
      "tfjs-layers": layers.version_layers,
      "tfjs-backend-cpu": cpu.version_cpu,
      "tfjs-backend-wasm": wasm.version_wasm
    };
    return { tf, versions, setWasmPaths: (dir) => wasm.setWasmPaths(dir.endsWith("/") ? dir : `${dir}/`) };
  })();
  return bundled;
}
async function quietly(fn) {
  const warn = console.warn;
  const log = console.log;
  const banner = (orig) => (...args) => {
    if (typeof args[0] === "string" && /tfjs-node|TensorFlow\.js in Node\.js|={10}/.test(args[0])) return;
    orig(...args);
  };
  console.warn = banner(warn);
  console.log = banner(log);
  try {
    return await fn();
  } finally {
    console.warn = warn;
    console.log = log;
  }
}
function defaultResolver(options = {}) {
  const env = options.env ?? process.env;
  const dirs = [options.nativeDir ?? env.MLOPS_NATIVE_DIR, options.cwd ?? process.cwd()].filter((d) => Boolean(d)).map((d) => resolve(d));
  return {
    detectGpus: () => detectNvidiaGpus(),
    searchDirs: () => dirs,
    async loadNative(pkg) {
      for (const dir of dirs) {
        const require2 = createRequire(join(dir, "noop.js"));
        let path;
        try {
          path = require2.resolve(pkg);
        } catch {
          continue;
        }
        const tf = await quietly(async () => require2(path));
        await tf.setBackend("tensorflow");
        await tf.ready();
        let version = "unknown";
        try {
          version = require2(`${pkg}/package.json`).version;
        } catch {
        }
        return { tf, version, path };
      }
      return null;
    },
    async loadBundled(backend) {
      const b = await importBundled();
      return quietly(async () => {
        b.tf.env().set("PROD", true);
        if (backend === "wasm") {
          const dir = wasmDirectory();
          const g = globalThis;
          g.__dirname ??= dir;
          b.setWasmPaths(dir);
        }
        const ok = await b.tf.setBackend(backend);
        if (!ok) throw new Error(`tf.setBackend('${backend}') returned false`);
        await b.tf.ready();
        const features = backend === "wasm" ? {
          simd: Boolean(await b.tf.env().getAsync("WASM_HAS_SIMD_SUPPORT")),
          threads: Boolean(await b.tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT"))
        } : void 0;
        return { tf: b.tf, versions: b.versions, ...features ? { features } : {} };
      });
    }
  };
}

export {
  loadBackend
};
