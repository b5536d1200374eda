import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { globFiles } from './glob.ts';

/** What a local stand-in for a third-party action gets. */
export interface LocalActionContext {
  /** The step's `with:` values, evaluated, keys as written. */
  with: Record<string, string>;
  /** The step's environment. */
  env: Record<string, string>;
  workspace: string;
  runnerTemp: string;
  /** Shared by every run given the same artifactDir (one "workflow run"). */
  artifactDir: string;
  /** Prepends a directory to PATH for later steps (like GITHUB_PATH). */
  addPath(dir: string): void;
  setOutput(name: string, value: string): void;
  log(line: string): void;
  /** Emits an annotation. */
  annotate(level: 'error' | 'warning' | 'notice', message: string): void;
}

/** A stand-in for a third-party action; returns a non-zero number (or throws) to fail the step. */
export type LocalAction = (context: LocalActionContext) => void | number | Promise<void | number>;

const input = (ctx: LocalActionContext, name: string, fallback = ''): string => {
  const value = ctx.with[name];
  return value === undefined || value === '' ? fallback : value;
};

/** actions/checkout: the workspace is already the checkout; nothing to do. */
const checkout: LocalAction = (ctx) => {
  ctx.setOutput('ref', ctx.env.GITHUB_REF ?? '');
  ctx.setOutput('commit', ctx.env.GITHUB_SHA ?? '');
};

/** actions/setup-node: makes sure the `node` running the tests is first on PATH. */
const setupNode: LocalAction = (ctx) => {
  ctx.addPath(dirname(process.execPath));
  ctx.setOutput('node-version', process.version);
  ctx.log(`setup-node (local): using ${process.execPath} ${process.version}`);
};

/** actions/cache (and /restore, /save): never a hit, stores nothing. */
const cache: LocalAction = (ctx) => {
  ctx.setOutput('cache-hit', 'false');
};

/**
 * actions/upload-artifact (v4 semantics): files matching `path` (newline-separated globs,
 * `!` excludes) are copied under artifactDir/<name>/ relative to their common ancestor;
 * uploading an existing name fails unless `overwrite: true`.
 */
const uploadArtifact: LocalAction = (ctx) => {
  const name = input(ctx, 'name', 'artifact');
  const patterns = input(ctx, 'path').split('\n').map((p) => p.trim()).filter(Boolean);
  const files = globFiles(ctx.workspace, patterns);
  const target = join(ctx.artifactDir, name);
  if (files.length === 0) {
    const mode = input(ctx, 'if-no-files-found', 'warn');
    const message = `No files were found with the provided path: ${patterns.join(', ')}. No artifacts will be uploaded.`;
    if (mode === 'error') { ctx.annotate('error', message); return 1; }
    if (mode === 'warn') ctx.annotate('warning', message);
    return 0;
  }
  if (existsSync(target)) {
    if (input(ctx, 'overwrite', 'false') !== 'true') {
      ctx.annotate('error', `Failed to CreateArtifact: an artifact with this name already exists on the workflow run: ${name}`);
      return 1;
    }
  }
  // The root is the common ancestor of the matched files (as upload-artifact computes it).
  let root = dirname(files[0]!);
  for (const file of files) while (relative(root, file).startsWith('..')) root = dirname(root);
  mkdirSync(target, { recursive: true });
  for (const file of files) {
    const dest = join(target, relative(root, file));
    mkdirSync(dirname(dest), { recursive: true });
    cpSync(file, dest);
  }
  ctx.setOutput('artifact-id', String(readdirSync(ctx.artifactDir).length));
  ctx.log(`upload-artifact (local): ${files.length} file(s) as '${name}'`);
  return 0;
};

/** actions/download-artifact: copies artifactDir/<name> into `path` (all artifacts into path/<name> without a name). */
const downloadArtifact: LocalAction = (ctx) => {
  const name = input(ctx, 'name');
  const pathInput = input(ctx, 'path', ctx.workspace);
  const path = isAbsolute(pathInput) ? pathInput : resolve(ctx.workspace, pathInput);
  const names = name ? [name] : (existsSync(ctx.artifactDir) ? readdirSync(ctx.artifactDir) : []);
  for (const artifact of names) {
    const source = join(ctx.artifactDir, artifact);
    if (!existsSync(source)) {
      ctx.annotate('error', `Unable to download artifact(s): Artifact not found for name: ${artifact}`);
      return 1;
    }
    const dest = name ? path : join(path, artifact);
    mkdirSync(dest, { recursive: true });
    cpSync(source, dest, { recursive: true });
  }
  ctx.setOutput('download-path', path);
  return 0;
};

/**
 * actions/checkout against a real git remote (e.g. a local bare repository): clones `remote`
 * into the workspace (or `with.path`) with every branch and tag, so `origin` is the remote and
 * whatever the product pushes lands there, then checks out `with.ref`, else GITHUB_SHA when the
 * remote has it, else the remote's default branch. Full history whatever `fetch-depth` says
 * (shallow clones of a local path would need file:// and change nothing the tests check).
 * Pass it as `localActions: { 'actions/checkout': gitCheckout(remote) }`.
 */
export function gitCheckout(remote: string): LocalAction {
  return (ctx) => {
    const rel = input(ctx, 'path', '.');
    const dir = isAbsolute(rel) ? rel : resolve(ctx.workspace, rel);
    mkdirSync(dir, { recursive: true });
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, env: ctx.env, encoding: 'utf8' });
    const clone = git('clone', '-q', '--no-single-branch', remote, '.');
    if (clone.status !== 0) { ctx.annotate('error', `checkout (local): git clone ${remote} failed: ${clone.stderr}`); return 1; }
    const sha = ctx.env.GITHUB_SHA ?? '';
    const wanted = input(ctx, 'ref') || (sha && git('cat-file', '-e', `${sha}^{commit}`).status === 0 ? sha : '');
    if (wanted) {
      const target = git('rev-parse', '--verify', '-q', `origin/${wanted}^{commit}`).status === 0 ? `origin/${wanted}` : wanted;
      const co = git('checkout', '-q', '--detach', target);
      if (co.status !== 0) { ctx.annotate('error', `checkout (local): cannot check out ${wanted}: ${co.stderr}`); return 1; }
    }
    const head = git('rev-parse', 'HEAD').stdout.trim();
    ctx.setOutput('ref', wanted || ctx.env.GITHUB_REF || '');
    ctx.setOutput('commit', head);
    ctx.log(`checkout (local): ${remote} at ${head}`);
    return 0;
  };
}

/** The built-in stand-ins, keyed by `owner/repo[/path]` (the `@ref` is dropped). */
export const defaultLocalActions: Record<string, LocalAction> = {
  'actions/checkout': checkout,
  'actions/setup-node': setupNode,
  'actions/cache': cache,
  'actions/cache/restore': cache,
  'actions/cache/save': cache,
  'actions/upload-artifact': uploadArtifact,
  'actions/download-artifact': downloadArtifact,
};
