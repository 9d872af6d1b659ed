/**
 * The core's entry point for a change, used by the GitHub app and the CLI alike: analyse the
 * changed Go files, keep what is in scope, place it (inline comments under the cap, the rest in
 * the summary), and write the review's summary, the check run's text, the plan to fall back on
 * when GitHub refuses inline comments, and which earlier comments the change fixed. No I/O here:
 * each front end gathers the inputs and publishes or prints the result its own way.
 */
import { ruleLevels, type Config } from './config.js';
import type { EffectiveConfig } from './config-merge.js';
import { describeEffectiveConfig } from './config-merge.js';
import { changedLinesFromPatch, type ChangedLines } from './diff/changed-lines.js';
import { analyzeFile, type AnalyzeOptions, type FileAnalysis } from './engine.js';
import { yieldToEventLoop } from './go/parser.js';
import type { AnalysisNote, Finding } from './model.js';
import { checkRunReport, type CheckRunReport } from './render/check-run.js';
import { DEFAULT_DOCS_URL, type RenderOptions } from './render/comment.js';
import { configProblemsText, skippedLines, suppressedLines, usedDefaultsRemark, type FileConfigProblem } from './render/summary.js';
import { demoteComments, inChange, planReview, type PlanOptions, type ReviewedFile, type ReviewPlan, type SkippedFile } from './review-plan.js';
import { ruleSetFor } from './review-rules.js';
import type { Rule } from './rule.js';
import { isGenerated } from './sources.js';

export interface ChangedFile {
  path: string;
  /** The file's new version. */
  source: string;
  /** The lines the change added and the diff's hunks; absent (and no `patch`): the whole file is the change. */
  changed?: ChangedLines;
  /**
   * The file's unified diff, as GitHub sends it: where `changed` is absent, the changed lines
   * are read from it here (on whichever thread reviews the change, so a large diff is parsed
   * off the webhook thread).
   */
  patch?: string;
  /** The module's Go version for this file (nearest go.mod), when known. */
  goVersion?: string;
}

/** An inline comment an earlier run posted, by file and finding. */
export interface PriorComment {
  path: string;
  fingerprint: string;
}

/** What the bot said on the change before. */
export interface PriorReviews<C extends PriorComment = PriorComment> {
  /** Fingerprints commented inline or listed in a summary by an earlier run. */
  posted: ReadonlySet<string>;
  comments: readonly C[];
}

export interface ChangeInput<C extends PriorComment = PriorComment> {
  /** The changed Go files in the reviewed paths, with their new versions (generated ones are recognised here and not analysed). */
  files: readonly ChangedFile[];
  /** Go files the change deletes: comments on them are fixed. */
  removed?: readonly string[];
  /** Changed files that could not be read, and why. */
  skipped?: readonly SkippedFile[];
  /** Sentences about the inputs for the summary's notes (e.g. a file list GitHub cut short). */
  remarks?: readonly string[];
  /** Earlier reviews of this change (none for the CLI). */
  history?: PriorReviews<C>;
}

/** The effective configuration and the problems found reading it (then it is the defaults). */
export interface ReviewConfig extends EffectiveConfig {
  problems: readonly FileConfigProblem[];
}

export interface ReviewContext {
  /** Every rule; the configuration decides which run. */
  rules: readonly Rule[];
  config: ReviewConfig;
  /** Where rule pages and the standard are linked; the configuration's `standardUrl` wins. */
  render?: Partial<RenderOptions>;
  /**
   * Analyses made elsewhere (a worker pool, a cache) of this change's files, by path, with the
   * same rules, configuration and Go version (`analysisOptions`); the other files are analysed here.
   */
  analyses?: ReadonlyMap<string, FileAnalysis>;
}

/** The options `reviewChange` analyses a file with, for analyses made elsewhere. */
export function analysisOptions(config: Config, rules: readonly Rule[], file: Pick<ChangedFile, 'goVersion'>): AnalyzeOptions {
  const { severities, tiers } = ruleLevels(config);
  return { severities, tiers, knownRules: new Set(rules.map((r) => r.id)), goVersion: config.goVersion ?? file.goVersion };
}

