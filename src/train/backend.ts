/**
 * Chooses the TensorFlow.js backend (DESIGN §1.3: zero install, native accelerators optional).
 *
 * `auto` tries, in order: `@tensorflow/tfjs-node-gpu` when a GPU is visible (`nvidia-smi -L`
 * succeeds), `@tensorflow/tfjs-node`, the bundled wasm backend, the bundled cpu backend. Native
 * packages are never bundled: they are resolved at run time with `createRequire` from
 * `MLOPS_NATIVE_DIR` (or `--native-dir`; where `actions/train` installs them) and from the
 * workspace (cwd). A forced backend that cannot load is an {@link InputError} (exit 2).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.ts';
import type { BackendName } from './config.ts';
import type { TfApi } from './tf-api.ts';

export type NativePackage = '@tensorflow/tfjs-node-gpu' | '@tensorflow/tfjs-node';
export type ResolvedBackend = 'tensorflow' | 'wasm' | 'cpu';

export interface LoadedBackend {
  tf: TfApi;
  /** The tfjs backend that runs the kernels. */
  backend: ResolvedBackend;
  /** The package providing it (`@tensorflow/tfjs-node-gpu`, `@tensorflow/tfjs-node`, `@tensorflow/tfjs-backend-wasm`, `@tensorflow/tfjs-backend-cpu`). */
  package: string;
  /** Human description: GPU name(s) or CPU model and core count. */
  device: string;
  gpu: boolean;
  /** Package versions (tfjs-core, tfjs-layers, the backend package). */
  versions: Record<string, string>;
  /** wasm only: SIMD and multi-threading availability. */
  features?: { simd: boolean; threads: boolean };
  /** Why earlier candidates of `auto` were skipped. */
  skipped: string[];
}

/** Everything `loadBackend` needs from the outside world; tests pass a fake. */
export interface BackendResolver {
  /** GPU names when `nvidia-smi -L` succeeds, null when no GPU is visible. */
  detectGpus(): Promise<string[] | null>;
  /** The native package's `tf` namespace and version, or null when it does not resolve. Throws when it resolves but fails to load. */
  loadNative(pkg: NativePackage): Promise<{ tf: TfApi; version: string; path: string } | null>;
  /** The bundled namespace switched to `backend`; throws when that backend cannot initialise. */
  loadBundled(backend: 'wasm' | 'cpu'): Promise<{ tf: TfApi; versions: Record<string, string>; features?: { simd: boolean; threads: boolean } }>;
  /** Directories searched for native packages (for messages). */
  searchDirs(): string[];
}

export interface LoadBackendOptions {
  resolver?: BackendResolver;
  /** Extra directory holding `node_modules/@tensorflow/tfjs-node*` (overrides MLOPS_NATIVE_DIR). */
  nativeDir?: string;
  cwd?: string;
  env?: Record<string, string | undefined>;
}

function cpuDescription(): string {
  const list = cpus();
  return list.length > 0 ? `${list.length}× ${list[0]!.model.trim()}` : 'cpu';
}

/**
 * Loads a backend by name and returns the `tf` namespace to build models with, plus what the run
 * record needs (backend, device, versions).
 */
