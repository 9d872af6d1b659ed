/**
 * The events that ask for a review (a push, a re-run click, a recheck command) and the job each
 * queues: the review of the pull request's head, one at a time per pull request, the newest
 * push winning. The job is stored before the webhook is answered; when it cannot be, the
 * handler fails and the webhook is answered 503. The review itself runs in a worker
 * (review-runner.ts), in this process or another.
 */
import type { Context } from 'probot';
import { CHECK_NAME } from './check-run.js';
import type { JobQueue } from './queue/job-queue.js';
import type { ReviewJob } from './queue/review-job.js';
import type { Logger } from './types.js';

/** What the webhook already says about the pull request; absent: the job reads it. */
export interface KnownPull {
  headSha: string;
  baseSha: string;
  draft: boolean;
}

export interface ReviewRequest {
  repo: { owner: string; repo: string };
  pull: number;
  reason: ReviewJob['reason'];
  known?: KnownPull;
  /** The recheck comment to react to when the review ends. */
  commentId?: number;
  /** Default: the delivery's id (a delivery asking for several reviews gives each its own). */
  deliveryId?: string;
  log: Logger;
}

/** Queues a review for the delivery's installation; resolves once the job is stored. */
export type SubmitReview = (context: Context, request: ReviewRequest) => Promise<void>;

export const REVIEWED_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'] as const;

export function reviewSubmitter(jobs: JobQueue): SubmitReview {
  return async (context, request) => {
    const installationId = (context.payload as { installation?: { id?: number } }).installation?.id;
    if (!installationId) {
      request.log.info('no installation in the payload: ignored');
      return;
    }
    const result = await jobs.submit({
      installationId,
      ...request.repo,
      pull: request.pull,
      reason: request.reason,
      ...request.known,
      commentId: request.commentId,
      deliveryId: request.deliveryId ?? context.id,
    });
    if (result === 'duplicate') request.log.info({ delivery: context.id }, 'duplicate webhook delivery ignored');
  };
}

/** A pull request opened, pushed to, reopened or marked ready. */
export async function onPullRequest(context: Context<'pull_request'>, submit: SubmitReview): Promise<void> {
  const pr = context.payload.pull_request;
  const repo = context.payload.repository;
  const log = context.log.child({ repo: repo.full_name, pr: pr.number, action: context.payload.action });
  if (pr.state !== 'open') {
    log.info('pull request is not open: skipped');
    return;
  }
  // Drafts are skipped unless the repository's configuration (read in the job) says otherwise.
  await submit(context, {
    repo: { owner: repo.owner.login, repo: repo.name },
    pull: pr.number,
    reason: 'push',
    known: { headSha: pr.head.sha, baseSha: pr.base.sha, draft: pr.draft ?? false },
    log,
  });
}

/** Someone clicked "Re-run" on our check run: review each of its pull requests again. */
export async function onCheckRunRerequested(context: Context<'check_run.rerequested'>, submit: SubmitReview): Promise<void> {
  const run = context.payload.check_run;
  if (run.name !== CHECK_NAME) return;
  const repository = context.payload.repository;
  const repo = { owner: repository.owner.login, repo: repository.name };
  for (const pr of run.pull_requests) {
    const log = context.log.child({ repo: repository.full_name, pr: pr.number, action: 'rerequested' });
    await submit(context, { repo, pull: pr.number, reason: 'rerun', deliveryId: `${context.id}#${pr.number}`, log });
  }
}
