/**
 * The report shows a markdown `mlops validate --report` file in a collapsed section, cut to 8000
 * characters: the cut must leave that section's own `<details>`, tables and code fences closed,
 * or the rest of the evaluation report (the footer) disappears into them.
 */
import { describe, expect, it } from 'vitest';
import { compareModels } from '../../../src/evaluate/compare.ts';
import { renderFullEvaluationReport } from '../../../src/evaluate/report.ts';
import { buildReport } from '../../../src/evaluate/result.ts';

function report() {
  const n = 40;
  const truth = Int32Array.from({ length: n }, (_, i) => i % 2);
  const proba = Float64Array.from({ length: 2 * n }, (_, j) => (j % 2 === 0 ? 0.3 : 0.7));
  const compare = compareModels({ task: 'binary', classes: ['no', 'yes'], truth, candidate: { proba }, minSliceSize: 10, metrics: ['accuracy'], bootstrap: { resamples: 20, confidence: 0.95, seed: 1 } });
  return buildReport({
    name: 'm', compare, latency: null, gates: [], candidateInfo: { dir: 'c', featureNames: ['x'] }, minSliceSize: 10,
    data: { path: 't.csv', rows: n, evaluatedRows: n, excludedRows: 0 }, bootstrap: { resamples: 20, confidence: 0.95, seed: 1 }, environment: { backend: 'cpu', device: 't', versions: {} },
  });
}

/** The markdown body of the validation section, up to the footer. */
function validationPart(md: string): string {
  const start = md.indexOf('<summary>Data validation');
  return md.slice(start, md.indexOf('<sub>Candidate', start));
}

describe('validation section of the report', () => {
  it('a long markdown validation report is cut with its <details> closed: the footer stays outside', () => {
    const rows = Array.from({ length: 400 }, (_, i) => `| ${i + 2} | ${i + 1} | temp | maximum | 99 | value above the maximum |`).join('\n');
    const markdown = `## Validation of data.csv\n\n> [!CAUTION]\n> 400 errors\n\n<details open>\n<summary>First 400 errors</summary>\n\n| line | row | column | rule | value | message |\n|---|---|---|---|---|---|\n${rows}\n\n</details>\n`;
    expect(markdown.length).toBeGreaterThan(8000);
    const md = renderFullEvaluationReport(report(), { validation: { path: 'validation.md', markdown } });
    const part = validationPart(md);
    expect(part.length).toBeLessThan(8600);
    // Every <details> opened in the report is closed before the footer.
    const beforeFooter = md.slice(0, md.lastIndexOf('<sub>Candidate'));
    expect((beforeFooter.match(/<details[\s>]/g) ?? []).length).toBe((beforeFooter.match(/<\/details>/g) ?? []).length);
    // The cut falls on a line boundary: no half table row.
    expect(part).not.toMatch(/\| [^\n]*[^|\n]\n\n<\/details>/);
  });

  it('a code fence open at the cut is closed', () => {
    const markdown = `Schema problem:\n\n\`\`\`\n${'x'.repeat(90).concat('\n').repeat(120)}\`\`\`\n`;
    const md = renderFullEvaluationReport(report(), { validation: { path: 'validation.md', markdown } });
    const beforeFooter = md.slice(0, md.lastIndexOf('<sub>Candidate'));
    expect((beforeFooter.match(/^```/gm) ?? []).length % 2).toBe(0);
  });
});
