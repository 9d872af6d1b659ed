/**
 * The core's entry point for a change: analyse the changed Go files and plan one review.
 * Used by the GitHub adapter and the CLI alike; no I/O here.
 */
import { inScope, type ChangedLines, type Scope } from './diff/changed-lines.js';
import { analyzeFile, type AnalyzeOptions, type RuleSet } from './engine.js';
import { yieldToEventLoop } from './go/parser.js';
import type { AnalysisNote, Finding } from './model.js';
import { planReview, type PlanOptions, type ReviewPlan, type SkippedFile } from './review-plan.js';
import type { RenderOptions } from './render/comment.js';

export interface ChangedFile {
  path: string;
  source: string;
  changed: ChangedLines;
  /** The module's Go version for this file (nearest go.mod), when known. */
  goVersion?: string;
}

export interface ReviewInput {
  files: readonly ChangedFile[];
  skipped: readonly SkippedFile[];
  remarks?: readonly string[];
}

export interface ReviewOptions extends RenderOptions {
  scope: Scope;
  /** Configured severities and the known rule ids, passed to the engine. */
  analyze?: Pick<AnalyzeOptions, 'severities' | 'knownRules'>;
  /** Fingerprints already posted on the pull request: not planned again. */
  posted?: ReadonlySet<string>;
  maxInlineComments?: number;
}

export interface ReviewResult {
  plan: ReviewPlan;
  /** The options the plan was made with, to re-plan (e.g. after GitHub refused comments). */
  planOptions: PlanOptions;
  /** Every finding in the analysed files, in scope or not. */
  findings: Finding[];
  /** Findings silenced by ignore directives, in scope. */
  suppressed: Finding[];
  notes: AnalysisNote[];
}

export async function reviewChange(input: ReviewInput, ruleSet: RuleSet, options: ReviewOptions): Promise<ReviewResult> {
  const analysed = [];
  const notes: AnalysisNote[] = [];
  const suppressed: Finding[] = [];
  for (const file of input.files) {
    const result = analyzeFile({ path: file.path, source: file.source }, ruleSet, { ...options.analyze, goVersion: file.goVersion });
    analysed.push({ path: file.path, changed: file.changed, findings: result.findings });
    notes.push(...result.notes);
    suppressed.push(...result.suppressed.filter((f) => inScope(file.changed, options.scope, f.span.startLine)));
    // The native parser frees trees only when the event loop turns.
    await yieldToEventLoop();
  }
  const titles = new Map(ruleSet.rules.map((r) => [r.id, r.title]));
  titles.set('ignore-directive', 'Ignore directives need a rule, a reason and a finding');
  const planOptions: PlanOptions = { ...options, titles, skipped: input.skipped, notes, remarks: input.remarks };
  const plan = planReview(analysed, planOptions);
  return { plan, planOptions, findings: analysed.flatMap((a) => a.findings), suppressed, notes };
}
