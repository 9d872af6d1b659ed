/**
 * From analysed files and their diffs to one review: which findings become inline comments
 * (placed where GitHub accepts them), which go to the summary, and the summary itself.
 * Findings already posted by an earlier run (by fingerprint) are not planned again.
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

export interface ListedFinding {
  finding: Finding;
  fingerprint: string;
}

export interface ReviewPlan {
  /** New inline comments, highest severity first, at most `maxInlineComments`. */
  comments: PlannedComment[];
  /** New findings listed in the summary: outside the hunks, or over the inline cap. */
  listed: ListedFinding[];
  /** Every finding in scope, new or already posted. */
  inScope: Finding[];
  /** Fingerprints of every finding in the analysed files (in scope or not): what still exists. */
  present: Set<string>;
  /** In-scope findings skipped because an earlier run posted them. */
  alreadyPosted: number;
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
  /** Fingerprints the bot has already posted on this pull request. */
  posted?: ReadonlySet<string>;
  /** At most this many inline comments; the rest are listed in the summary (default 30). */
  maxInlineComments?: number;
}

export const SUMMARY_MARKER = '<!-- go-standards:summary -->';
export const DEFAULT_MAX_INLINE_COMMENTS = 30;

const bySeverityThenPlace = (a: Finding, b: Finding): number =>
  SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.path.localeCompare(b.path) || a.span.startLine - b.span.startLine;

export function planReview(files: readonly ReviewedFile[], options: PlanOptions): ReviewPlan {
  const candidates: PlannedComment[] = [];
  const listed: ListedFinding[] = [];
  const scoped: Finding[] = [];
  const present = new Set<string>();
  let alreadyPosted = 0;
  for (const file of files) {
    const prints = fingerprints(file.findings);
    file.findings.forEach((finding, i) => {
      const fingerprint = prints[i]!;
      present.add(fingerprint);
      if (!inScope(file.changed, options.scope, finding.span.startLine)) return;
      scoped.push(finding);
      if (options.posted?.has(fingerprint)) {
        alreadyPosted++;
        return;
      }
      const fixRange = finding.fix ? commentRange(file.changed, finding.fix.line, finding.fix.endLine) : null;
      const withSuggestion = finding.fix !== undefined && fixRange !== null;
      const range = withSuggestion ? fixRange : commentRange(file.changed, finding.span.startLine, finding.span.startLine);
      if (!range) {
        listed.push({ finding, fingerprint });
        return;
      }
      const comment: ReviewComment = { path: file.path, body: '', line: range.line, side: 'RIGHT' };
      if (range.startLine !== undefined) {
        comment.start_line = range.startLine;
        comment.start_side = 'RIGHT';
      }
      comment.body = renderComment(
        { finding, title: options.titles.get(finding.rule) ?? finding.rule, fingerprint, withSuggestion },
        options,
      );
      candidates.push({ finding, fingerprint, comment });
    });
  }
  candidates.sort((a, b) => bySeverityThenPlace(a.finding, b.finding));
  const cap = options.maxInlineComments ?? DEFAULT_MAX_INLINE_COMMENTS;
  const comments = candidates.slice(0, cap);
  const overflow = candidates.slice(cap).map(({ finding, fingerprint }) => ({ finding, fingerprint }));
  const plan: ReviewPlan = {
    comments,
    listed: [...listed, ...overflow],
    inScope: scoped,
    present,
    alreadyPosted,
    summary: '',
  };
  plan.summary = renderSummary(plan, options, { unplaced: listed.length, overflow: overflow.length });
  return plan;
}

