// Bundles the CLI into dist/: the entry mlops.mjs, its chunks and the TensorFlow.js wasm binaries, runnable with no
// node_modules (DESIGN §1.3). The output is deterministic so CI can check that dist/ is fresh.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const outdir = process.argv[2] ?? 'dist';

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

await build({
  entryPoints: { mlops: 'src/cli/bin.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Native TensorFlow packages are optional and resolved at run time (src/train/backends).
  external: ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'],
  // CommonJS dependencies call require(); ESM output needs it defined.
  banner: { js: "import { createRequire as __mlopsCreateRequire } from 'node:module';\nconst require = __mlopsCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
  sourcemap: false,
  minify: false,
  // Chunks load on first use: `mlops validate` and worker threads never parse TensorFlow.js or
  // Octokit (measured: start-up 0.20 s → 0.10 s). Chunks sit next to the entry, so code that finds
  // files next to the bundle (wasm binaries, the demo fixtures, the worker entry) still does.
  splitting: true,
  chunkNames: 'chunk-[hash]',
});

// The wasm backend loads its binaries from next to the bundle.
const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
for (const file of readdirSync(wasmDir)) {
  if (file.endsWith('.wasm')) copyFileSync(join(wasmDir, file), join(outdir, file));
}
