/**
 * The markdown of a review's summary (the review body) and the sections it shares with the
 * check run: counts by rule, files not reviewed, suppressed findings, configuration problems.
 */
import { formatProblem, type ConfigProblem } from '../config.js';
import type { AnalysisNote, Finding, Severity } from '../model.js';
import { SEVERITY_RANK } from '../model.js';
import type { ListedFinding, SkippedFile } from '../review-plan.js';
import { ruleDocsUrl, SEVERITY_LABEL, type RenderOptions } from './comment.js';
import { listedMarker, SUMMARY_MARKER } from './markers.js';

export const DEFAULT_MAX_INLINE_COMMENTS = 30;

/** A configuration problem with the file it is in. */
export type FileConfigProblem = ConfigProblem & { file: string };

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
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

/** The files left out and why; empty when none were. */
export function skippedLines(skipped: readonly SkippedFile[]): string[] {
  return skipped.length > 0 ? ['**Files not reviewed:**', ...skipped.map((s) => `- \`${s.path}\`: ${s.reason}`)] : [];
}

/** Findings silenced by ignore directives, counted by rule (after a blank line); empty when none were. */
export function suppressedLines(suppressed: readonly Finding[]): string[] {
  if (suppressed.length === 0) return [];
  const byRule = new Map<string, number>();
  for (const f of suppressed) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  return [
    '',
    `**Suppressed** by \`//go-standards:ignore\` directives on changed lines: ${suppressed.length}`,
    ...[...byRule.entries()].sort().map(([rule, n]) => `- ${rule}: ${n}`),
  ];
}

/** The configuration's problems as a section, ending with what the review did about them. */
export function configProblemsText(problems: readonly FileConfigProblem[], consequence: string): string {
  return ['**Invalid configuration**', '', ...problems.map((p) => `- ${formatProblem(p, p.file)}`), '', consequence].join('\n');
}

/** The summary's note that an invalid configuration was replaced by the defaults. */
export function usedDefaultsRemark(problems: readonly FileConfigProblem[]): string {
  return `The configuration is invalid, so this review used the defaults: ${problems.map((p) => formatProblem(p, p.file)).join('; ')}.`;
}

export interface SummaryInput {
  /** Every comment-tier finding in scope, new or already posted. */
  inScope: readonly Finding[];
  /** New findings listed in the summary rather than commented inline. */
  listed: readonly ListedFinding[];
  /** New advisory findings, listed collapsed. */
  advisory?: readonly ListedFinding[];
  alreadyPosted: number;
}

/** Findings as a list by rule: `- **rule** (n):` then `  - \`path:line\` message`. */
function listByRule(findings: readonly Finding[]): string[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const lines: string[] = [];
  for (const [rule, items] of [...byRule.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`- **${rule}** (${items.length}):`);
    for (const f of items) lines.push(`  - \`${f.path}:${f.span.startLine}\` ${f.message}`);
  }
  return lines;
}

/**
 * Advisory findings in a collapsed section (after a blank line); empty when there are none.
 * Advisory: the code does not show enough for an inline comment, or the rule's measured
 * precision is below the comment tier's; they never fail the check.
 */
export function advisoryDetails(findings: readonly Finding[], qualifier = ''): string[] {
  if (findings.length === 0) return [];
  return [
    '',
    '<details>',
    `<summary>${plural(findings.length, `${qualifier}advisory finding`)} (not commented inline; they never fail the check)</summary>`,
    '',
    ...listByRule(findings),
    '',
    '</details>',
  ];
}

export interface SummaryOptions extends RenderOptions {
  skipped?: readonly SkippedFile[];
  notes?: readonly AnalysisNote[];
  /** Extra lines for the notes (e.g. "GitHub lists only the first 3000 files"). */
  remarks?: readonly string[];
  /** At most this many inline comments; the rest are listed in the summary (default 30). */
  maxInlineComments?: number;
}

/** The review's body: counts, the listed findings and why they are not inline, skipped files, notes. */
export function renderSummary(plan: SummaryInput, options: SummaryOptions, why: { unplaced: number; overflow: number }): string {
  const findings = plan.inScope;
  const advisory = plan.advisory ?? [];
  const marker = listedMarker([...plan.listed, ...advisory].map((l) => l.fingerprint));
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
    lines.push(...listByRule(plan.listed.map((l) => l.finding)));
  }
  lines.push(...advisoryDetails(advisory.map((l) => l.finding), 'new '));
  const skipped = skippedLines(options.skipped ?? []);
  if (skipped.length > 0) lines.push('', ...skipped);
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
