/**
 * From analysed files and their diffs to one review: which findings become inline comments
 * (placed where GitHub accepts them), which go to the summary, and the summary itself.
 * Findings already posted by an earlier run (by fingerprint) are not planned again. Advisory
 * findings are never inline: the new ones are listed, collapsed, in the summary.
 */
import { commentRange, inScope, type ChangedLines, type Scope } from './diff/changed-lines.js';
import type { Finding } from './model.js';
import { SEVERITY_RANK } from './model.js';
import { fingerprints } from './render/fingerprint.js';
import { renderComment } from './render/comment.js';
import { DEFAULT_MAX_INLINE_COMMENTS, renderSummary, type SummaryOptions } from './render/summary.js';

export interface ReviewedFile {
  path: string;
  /** The diff's lines; absent: the whole file is the change (every finding in scope, none placed inline). */
  changed?: ChangedLines;
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
  /** Every comment-tier finding in scope, new or already posted: what the check counts. */
  inScope: Finding[];
  /**
   * New advisory findings in scope: never inline, listed collapsed in the summary (their
   * fingerprints in its hidden marker, so they are not listed twice).
   */
  advisory: ListedFinding[];
  /** Every advisory finding in scope, new or already listed: the check run lists them all. */
  advisoryInScope: Finding[];
  /** Fingerprints of every finding in the analysed files (in scope or not): what still exists. */
  present: Set<string>;
  /** In-scope findings skipped because an earlier run posted them. */
  alreadyPosted: number;
  summary: string;
}

/** How to plan: the summary's options (skipped files, notes, remarks, the inline cap) and these. */
export interface PlanOptions extends SummaryOptions {
  scope: Scope;
  /** Rule id → title, for comment headings. */
  titles: ReadonlyMap<string, string>;
  /** Fingerprints the bot has already posted on this pull request. */
  posted?: ReadonlySet<string>;
}

const bySeverityThenPlace = (a: Finding, b: Finding): number =>
  SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.path.localeCompare(b.path) || a.span.startLine - b.span.startLine;

/** Whether a finding starting on `line` is in the review's scope; a file without a diff is in scope throughout. */
export function inChange(changed: ChangedLines | undefined, scope: Scope, line: number): boolean {
  return changed === undefined || inScope(changed, scope, line);
}

export function planReview(files: readonly ReviewedFile[], options: PlanOptions): ReviewPlan {
  const candidates: PlannedComment[] = [];
  const listed: ListedFinding[] = [];
  const scoped: Finding[] = [];
  const advisory: ListedFinding[] = [];
  const advisoryScoped: Finding[] = [];
  const present = new Set<string>();
  let alreadyPosted = 0;
  for (const file of files) {
    const prints = fingerprints(file.findings);
    file.findings.forEach((finding, i) => {
      const fingerprint = prints[i]!;
      present.add(fingerprint);
      if (!inChange(file.changed, options.scope, finding.span.startLine)) return;
      if (finding.tier === 'advisory') {
        advisoryScoped.push(finding);
        if (!options.posted?.has(fingerprint)) advisory.push({ finding, fingerprint });
        return;
      }
      scoped.push(finding);
      if (options.posted?.has(fingerprint)) {
        alreadyPosted++;
        return;
      }
      const { changed } = file;
      const fixRange = finding.fix && changed ? commentRange(changed, finding.fix.line, finding.fix.endLine) : null;
      const withSuggestion = finding.fix !== undefined && fixRange !== null;
      const range = withSuggestion ? fixRange : changed ? commentRange(changed, finding.span.startLine, finding.span.startLine) : null;
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
    advisory,
    advisoryInScope: advisoryScoped,
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