export interface ChangeReview<C extends PriorComment = PriorComment> {
  plan: ReviewPlan;
  /** The same review with every finding in the summary, for when GitHub refuses the inline comments (422). */
  fallback: ReviewPlan;
  /** The completed check run: conclusion, title, summary, annotations. */
  check: CheckRunReport;
  /** Every finding in the analysed files, in scope or not. */
  findings: Finding[];
  /** Findings silenced by ignore directives, in scope. */
  suppressed: Finding[];
  notes: AnalysisNote[];
  /** Earlier comments whose finding the change no longer has, in the files it touched. */
  fixed: C[];
  /** How many files were analysed (generated ones are not). */
  analysed: number;
  /** Analysed files with syntax errors (checked as far as they parse). */
  unparsable: string[];
}

const FALLBACK_REMARK = 'GitHub did not accept inline comments for this review, so every finding is listed here.';

export async function reviewChange<C extends PriorComment = PriorComment>(change: ChangeInput<C>, context: ReviewContext): Promise<ChangeReview<C>> {
  const { config, problems } = context.config;
  const render: RenderOptions = {
    docsBaseUrl: context.render?.docsBaseUrl ?? DEFAULT_DOCS_URL,
    standardUrl: config.standardUrl ?? context.render?.standardUrl,
  };
  const ruleSet = ruleSetFor(config, context.rules);
  const analyze = analysisOptions(config, context.rules, {});
  const analysed: ReviewedFile[] = [];
  const touched = new Set(change.removed ?? []);
  const notes: AnalysisNote[] = [];
  const suppressed: Finding[] = [];
  const unparsable: string[] = [];
  for (const file of change.files) {
    touched.add(file.path);
    if (isGenerated(file.source)) continue;
    const given = context.analyses?.get(file.path);
    const result = given ?? analyzeFile({ path: file.path, source: file.source }, ruleSet, { ...analyze, goVersion: config.goVersion ?? file.goVersion });
    const changed = file.changed ?? (file.patch === undefined ? undefined : changedLinesFromPatch(file.patch));
    analysed.push({ path: file.path, changed, findings: result.findings });
    notes.push(...result.notes);
    if (result.syntaxErrors > 0) unparsable.push(file.path);
    suppressed.push(...result.suppressed.filter((f) => inChange(changed, config.scope, f.span.startLine)));
    // The native parser frees trees only when the event loop turns.
    if (!given) await yieldToEventLoop();
  }

  const titles = new Map(ruleSet.rules.map((r) => [r.id, r.title]));
  titles.set('ignore-directive', 'Ignore directives need a rule, a reason and a finding');
  const skipped = change.skipped ?? [];
  const remarks = [...(change.remarks ?? []), ...(problems.length > 0 ? [usedDefaultsRemark(problems)] : [])];
  const planOptions: PlanOptions = {
    ...render,
    scope: config.scope,
    titles,
    skipped,
    notes,
    remarks,
    posted: change.history?.posted,
    maxInlineComments: config.maxInlineComments,
  };
  const plan = planReview(analysed, planOptions);
  const fixed = (change.history?.comments ?? []).filter((c) => touched.has(c.path) && !plan.present.has(c.fingerprint));
  const check = checkRunReport(plan.inScope, {
    ...render,
    failOn: config.failOn,
    advisory: plan.advisoryInScope,
    extraSummary: [
      ...remarks,
      ...skippedLines(skipped),
      ...suppressedLines(suppressed),
      ...(problems.length > 0 ? ['', configProblemsText(problems, 'The review used the defaults.')] : []),
    ],
    configSummary: describeEffectiveConfig(context.config),
  });
  return {
    plan,
    fallback: demoteComments(plan, plan.comments, planOptions, FALLBACK_REMARK),
    check,
    findings: analysed.flatMap((a) => a.findings),
    suppressed,
    notes,
    fixed,
    analysed: analysed.length,
    unparsable,
  };
}
