/**
 * The events that ask for a review (a push, a re-run click, a recheck command) and the job each
 * queues: the review of the pull request's head, one at a time per pull request, the newest
 * push winning.
 */
import type { Context } from 'probot';
import type { Rule } from '../core/rule.js';
import { CHECK_NAME, type Clock } from './check-run.js';
import { reviewPullRequest } from './pull-request.js';
import type { ReviewCaches } from './review-caches.js';
import type { ReviewQueue } from './review-queue.js';
import type { ReviewSettings } from './settings.js';
import type { GitHub, Logger, PullTarget } from './types.js';

export interface ReviewJobDeps {
  rules: readonly Rule[];
  settings: ReviewSettings;
  queue: ReviewQueue;
  caches: ReviewCaches;
  /** Waits between write retries (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  clock?: Clock;
}

/** What the webhook already says about the pull request; absent: the job reads it. */
export interface KnownPull {
  headSha: string;
  baseSha: string;
  draft: boolean;
}

/** Queues a review of the pull request's current head; `done` hears how it ended. */
export type ScheduleReview = (
  octokit: GitHub,
  log: Logger,
  repo: { owner: string; repo: string },
  pullNumber: number,
  known?: KnownPull,
  done?: (error?: unknown) => Promise<void>,
) => void;

export const REVIEWED_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'] as const;

export function reviewScheduler(deps: ReviewJobDeps): ScheduleReview {
  const { queue } = deps;
  return (octokit, log, repo, pullNumber, known, done) => {
    const key = `${repo.owner}/${repo.repo}#${pullNumber}`;
    const accepted = queue.enqueue(
      key,
      async () => {
        try {
          let pull = known;
          if (!pull) {
            const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber });
            if (data.state !== 'open') {
              log.info('pull request is not open: nothing to recheck');
              await done?.();
              return;
            }
            pull = { headSha: data.head.sha, baseSha: data.base.sha, draft: data.draft ?? false };
          }
          const target: PullTarget = { ...repo, pull_number: pullNumber, headSha: pull.headSha };
          const outcome = await reviewPullRequest(
            { octokit, log: log.child({ sha: pull.headSha }), rules: deps.rules, settings: deps.settings, sleep: deps.sleep, caches: deps.caches, clock: deps.clock },
            target,
            { baseSha: pull.baseSha, draft: pull.draft, superseded: () => queue.waitingTag(key) },
          );
          log.info({ outcome: outcome.status }, 'review run finished');
          await done?.();
        } catch (error) {
          await done?.(error);
          throw error;
        }
      },
      () => void done?.(),
      known?.headSha,
    );
    if (!accepted) throw new Error('shutting down: not taking new reviews');
  };
}

/** A pull request opened, pushed to, reopened or marked ready. */
export function onPullRequest(context: Context<'pull_request'>, schedule: ScheduleReview): void {
  const pr = context.payload.pull_request;
  const repo = context.payload.repository;
  const log = context.log.child({ repo: repo.full_name, pr: pr.number, action: context.payload.action });
  if (pr.state !== 'open') {
    log.info('pull request is not open: skipped');
    return;
  }
  // Drafts are skipped unless the repository's configuration (read in the job) says otherwise.
  schedule(context.octokit, log, { owner: repo.owner.login, repo: repo.name }, pr.number, {
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    draft: pr.draft ?? false,
  });
}

/** Someone clicked "Re-run" on our check run: review each of its pull requests again. */
export function onCheckRunRerequested(context: Context<'check_run.rerequested'>, schedule: ScheduleReview): void {
  const run = context.payload.check_run;
  if (run.name !== CHECK_NAME) return;
  const repository = context.payload.repository;
  const repo = { owner: repository.owner.login, repo: repository.name };
  for (const pr of run.pull_requests) {
    const log = context.log.child({ repo: repository.full_name, pr: pr.number, action: 'rerequested' });
    schedule(context.octokit, log, repo, pr.number, undefined);
  }
}
