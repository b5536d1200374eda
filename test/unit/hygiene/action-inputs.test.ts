import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { driftInputs } from '../../../src/actions/drift.ts';
import { evaluateInputs } from '../../../src/actions/evaluate.ts';
import { inputEnvName } from '../../../src/actions/inputs.ts';
import { releaseInputs } from '../../../src/actions/release.ts';
import { trainInputs } from '../../../src/actions/train.ts';
import { validateInputs } from '../../../src/actions/validate.ts';
import { repoRoot } from './checks.ts';

type ActionDoc = { inputs?: Record<string, unknown>; runs: { steps: { env?: Record<string, unknown> }[] } };

/** Each action entry's input spec, as `mlops action <name>` reads it. */
const specs: Record<string, Record<string, unknown>> = {
  validate: validateInputs, train: trainInputs, evaluate: evaluateInputs, release: releaseInputs, drift: driftInputs,
};

/** Inputs the code reads for terminal use of `mlops action` only (actions/checkout always names the remote origin). */
const codeOnly: Record<string, string[]> = { release: ['remote'] };

describe('the action entries read exactly what their action.yml passes', () => {
  it.each(Object.entries(specs))('actions/%s: every input the code reads reaches it as INPUT_<NAME>', (name, spec) => {
    const doc = yaml.load(readFileSync(join(repoRoot, 'actions', name, 'action.yml'), 'utf8')) as ActionDoc;
    const env = new Set(doc.runs.steps.flatMap((s) => Object.keys(s.env ?? {})));
    // An input the code declares but the YAML never sets can only ever take its default: a user
    // cannot set it (drift's `report` was one).
    expect(Object.keys(spec).filter((key) => !env.has(inputEnvName(key)) && !codeOnly[name]?.includes(key))).toEqual([]);
  });
});
