/**
 * Durable review jobs on Redis with BullMQ (`REDIS_URL`). Any number of processes submit and
 * run jobs on one Redis:
 * - a job is keyed by pull request (BullMQ deduplication with `keepLastIfActive`): while one
 *   runs, one more waits, holding the newest request; a second request while one only waits is
 *   the same work (the worker reads the current head);
 * - the delivery id is recorded in the same MULTI/EXEC transaction as the job, with a TTL, so a
 *   redelivery after a failed enqueue is taken, and one after a stored job is dropped;
 * - enqueueing never waits for a lost connection (`enableOfflineQueue: false`): it fails at once
 *   and the webhook is answered 503;
 * - failed attempts are retried with exponential backoff when the failure is transient; a job
 *   whose worker died is taken again once its lock expires (stalled-job recovery);
 * - installations share the workers fairly: a job's priority is how many jobs its installation
 *   already has queued or running, so a burst from one installation does not hold up another;
 * - Redis must not evict keys (`maxmemory-policy noeviction`), or jobs could vanish: the queue
 *   refuses to start otherwise.
 */
import { randomUUID } from 'node:crypto';
import { Job, Queue, UnrecoverableError, Worker, type JobsOptions } from 'bullmq';
import { Redis, type ChainableCommander } from 'ioredis';
import type { Logger } from '../types.js';
import { isTransient, QueueUnavailableError, type JobAttempt, type JobQueue, type JobRunner, type QueueStats, type SubmitResult } from './job-queue.js';
import { pullKey, reviewJobSchema, type ReviewJob } from './review-job.js';

export interface RedisQueueOptions {
  url: string;
  /** Key prefix of everything this app stores (default `go-standards`). */
  prefix?: string;
  /** Reviews run at once by this process's worker. */
  concurrency: number;
  /** Tries per job, the first included. */
  attempts: number;
  /** The first retry's delay; each further retry waits twice as long. */
  backoffMs: number;
  /** How long a delivery id is remembered. */
  deliveryTtlSeconds: number;
  /** A running job's lock; a job whose worker died is taken again after about this long. */
  lockMs: number;
  log: Logger;
}

const QUEUE_NAME = 'reviews';

/** Reads `maxmemory-policy` and throws unless Redis keeps every key. */
export async function assertNoEviction(redis: Redis): Promise<void> {
  const info = await redis.info('memory');
  const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
  if (policy && policy !== 'noeviction') {
    throw new Error(
      `Redis maxmemory-policy is "${policy}": Redis may evict queued reviews. Set "maxmemory-policy noeviction" on the Redis server this app uses.`,
    );
  }
}

/** Waits until the client is connected (or fails after `timeoutMs`). */
async function connected(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`cannot reach Redis within ${timeoutMs} ms`)), timeoutMs);
    const onReady = (): void => finish();
    const onError = (error: Error): void => {
      if (redis.status === 'end') finish(error);
    };
    function finish(error?: Error): void {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('error', onError);
      if (error) reject(error);
      else resolve();
    }
    redis.on('ready', onReady);
    redis.on('error', onError);
  });
}

export class RedisReviewQueue implements JobQueue {
  readonly kind = 'redis' as const;
  private worker: Worker | undefined;
  private closing = false;
  private readonly prefix: string;

  private constructor(
    private readonly options: RedisQueueOptions,
    /** Commands that must fail fast: enqueue, dedupe, readiness. */
    private readonly commands: Redis,
    private readonly queue: Queue,
  ) {
    this.prefix = options.prefix ?? 'go-standards';
  }

  /** Connects, checks the eviction policy, and returns the queue (nothing runs until `work`). */
  static async connect(options: RedisQueueOptions): Promise<RedisReviewQueue> {
    const commands = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    commands.on('error', (error) => options.log.debug({ err: error }, 'redis connection error'));
    try {
      await connected(commands, 10_000);
      await assertNoEviction(commands);
    } catch (error) {
      commands.disconnect();
      throw error;
    }
    const queue = new Queue(QUEUE_NAME, { connection: commands, prefix: options.prefix ?? 'go-standards' });
    queue.on('error', (error) => options.log.debug({ err: error }, 'queue error'));
    return new RedisReviewQueue(options, commands, queue);
  }

  private deliveryKey(id: string): string {
    return `${this.prefix}:delivery:${id}`;
  }

  private loadKey(installationId: number): string {
    return `${this.prefix}:load:${installationId}`;
  }