export async function loadBackend(name: BackendName, options: LoadBackendOptions = {}): Promise<LoadedBackend> {
  const resolver = options.resolver ?? defaultResolver(options);
  const skipped: string[] = [];

  const tryNative = async (forced: boolean): Promise<LoadedBackend | null> => {
    const gpus = await resolver.detectGpus();
    const candidates: NativePackage[] = gpus ? ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] : ['@tensorflow/tfjs-node'];
    if (!gpus) skipped.push('@tensorflow/tfjs-node-gpu: no GPU visible (nvidia-smi -L failed)');
    for (const pkg of candidates) {
      let native;
      try {
        native = await resolver.loadNative(pkg);
      } catch (error) {
        const reason = `${pkg}: failed to load (${(error as Error).message.split('\n')[0]})`;
        if (forced) throw new InputError(`backend 'tensorflow' is not available: ${reason}`, { key: 'train.backend' });
        skipped.push(reason);
        continue;
      }
      if (!native) {
        skipped.push(`${pkg}: not installed (searched ${resolver.searchDirs().join(', ')})`);
        continue;
      }
      const gpu = pkg === '@tensorflow/tfjs-node-gpu';
      return {
        tf: native.tf, backend: 'tensorflow', package: pkg, gpu,
        device: gpu && gpus ? gpus.join('; ') : cpuDescription(),
        versions: { ...(native.tf.version ?? {}), [pkg.slice('@tensorflow/'.length)]: native.version },
        skipped,
      };
    }
    return null;
  };

  const tryBundled = async (backend: 'wasm' | 'cpu', forced: boolean): Promise<LoadedBackend | null> => {
    try {
      const b = await resolver.loadBundled(backend);
      return {
        tf: b.tf, backend, package: `@tensorflow/tfjs-backend-${backend}`, gpu: false, device: cpuDescription(),
        versions: b.versions, ...(b.features ? { features: b.features } : {}), skipped,
      };
    } catch (error) {
      const reason = `@tensorflow/tfjs-backend-${backend}: failed to initialise (${(error as Error).message.split('\n')[0]})`;
      if (forced) throw new InputError(`backend '${backend}' is not available: ${reason}`, { key: 'train.backend' });
      skipped.push(reason);
      return null;
    }
  };

  if (name === 'tensorflow') {
    const native = await tryNative(true);
    if (native) return native;
    throw new InputError(
      `backend 'tensorflow' is not available: neither @tensorflow/tfjs-node-gpu nor @tensorflow/tfjs-node resolves from ${resolver.searchDirs().join(', ')}. `
      + 'Install one there (npm install @tensorflow/tfjs-node), point MLOPS_NATIVE_DIR at a directory holding it, or use --backend wasm.',
      { key: 'train.backend' },
    );
  }
  if (name === 'wasm' || name === 'cpu') return (await tryBundled(name, true))!;
  return (await tryNative(false)) ?? (await tryBundled('wasm', false)) ?? (await tryBundled('cpu', true))!;
}

// ---------------------------------------------------------------------------------------------
// The real resolver
// ---------------------------------------------------------------------------------------------

/** Runs `nvidia-smi -L`; its lines (`GPU 0: NVIDIA H100 (UUID: …)`) name the GPUs. */
export function detectNvidiaGpus(timeoutMs = 5000): Promise<string[] | null> {
  return new Promise((done) => {
    execFile('nvidia-smi', ['-L'], { timeout: timeoutMs }, (error, stdout) => {
      if (error) return done(null);
      const gpus = stdout.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('GPU'))
        .map((l) => l.replace(/\s*\(UUID:.*\)$/, ''));
      done(gpus.length > 0 ? gpus : null);
    });
  });
}

/** Where the wasm binaries are: next to the bundle (dist/, copied by scripts/build.mjs) or in node_modules when running from source. */
export function wasmDirectory(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  if (existsSync(join(here, 'tfjs-backend-wasm.wasm'))) return here;
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
}

let bundled: Promise<{ tf: TfApi; versions: Record<string, string>; setWasmPaths: (dir: string) => void }> | null = null;

/**
 * The exports of a CommonJS package imported dynamically: from the split bundle, Node-style
 * interop hands them over as `default` alone; from sources they are the namespace itself.
 */
function commonJsExports<T extends object>(namespace: T): T {
  const keys = Object.keys(namespace);
  return keys.length === 1 && keys[0] === 'default' ? (namespace as unknown as { default: T }).default : namespace;
}

