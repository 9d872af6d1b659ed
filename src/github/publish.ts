/**
 * Publishing a review the core planned: never for a head that is no longer the pull request's,
 * close what the push fixed, post the review (falling back to the plan with every finding in the
 * summary when GitHub refuses an inline comment), and complete the check run.
 *
 * A write that fails with a 5xx or a timeout may still have been done by GitHub, so before
 * retrying we look for the review by the run's marker.
 */
import { randomUUID } from 'node:crypto';
import { runMarker } from '../core/render/markers.js';
import type { ChangeReview } from '../core/review.js';
import type { ReviewPlan } from '../core/review-plan.js';
import type { CheckRun } from './check-run.js';
import type { PullInputs } from './gather.js';
import { listBotReviews, type PostedComment } from './history.js';
import { closeFixedFindings } from './resolve.js';
import type { GitHub, Logger, PullTarget } from './types.js';
import { statusOf } from './types.js';

export interface PublishDeps {
  octokit: GitHub;
  log: Logger;
  /** Waits between write retries (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  /** The head of a newer push waiting in the queue, if any. */
  superseded?: () => string | undefined;
  /** This app's bot user (its earlier reviews are found by it). */
  botLogin?: string;
}

export type Published =
  | { status: 'superseded'; headSha: string }
  | { status: 'nothing-new'; resolved: number }
  | { status: 'reviewed'; comments: number; listed: number; reviewId: number; resolved: number };

export async function publish(
  deps: PublishDeps,
  target: PullTarget,
  inputs: PullInputs,
  review: ChangeReview<PostedComment>,
  check: CheckRun,
): Promise<Published> {
  const { octokit, log } = deps;
  // The newest push wins: never post for a head that is no longer the pull request's head. A
  // confirmed head was read just before the analysis, and a push since then shows as a newer job
  // for this pull request waiting in the queue; otherwise ask GitHub.
  const newerHead = inputs.head.confirmed ? deps.superseded?.() : await currentHead(octokit, target);
  if (newerHead !== undefined && newerHead !== target.headSha) {
    log.info({ newHead: newerHead }, 'the pull request moved on while reviewing: not posting for the old head');
    await check.superseded(newerHead);
    return { status: 'superseded', headSha: newerHead };
  }

  const resolution = await closeFixedFindings(octokit, target, review.fixed, log, inputs.threads);
  const resolved = resolution.resolved + resolution.replied;
  let reviewId: number | undefined;
  let plan = review.plan;
  if (plan.comments.length + plan.listed.length > 0) {
    const options: PostOptions = { runId: randomUUID(), event: inputs.config.config.reviewEvent, log, sleep: deps.sleep, botLogin: deps.botLogin };
    let posted = await postReview(octokit, target, plan, options);
    if (!posted.ok) {
      log.warn({ message: posted.message, comments: plan.comments.length }, 'GitHub refused the review (422); posting it with every finding in the summary');
      plan = review.fallback;
      posted = await postReview(octokit, target, plan, options);
      if (!posted.ok) throw new Error(`GitHub refused the review twice: ${posted.message}`);
    }
    reviewId = posted.reviewId;
    log.info({ reviewId, comments: plan.comments.length, listed: plan.listed.length }, 'review posted');
  }
  await check.complete(review.check);
  if (reviewId === undefined) return { status: 'nothing-new', resolved };
  return { status: 'reviewed', comments: plan.comments.length, listed: plan.listed.length, reviewId, resolved };
}

async function currentHead(octokit: GitHub, target: PullTarget): Promise<string> {
  const { data } = await octokit.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.pull_number });
  return data.head.sha;
}

type PostResult = { ok: true; reviewId: number } | { ok: false; rejected: true; message: string };

interface PostOptions {
  runId: string;
  event: 'COMMENT' | 'REQUEST_CHANGES';
  log: Logger;
  /** Waits between attempts (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  attempts?: number;
  botLogin?: string;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Whether a failed write may have happened on GitHub's side (5xx, timeout, connection reset). */
function mayHaveWritten(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500;
}

/** Creates the review; a 422 (GitHub refusing a comment) comes back as a result for the caller to answer. */
async function postReview(octokit: GitHub, target: PullTarget, plan: ReviewPlan, options: PostOptions): Promise<PostResult> {
  const marker = runMarker(options.runId);
  const body = `${plan.summary}\n${marker}`;
  const sleep = options.sleep ?? defaultSleep;
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await octokit.rest.pulls.createReview({
        owner: target.owner,
        repo: target.repo,
        pull_number: target.pull_number,
        commit_id: target.headSha,
        event: options.event,
        body,
        comments: plan.comments.map((c) => c.comment),
        // Our own check-then-retry below replaces the retry plugin for this write.
        request: { retries: 0 },
      });
      return { ok: true, reviewId: data.id };
    } catch (error) {
      const status = statusOf(error);
      if (status === 422) {
        return { ok: false, rejected: true, message: error instanceof Error ? error.message : String(error) };
      }
      if (!mayHaveWritten(error) || attempt >= attempts) throw error;
      options.log.warn({ status, attempt }, 'creating the review failed; checking whether GitHub created it');
      await sleep(1000 * 2 ** (attempt - 1));
      const existing = (await listBotReviews(octokit, target, options.botLogin)).find((r) => r.body.includes(marker));
      if (existing) {
        options.log.info({ reviewId: existing.id }, 'the review was created despite the error; not posting it again');
        return { ok: true, reviewId: existing.id };
      }
    }
  }
}
