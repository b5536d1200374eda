/** A model directory holding a file whose name is over 100 bytes registers and pulls back intact. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mlops, useSandbox, writeModel, type Sandbox } from './helpers.ts';

let box: Sandbox;
let repo: string;
useSandbox((b, r) => { box = b; repo = r; });

describe('register and pull with long file names', () => {
  it('a 120-byte checkpoint name and a 300-byte path survive the round trip', async () => {
    const model = await writeModel(join(box.root, 'model'), 5);
    const name = `epoch=49-step=12345-val_loss=0.1234-val_acc=0.9876-${'x'.repeat(64)}.ckpt`;
    const deep = `${'d'.repeat(150)}/${'f'.repeat(100)}/notes.txt`;
    await mkdir(join(model, 'checkpoints'), { recursive: true });
    await writeFile(join(model, 'checkpoints', name), 'ckpt');
    await mkdir(join(model, 'd'.repeat(150), 'f'.repeat(100)), { recursive: true });
    await writeFile(join(model, ...deep.split('/')), 'deep');
    const reg = await mlops(repo, ['registry', 'register', 'pen', '--model', model, '--version', 'v1.0.0']);
    expect(reg.code, reg.err).toBe(0);
    const out = join(box.root, 'pulled');
    const pull = await mlops(repo, ['registry', 'pull', 'pen@v1.0.0', '-o', out]);
    expect(pull.code, pull.err).toBe(0);
    expect(await readFile(join(out, 'checkpoints', name), 'utf8')).toBe('ckpt');
    expect(await readFile(join(out, ...deep.split('/')), 'utf8')).toBe('deep');
  });
});