async function importBundled() {
  bundled ??= (async () => {
    const [core, layers, cpu, wasm] = await Promise.all([
      import('@tensorflow/tfjs-core').then(commonJsExports),
      import('@tensorflow/tfjs-layers').then(commonJsExports),
      import('@tensorflow/tfjs-backend-cpu').then(commonJsExports),
      import('@tensorflow/tfjs-backend-wasm').then(commonJsExports),
    ]);
    const tf: TfApi = {
      tensor2d: core.tensor2d, tensor1d: core.tensor1d, tidy: core.tidy, dispose: core.dispose, memory: core.memory,
      setBackend: core.setBackend, getBackend: core.getBackend, ready: core.ready, env: core.env, train: core.train, io: core.io,
      add: core.add, mul: core.mul, neg: core.neg, log: core.log, sum: core.sum, cast: core.cast, reshape: core.reshape,
      clipByValue: core.clipByValue, oneHot: core.oneHot, losses: core.losses,
      version: { 'tfjs-core': core.version_core, 'tfjs-layers': layers.version_layers },
      sequential: layers.sequential, layers: layers.layers, initializers: layers.initializers, regularizers: layers.regularizers,
      loadLayersModel: layers.loadLayersModel,
    };
    const versions = {
      'tfjs-core': core.version_core, 'tfjs-layers': layers.version_layers,
      'tfjs-backend-cpu': cpu.version_cpu, 'tfjs-backend-wasm': wasm.version_wasm,
    };
    return { tf, versions, setWasmPaths: (dir: string) => wasm.setWasmPaths(dir.endsWith('/') ? dir : `${dir}/`) };
  })();
  return bundled;
}

/** Swallows tfjs' "install tfjs-node" banner: the CLI decides what to tell the user. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  const log = console.log;
  const banner = (orig: typeof console.warn) => (...args: unknown[]) => {
    if (typeof args[0] === 'string' && /tfjs-node|TensorFlow\.js in Node\.js|={10}/.test(args[0])) return;
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

/** The resolver used outside tests: nvidia-smi, createRequire from the native dir and cwd, the bundled tfjs. */
export function defaultResolver(options: Pick<LoadBackendOptions, 'nativeDir' | 'cwd' | 'env'> = {}): BackendResolver {
  const env = options.env ?? process.env;
  const dirs = [options.nativeDir ?? env.MLOPS_NATIVE_DIR, options.cwd ?? process.cwd()]
    .filter((d): d is string => Boolean(d)).map((d) => resolve(d));
  return {
    detectGpus: () => detectNvidiaGpus(),
    searchDirs: () => dirs,
    async loadNative(pkg) {
      for (const dir of dirs) {
        const require = createRequire(join(dir, 'noop.js'));
        let path: string;
        try {
          path = require.resolve(pkg);
        } catch {
          continue;
        }
        // The native package is CommonJS; loading it registers and selects the 'tensorflow' backend.
        const tf = await quietly(async () => require(path) as TfApi);
        await tf.setBackend('tensorflow');
        await tf.ready();
        let version = 'unknown';
        try {
          version = (require(`${pkg}/package.json`) as { version: string }).version;
        } catch { /* exports may hide package.json; the namespace's version map still has it */ }
        return { tf, version, path };
      }
      return null;
    },
    async loadBundled(backend) {
      const b = await importBundled();
      return quietly(async () => {
        // PROD silences tfjs' console hints ("install tfjs-node") and skips debug-only checks.
        b.tf.env().set('PROD', true);
        if (backend === 'wasm') {
          const dir = wasmDirectory();
          // The emscripten glue reads the CommonJS `__dirname`, which an ESM bundle (dist/mlops.mjs)
          // does not define: it would throw and tfjs would report only "setBackend returned false".
          const g = globalThis as { __dirname?: string };
          g.__dirname ??= dir;
          b.setWasmPaths(dir);
        }
        const ok = await b.tf.setBackend(backend);
        if (!ok) throw new Error(`tf.setBackend('${backend}') returned false`);
        await b.tf.ready();
        const features = backend === 'wasm'
          ? {
            simd: Boolean(await b.tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
            threads: Boolean(await b.tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
          }
          : undefined;
        return { tf: b.tf, versions: b.versions, ...(features ? { features } : {}) };
      });
    },
  };
}