/** Moves the given inline comments into the summary list (e.g. after GitHub refused them). */
export function demoteComments(plan: ReviewPlan, demoted: readonly PlannedComment[], options: PlanOptions, reason: string): ReviewPlan {
  const gone = new Set(demoted.map((c) => c.fingerprint));
  const next: ReviewPlan = {
    ...plan,
    comments: plan.comments.filter((c) => !gone.has(c.fingerprint)),
    listed: [...plan.listed, ...demoted.map(({ finding, fingerprint }) => ({ finding, fingerprint }))],
  };
  next.summary = renderSummary(next, { ...options, remarks: [...(options.remarks ?? []), reason] }, { unplaced: 0, overflow: 0 });
  return next;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Hidden list of the fingerprints a summary reports, so a later run does not list them again. */
export function listedMarker(fingerprintsListed: readonly string[]): string {
  return fingerprintsListed.length > 0 ? `<!-- go-standards:listed ${fingerprintsListed.join(' ')} -->` : '';
}

export function readListedMarker(body: string): string[] {
  const m = /<!-- go-standards:listed ([0-9a-f ]+) -->/.exec(body);
  return m ? m[1]!.trim().split(/\s+/) : [];
}

/** Counts by rule and severity: the table shared by the review summary and the check run. */
export function countsTable(findings: readonly Finding[], options: RenderOptions): string[] {
  const byRule = new Map<string, { severity: Severity; count: number }>();
  for (const f of findings) {
    const entry = byRule.get(f.rule) ?? { severity: f.severity, count: 0 };
    entry.count++;
    byRule.set(f.rule, entry);
  }
  const rows = [...byRule.entries()].sort(
    (a, b) => SEVERITY_RANK[b[1].severity] - SEVERITY_RANK[a[1].severity] || a[0].localeCompare(b[0]),
  );
  return [
    '| Rule | Severity | Findings |',
    '|---|---|---|',
    ...rows.map(([rule, { severity, count }]) => `| [${rule}](${ruleDocsUrl(rule, options)}) | ${SEVERITY_LABEL[severity]} | ${count} |`),
  ];
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function renderSummary(plan: ReviewPlan, options: PlanOptions, why: { unplaced: number; overflow: number }): string {
  const findings = plan.inScope;
  const marker = listedMarker(plan.listed.map((l) => l.fingerprint));
  const lines = [SUMMARY_MARKER, ...(marker ? [marker] : []), '### Go Standards review', ''];
  if (findings.length === 0) {
    lines.push('No findings on the changed lines.');
  } else {
    const c = severityCounts(findings);
    lines.push(
      `${plural(findings.length, 'finding')} on the changed lines: ${c.error} error, ${c.warning} warning, ${c.notice} notice.`,
      '',
      ...countsTable(findings, options),
    );
    if (plan.alreadyPosted > 0) lines.push('', `${plural(plan.alreadyPosted, 'finding')} already commented on in an earlier review.`);
  }
  if (plan.listed.length > 0) {
    const reasons = [];
    if (why.unplaced > 0) reasons.push('outside the diff hunks');
    if (why.overflow > 0) reasons.push(`over the limit of ${options.maxInlineComments ?? DEFAULT_MAX_INLINE_COMMENTS} inline comments`);
    lines.push('', `**More findings**${reasons.length ? ` (${reasons.join('; ')})` : ''}:`);
    const byRule = new Map<string, ListedFinding[]>();
    for (const l of plan.listed) byRule.set(l.finding.rule, [...(byRule.get(l.finding.rule) ?? []), l]);
    for (const [rule, items] of [...byRule.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      lines.push(`- **${rule}** (${items.length}):`);
      for (const { finding: f } of items) lines.push(`  - \`${f.path}:${f.span.startLine}\` ${f.message}`);
    }
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
  return truncateBody(lines.join('\n'));
}

/** GitHub refuses bodies over 65,536 characters: cut at a line and say so. */
export function truncateBody(body: string, limit = 65_000): string {
  if (body.length <= limit) return body;
  const notice = '\n\n_… the summary was cut here to fit GitHub\'s size limit; the check run lists every finding._';
  const cut = body.lastIndexOf('\n', limit - notice.length);
  return body.slice(0, cut > 0 ? cut : limit - notice.length) + notice;
}
