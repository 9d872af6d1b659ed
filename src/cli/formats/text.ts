/** Text output: one `path:line:col: severity rule: message [section]` line per finding, the rules' docs pages, and a summary by severity. */
import { styleText } from 'node:util';
import type { Severity } from '../../core/model.js';
import { isAdvisory, type CheckReport } from '../format.js';

const COLOUR: Record<Severity, Parameters<typeof styleText>[0]> = { error: 'red', warning: 'yellow', notice: 'cyan' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * "3 findings: 1 error, 2 warnings (1 advisory)", or "No findings" with the number of files
 * checked; and how many advisory findings were left out, when some were.
 */
export function severitySummary(report: CheckReport): string {
  const hidden = report.advisoryHidden > 0 ? ` ${plural(report.advisoryHidden, 'advisory finding')} not shown (--advisory lists them).` : '';
  return `${shownSummary(report)}${hidden}`;
}

function shownSummary(report: CheckReport): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  let advisory = 0;
  for (const f of report.findings) {
    counts[f.finding.severity]++;
    if (isAdvisory(f.finding)) advisory++;
  }
  const checked = `in ${plural(report.checked, 'file')}`;
  if (report.findings.length === 0) return `No findings ${checked}.`;
  const parts = (['error', 'warning', 'notice'] as const).filter((s) => counts[s] > 0).map((s) => plural(counts[s], s));
  return `${plural(report.findings.length, 'finding')} ${checked}: ${parts.join(', ')}${advisory > 0 ? ` (${advisory} advisory)` : ''}.`;
}

export function formatText(report: CheckReport, colour: boolean): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string): string => (colour ? styleText(style, text) : text);
  const out: string[] = [];
  const docs = new Map<string, string>();
  for (const { finding, json, docsUrl } of report.findings) {
    const level = `${json.severity}${isAdvisory(finding) ? ' (advisory)' : ''}`;
    out.push(`${paint('bold', `${json.path}:${json.line}:${json.column}:`)} ${paint(COLOUR[finding.severity], level)} ${paint('dim', json.rule)}: ${json.message} [${json.section}]\n`);
    docs.set(json.rule, docsUrl);
  }
  if (docs.size > 0) {
    out.push('\nRule pages:\n');
    for (const [rule, url] of docs) out.push(`  ${rule}: ${paint('underline', url)}\n`);
  }
  out.push(`${out.length > 0 ? '\n' : ''}${paint('bold', severitySummary(report))}\n`);
  return out.join('');
}
