/**
 * GitHub Actions workflow commands: an annotation per finding, most severe first. GitHub shows
 * at most 10 annotations of each level per step; the rest are printed as plain log lines and
 * counted in a closing notice, so nothing is lost from the log.
 */
import type { Severity } from '../../core/model.js';
import { bySeverity, isAdvisory, rootRelative, type CheckReport, type ReportedFinding } from '../format.js';

/** GitHub's display limit per level and step. */
export const ANNOTATIONS_PER_LEVEL = 10;
const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', notice: 'notice' };

/** Escapes a command's message (data), as @actions/core does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command's property value: also `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(report: CheckReport, f: ReportedFinding): { level: 'error' | 'warning' | 'notice'; line: string } {
  const level = isAdvisory(f.finding) ? 'notice' : COMMAND[f.finding.severity];
  const { span } = f.finding;
  const props = [
    `file=${escapeProperty(rootRelative(report, f.json.path).path)}`,
    `line=${span.startLine}`,
    `endLine=${span.endLine}`,
    // Columns only on one line: GitHub ignores them otherwise.
    ...(span.startLine === span.endLine ? [`col=${span.startColumn}`, `endColumn=${span.endColumn}`] : []),
    `title=${escapeProperty(`${f.json.rule}: ${f.title}`)}`,
  ];
  return { level, line: `::${level} ${props.join(',')}::${escapeData(`${f.json.message}\n${f.json.section} · ${f.docsUrl}`)}\n` };
}

export function formatGithub(report: CheckReport): string {
  const shown: Record<string, number> = { error: 0, warning: 0, notice: 0 };
  const hidden: Record<string, number> = { error: 0, warning: 0, notice: 0 };
  const out: string[] = [];
  for (const f of [...report.findings].sort(bySeverity)) {
    const { level, line } = command(report, f);
    if (shown[level]! < ANNOTATIONS_PER_LEVEL) {
      shown[level]!++;
      out.push(line);
    } else {
      hidden[level]!++;
      out.push(`${f.json.path}:${f.json.line}:${f.json.column}: ${level} ${f.json.rule}: ${f.json.message}\n`);
    }
  }
  for (const s of report.skipped) out.push(`::warning file=${escapeProperty(rootRelative(report, s.path).path)},title=go-standards::${escapeData(`Not checked: ${s.reason}`)}\n`);
  const more = (['error', 'warning', 'notice'] as const).filter((l) => hidden[l]! > 0);
  if (more.length > 0) {
    const total = more.reduce((n, l) => n + hidden[l]!, 0);
    const parts = more.map((l) => `${hidden[l]} ${l}${hidden[l] === 1 ? '' : l === 'notice' ? 's' : 's'}`);
    out.push(`::notice title=go-standards::${escapeData(`${total} more finding${total === 1 ? '' : 's'} (${parts.join(', ')}) beyond GitHub's ${ANNOTATIONS_PER_LEVEL} annotations per level and step are in the log above and in the SARIF report.`)}\n`);
  }
  return out.join('');
}
