import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';

/**
 * YAML hygiene checks over the repository's actions and workflows, as plain functions so the
 * tests can also prove each check catches a bad sample.
 */

export const repoRoot = join(import.meta.dirname, '..', '..', '..');

export interface YamlFile {
  /** Path relative to the repository root. */
  path: string;
  kind: 'action' | 'workflow';
  content: string;
}

/** Every action.yml and workflow in the repository, found at test time (files others add are covered). */
export function findYamlFiles(root = repoRoot): YamlFile[] {
  const files: YamlFile[] = [];
  const add = (path: string, kind: YamlFile['kind']) => {
    if (existsSync(path)) files.push({ path: relative(root, path), kind, content: readFileSync(path, 'utf8') });
  };
  const list = (dir: string) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []);
  for (const name of ['action.yml', 'action.yaml']) add(join(root, name), 'action');
  for (const base of ['actions', join('test', 'fixtures', 'actions')]) {
    for (const entry of list(join(root, base))) {
      if (entry.isDirectory()) for (const name of ['action.yml', 'action.yaml']) add(join(root, base, entry.name, name), 'action');
    }
  }
  for (const dir of [join('.github', 'workflows'), join('test', 'fixtures', 'actions')]) {
    for (const entry of list(join(root, dir))) {
      if (entry.isFile() && /\.ya?ml$/.test(entry.name)) add(join(root, dir, entry.name), 'workflow');
    }
  }
  return files;
}

/** One `run:` block with where it lives and its shell. */
export interface RunBlock {
  file: string;
  /** Human location: `jobs.<id>.steps[i]` or `runs.steps[i]`, with the step's name or id. */
  where: string;
  script: string;
  /** The shell as written (`bash`, `sh`, `python`, custom); the runner's default is bash. */
  shell: string;
}

type Step = { run?: unknown; shell?: unknown; uses?: unknown; name?: unknown; id?: unknown; env?: Record<string, unknown> };

function label(step: Step, index: number, prefix: string): string {
  const name = typeof step.name === 'string' ? step.name : typeof step.id === 'string' ? step.id : undefined;
  return `${prefix}.steps[${index}]${name ? ` (${name})` : ''}`;
}

/** The steps of an action or workflow, with locations. */
export function stepsOf(file: YamlFile): { where: string; step: Step; defaultShell: string }[] {
  const doc = (yaml.load(file.content) ?? {}) as Record<string, unknown>;
  const out: { where: string; step: Step; defaultShell: string }[] = [];
  if (file.kind === 'action') {
    const steps = ((doc.runs as { steps?: Step[] } | undefined)?.steps ?? []);
    steps.forEach((step, i) => out.push({ where: label(step, i, 'runs'), step, defaultShell: '' }));
    return out;
  }
  const workflowShell = ((doc.defaults as { run?: { shell?: string } } | undefined)?.run?.shell) ?? 'bash';
  for (const [id, job] of Object.entries((doc.jobs ?? {}) as Record<string, { steps?: Step[]; defaults?: { run?: { shell?: string } } }>)) {
    const shell = job?.defaults?.run?.shell ?? workflowShell;
    (job?.steps ?? []).forEach((step, i) => out.push({ where: label(step, i, `jobs.${id}`), step, defaultShell: shell }));
  }
  return out;
}

/** Every `run:` block of a file. */
export function runBlocks(file: YamlFile): RunBlock[] {
  return stepsOf(file)
    .filter(({ step }) => typeof step.run === 'string')
    .map(({ where, step, defaultShell }) => ({ file: file.path, where, script: step.run as string, shell: typeof step.shell === 'string' ? step.shell : defaultShell || 'bash' }));
}

/** `run:` blocks containing `${{`: script injection risk; inputs must go through `env:`. */
export function expressionInRun(blocks: RunBlock[]): string[] {
  return blocks.filter((b) => b.script.includes('${{')).map((b) => `${b.file} ${b.where}: \`\${{\` inside a run: script — pass the value through env: instead`);
}

/** Workflows (or jobs) without `permissions:`. */
export function missingPermissions(file: YamlFile): string[] {
  if (file.kind !== 'workflow') return [];
  const doc = (yaml.load(file.content) ?? {}) as { permissions?: unknown; jobs?: Record<string, { permissions?: unknown }> };
  if (doc.permissions !== undefined) return [];
  return Object.entries(doc.jobs ?? {})
    .filter(([, job]) => job?.permissions === undefined)
    .map(([id]) => `${file.path}: job '${id}' has no permissions: and the workflow declares none (least privilege: set them explicitly)`);
}

