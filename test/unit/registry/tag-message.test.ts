/**
 * A tag message is a human line, then the fenced JSON metadata. A `--message` holding ```json
 * ("```json" alone, as someone pasting a code fence might) made the fence pattern start at the
 * human line and swallow the real block: the tag lost its metadata — a promotion tag then named no
 * version and the stage it reported as assigned stayed empty.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTagMessage, METADATA_SCHEMA, parseTagMessage, type TagMetadata } from '../../../src/registry/metadata.ts';
import { mlops, useSandbox, writeModel, type Sandbox } from '../../integration/registry/helpers.ts';

const meta: TagMetadata = {
  schema: METADATA_SCHEMA, event: 'assignment', name: 'pen', version: 'v1.0.0', stage: 'production', commit: 'c'.repeat(40),
  createdBy: 'x', createdAt: '2026-01-01T00:00:00.000Z', description: 'line one\n```\nline three',
};

describe('parseTagMessage', () => {
  it.each(['```json', '```json ```', 'see ```json', '```', 'plain summary'])('reads the metadata back whatever the summary (%s)', (summary) => {
    expect(parseTagMessage(formatTagMessage(summary, meta))).toEqual(meta);
  });

  it('reads CRLF messages and ignores blocks of other schemas or broken JSON', () => {
    const text = formatTagMessage('s', meta).replace(/\n/g, '\r\n');
    expect(parseTagMessage(text)).toEqual(meta);
    expect(parseTagMessage('x\n\n```json\n{"schema":"other"}\n```\n')).toBeNull();
    expect(parseTagMessage('x\n\n```json\n```\n')).toBeNull();
    expect(parseTagMessage('x\n\n```json\n{ broken\n```\n')).toBeNull();
  });
});

let box: Sandbox;
let repo: string;
useSandbox((b, r) => { box = b; repo = r; });

describe('promote --message', () => {
  it("a message of '```json' still assigns the stage", async () => {
    const model = await writeModel(join(box.root, 'm'), 1);
    expect((await mlops(repo, ['registry', 'register', 'pen', '--model', model, '--version', 'v1.0.0'])).code).toBe(0);
    const promoted = await mlops(repo, ['registry', 'promote', 'pen', 'v1.0.0', '--stage', 'production', '--message', '```json']);
    expect(promoted.code, promoted.err).toBe(0);
    const show = await mlops(repo, ['registry', 'show', 'pen', '--json']);
    expect((show.json() as { stages: Record<string, string> }).stages).toEqual({ production: 'v1.0.0' });
  });
});
