import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.ts';
import { memoryIo } from '../../../src/cli/io.ts';
import { namedAsGiven, runCli } from '../../../src/cli/main.ts';

/**
 * Exit-2 messages name files as the user wrote them: the commands hand readers absolute paths,
 * and `--schema s.yaml` came back as `/home/me/project/s.yaml: schema file is a directory`.
 */
let root: string;
let cwd: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mlops-as-given-'));
  cwd = join(root, 'project');
  await mkdir(join(cwd, 'adir'), { recursive: true });
  await mkdir(join(cwd, 'dönnées avec espace'), { recursive: true });
  await writeFile(join(cwd, 'd.csv'), 'a,b\n1,x\n');
  await writeFile(join(cwd, 's.yaml'), 'fields:\n  - { name: a, type: integer }\n  - { name: b, type: string }\n');
  await writeFile(join(cwd, 'bad.yaml'), 'fields:\n  - { name: a, type: integr }\n');
  await writeFile(join(cwd, 'dönnées avec espace', 'bad.csv'), 'a,b\n1,2,3\n');
  await writeFile(join(cwd, 'p.json'), '{"x": 1}\n');
  await writeFile(join(root, 'outside.yaml'), 'fields: 3\n');
});
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

async function mlops(args: string[]) {
  const io = memoryIo({ cwd, env: {} });
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

describe('a file named in an exit-2 message is named as the user wrote it', () => {
  it.each([
    ['a schema that is a directory', ['validate', 'd.csv', '--schema', 'adir'], 'mlops validate: adir: schema file is a directory'],
    ['a schema not found (schema diff)', ['schema', 'diff', 'nosuch.yaml', 's.yaml'], 'mlops schema: nosuch.yaml: schema file not found'],
    ['a malformed schema given as ./x with =', ['validate', 'd.csv', '--schema=./bad.yaml'], 'mlops validate: ./bad.yaml:2:16 (fields[0].type): must be one of'],
    ['a schema outside the working directory', ['validate', 'd.csv', '--schema', '../outside.yaml'], 'mlops validate: ../outside.yaml'],
    ['a data file with spaces and accents', ['profile', 'dönnées avec espace/bad.csv'], 'mlops profile: dönnées avec espace/bad.csv:2: expected 2 fields'],
    ['a data file not found', ['validate', 'nosuch.csv', '--schema', 's.yaml'], 'mlops validate: nosuch.csv: file not found'],
    ['a file that is no profile', ['profile', 'merge', 'p.json', 'p.json'], 'mlops profile: p.json (format): invalid profile'],
  ])('%s', async (_label, args, start) => {
    const { code, err } = await mlops(args);
    expect(code).toBe(2);
    expect(err.startsWith(start), err).toBe(true);
    expect(err).not.toContain(cwd);
  });

  it('an absolute path given stays absolute', async () => {
    const { code, err } = await mlops(['validate', 'd.csv', '--schema', join(cwd, 'adir')]);
    expect(code).toBe(2);
    expect(err).toBe(`mlops validate: ${join(cwd, 'adir')}: schema file is a directory\n`);
  });

  it('the implicit mlops.yaml is named relative to the working directory, as docs/config.md shows', async () => {
    const dir = join(root, 'implicit');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'mlops.yaml'), 'name: m\ndrift:\n  current: c.csv\n  reference: r.csv\n  datasetShare: 3\n');
    const io = memoryIo({ cwd: dir, env: {} });
    expect(await runCli(['drift'], io)).toBe(2);
    expect(io.err).toMatch(/^mlops drift: mlops\.yaml:5:17 \(drift\.datasetShare\): /);
  });

  it('--json: the error document names the file as given too', async () => {
    const { code, out } = await mlops(['validate', 'd.csv', '--schema', 'adir', '--json']);
    expect(code).toBe(2);
    const { error } = JSON.parse(out);
    expect(error.file).toBe('adir');
    expect(error.message).toBe('adir: schema file is a directory');
  });
});

describe('namedAsGiven', () => {
  it('keeps line, column and key, and leaves relative or unrelated files alone', () => {
    const error = new InputError('bad', { file: '/w/p/s.yaml', line: 3, column: 4, key: 'k' });
    const shown = namedAsGiven(error, ['--schema', 's.yaml'], '/w/p');
    expect(shown.message).toBe('s.yaml:3:4 (k): bad');
    expect(shown.location).toEqual({ file: 's.yaml', line: 3, column: 4, key: 'k' });
    expect(namedAsGiven(error, [], '/elsewhere')).toBe(error);
    const relative = new InputError('bad', { file: 's.yaml' });
    expect(namedAsGiven(relative, [], '/w/p')).toBe(relative);
    // A flag is not a path even when a file bears its name.
    expect(namedAsGiven(new InputError('bad', { file: '/w/p/--json' }), ['--json'], '/w/p').location.file).toBe('--json');
  });
});
