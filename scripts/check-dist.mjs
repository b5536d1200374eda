// Fails when dist/ differs from a fresh build of src/: the committed bundle is what actions run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fresh = mkdtempSync(join(tmpdir(), 'mlops-dist-'));
try {
  execFileSync(process.execPath, ['scripts/build.mjs', fresh], { stdio: 'inherit' });
  const expected = readdirSync(fresh).sort();
  const actual = readdirSync('dist').sort();
  const problems = [];
  for (const f of new Set([...expected, ...actual])) {
    if (!expected.includes(f)) problems.push(`dist/${f} is not produced by the build (remove it)`);
    else if (!actual.includes(f)) problems.push(`dist/${f} is missing`);
    else if (!readFileSync(join(fresh, f)).equals(readFileSync(join('dist', f)))) problems.push(`dist/${f} is stale`);
  }
  if (problems.length) {
    console.error(`${problems.join('\n')}\nRun 'npm run build' and commit dist/.`);
    process.exit(1);
  }
  console.log('dist/ is fresh');
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
