/**
 * The embedded default (no Redis): jobs run in this process's review queue, one pull request at a
 * time with the newest push waiting, installations sharing the slots fairly, transient failures
 * retried with backoff, delivery ids remembered in memory. Nothing survives the process: work lost to a crash or a shutdown is
 * found again through GitHub's delivery log on the next start (recovery).
 */
import { DeliveryLog } from '../delivery-log.js';
import { ReviewQueue } from '../review-queue.js';
import type { Logger } from '../types.js';
import { backoffMs, isTransient, QueueUnavailableError, type JobQueue, type JobRunner, type QueueStats, type SubmitResult } from './job-queue.js';
import { pullKey, type ReviewJob } from './review-job.js';

export interface InProcessQueueOptions {
  concurrency: number;
  attempts: number;
  backoffMs: number;
  log: Logger;
}

export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly queue: ReviewQueue;
  private readonly deliveries = new DeliveryLog();
  private runner: JobRunner | undefined;
  private readonly runnerSet: Promise<JobRunner>;
  private setRunner!: (runner: JobRunner) => void;
  /** Pull requests with a job not started yet, and since when. */
  private readonly waitingSince = new Map<string, number>();
  private active = 0;
  private readonly retries = new Set<NodeJS.Timeout>();
  /** Jobs queued or running per installation: the more an installation has, the later its next one starts. */
  private readonly load = new Map<number, number>();
  private closed = false;

  constructor(private readonly options: InProcessQueueOptions) {
    this.queue = new ReviewQueue(options.concurrency, (key, error) => options.log.error({ err: error, pr: key }, 'review job failed'));
    this.runnerSet = new Promise((resolve) => (this.setRunner = resolve));
  }

  async submit(job: ReviewJob): Promise<SubmitResult> {
    if (this.closed) throw new QueueUnavailableError('shutting down: not taking new reviews');
    if (!this.deliveries.firstTime(job.deliveryId)) return 'duplicate';
    this.schedule(job, 1);
    return 'queued';
  }

  private schedule(job: ReviewJob, number: number): void {
    const key = pullKey(job);
    if (!this.waitingSince.has(key)) this.waitingSince.set(key, Date.now());
    const load = (this.load.get(job.installationId) ?? 0) + 1;
    this.load.set(job.installationId, load);
    const release = (): void => {
      const left = (this.load.get(job.installationId) ?? 1) - 1;
      if (left > 0) this.load.set(job.installationId, left);
      else this.load.delete(job.installationId);
    };
    const accepted = this.queue.enqueue(
      key,
      () => this.execute(key, job, number).finally(release),
      release,
      job.headSha ?? 'unknown',
      -load,
    );
    if (!accepted) {
      release();
      throw new QueueUnavailableError('shutting down: not taking new reviews');
    }
  }

  private async execute(key: string, job: ReviewJob, number: number): Promise<void> {
    const runner = this.runner ?? (await this.runnerSet);
    this.waitingSince.delete(key);
    this.active++;
    const attempt = {
      number,
      final: number >= this.options.attempts,
      recovered: number > 1,
      superseded: () => this.queue.waitingTag(key),
      newerQueued: async () => this.queue.waitingTag(key) !== undefined,
    };
    try {
      await runner.run(job, attempt);
    } catch (error) {
      if (attempt.final || !isTransient(error) || this.closed) {
        await runner.gaveUp(job, error);
        throw error;
      }
      this.options.log.warn({ err: error, pr: key, attempt: number }, 'review attempt failed; it will be retried');
      const timer = setTimeout(() => {
        this.retries.delete(timer);
        // A newer job for the pull request makes the retry unnecessary.
        if (!this.closed && this.queue.waitingTag(key) === undefined) this.schedule(job, number + 1);
      }, backoffMs(this.options.backoffMs, number));
      this.retries.add(timer);
    } finally {
      this.active--;
    }
  }

  work(runner: JobRunner): void {
    this.runner = runner;
    this.setRunner(runner);
  }

  async ready(): Promise<boolean> {
    return !this.closed;
  }

  async stats(): Promise<QueueStats> {
    const oldest = Math.min(...this.waitingSince.values());
    return {
      waiting: this.waitingSince.size,
      active: this.active,
      delayed: this.retries.size,
      oldestWaitingSeconds: Number.isFinite(oldest) ? (Date.now() - oldest) / 1000 : 0,
    };
  }

  /** Resolves when nothing runs, waits or is due for a retry (tests). */
  async onIdle(): Promise<void> {
    do {
      await this.queue.onIdle();
      while (this.retries.size > 0) await new Promise((r) => setTimeout(r, 10));
    } while (this.queue.size > 0);
  }

  async close(timeoutMs: number): Promise<boolean> {
    this.closed = true;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    this.waitingSince.clear();
    return this.queue.close(timeoutMs);
  }
}
