/**
 * The CLI's report of a check (findings with their fingerprints and docs pages, files skipped
 * or unparsable) and the output formats it is written in.
 */
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnalysisNote, Finding, Severity, Tier } from '../core/model.js';
import type { SkippedFile } from '../core/review-plan.js';
import type { Rule } from '../core/rule.js';
import { rulePrecision } from '../rules/precision.js';
import { formatCheckstyle } from './formats/checkstyle.js';
import { formatCodeClimate } from './formats/codeclimate.js';
import { formatGithub } from './formats/github.js';
import { formatRdjson } from './formats/rdjson.js';
import { formatSarif } from './formats/sarif.js';
import { formatText } from './formats/text.js';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'rdjson', 'checkstyle', 'codeclimate'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

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
  /** `comment`: what the app comments inline; `advisory`: listed only, never failing. */
  tier: Tier;
  docsUrl: string;
  /** The fingerprint the app hides in its comments (stable when lines shift). */
  fingerprint: string;
  /** For a finding that stands for several of one cause: every line it names. */
  lines?: number[];
  suggestion?: string;
}

/** A finding as the CLI reports it. */
export interface ReportedFinding {
  finding: Finding;
  /** Its place as printed: with a suggestion, `line..endLine` are the lines it replaces. */
  json: JsonFinding;
  /** The bot's fingerprint: stable when lines shift. */
  fingerprint: string;
  docsUrl: string;
  title: string;
  /** With a fix: the column just past the last replaced line's text. */
  fixEndColumn?: number;
}

export interface CheckReport {
  /** In path order, then by place in the file. */
  findings: ReportedFinding[];
  /** Files that were not checked, and why. */
  skipped: SkippedFile[];
  /** Files with syntax errors (checked as far as they parse). */
  unparsable: string[];
  notes: AnalysisNote[];
  /** How many files were checked. */
  checked: number;
  /** Advisory findings on the selected lines left out (no --advisory). */
  advisoryHidden: number;
  rules: readonly Rule[];
  version: string;
  /** The repository root (absolute): artifact paths in SARIF, GitHub and GitLab reports are relative to it. */
  root: string;
  /** Where rule pages live. */
  docsBaseUrl: string;
}

/** A finding for JSON output, given the file's lines (split once per file). */
export function toJson(f: Finding, lines: readonly string[], ids: { fingerprint: string; docsUrl: string }): JsonFinding {
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
    tier: f.tier ?? 'comment',
    docsUrl: ids.docsUrl,
    fingerprint: ids.fingerprint,
  };
  if (f.lines) out.lines = [...f.lines];
  if (f.fix) {
    out.line = f.fix.line;
    out.endLine = f.fix.endLine;
    if (f.span.startLine !== f.fix.line) out.column = 1;
    if (f.span.endLine !== f.fix.endLine) out.endColumn = (lines[f.fix.endLine - 1]?.length ?? 0) + 1;
    out.suggestion = f.fix.replacement;
  }
  return out;
}

/** A finding's tier: advisory ones are listed, never fail. */
export function isAdvisory(f: Finding): boolean {
  return f.tier === 'advisory';
}

/** The path relative to the repository root with `/`, or a file URL outside it. */
export function rootRelative(report: Pick<CheckReport, 'root'>, path: string): { path: string; inside: boolean } {
  const abs = resolve(path);
  const rel = relative(report.root, abs);
  if (rel.startsWith('..') || resolve(report.root, rel) !== abs || rel === '') return { path: pathToFileURL(abs).href, inside: false };
  return { path: rel.split(sep).join('/'), inside: true };
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Most severe first (advisory after comment-tier findings of the same severity), then by place. */
export function bySeverity(a: ReportedFinding, b: ReportedFinding): number {
  return (
    SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] ||
    Number(isAdvisory(a.finding)) - Number(isAdvisory(b.finding)) ||
    (a.json.path < b.json.path ? -1 : a.json.path > b.json.path ? 1 : 0) ||
    a.json.line - b.json.line ||
    a.json.column - b.json.column
  );
}

export interface FormatOptions {
  /** ANSI colour in text output. */
  colour?: boolean;
}

export function formatReport(report: CheckReport, format: Format, options: FormatOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(report, options.colour ?? false);
    case 'json':
      return `${JSON.stringify(
        report.findings.map((f) => f.json),
        null,
        2,
      )}\n`;
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return formatGithub(report);
    case 'rdjson':
      return formatRdjson(report);
    case 'checkstyle':
      return formatCheckstyle(report);
    case 'codeclimate':
      return formatCodeClimate(report);
  }
}

export function formatRules(rules: readonly Rule[], format: 'text' | 'json'): string {
  const rows = rules.map((r) => {
    const measured = rulePrecision(r.id);
    return {
      id: r.id,
      title: r.title,
      section: r.section,
      severity: r.severity,
      minGo: r.minGo,
      fixable: r.fixable,
      /** The tier its findings take with no configuration: measured, else declared. */
      defaultTier: r.defaultTier ?? r.tier ?? 'comment',
      /** Measured on the corpus; null while too few of its findings are judged. */
      precision: measured?.precision ?? null,
      judged: measured?.judged ?? 0,
      /** Linters that report the same thing (their directives are honoured). */
      peers: [...(r.peers ?? [])],
    };
  });
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return rows.map((r) => `${r.id.padEnd(28)} ${r.severity.padEnd(8)} go${r.minGo.padEnd(5)} ${r.fixable ? 'fix' : '   '}  ${r.title}\n`).join('');
}
