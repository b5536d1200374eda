import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { defaultResolver, loadBackend, type BackendResolver, type NativePackage } from '../../../src/train/backend.ts';
import type { TfApi } from '../../../src/train/tf-api.ts';

function fakeTf(tag: string): TfApi {
  return { version: { 'tfjs-core': '4.22.0', tag } } as unknown as TfApi;
}

function fakeResolver(opts: { gpus?: string[] | null; installed?: NativePackage[]; broken?: NativePackage[]; wasmFails?: boolean }): BackendResolver & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    detectGpus: async () => opts.gpus ?? null,
    searchDirs: () => ['/native', '/work'],
    async loadNative(pkg) {
      calls.push(pkg);
      if (opts.broken?.includes(pkg)) throw new Error('libtensorflow.so: cannot open shared object file');
      return opts.installed?.includes(pkg) ? { tf: fakeTf(pkg), version: '4.22.0', path: `/native/node_modules/${pkg}` } : null;
    },
    async loadBundled(backend) {
      calls.push(backend);
      if (backend === 'wasm' && opts.wasmFails) throw new Error('WebAssembly unavailable');
      return { tf: fakeTf(backend), versions: { 'tfjs-core': '4.22.0' }, ...(backend === 'wasm' ? { features: { simd: true, threads: false } } : {}) };
    },
  };
}

describe('loadBackend(auto)', () => {
  it('uses tfjs-node-gpu when a GPU is visible and the package resolves', async () => {
    const r = fakeResolver({ gpus: ['GPU 0: NVIDIA H100 80GB HBM3'], installed: ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] });
    const b = await loadBackend('auto', { resolver: r });
    expect(b).toMatchObject({ backend: 'tensorflow', package: '@tensorflow/tfjs-node-gpu', gpu: true, device: 'GPU 0: NVIDIA H100 80GB HBM3' });
    expect(b.versions['tfjs-node-gpu']).toBe('4.22.0');
  });

  it('falls back to tfjs-node when a GPU is visible but only the CPU package is installed', async () => {
    const r = fakeResolver({ gpus: ['GPU 0: T4'], installed: ['@tensorflow/tfjs-node'] });
    const b = await loadBackend('auto', { resolver: r });
    expect(b).toMatchObject({ backend: 'tensorflow', package: '@tensorflow/tfjs-node', gpu: false });
    expect(b.skipped[0]).toMatch(/tfjs-node-gpu: not installed/);
  });

  it('never tries tfjs-node-gpu without a GPU', async () => {
    const r = fakeResolver({ gpus: null, installed: ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] });
    expect((await loadBackend('auto', { resolver: r })).package).toBe('@tensorflow/tfjs-node');
    expect(r.calls).toEqual(['@tensorflow/tfjs-node']);
  });

  it('uses the bundled wasm backend when no native package resolves, then cpu when wasm fails', async () => {
    const wasm = await loadBackend('auto', { resolver: fakeResolver({}) });
    expect(wasm).toMatchObject({ backend: 'wasm', package: '@tensorflow/tfjs-backend-wasm', features: { simd: true, threads: false } });
    const cpu = await loadBackend('auto', { resolver: fakeResolver({ wasmFails: true, broken: ['@tensorflow/tfjs-node'] }) });
    expect(cpu.backend).toBe('cpu');
    expect(cpu.skipped.join('\n')).toMatch(/tfjs-node: failed to load \(libtensorflow/);
    expect(cpu.skipped.join('\n')).toMatch(/wasm: failed to initialise/);
  });
});

describe('forced backends', () => {
  it('fails clearly (InputError, exit 2) when tensorflow is forced but not installed', async () => {
    const error = await loadBackend('tensorflow', { resolver: fakeResolver({ gpus: ['GPU 0'] }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/backend 'tensorflow' is not available: neither @tensorflow\/tfjs-node-gpu nor @tensorflow\/tfjs-node resolves from \/native, \/work/);
  });

  it('reports a native package that resolves but fails to load', async () => {
    await expect(loadBackend('tensorflow', { resolver: fakeResolver({ broken: ['@tensorflow/tfjs-node'] }) })).rejects.toThrow(/failed to load \(libtensorflow/);
  });

  it('fails when wasm is forced and cannot initialise, and does not fall back', async () => {
    await expect(loadBackend('wasm', { resolver: fakeResolver({ wasmFails: true }) })).rejects.toThrow(/backend 'wasm' is not available/);
    expect((await loadBackend('cpu', { resolver: fakeResolver({ installed: ['@tensorflow/tfjs-node'] }) })).backend).toBe('cpu');
  });
});

describe('defaultResolver', () => {
  it('resolves native packages from MLOPS_NATIVE_DIR before the workspace, and reports absence', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlops-native-'));
    try {
      const pkgDir = join(dir, 'node_modules', '@tensorflow', 'tfjs-node');
      await mkdir(pkgDir, { recursive: true });
      await writeFile(join(pkgDir, 'package.json'), JSON.stringify({ name: '@tensorflow/tfjs-node', version: '9.9.9', main: 'index.js' }));
      // A stand-in module with the namespace surface loadNative touches.
      await writeFile(join(pkgDir, 'index.js'), "module.exports = { version: { 'tfjs-node': '9.9.9' }, setBackend: async () => true, ready: async () => {} };");
      const r = defaultResolver({ env: { MLOPS_NATIVE_DIR: dir }, cwd: join(dir, 'empty') });
      expect(r.searchDirs()).toEqual([dir, join(dir, 'empty')]);
      const native = await r.loadNative('@tensorflow/tfjs-node');
      expect(native).toMatchObject({ version: '9.9.9', path: join(pkgDir, 'index.js') });
      expect(await r.loadNative('@tensorflow/tfjs-node-gpu')).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