/**
 * This project's own repository. Its reusable workflows call its actions by release tag
 * (`<owner>/<repo>/actions/drift@v1`): a commit cannot name its own SHA, and `./` would resolve
 * against the caller's repository. Only third-party actions must be pinned by SHA (DESIGN §6).
 */
export const FIRST_PARTY_REPOSITORIES = ['mlops-actions/mlops-actions'];

/** Third-party `uses:` not pinned to a full 40-hex commit SHA. */
export function unpinnedUses(file: YamlFile): string[] {
  const refs: { where: string; uses: string }[] = stepsOf(file)
    .filter(({ step }) => typeof step.uses === 'string')
    .map(({ where, step }) => ({ where, uses: step.uses as string }));
  if (file.kind === 'workflow') {
    const doc = (yaml.load(file.content) ?? {}) as { jobs?: Record<string, { uses?: unknown }> };
    for (const [id, job] of Object.entries(doc.jobs ?? {})) if (typeof job?.uses === 'string') refs.push({ where: `jobs.${id}`, uses: job.uses });
  }
  return refs
    .filter(({ uses }) => !uses.startsWith('./') && !uses.startsWith('../') && !uses.startsWith('docker://'))
    .filter(({ uses }) => !FIRST_PARTY_REPOSITORIES.includes(uses.split('@')[0]!.split('/').slice(0, 2).join('/').toLowerCase()))
    .filter(({ uses }) => !/^[^@\s]+@[0-9a-f]{40}$/.test(uses))
    .map(({ where, uses }) => `${file.path} ${where}: '${uses}' is not pinned to a 40-character commit SHA`);
}

/** Whether shellcheck is on PATH. */
export function shellcheckAvailable(): boolean {
  return spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** The shellcheck dialect of a runner shell, or undefined for non-POSIX shells (python, pwsh). */
export function dialectOf(shell: string): 'bash' | 'sh' | undefined {
  const program = shell.trim().split(/\s+/)[0]!;
  if (program === 'bash') return 'bash';
  if (program === 'sh') return 'sh';
  return undefined;
}

/**
 * Runs shellcheck once per dialect over every block (one process each, not one per script) and
 * returns one finding per problem, located by file and step.
 */
export function shellcheckBlocks(blocks: RunBlock[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-shellcheck-'));
  try {
    const findings: string[] = [];
    for (const dialect of ['bash', 'sh'] as const) {
      const selected = blocks.filter((b) => dialectOf(b.shell) === dialect && !b.script.includes('${{'));
      if (selected.length === 0) continue;
      const paths = selected.map((block, i) => {
        const path = join(dir, `${dialect}-${i}.sh`);
        writeFileSync(path, block.script);
        return path;
      });
      const run = spawnSync('shellcheck', ['-s', dialect, '-f', 'json1', ...paths], { encoding: 'utf8' });
      if (run.error) throw run.error;
      const report = JSON.parse(run.stdout || '{"comments":[]}') as { comments: { file: string; line: number; column: number; level: string; code: number; message: string }[] };
      for (const c of report.comments) {
        const block = selected[paths.indexOf(c.file)]!;
        findings.push(`${block.file} ${block.where}, script line ${c.line}:${c.column}: SC${c.code} (${c.level}) ${c.message}`);
      }
    }
    return findings;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `${{ github.action_path }}` breaks in container jobs (DESIGN §6): steps use the
 * `$GITHUB_ACTION_PATH` environment variable instead.
 */
export function actionPathExpressions(file: YamlFile): string[] {
  return file.content.split('\n').flatMap((line, i) => (/\$\{\{[^}]*\bgithub\.action_path\b/.test(line) ? [`${file.path}:${i + 1}: uses \${{ github.action_path }}; use "$GITHUB_ACTION_PATH"`] : []));
}

/**
 * Hyphenated env names (`INPUT_MAX-ERRORS`) are not shell identifiers: bash passes them to child
 * processes, dash (`sh`) drops them. Steps that set one must run under bash.
 */
export function hyphenatedEnvWithoutBash(file: YamlFile): string[] {
  return stepsOf(file)
    .filter(({ step }) => typeof step.run === 'string' && Object.keys(step.env ?? {}).some((key) => key.includes('-')))
    .filter(({ step, defaultShell }) => dialectOf(typeof step.shell === 'string' ? step.shell : defaultShell || 'bash') !== 'bash')
    .map(({ where }) => `${file.path} ${where}: sets hyphenated env names but does not run under bash (sh drops them)`);
}
