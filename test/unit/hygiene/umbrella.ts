import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, isMap, isScalar, isSeq, parseDocument, visit, YAMLMap, YAMLSeq, Scalar } from 'yaml';

/**
 * Generates the root `action.yml` (the umbrella action) from `actions/<command>/action.yml`.
 *
 * A composite action cannot `uses:` a path relative to itself (`./` resolves against the
 * workspace), so the umbrella cannot call the per-command actions. Instead it holds a copy of
 * each command's steps, guarded by `inputs.command == '<command>'`, with step ids prefixed by the
 * command and `$GITHUB_ACTION_PATH` rebased to the repository root. Inputs and outputs are the
 * union of the commands'. The hygiene test regenerates it and compares, so it cannot go stale:
 *
 *     npx tsx test/unit/hygiene/umbrella.ts --write
 */

export const COMMANDS = ['validate', 'train', 'evaluate', 'release', 'drift'] as const;

const HEADER = `# GENERATED from actions/*/action.yml by test/unit/hygiene/umbrella.ts — do not edit by hand.
# Regenerate with: npx tsx test/unit/hygiene/umbrella.ts --write
# The umbrella action: input \`command\` picks the action; its inputs are the union of the actions'
# inputs (the [brackets] in each description say which commands read it). docs/actions.md has the table.
`;

interface InputInfo { commands: string[]; descriptions: Map<string, string>; defaults: Map<string, string> }

/** `[a, b] text` per distinct description; no tag when every command shares one description. */
function describe(descriptions: Map<string, string>, all: readonly string[]): string {
  const byText = new Map<string, string[]>();
  for (const [command, text] of descriptions) byText.set(text, [...(byText.get(text) ?? []), command]);
  if (byText.size === 1 && descriptions.size === all.length) return [...byText.keys()][0]!;
  return [...byText].map(([text, commands]) => `[${commands.join(', ')}] ${text}`.trim()).join(' ');
}

function scalarText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

/** `inputs.<name>` in an expression, not followed by more name characters. */
function inputRef(name: string): RegExp {
  return new RegExp(`\\binputs\\.${name.replace(/[-]/g, '\\-')}(?![\\w-])`, 'g');
}

/** The default of an input as an expression operand: `github.token` or `'literal'`. */
function defaultOperand(value: string): string {
  const whole = /^\$\{\{\s*([^]*?)\s*\}\}$/.exec(value);
  if (whole) return `(${whole[1]})`;
  return `'${value.replace(/'/g, "''")}'`;
}

