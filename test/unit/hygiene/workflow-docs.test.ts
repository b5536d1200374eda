import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './checks.ts';

/**
 * docs/workflows.md documents each reusable workflow's inputs (with defaults), secrets, outputs and
 * the permissions its jobs ask for; a caller copies them into `with:` and `permissions:`, and GitHub
 * refuses a run with an unknown input or a permission the caller did not grant. Keep the page and
 * the YAML the same.
 */
interface WorkflowDoc {
  on: { workflow_call: { inputs?: Record<string, { default?: unknown }>; secrets?: Record<string, unknown>; outputs?: Record<string, unknown> } };
  permissions?: unknown;
  jobs: Record<string, { permissions?: Record<string, string> }>;
}

const docs = readFileSync(join(repoRoot, 'docs', 'workflows.md'), 'utf8');
const FILES = ['mlops-pull-request.yml', 'mlops-train.yml', 'mlops-release.yml', 'mlops-drift.yml'];

/** The section of docs/workflows.md headed by the workflow's file name. */
function section(file: string): string {
  const start = docs.indexOf(`## \`${file}\``);
  if (start < 0) throw new Error(`docs/workflows.md has no section for ${file}`);
  const next = docs.indexOf('\n## ', start + 1);
  return docs.slice(start, next < 0 ? undefined : next);
}

/** `name → default cell` of the table whose first header is `first`. */
function table(text: string, first: string): Map<string, string> {
  const rows = new Map<string, string>();
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`| ${first} |`));
  if (at < 0) return rows;
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim());
    const name = /^`([^`]+)`/.exec(cells[0] ?? '')?.[1];
    if (name) rows.set(name, cells[1] ?? '');
  }
  return rows;
}

/** How the docs write a default: `'x'` in backticks, `''` for empty, or *(required)*. */
function documentedDefault(value: unknown): string {
  if (value === undefined || value === '') return "``''``";
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

describe.each(FILES)('docs/workflows.md matches %s', (file) => {
  const doc = yaml.load(readFileSync(join(repoRoot, '.github', 'workflows', file), 'utf8')) as WorkflowDoc;
  const call = doc.on.workflow_call;
  const text = section(file);

  it('documents every input, and only those, with its default', () => {
    const rows = table(text, 'Input');
    expect([...rows.keys()].sort()).toEqual(Object.keys(call.inputs ?? {}).sort());
    for (const [name, spec] of Object.entries(call.inputs ?? {})) {
      const cell = rows.get(name)!;
      if (spec.default === undefined && cell === '*(required)*') continue;
      expect(cell.replace(/^`''`$/, "``''``"), name).toBe(documentedDefault(spec.default));
    }
  });

  it('documents every secret and output', () => {
    for (const secret of Object.keys(call.secrets ?? {})) expect(text, `secret ${secret}`).toContain(`\`${secret}\``);
    for (const output of Object.keys(call.outputs ?? {})) expect(text, `output ${output}`).toContain(`\`${output}\``);
  });

  it('names every permission a job asks for', () => {
    for (const [job, spec] of Object.entries(doc.jobs)) {
      for (const [scope, level] of Object.entries(spec.permissions ?? {})) {
        expect(text, `${job}: ${scope}: ${level}`).toContain(`${scope}: ${level}`);
      }
    }
  });
});
