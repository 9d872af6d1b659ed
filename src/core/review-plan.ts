/**
 * From analysed files and their diffs to one review: which findings become inline comments
 * (placed where GitHub accepts them), which go to the summary, and the summary itself.
 */
import { commentRange, inScope, type ChangedLines, type Scope } from './diff/changed-lines.js';
import type { AnalysisNote, Finding, Severity } from './model.js';
import { SEVERITY_RANK } from './model.js';
import { fingerprints } from './render/fingerprint.js';
import { renderComment, ruleDocsUrl, SEVERITY_LABEL, type RenderOptions } from './render/comment.js';

export interface ReviewedFile {
  path: string;
  changed: ChangedLines;
  findings: readonly Finding[];
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface ReviewComment {
  path: string;
  body: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
}

export interface PlannedComment {
  finding: Finding;
  fingerprint: string;
  comment: ReviewComment;
}

export interface ReviewPlan {
  comments: PlannedComment[];
  /** Findings in scope that could not be placed inline (outside the hunks). */
  unplaced: Finding[];
  /** Every finding in scope, placed or not. */
  inScope: Finding[];
  summary: string;
}

export interface PlanOptions extends RenderOptions {
  scope: Scope;
  /** Rule id → title, for comment headings. */
  titles: ReadonlyMap<string, string>;
  skipped?: readonly SkippedFile[];
  notes?: readonly AnalysisNote[];
  /** Extra lines for the summary (e.g. "GitHub lists only the first 3000 files"). */
  remarks?: readonly string[];
}

export const SUMMARY_MARKER = '<!-- go-standards:summary -->';

export function planReview(files: readonly ReviewedFile[], options: PlanOptions): ReviewPlan {
  const comments: PlannedComment[] = [];
  const unplaced: Finding[] = [];
  const scoped: Finding[] = [];
  for (const file of files) {
    const prints = fingerprints(file.findings);
    file.findings.forEach((finding, i) => {
      if (!inScope(file.changed, options.scope, finding.span.startLine)) return;
      scoped.push(finding);
      const fingerprint = prints[i]!;
      const fixRange = finding.fix ? commentRange(file.changed, finding.fix.line, finding.fix.endLine) : null;
      const fixStartsAtFinding = finding.fix !== undefined && fixRange !== null;
      const range = fixStartsAtFinding ? fixRange : commentRange(file.changed, finding.span.startLine, finding.span.startLine);
      if (!range) {
        unplaced.push(finding);
        return;
      }
      const comment: ReviewComment = { path: file.path, body: '', line: range.line, side: 'RIGHT' };
      if (range.startLine !== undefined) {
        comment.start_line = range.startLine;
        comment.start_side = 'RIGHT';
      }
      comment.body = renderComment(
        { finding, title: options.titles.get(finding.rule) ?? finding.rule, fingerprint, withSuggestion: fixStartsAtFinding },
        options,
      );
      comments.push({ finding, fingerprint, comment });
    });
  }
  return { comments, unplaced, inScope: scoped, summary: renderSummary(scoped, unplaced, options) };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function renderSummary(findings: readonly Finding[], unplaced: readonly Finding[], options: PlanOptions): string {
  const lines = [SUMMARY_MARKER, '### Go Standards review', ''];
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const byRule = new Map<string, { severity: Severity; count: number }>();
  for (const f of findings) {
    bySeverity[f.severity]++;
    const entry = byRule.get(f.rule) ?? { severity: f.severity, count: 0 };
    entry.count++;
    byRule.set(f.rule, entry);
  }
  if (findings.length === 0) {
    lines.push('No findings on the changed lines.');
  } else {
    lines.push(
      `${plural(findings.length, 'finding')} on the changed lines: ${bySeverity.error} error, ${bySeverity.warning} warning, ${bySeverity.notice} notice.`,
      '',
      '| Rule | Severity | Findings |',
      '|---|---|---|',
    );
    const rows = [...byRule.entries()].sort(
      (a, b) => SEVERITY_RANK[b[1].severity] - SEVERITY_RANK[a[1].severity] || a[0].localeCompare(b[0]),
    );
    for (const [rule, { severity, count }] of rows) {
      lines.push(`| [${rule}](${ruleDocsUrl(rule, options)}) | ${SEVERITY_LABEL[severity]} | ${count} |`);
    }
  }
  if (unplaced.length > 0) {
    lines.push('', '**Findings GitHub cannot show inline** (outside the diff hunks):');
    for (const f of unplaced) lines.push(`- \`${f.path}:${f.span.startLine}\` **${f.rule}**: ${f.message}`);
  }
  if (options.skipped && options.skipped.length > 0) {
    lines.push('', '**Files not reviewed:**');
    for (const s of options.skipped) lines.push(`- \`${s.path}\`: ${s.reason}`);
  }
  const notes = [...(options.remarks ?? []), ...(options.notes ?? []).map((n) => `\`${n.path}\`: ${n.message}`)];
  if (notes.length > 0) {
    lines.push('', '**Notes:**');
    for (const n of notes) lines.push(`- ${n}`);
  }
  return lines.join('\n');
}
