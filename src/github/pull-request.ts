/**
 * Reviewing one pull request at one head commit: gather inputs from GitHub, run the core, then
 * publish only what is new, close what was fixed, and report in the check run.
 */
import { randomUUID } from 'node:crypto';
import PQueue from 'p-queue';
import { changedLinesFromPatch } from '../core/diff/changed-lines.js';
import type { RuleSet } from '../core/engine.js';
import { reviewChange, type ChangedFile } from '../core/review.js';
import { demoteComments, type SkippedFile } from '../core/review-plan.js';
import { isGenerated, isGoFile, isVendored } from '../core/sources.js';
import { CheckRun, type FailOn } from './check-run.js';
import { readHistory } from './history.js';
import { publishReview } from './publisher.js';
import { closeFixedFindings } from './resolve.js';
import type { ReviewSettings } from './settings.js';
import { fetchHeadFile, LIST_FILES_CAP, listPullFiles } from './source.js';
import type { GitHub, Logger, PullTarget } from './types.js';

export interface ReviewDeps {
  octokit: GitHub;
  log: Logger;
  ruleSet: RuleSet;
  settings: ReviewSettings;
  /** Waits between write retries (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
}

export type ReviewOutcome =
  | { status: 'no-go-files' }
  | { status: 'superseded'; headSha: string }
  | { status: 'nothing-new'; files: number; resolved: number }
  | { status: 'reviewed'; files: number; comments: number; listed: number; reviewId: number; resolved: number };

export async function reviewPullRequest(deps: ReviewDeps, target: PullTarget): Promise<ReviewOutcome> {
  const { octokit, log, settings } = deps;
  const started = Date.now();
  const { files, truncated } = await listPullFiles(octokit, target);
  const goFiles = files.filter((f) => isGoFile(f.filename) && !isVendored(f.filename));
  const present = goFiles.filter((f) => f.status !== 'removed');
  if (present.length === 0 && goFiles.length === 0) {
    log.info({ files: files.length }, 'no changed Go files: nothing to review');
    return { status: 'no-go-files' };
  }
  const check = await CheckRun.start(octokit, target, log);
  try {
    return await review(deps, target, check, { goFiles, truncated, started });
  } catch (error) {
    await check.end('neutral', 'The review could not finish', 'The review hit an error and will be retried on the next push or `/go-standards recheck`.');
    throw error;
  }
}

async function review(
  deps: ReviewDeps,
  target: PullTarget,
  check: CheckRun,
  input: { goFiles: Awaited<ReturnType<typeof listPullFiles>>['files']; truncated: boolean; started: number },
): Promise<ReviewOutcome> {
  const { octokit, log, settings } = deps;
  const skipped: SkippedFile[] = [];
  const remarks: string[] = [];
  if (input.truncated) {
    remarks.push(`GitHub lists only the first ${LIST_FILES_CAP} files of a pull request; files beyond those were not reviewed.`);
  }
  const removed = input.goFiles.filter((f) => f.status === 'removed').map((f) => f.filename);
  const withPatch = input.goFiles.filter((f) => {
    if (f.status === 'removed') return false;
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
  const generated: string[] = [];
  for (const { file, content } of fetched) {
    if (!content.ok) {
      skipped.push({ path: file.filename, reason: content.reason });
      continue;
    }
    if (isGenerated(content.source)) {
      generated.push(file.filename);
      continue;
    }
    changed.push({ path: file.filename, source: content.source, changed: changedLinesFromPatch(file.patch!) });
  }
  for (const s of skipped) log.info({ path: s.path, reason: s.reason }, 'file not reviewed');

  const history = await readHistory(octokit, target);
  const result = await reviewChange({ files: changed, skipped, remarks }, deps.ruleSet, {
    scope: settings.scope,
    docsBaseUrl: settings.docsBaseUrl,
    standardUrl: settings.standardUrl,
    posted: history.posted,
    maxInlineComments: settings.maxInlineComments,
  });
  for (const note of result.notes) log.warn({ path: note.path, rule: note.rule }, note.message);
  let { plan } = result;
  log.info(
    {
      files: changed.length,
      skipped: skipped.length,
      findings: result.findings.length,
      inScope: plan.inScope.length,
      new: plan.comments.length + plan.listed.length,
      ms: Date.now() - input.started,
    },
    'analysis done',
  );

  // The newest push wins: never post for a head that is no longer the pull request's head.
  const { data: current } = await octokit.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.pull_number });
  if (current.head.sha !== target.headSha) {
    log.info({ newHead: current.head.sha }, 'the pull request moved on while reviewing: not posting for the old head');
    await check.end('skipped', 'Superseded by a newer push', `A newer commit (${current.head.sha}) is being reviewed instead.`);
    return { status: 'superseded', headSha: current.head.sha };
  }

  // Findings the bot commented on earlier that the new head no longer has.
  const analysedPaths = new Set([...changed.map((f) => f.path), ...removed, ...generated]);
  const fixed = history.comments.filter((c) => analysedPaths.has(c.path) && !plan.present.has(c.fingerprint));
  const resolution = await closeFixedFindings(octokit, target, fixed, log);

  let reviewId: number | undefined;
  if (plan.comments.length + plan.listed.length > 0) {
    const runId = randomUUID();
    const publishOptions = { runId, event: settings.reviewEvent, log, sleep: deps.sleep };
    let published = await publishReview(octokit, target, plan, publishOptions);
    if (!published.ok) {
      log.warn({ message: published.message, comments: plan.comments.length }, 'GitHub refused the review (422); posting it with every finding in the summary');
      plan = demoteComments(plan, plan.comments, result.planOptions, 'GitHub did not accept inline comments for this review, so every finding is listed here.');
      published = await publishReview(octokit, target, plan, publishOptions);
      if (!published.ok) throw new Error(`GitHub refused the review twice: ${published.message}`);
    }
    reviewId = published.reviewId;
    log.info({ reviewId, comments: plan.comments.length, listed: plan.listed.length }, 'review posted');
  }

  const extra = skipped.length > 0 ? ['**Files not reviewed:**', ...skipped.map((s) => `- \`${s.path}\`: ${s.reason}`)] : [];
  await check.complete(plan, { docsBaseUrl: settings.docsBaseUrl, standardUrl: settings.standardUrl, failOn: settings.failOn, extraSummary: [...remarks, ...extra] });
  const resolved = resolution.resolved + resolution.replied;
  if (reviewId === undefined) return { status: 'nothing-new', files: changed.length, resolved };
  return { status: 'reviewed', files: changed.length, comments: plan.comments.length, listed: plan.listed.length, reviewId, resolved };
}

export type { FailOn };
