/** The TensorFlow.js backends mlops can train and predict on (`train.backend`, every `--backend`). */
export type BackendName = 'auto' | 'tensorflow' | 'wasm' | 'cpu';

/** Every {@link BackendName}: a module of its own, so the CLI's flag check loads nothing else. */
export const BACKENDS: readonly BackendName[] = ['auto', 'tensorflow', 'wasm', 'cpu'];
