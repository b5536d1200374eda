import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A glob (`**`, `*`, `?`) as a regular expression over `/`-separated relative paths. */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` matches zero or more directories.
      if (pattern[i + 2] === '/') { out += '(?:.*/)?'; i += 2; } else { out += '.*'; i += 1; }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

function walk(dir: string, out: string[]): void {
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const entry of entries) {
    if (entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
}

/**
 * Files matching the patterns (relative to `base`, or absolute), `!pattern` excludes; a pattern
 * naming a directory takes every file under it. Sorted, deduplicated, absolute paths.
 */
export function globFiles(base: string, patterns: string[]): string[] {
  const included = new Set<string>();
  for (const raw of patterns) {
    const exclude = raw.startsWith('!');
    const pattern = (exclude ? raw.slice(1) : raw).trim();
    if (pattern === '') continue;
    const absolute = isAbsolute(pattern) ? pattern : resolve(base, pattern);
    let matches: string[] = [];
    if (!/[*?]/.test(pattern)) {
      try {
        const info = statSync(absolute);
        if (info.isDirectory()) walk(absolute, matches);
        else matches = [absolute];
      } catch { matches = []; }
    } else {
      // Walk from the longest literal directory prefix.
      const literal = absolute.split(sep);
      const firstWild = literal.findIndex((segment) => /[*?]/.test(segment));
      const root = literal.slice(0, firstWild).join(sep) || sep;
      const all: string[] = [];
      walk(root, all);
      const regex = globToRegExp(relative(root, absolute).split(sep).join('/'));
      matches = all.filter((file) => regex.test(relative(root, file).split(sep).join('/')));
    }
    for (const file of matches) {
      if (exclude) included.delete(file);
      else included.add(file);
    }
  }
  return [...included].sort();
}
