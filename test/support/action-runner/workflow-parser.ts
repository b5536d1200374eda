import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as WorkflowParser from '@actions/workflow-parser';
import type * as ActionParser from '@actions/workflow-parser/actions/index';

/** The parts of @actions/workflow-parser the tests use. */
export type WorkflowParserModule = Pick<typeof WorkflowParser, 'parseWorkflow' | 'convertWorkflowTemplate' | 'NoOperationTraceWriter'>
  & Pick<typeof ActionParser, 'parseAction' | 'convertActionTemplate'>;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let loaded: Promise<WorkflowParserModule> | undefined;

/**
 * Loads @actions/workflow-parser. Its dist imports JSON schemas without import attributes,
 * which Node's ESM loader rejects (and vitest leaves node_modules to Node), so the package is
 * bundled once with esbuild into node_modules/.cache — ESM output with a `createRequire`
 * banner for the CommonJS bits of its dependencies — and imported from there.
 */
export function loadWorkflowParser(): Promise<WorkflowParserModule> {
  loaded ??= (async () => {
    const pkg = JSON.parse(await readFile(join(root, 'node_modules', '@actions', 'workflow-parser', 'package.json'), 'utf8')) as { version: string };
    const entry = [
      "export { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } from '@actions/workflow-parser';",
      "export { parseAction, convertActionTemplate } from '@actions/workflow-parser/actions/index';",
    ].join('\n');
    const key = createHash('sha256').update(`${pkg.version}\n${entry}`).digest('hex').slice(0, 12);
    const out = join(root, 'node_modules', '.cache', 'mlops-test', `workflow-parser-${key}.mjs`);
    try {
      await readFile(out);
    } catch {
      const esbuild = await import('esbuild');
      const result = await esbuild.build({
        stdin: { contents: entry, resolveDir: root, loader: 'js' },
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        write: false,
        logLevel: 'silent',
        banner: { js: "import { createRequire as __mlopsCreateRequire } from 'node:module'; const require = __mlopsCreateRequire(import.meta.url);" },
      });
      await mkdir(dirname(out), { recursive: true });
      // Atomic: parallel test files may bundle at the same time.
      const temp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(temp, result.outputFiles[0]!.contents);
      await rename(temp, out);
    }
    return (await import(pathToFileURL(out).href)) as WorkflowParserModule;
  })();
  return loaded;
}
