/**
 * Reviewing one pull request: gather inputs from GitHub, run the core, publish one review.
 */
import PQueue from 'p-queue';
import { changedLinesFromPatch } from '../core/diff/changed-lines.js';
import type { RuleSet } from '../core/engine.js';
import { reviewChange, type ChangedFile } from '../core/review.js';
import type { SkippedFile } from '../core/review-plan.js';
import { isGenerated, isGoFile, isVendored } from '../core/sources.js';
import { publishReview } from './publisher.js';
import type { ReviewSettings } from './settings.js';
import { fetchHeadFile, LIST_FILES_CAP, listPullFiles } from './source.js';
import type { GitHub, Logger, PullTarget } from './types.js';

export interface ReviewDeps {
  octokit: GitHub;
  log: Logger;
  ruleSet: RuleSet;
  settings: ReviewSettings;
}

export type ReviewOutcome =
  | { status: 'no-go-files' }
  | { status: 'no-findings'; files: number }
  | { status: 'reviewed'; files: number; comments: number; reviewId: number };

export async function reviewPullRequest(deps: ReviewDeps, target: PullTarget): Promise<ReviewOutcome> {
  const { octokit, log, settings } = deps;
  const started = Date.now();
  const { files, truncated } = await listPullFiles(octokit, target);
  const goFiles = files.filter((f) => f.status !== 'removed' && isGoFile(f.filename) && !isVendored(f.filename));
  if (goFiles.length === 0) {
    log.info({ files: files.length }, 'no changed Go files: nothing to review');
    return { status: 'no-go-files' };
  }

  const skipped: SkippedFile[] = [];
  const remarks: string[] = [];
  if (truncated) {
    remarks.push(`GitHub lists only the first ${LIST_FILES_CAP} files of a pull request; files beyond those were not reviewed.`);
  }
  const withPatch = goFiles.filter((f) => {
    if (f.patch) return true;
    skipped.push({ path: f.filename, reason: 'GitHub sent no diff for it (binary or too large)' });
    return false;
  });

  const fetchQueue = new PQueue({ concurrency: settings.fetchConcurrency });
  const fetched = await Promise.all(
    withPatch.map((f) =>
      fetchQueue.add(async () => ({ file: f, content: await fetchHeadFile(octokit, target, f.filename, settings.maxFileBytes) })),
    ),
  );
  const changed: ChangedFile[] = [];
  for (const { file, content } of fetched) {
    if (!content.ok) {
      skipped.push({ path: file.filename, reason: content.reason });
      continue;
    }
    if (isGenerated(content.source)) continue; // generated code is not reviewed, and needs no note
    changed.push({ path: file.filename, source: content.source, changed: changedLinesFromPatch(file.patch!) });
  }

  const result = await reviewChange({ files: changed, skipped, remarks }, deps.ruleSet, {
    scope: settings.scope,
    docsBaseUrl: settings.docsBaseUrl,
    standardUrl: settings.standardUrl,
  });
  for (const note of result.notes) log.warn({ path: note.path, rule: note.rule }, note.message);
  const { plan } = result;
  log.info(
    { files: changed.length, skipped: skipped.length, findings: result.findings.length, inScope: plan.inScope.length, ms: Date.now() - started },
    'analysis done',
  );
  if (plan.inScope.length === 0) return { status: 'no-findings', files: changed.length };
  const reviewId = await publishReview(octokit, target, plan);
  log.info({ reviewId, comments: plan.comments.length }, 'review posted');
  return { status: 'reviewed', files: changed.length, comments: plan.comments.length, reviewId };
}
