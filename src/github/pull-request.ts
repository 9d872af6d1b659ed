/**
 * Reviewing one pull request at one head commit, in three steps: gather the inputs from GitHub,
 * let the core review the change, publish what is new. The check run lives from the moment
 * the pull request is known to need a review until it is published or fails.
 */
import { REVIEW_FAILED, skippedForInvalidConfig } from '../core/render/check-run.js';
import type { FileAnalyser } from '../analysis/pool.js';
import { reviewChange } from '../core/review.js';
import type { Finding } from '../core/model.js';
import type { Rule } from '../core/rule.js';
import { CheckRun, type Clock } from './check-run.js';
import { gatherInputs, type PullContext } from './gather.js';
import { publish } from './publish.js';
import type { ReviewCaches } from './review-caches.js';
import type { ReviewSettings } from './settings.js';
import type { GitHub, Logger, PullTarget } from './types.js';

export type { PullContext };

export interface ReviewDeps {
  octokit: GitHub;
  log: Logger;
  /** Every rule; the repository's configuration decides which run. */
  rules: readonly Rule[];
  settings: ReviewSettings;
  /** Waits between write retries (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  caches: ReviewCaches;
  clock?: Clock;
  /**
   * Analyses the files off this thread (the worker-thread pool), with a deadline per file;
   * absent, the review analyses them here.
   */
  analysis?: FileAnalyser;
  /** Hears every finding of an analysis (metrics). */
  onFindings?: (findings: readonly Finding[]) => void;
}

export type ReviewOutcome =
  | { status: 'no-go-files' }
  | { status: 'draft' }
  | { status: 'invalid-config' }
  | { status: 'superseded'; headSha: string }
  | { status: 'nothing-new'; files: number; resolved: number }
  | { status: 'reviewed'; files: number; comments: number; listed: number; reviewId: number; resolved: number };

export async function reviewPullRequest(deps: ReviewDeps, target: PullTarget, pull: PullContext): Promise<ReviewOutcome> {
  const { octokit, log, settings } = deps;
  const clock = deps.clock ?? Date.now;
  const started = clock();
  let check: CheckRun | undefined;
  const begin = (): void => {
    check = CheckRun.begin(octokit, target, log, settings.checkInProgressAfterMs, clock);
  };
  try {
    const gathered = await gatherInputs({ ...deps, knownRules: new Set(deps.rules.map((r) => r.id)) }, target, pull, begin);
    if (gathered.status === 'invalid-config') {
      await check!.complete(skippedForInvalidConfig(gathered.config.problems));
      return { status: 'invalid-config' };
    }
    if (gathered.status !== 'ready') return gathered;
    const { inputs } = gathered;
    let change = inputs.change;
    let analyses;
    if (deps.analysis) {
      const pooled = await deps.analysis.analyse(change.files, inputs.config.config);
      analyses = pooled.analyses;
      if (pooled.notReviewed.length > 0) {
        // Past the deadline or over the line cap: listed as not reviewed, not analysed here.
        const left = new Set(pooled.notReviewed.map((s) => s.path));
        for (const s of pooled.notReviewed) log.warn({ path: s.path, reason: s.reason }, 'file not reviewed');
        change = { ...change, files: change.files.filter((f) => !left.has(f.path)), skipped: [...(change.skipped ?? []), ...pooled.notReviewed] };
      }
    }
    const context = { config: inputs.config, render: { docsBaseUrl: settings.docsBaseUrl, standardUrl: settings.standardUrl }, analyses };
    // The pool reviews the change on one of its threads (a large file's plan and rendering stay off the webhook thread).
    const review = deps.analysis?.review ? await deps.analysis.review(change, context) : await reviewChange(change, { ...context, rules: deps.rules });
    for (const note of review.notes) log.warn({ path: note.path, rule: note.rule }, note.message);
    deps.onFindings?.(review.findings);
    const { plan } = review;
    log.info(
      {
        files: review.analysed,
        skipped: change.skipped?.length ?? 0,
        findings: review.findings.length,
        inScope: plan.inScope.length,
        new: plan.comments.length + plan.listed.length,
        ms: clock() - started,
      },
      'analysis done',
    );
    const published = await publish({ octokit, log, sleep: deps.sleep, superseded: pull.superseded, botLogin: settings.botLogin }, target, inputs, review, check!);
    return published.status === 'superseded' ? published : { ...published, files: review.analysed };
  } catch (error) {
    await check?.complete(REVIEW_FAILED);
    throw error;
  }
}
