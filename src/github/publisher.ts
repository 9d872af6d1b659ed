/**
 * Posting the planned review. A write that fails with a 5xx or a timeout may still have been
 * done by GitHub, so before retrying we look for the review by the run's marker; a 422 (GitHub
 * refusing a comment) is answered by the caller with a review whose findings are all listed in
 * the summary, so nothing is lost.
 */
import type { ReviewPlan } from '../core/review-plan.js';
import { listBotReviews } from './history.js';
import type { GitHub, Logger, PullTarget } from './types.js';
import { statusOf } from './types.js';

export type PublishResult = { ok: true; reviewId: number } | { ok: false; rejected: true; message: string };

export function runMarker(runId: string): string {
  return `<!-- go-standards:run:${runId} -->`;
}

export interface PublishOptions {
  runId: string;
  event: 'COMMENT' | 'REQUEST_CHANGES';
  log: Logger;
  /** Waits between attempts (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  attempts?: number;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Whether a failed write may have happened on GitHub's side (5xx, timeout, connection reset). */
function mayHaveWritten(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500;
}

export async function publishReview(octokit: GitHub, target: PullTarget, plan: ReviewPlan, options: PublishOptions): Promise<PublishResult> {
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
      const existing = (await listBotReviews(octokit, target)).find((r) => r.body.includes(marker));
      if (existing) {
        options.log.info({ reviewId: existing.id }, 'the review was created despite the error; not posting it again');
        return { ok: true, reviewId: existing.id };
      }
    }
  }
}