function rewriteString(text: string, command: string, conflicting: Map<string, string>): string {
  // Expressions: step ids are prefixed; inputs whose default differs between commands fall back
  // to this command's default.
  let out = text.replace(/\$\{\{([^]*?)\}\}/g, (_match, inner: string) => {
    let expr = inner.replace(/\bsteps\.([A-Za-z_][A-Za-z0-9_-]*)/g, `steps.${command}-$1`);
    for (const [name, value] of conflicting) {
      expr = expr.replace(inputRef(name), `(inputs.${name} != '' && inputs.${name} || ${defaultOperand(value)})`);
    }
    return `\${{${expr}}}`;
  });
  // Files next to the per-command action.yml live under actions/<command>/ from the root.
  out = out.replace(/(\$\{?GITHUB_ACTION_PATH\}?)\/\.\.\/\.\.\//g, '$1/');
  out = out.replace(/(\$\{?GITHUB_ACTION_PATH\}?)\/(?!dist\/)/g, `$1/actions/${command}/`);
  return out;
}

function stripExpression(value: string): string | undefined {
  return /^\$\{\{\s*([^]*?)\s*\}\}$/.exec(value.trim())?.[1];
}

/** Generates the umbrella action.yml text from the per-command actions under `root/actions`. */
export function generateUmbrella(root: string): string {
  const present = COMMANDS.filter((c) => existsSync(join(root, 'actions', c, 'action.yml')));
  const docs = new Map(present.map((c) => [c, parseDocument(readFileSync(join(root, 'actions', c, 'action.yml'), 'utf8'))]));

  const inputs = new Map<string, InputInfo>();
  const outputs = new Map<string, { commands: string[]; descriptions: Map<string, string>; expressions: string[] }>();
  for (const [command, doc] of docs) {
    const plain = doc.toJS() as { inputs?: Record<string, { description?: string; default?: unknown }>; outputs?: Record<string, { description?: string; value?: string }> };
    for (const [name, spec] of Object.entries(plain.inputs ?? {})) {
      const info: InputInfo = inputs.get(name) ?? { commands: [], descriptions: new Map(), defaults: new Map() };
      info.commands.push(command);
      info.descriptions.set(command, scalarText(spec?.description));
      info.defaults.set(command, scalarText(spec?.default));
      inputs.set(name, info);
    }
    for (const [name, spec] of Object.entries(plain.outputs ?? {})) {
      const info = outputs.get(name) ?? { commands: [] as string[], descriptions: new Map<string, string>(), expressions: [] as string[] };
      info.descriptions.set(command, scalarText(spec?.description));
      const expression = stripExpression(scalarText(spec?.value));
      if (expression === undefined) throw new Error(`actions/${command}/action.yml: output '${name}' must be a single \${{ }} expression`);
      info.commands.push(command);
      info.expressions.push(expression.replace(/\bsteps\.([A-Za-z_][A-Za-z0-9_-]*)/g, `steps.${command}-$1`));
      outputs.set(name, info);
    }
  }

  const out = new Document({
    name: 'mlops-actions',
    description: `GitHub-native MLOps in one action: input \`command\` runs ${present.join(' | ')} (the same steps as actions/<command>).`,
    author: 'mlops-actions',
    branding: { icon: 'activity', color: 'blue' },
  });
  const inputMap = new YAMLMap();
  inputMap.set('command', { description: `What to run: ${present.join(' | ')}.`, required: true });
  const conflicts = new Map<string, Map<string, string>>(present.map((c) => [c, new Map()]));
  for (const [name, info] of inputs) {
    const values = [...new Set(info.defaults.values())];
    const shared = values.length === 1 ? values[0]! : '';
    if (values.length > 1) {
      for (const [command, value] of info.defaults) if (value !== '') conflicts.get(command)!.set(name, value);
    }
    const perCommand = values.length > 1 ? ` Default per command: ${[...info.defaults].map(([c, v]) => `${c} ${v === '' ? '(none)' : v}`).join(', ')}.` : '';
    inputMap.set(name, { description: `${describe(info.descriptions, present)}${perCommand}`, required: false, default: shared });
  }
  out.set('inputs', inputMap);

  const outputMap = new YAMLMap();
  for (const [name, info] of outputs) {
    // Only the chosen command's steps run, so the other references are empty strings.
    outputMap.set(name, { description: describe(info.descriptions, present), value: `\${{ ${info.expressions.join(' || ')} }}` });
  }
  out.set('outputs', outputMap);

  const steps = new YAMLSeq();
  const check = out.createNode({
    name: 'Check the command',
    shell: 'bash',
    env: { INPUT_COMMAND: '${{ inputs.command }}' },
    run: [
      'case "$INPUT_COMMAND" in',
      `  ${present.join(' | ')}) ;;`,
      '  *)',
      `    echo "::error title=mlops-actions::input 'command' must be one of ${present.join(' | ')}, got '\${INPUT_COMMAND}'"`,
      '    exit 2',
      '    ;;',
      'esac',
      '',
    ].join('\n'),
  });
  steps.items.push(check);
  for (const [command, doc] of docs) {
    const source = doc.getIn(['runs', 'steps']);
    if (!isSeq(source)) continue;
    for (const item of source.items) {
      if (!isMap(item)) continue;
      const step = item.clone() as YAMLMap;
      visit(step, {
        Scalar(_key, node) {
          if (typeof node.value === 'string') node.value = rewriteString(node.value, command, conflicts.get(command)!);
        },
      });
      const guard = `inputs.command == '${command}'`;
      const original = step.get('if');
      const originalText = isScalar(original) ? scalarText(original.value) : scalarText(original);
      const condition = originalText === '' ? guard : `${guard} && (${stripExpression(originalText) ?? originalText})`;
      const id = step.get('id');
      const rebuilt = new YAMLMap();
      if (step.has('name')) rebuilt.items.push(step.items.find((p) => isScalar(p.key) && p.key.value === 'name')!);
      if (id !== undefined) rebuilt.set('id', `${command}-${scalarText(isScalar(id) ? id.value : id)}`);
      rebuilt.set('if', new Scalar(`\${{ ${condition} }}`));
      for (const pair of step.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (key === 'name' || key === 'id' || key === 'if') continue;
        rebuilt.items.push(pair);
      }
      steps.items.push(rebuilt);
    }
  }
  out.set('runs', out.createNode({ using: 'composite' }));
  out.setIn(['runs', 'steps'], steps);
  return `${HEADER}${out.toString({ lineWidth: 0 })}`;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const root = join(import.meta.dirname, '..', '..', '..');
  const text = generateUmbrella(root);
  if (process.argv.includes('--write')) writeFileSync(join(root, 'action.yml'), text);
  else process.stdout.write(text);
}
