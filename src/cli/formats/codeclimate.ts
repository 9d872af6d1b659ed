/**
 * GitLab Code Quality (a subset of Code Climate's issue format): a JSON array with a
 * fingerprint per issue, so merge requests show what is new, fixed or unchanged.
 */
import type { Severity } from '../../core/model.js';
import { isAdvisory, rootRelative, type CheckReport } from '../format.js';

const SEVERITY: Record<Severity, 'critical' | 'major' | 'minor'> = { error: 'critical', warning: 'major', notice: 'minor' };

export function formatCodeClimate(report: CheckReport): string {
  const issues = report.findings.map(({ finding, json, fingerprint, docsUrl }) => ({
    type: 'issue',
    check_name: json.rule,
    description: json.message,
    content: { body: `${json.section} · ${docsUrl}` },
    categories: ['Performance'],
    severity: isAdvisory(finding) ? 'info' : SEVERITY[finding.severity],
    fingerprint,
    location: { path: rootRelative(report, json.path).path, lines: { begin: finding.span.startLine, end: finding.span.endLine } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
