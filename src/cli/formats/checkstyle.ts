/** Checkstyle XML, read by Jenkins, reviewdog (`-f=checkstyle`) and many CI dashboards. */
import type { Severity } from '../../core/model.js';
import { isAdvisory, type CheckReport } from '../format.js';

const SEVERITY: Record<Severity, 'error' | 'warning' | 'info'> = { error: 'error', warning: 'warning', notice: 'info' };

/** Escapes text for an XML attribute value; characters XML 1.0 cannot carry are dropped. */
export function xmlAttribute(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export function formatCheckstyle(report: CheckReport): string {
  const byFile = new Map<string, string[]>();
  for (const { finding, json } of report.findings) {
    const severity = isAdvisory(finding) ? 'info' : SEVERITY[finding.severity];
    const error = `    <error line="${finding.span.startLine}" column="${finding.span.startColumn}" severity="${severity}" message="${xmlAttribute(json.message)}" source="go-standards.${xmlAttribute(json.rule)}"/>\n`;
    const list = byFile.get(json.path);
    if (list) list.push(error);
    else byFile.set(json.path, [error]);
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n', `<checkstyle version="8.0">\n`];
  for (const [path, errors] of byFile) out.push(`  <file name="${xmlAttribute(path)}">\n`, ...errors, '  </file>\n');
  out.push('</checkstyle>\n');
  return out.join('');
}
