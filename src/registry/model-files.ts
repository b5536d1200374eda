/**
 * What `register` accepts as a model directory (DESIGN §5). Registered versions are immutable, so
 * a directory that evaluate and drift could not use later must be refused before a tag exists:
 *
 * - a TensorFlow.js model (what `mlops train` writes): `model.json` and the weight files its
 *   `weightsManifest` names, `preprocessing.json`, `run.json`, `profile.json`;
 * - a model of an external trainer (`run.json` says `"trainer": "external"`): `run.json`,
 *   `profile.json` and the trainer's own model files — mlops serves it through `predictCommand`.
 *
 * The JSON files must parse as JSON objects. When run.json names the model (`name`, from
 * mlops.yaml), that is the only name it can be registered under.
 */
import { join, posix } from 'node:path';
import { InputError } from '../core/errors.ts';
import { readJsonIfPresent } from './run-info.ts';

/** Files a TensorFlow.js model directory must hold (besides its weights). */
export const TFJS_MODEL_FILES = ['model.json', 'preprocessing.json', 'run.json', 'profile.json'] as const;
/** Files a model directory of an external trainer must hold (besides the model itself). */
export const EXTERNAL_MODEL_FILES = ['run.json', 'profile.json'] as const;

/** Files mlops writes next to an external trainer's model, which are not the model. */
const EXTERNAL_RECORDS = new Set(['run.json', 'profile.json', 'metrics.json']);

const WHAT = "mlops registers what 'mlops train' writes: model.json + weights, preprocessing.json, run.json and profile.json; " +
  'for an external trainer (run.json "trainer": "external"), its model files with run.json and profile.json (DESIGN §5, docs/registry.md)';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function readObject(dir: string, file: string): Promise<Record<string, unknown>> {
  const value = await readJsonIfPresent(dir, file);
  if (!isRecord(value)) throw new InputError(`${file} must hold a JSON object`, { file: join(dir, file) });
  return value;
}

/**
 * Throws an InputError (exit 2) naming `dir` and what is missing unless `dir` holds a model that
 * can be registered as `name`; `files` is the directory's file list (posix paths, from
 * listModelFiles).
 */
export async function checkModelDirectory(dir: string, files: readonly string[], name: string): Promise<void> {
  const present = new Set(files);
  const run = present.has('run.json') ? await readObject(dir, 'run.json') : null;
  const external = run?.trainer === 'external';
  const required: readonly string[] = external ? EXTERNAL_MODEL_FILES : TFJS_MODEL_FILES;
  const missing = required.filter((f) => !present.has(f));
  if (missing.length > 0) {
    throw new InputError(`not a model directory: missing ${missing.join(', ')} — ${WHAT}`, { file: dir });
  }
  for (const file of required) if (file !== 'run.json') await readObject(dir, file);

  if (external) {
    if (!files.some((f) => !EXTERNAL_RECORDS.has(f))) {
      throw new InputError(`not a model directory: run.json records an external trainer, but the directory holds no model file besides ${files.join(', ')} — ${WHAT}`, { file: dir });
    }
  } else {
    const model = await readObject(dir, 'model.json');
    const manifest = model.weightsManifest;
    if (Array.isArray(manifest)) {
      const weights = manifest.flatMap((group: unknown) => (isRecord(group) && Array.isArray(group.paths) ? group.paths : []))
        .filter((p): p is string => typeof p === 'string')
        .map((p) => posix.normalize(p.replace(/^\.\//, '')));
      const absent = weights.filter((p) => !present.has(p));
      if (absent.length > 0) {
        throw new InputError(`not a model directory: missing the weight file${absent.length > 1 ? 's' : ''} ${absent.join(', ')} that model.json names — ${WHAT}`, { file: dir });
      }
    }
  }

  const recorded = run?.name;
  if (typeof recorded === 'string' && recorded !== '' && recorded !== name) {
    throw new InputError(
      `run.json names this model '${recorded}', not '${name}': register it as '${recorded}', or train it with 'name: ${name}' in mlops.yaml`,
      { file: join(dir, 'run.json'), key: 'name' },
    );
  }
}
