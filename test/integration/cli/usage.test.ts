import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/main.ts';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'mlops-usage-'));
  await writeFile(join(cwd, 'one.csv'), 'a\n7\n');
});
afterAll(async () => { await rm(cwd, { recursive: true, force: true }); });

async function mlops(args: string[]) {
  const io = memoryIo({ cwd, env: {} });
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

describe('bad options: exit 2 and one line, the command named once', () => {
  it.each([
    [['validate', '--bogus'], "mlops validate: unknown option '--bogus' (run 'mlops validate --help')"],
    [['validate', 'd.csv', '--schema'], "mlops validate: --schema needs a value (run 'mlops validate --help')"],
    [['validate', 'd.csv', '--json=yes'], "mlops validate: --json takes no value (run 'mlops validate --help')"],
    [['validate', 'd.csv'], "mlops validate: missing --schema <file> (run 'mlops validate --help')"],
    [['profile', 'd.csv', '-x'], "mlops profile: unknown option '-x' (run 'mlops profile --help')"],
    [['profile', 'd.csv', '-o'], "mlops profile: --output needs a value (run 'mlops profile --help')"],
    [['schema', 'infer', 'd.csv', '--bogus'], "mlops schema: unknown option '--bogus' (run 'mlops schema infer --help')"],
    [['drift', '--reference', '--current', 'x.csv'], "mlops drift: --reference needs a value; write --reference=-… for one starting with '-' (run 'mlops drift --help')"],
  ])('%j', async (args, message) => {
    const { code, out, err } = await mlops(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`${message}\n`);
  });
});

describe('--json when the command cannot run: stdout is still one JSON document', () => {
  it('an input error: the message and its location', async () => {
    await writeFile(join(cwd, 'ragged.csv'), 'a,b\n1,2\n3\n');
    await writeFile(join(cwd, 'ab.yaml'), 'fields: [{ name: a, type: integer }, { name: b, type: integer }]\n');
    const { code, out, err } = await mlops(['validate', 'ragged.csv', '--schema', 'ab.yaml', '--json']);
    expect(code).toBe(2);
    expect(err).toBe(`mlops validate: ${JSON.parse(out).error.message}\n`);
    expect(JSON.parse(out)).toEqual({
      error: {
        command: 'validate', message: 'ragged.csv:3: expected 2 fields (as in the header), found 1', exitCode: 2,
        detail: 'expected 2 fields (as in the header), found 1', file: 'ragged.csv', line: 3,
      },
    });
  });

  it('a usage error: the message alone; without --json, stdout stays empty', async () => {
    const json = await mlops(['profile', 'nosuch.csv', '--json', '--bogus']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toEqual({ error: { command: 'profile', message: "unknown option '--bogus' (run 'mlops profile --help')", exitCode: 2 } });
    const plain = await mlops(['validate', 'one.csv']);
    expect(plain.code).toBe(2);
    expect(plain.out).toBe('');
  });
});

describe('a short option with =, as its long form takes it', () => {
  it("'-o=p.json' writes p.json (parseArgs alone named the file '=p.json'); after -- it is left alone", async () => {
    const { code } = await mlops(['profile', 'one.csv', '-o=eq.json']);
    expect(code).toBe(0);
    expect(existsSync(join(cwd, 'eq.json'))).toBe(true);
    expect(existsSync(join(cwd, '=eq.json'))).toBe(false);
    const empty = await mlops(['profile', 'one.csv', '-o=']);
    expect(empty.code).toBe(2);
    const after = await mlops(['schema', 'infer', '--', '-o=x.csv']);
    expect(after.code).toBe(2);
    expect(after.err).toContain('-o=x.csv');
  });
});

describe('counts in human output', () => {
  it('one row and one column are singular (profile summary)', async () => {
    const { code, err } = await mlops(['profile', 'one.csv', '-o', 'p.json']);
    expect(code).toBe(0);
    expect(err.split('\n')[0]).toBe('one.csv: 1 row, 1 column');
  });
});

describe('help', () => {
  it("'mlops help <command>' prints that command's usage, as '<command> --help' does", async () => {
    const own = await mlops(['train', '--help']);
    const viaHelp = await mlops(['help', 'train']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.out).toBe(own.out);
    expect(viaHelp.out).toMatch(/^Usage: mlops train /);
    const unknown = await mlops(['help', 'trian']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^mlops: unknown command 'trian'/);
    // Bare 'help' and 'help --anything' keep the overview.
    expect((await mlops(['help'])).out).toMatch(/^mlops \S+ — GitHub-native MLOps/);
    expect((await mlops(['help', '-h'])).out).toMatch(/^mlops \S+ — GitHub-native MLOps/);
  });

  it('lists every registry subcommand in the overview, deprecate included', async () => {
    const { out } = await mlops(['--help']);
    const line = out.split('\n').find((l) => l.trimStart().startsWith('registry'));
    for (const sub of ['register', 'promote', 'rollback', 'deprecate', 'list', 'show', 'history', 'pull']) expect(line).toContain(sub);
  });
});

describe('after --, every argument is an operand', () => {
  it("a file named --json or --help is data: no JSON error document, no usage text", async () => {
    await writeFile(join(cwd, 's1.yaml'), 'fields: [{ name: a, type: integer }]\n');
    const json = await mlops(['validate', '--schema', 's1.yaml', '--', '--json']);
    expect(json.code).toBe(2);
    expect(json.out).toBe('');
    expect(json.err).toMatch(/^mlops validate: --json: /);
    const help = await mlops(['validate', '--schema', 's1.yaml', '--', '--help']);
    expect(help.code).toBe(2);
    expect(help.out).toBe('');
    expect(help.err).toMatch(/^mlops validate: --help: /);
    // Before --, they are the options still.
    const both = await mlops(['validate', 'nosuch.csv', '--schema', 's1.yaml', '--json', '--', 'other.csv']);
    expect(both.code).toBe(2);
    expect(JSON.parse(both.out).error.command).toBe('validate');
  });
});

describe('--json with a command or subcommand that does not exist', () => {
  it('an unknown command still prints one JSON document on stdout, exit 2', async () => {
    const { code, out, err } = await mlops(['valdate', 'one.csv', '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(out)).toEqual({ error: { command: 'valdate', message: "unknown command 'valdate'", exitCode: 2 } });
    expect(err).toMatch(/^mlops: unknown command 'valdate'\n/);
    // Without --json, stdout stays empty.
    expect((await mlops(['valdate', 'one.csv'])).out).toBe('');
  });

  it("'schema --json' says the subcommand is missing, not that '--json' is an unknown one", async () => {
    const { code, out } = await mlops(['schema', '--json']);
    expect(code).toBe(2);
    expect(JSON.parse(out).error.message).toMatch(/^missing subcommand \(infer \| diff\)/);
  });
});