  private jobOptions(job: ReviewJob, jobId: string, load: number): JobsOptions {
    return {
      jobId,
      // BullMQ: 1 is the highest priority; equal priorities run in order of arrival.
      priority: Math.min(Math.max(1, load), 2_097_152),
      deduplication: { id: pullKey(job), keepLastIfActive: true },
      attempts: this.options.attempts,
      backoff: { type: 'exponential', delay: this.options.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
    };
  }

  async submit(job: ReviewJob): Promise<SubmitResult> {
    if (this.closing) throw new QueueUnavailableError('shutting down: not taking new reviews');
    try {
      if (job.deliveryId && (await this.commands.exists(this.deliveryKey(job.deliveryId))) === 1) return 'duplicate';
      const loadKey = this.loadKey(job.installationId);
      const [[, load]] = ((await this.commands.multi().incr(loadKey).expire(loadKey, 24 * 3600).exec()) ?? [[null, 1]]) as Array<[Error | null, number]>;
      const jobId = randomUUID();
      const client = await this.queue.getBackend().client;
      const multi = client.multi();
      // The job's insert is queued on the transaction synchronously; EXEC runs it and the
      // delivery record together, or neither.
      void new Job(this.queue, 'review', job, this.jobOptions(job, jobId, Number(load)), jobId).addJob(multi).catch(() => undefined);
      if (job.deliveryId) (multi as unknown as ChainableCommander).set(this.deliveryKey(job.deliveryId), '1', 'EX', this.options.deliveryTtlSeconds);
      const results = (await multi.exec()) as Array<[Error | null, unknown]> | null;
      if (!results) throw new Error('the enqueue transaction was aborted');
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
      const stored = results[0]?.[1];
      const code = Number(stored);
      if (Number.isFinite(code) && code < 0) throw new Error(`BullMQ refused the job (code ${code})`);
      // Folded into the pull request's waiting job: it adds no load.
      if (stored !== jobId) await this.releaseLoad(job.installationId);
      return 'queued';
    } catch (error) {
      if (error instanceof QueueUnavailableError) throw error;
      throw new QueueUnavailableError(`cannot store the review job in Redis: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  private async releaseLoad(installationId: number): Promise<void> {
    const key = this.loadKey(installationId);
    if ((await this.commands.decr(key).catch(() => 0)) < 0) await this.commands.set(key, '0', 'EX', 24 * 3600).catch(() => undefined);
  }

  work(runner: JobRunner): void {
    if (this.worker) throw new Error('already working');
    const { log, attempts } = this.options;
    const connection = new Redis(this.options.url, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 200, 2000) });
    connection.on('error', (error) => log.debug({ err: error }, 'redis worker connection error'));
    this.worker = new Worker(
      QUEUE_NAME,
      async (bullJob: Job) => {
        const parsed = reviewJobSchema.safeParse(bullJob.data);
        if (!parsed.success) throw new UnrecoverableError(`not a review job: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
        const job = parsed.data;
        const number = bullJob.attemptsMade + 1;
        const attempt: JobAttempt = {
          number,
          final: number >= attempts,
          recovered: bullJob.attemptsStarted > 1,
          superseded: () => undefined,
          // BullMQ keeps the request that came in while this job ran under `dn:<deduplication id>`.
          newerQueued: async () => (await this.commands.exists(`${this.prefix}:${QUEUE_NAME}:dn:${pullKey(job)}`)) === 1,
        };
        try {
          await runner.run(job, attempt);
          await this.releaseLoad(job.installationId);
        } catch (error) {
          if (attempt.final || !isTransient(error)) {
            await this.releaseLoad(job.installationId);
            await runner.gaveUp(job, error);
            throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
          }
          log.warn({ err: error, pr: pullKey(job), attempt: number }, 'review attempt failed; it will be retried');
          throw error;
        }
      },
      {
        connection,
        prefix: this.prefix,
        concurrency: this.options.concurrency,
        lockDuration: this.options.lockMs,
        stalledInterval: this.options.lockMs,
        maxStalledCount: 2,
      },
    );
    this.worker.on('error', (error) => log.debug({ err: error }, 'worker error'));
    // A job whose workers kept dying is failed by the stalled-job check, outside the processor.
    this.worker.on('failed', (bullJob, error) => {
      if (!bullJob || !/stalled/i.test(error.message)) return;
      const parsed = reviewJobSchema.safeParse(bullJob.data);
      if (parsed.success) void runner.gaveUp(parsed.data, error);
    });
  }

  async ready(): Promise<boolean> {
    if (this.closing || this.commands.status !== 'ready') return false;
    try {
      return (await this.commands.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async stats(): Promise<QueueStats> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    // Waiting jobs are ordered by priority: the oldest is among the next ones to run.
    const next = await this.queue.getJobs(['prioritized', 'waiting'], 0, 49, true);
    const oldest = Math.min(...next.map((j) => j.timestamp));
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      oldestWaitingSeconds: Number.isFinite(oldest) ? Math.max(0, (Date.now() - oldest) / 1000) : 0,
    };
  }

  async onIdle(): Promise<void> {
    for (;;) {
      const s = await this.stats();
      if (s.waiting + s.active + s.delayed === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The Redis client for other short commands of this app (recovery lock). */
  get redis(): Redis {
    return this.commands;
  }

  async close(timeoutMs: number): Promise<boolean> {
    this.closing = true;
    let finished = true;
    if (this.worker) {
      const worker = this.worker;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      finished = await Promise.race([worker.close().then(() => true as const), timeout]);
      clearTimeout(timer);
      // Jobs still running keep their place: their lock expires and another worker takes them.
      if (!finished) await worker.close(true).catch(() => undefined);
    }
    await this.queue.close().catch(() => undefined);
    this.commands.disconnect();
    return finished;
  }
}
