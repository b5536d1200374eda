import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkflowParser } from '../../support/action-runner/workflow-parser.ts';
import { expressionInRun, repoRoot, runBlocks, unpinnedUses, type YamlFile } from './checks.ts';

/**
 * The workflow examples in docs/*.md are what users copy into their repositories: each block that
 * is a workflow (a top-level `jobs:`) must parse with GitHub's parser, pin third-party actions, keep
 * `${{` out of scripts, and never run a command that exists only in this repository (`dist/…` of
 * the caller's checkout) or `npx mlops` without an install step (npx would fetch an unrelated
 * package of that name).
 */
function docWorkflows(): YamlFile[] {
  const dir = join(repoRoot, 'docs');
  const blocks: YamlFile[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const match of text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)) {
      const body = match[1]!;
      // A schematic (`with: { ... }`) shows a shape, not a file to copy.
      if (!/^jobs:/m.test(body) || body.includes('{ ... }')) continue;
      const line = text.slice(0, match.index).split('\n').length;
      // Fragments start at `jobs:`; give them the trigger a copied file has.
      const content = /^on:/m.test(body) ? body : `on: workflow_dispatch\n${body}`;
      blocks.push({ path: `docs/${name}:${line}`, kind: 'workflow', content });
    }
  }
  return blocks;
}

const blocks = docWorkflows();

describe('workflow examples in docs/', () => {
  it('finds them (the sharded profile and drift examples at least)', () => {
    expect(blocks.map((b) => b.path.split(':')[0])).toEqual(expect.arrayContaining(['docs/drift.md', 'docs/profiles.md']));
  });

  it.each(blocks.map((b) => [b.path, b] as const))('%s parses, pins its actions and keeps ${{ out of run:', async (_path, block) => {
    const parser = await loadWorkflowParser();
    const parsed = parser.parseWorkflow({ name: block.path, content: block.content }, new parser.NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(unpinnedUses(block)).toEqual([]);
    expect(expressionInRun(runBlocks(block))).toEqual([]);
  });

  it.each(blocks.map((b) => [b.path, b] as const))('%s runs mlops the way a user repository can', (_path, block) => {
    for (const run of runBlocks(block)) {
      // `node dist/mlops.mjs` exists only in this repository; `npx mlops` only after installing it.
      expect(run.script, run.where).not.toMatch(/(^|[\s;&|(])node\s+["']?dist\/mlops\.mjs/);
      if (/\bnpx\s+mlops\b/.test(run.script)) expect(block.content, `${run.where}: npx mlops without npm ci/install`).toMatch(/\bnpm (ci|install)\b/);
    }
  });
});
