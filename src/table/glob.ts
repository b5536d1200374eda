/**
 * Data-path expansion: `data.train: data/*.csv` or a list of files/globs becomes a sorted,
 * de-duplicated list of files. Node 20 has no `fs.glob`, so this is a small matcher supporting
 * `*` and `?` (within one path segment), `**` (any number of directories), `[abc]`/`[a-z]`/`[!x]`
 * classes and `{a,b}` alternatives. Wildcards do not match names starting with `.` unless the
 * pattern segment itself starts with `.`. Symbolic links to directories are not followed by `**`.
 */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { InputError } from '../core/errors.ts';

const MAGIC = /[*?[{]/;

/** Whether a path is a pattern (`*`, `?`, `[…]`, `{…}`) rather than one file name. */
export function isGlob(path: string): boolean {
  return MAGIC.test(path);
}

/**
 * The files a command's data arguments name: one plain path as given (the reader then reports
 * its own errors, "file not found" or "is a directory"), else every path and glob expanded by
 * {@link expandDataPaths}.
 */
export async function dataArguments(paths: readonly string[], cwd: string): Promise<string[]> {
  return paths.length === 1 && !MAGIC.test(paths[0]!) ? [paths[0]!] : expandDataPaths([...paths], cwd);
}

/** Expands `{a,b}` alternatives (nested allowed) into plain patterns. */
export function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const body = pattern.slice(open + 1, i);
        const parts: string[] = [];
        let d = 0;
        let from = 0;
        for (let k = 0; k < body.length; k++) {
          if (body[k] === '{') d++;
          else if (body[k] === '}') d--;
          else if (body[k] === ',' && d === 0) {
            parts.push(body.slice(from, k));
            from = k + 1;
          }
        }
        parts.push(body.slice(from));
        if (parts.length === 1) continue; // `{x}` is literal
        const head = pattern.slice(0, open);
        const tail = pattern.slice(i + 1);
        return parts.flatMap((p) => expandBraces(head + p + tail));
      }
    }
  }
  return [pattern];
}

/** Compiles one path segment (no `/`) into a RegExp. */
function segmentRegExp(seg: string): RegExp {
  let re = '^';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\' && i + 1 < seg.length) re += seg[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = seg.slice(i + 1, end);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        re += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
        i = end;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`${re}$`);
}

/** True when `name` matches the wildcard segment `seg`. */
function matchSegment(seg: string, name: string): boolean {
  if (name.startsWith('.') && !seg.startsWith('.')) return false;
  return segmentRegExp(seg).test(name);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function listDir(dir: string): Promise<{ name: string; dir: boolean }[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, dir: e.isDirectory() }));
  } catch {
    return [];
  }
}

/** Walks `segments` from the directory `base` (display prefix `shown`), collecting matching files. */
async function walk(base: string, shown: string, segments: string[], out: Set<string>): Promise<void> {
  if (segments.length === 0) {
    if (await isFile(base)) out.add(shown);
    return;
  }
  const [seg, ...rest] = segments;
  const child = (name: string): [string, string] => [join(base, name), shown === '' ? name : shown.endsWith('/') ? shown + name : `${shown}/${name}`];
  if (seg === '**') {
    // Zero directories, then one more directory and `**` again.
    await walk(base, shown, rest, out);
    for (const e of await listDir(base)) {
      if (e.dir && !e.name.startsWith('.')) await walk(...child(e.name), segments, out);
    }
    return;
  }
  if (!MAGIC.test(seg)) {
    await walk(...child(seg.replace(/\\(.)/g, '$1')), rest, out);
    return;
  }
  for (const e of await listDir(base)) {
    if (!matchSegment(seg, e.name)) continue;
    if (rest.length > 0 && !e.dir) continue;
    await walk(...child(e.name), rest, out);
  }
}

/**
 * Expands a path, a glob, or a list of them into existing files, sorted (by code unit) and
 * de-duplicated. Relative patterns are resolved against `cwd` and returned relative (with `/`),
 * absolute ones stay absolute. A plain path that does not exist, or a glob matching nothing, is
 * an InputError naming it.
 */
export async function expandDataPaths(patternOrPaths: string | string[], cwd: string = process.cwd()): Promise<string[]> {
  const patterns = Array.isArray(patternOrPaths) ? patternOrPaths : [patternOrPaths];
  if (patterns.length === 0) throw new InputError('no data path given');
  const out = new Set<string>();
  for (const pattern of patterns) {
    if (typeof pattern !== 'string' || pattern.trim() === '') throw new InputError('empty data path');
    const found = new Set<string>();
    for (const p of expandBraces(pattern)) {
      const abs = isAbsolute(p);
      const root = abs ? (p.match(/^(?:[A-Za-z]:)?\//)?.[0] ?? '/') : '';
      const segments = p.slice(root.length).split('/').filter((s) => s !== '' && s !== '.');
      if (!MAGIC.test(p)) {
        const full = abs ? p : resolve(cwd, p);
        if (await isFile(full)) found.add(abs ? p : segments.join('/'));
        continue;
      }
      await walk(abs ? root : cwd, abs ? root : '', segments, found);
    }
    if (found.size === 0) {
      throw new InputError(MAGIC.test(pattern) ? 'no file matches this pattern' : 'data file not found', { file: pattern });
    }
    for (const f of found) out.add(f);
  }
  return [...out].sort();
}
