/** The CLI's output formats for the findings a review keeps, and for the rule list. */
import type { Finding } from '../core/model.js';
import type { Rule } from '../core/rule.js';

export type Format = 'text' | 'json';

export interface JsonFinding {
  rule: string;
  path: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  severity: string;
  message: string;
  section: string;
  suggestion?: string;
}

/** A finding for JSON output: with a suggestion, `line..endLine` are the lines it replaces. */
export function toJson(f: Finding, source: string): JsonFinding {
  const out: JsonFinding = {
    rule: f.rule,
    path: f.path,
    line: f.span.startLine,
    endLine: f.span.endLine,
    column: f.span.startColumn,
    endColumn: f.span.endColumn,
    severity: f.severity,
    message: f.message,
    section: f.section,
  };
  if (f.fix) {
    const lines = source.split(/\r?\n/);
    out.line = f.fix.line;
    out.endLine = f.fix.endLine;
    if (f.span.startLine !== f.fix.line) out.column = 1;
    if (f.span.endLine !== f.fix.endLine) out.endColumn = (lines[f.fix.endLine - 1]?.length ?? 0) + 1;
    out.suggestion = f.fix.replacement;
  }
  return out;
}

/** The findings as the CLI prints them: one `path:line:col: severity rule: message [section]` line each and a count, or a JSON array. */
export function formatFindings(findings: readonly JsonFinding[], format: Format): string {
  if (format === 'json') return `${JSON.stringify(findings, null, 2)}\n`;
  const lines = findings.map((r) => `${r.path}:${r.line}:${r.column}: ${r.severity} ${r.rule}: ${r.message} [${r.section}]\n`);
  if (findings.length > 0) lines.push(`${findings.length} finding${findings.length === 1 ? '' : 's'}\n`);
  return lines.join('');
}

export function formatRules(rules: readonly Rule[], format: Format): string {
  const rows = rules.map((r) => ({ id: r.id, title: r.title, section: r.section, severity: r.severity, minGo: r.minGo, fixable: r.fixable }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return rows.map((r) => `${r.id.padEnd(28)} ${r.severity.padEnd(8)} go${r.minGo.padEnd(5)} ${r.fixable ? 'fix' : '   '}  ${r.title}\n`).join('');
}
