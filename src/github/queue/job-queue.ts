/**
 * The one queue interface the webhook side and the workers see. Two implementations: in the
 * process (the embedded default) and on Redis with BullMQ (`REDIS_URL`), where any number of
 * processes take webhooks or run reviews.
 */
import { statusOf } from '../types.js';
import type { ReviewJob } from './review-job.js';

export interface JobAttempt {
  /** 1 for the first try. */
  number: number;
  /** No retry follows if this attempt fails. */
  final: boolean;
  /** An earlier attempt started (a retry, or a crash recovered): its check run may be left open. */
  recovered: boolean;
  /** The head of a newer push waiting for the same pull request, when the queue knows it. */
  superseded(): string | undefined;
  /** Whether another job for the same pull request is queued behind this one. */
  newerQueued(): Promise<boolean>;
}

export interface JobRunner {
  run(job: ReviewJob, attempt: JobAttempt): Promise<void>;
  /** The job failed for good: say so where the user sees it (the check run). Never throws. */
  gaveUp(job: ReviewJob, error: unknown): Promise<void>;
}

export type SubmitResult = 'queued' | 'duplicate';

export interface QueueStats {
  waiting: number;
  active: number;
  /** Waiting for a retry. */
  delayed: number;
  /** Age of the oldest waiting job, in seconds (0 when none waits). */
  oldestWaitingSeconds: number;
}

export interface JobQueue {
  readonly kind: 'in-process' | 'redis';
  /**
   * Stores the job; `duplicate` when its delivery was already accepted. Rejects with
   * QueueUnavailableError when the job cannot be stored (the webhook must then fail, so
   * GitHub records the delivery as failed and it can be redelivered).
   */
  submit(job: ReviewJob): Promise<SubmitResult>;
  /** Starts running jobs in this process. */
  work(runner: JobRunner): void;
  /** Whether a job submitted now would be stored. */
  ready(): Promise<boolean>;
  stats(): Promise<QueueStats>;
  /** Resolves once nothing waits, runs or is due for a retry (tests, benchmarks). */
  onIdle(): Promise<void>;
  /**
   * Stops taking and starting jobs and waits up to `timeoutMs` for running ones; resolves true
   * when they finished. Jobs not started stay in Redis (or, in the process, are recovered from
   * GitHub's delivery log on the next start).
   */
  close(timeoutMs: number): Promise<boolean>;
}

export class QueueUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueueUnavailableError';
  }
}

/**
 * Whether a failed attempt is worth retrying: network errors, timeouts, 5xx and rate limits are;
 * other 4xx (missing permission, gone, refused) and programming errors are not.
 */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status === undefined) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    return /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|UND_ERR_)/.test(code) || (error instanceof Error && /timeout|socket hang up|fetch failed/i.test(error.message));
  }
  return status >= 500 || status === 429 || (status === 403 && error instanceof Error && /rate limit/i.test(error.message));
}

/** Exponential backoff: `base`, 2×, 4× … for attempt 1, 2, 3 … */
export function backoffMs(base: number, attempt: number): number {
  return base * 2 ** Math.max(0, attempt - 1);
}
