/**
 * The running service, by role (`GO_STANDARDS_ROLE`):
 * - `all` (default): takes webhooks and reviews, on an in-process queue or, with `REDIS_URL`,
 *   on Redis;
 * - `web`: takes webhooks and queues jobs on Redis;
 * - `worker`: runs the jobs from Redis (and serves only health and metrics).
 * Every process serves `/healthz`, `/readyz` and `/metrics` (`METRICS_PORT` moves `/metrics` to a
 * port of its own).
 * Processes that take webhooks also run recovery from GitHub's delivery log, at the start and on
 * a timer, one at a time. SIGTERM/SIGINT: stop taking webhooks, let running reviews finish
 * (`SHUTDOWN_TIMEOUT_MS`), leave the rest queued (Redis) or to recovery (in the process).
 */
import { setPriority } from 'node:os';
import type { ApplicationFunction, Probot } from 'probot';
import { AnalysisPool } from '../analysis/pool.js';

import { InProcessQueue } from '../github/queue/in-process-queue.js';
import type { JobQueue } from '../github/queue/job-queue.js';
import { RedisReviewQueue } from '../github/queue/redis-queue.js';
import { memoryRecoveryStore, recoverMissedWork, redisRecoveryStore, type RecoveryStore } from '../github/recovery.js';
import { createReviewRunner, type RunnerDeps } from '../github/review-runner.js';
import type { GitHub, Logger } from '../github/types.js';
import { createWebhookIngress, type NodeHandler } from '../github/webhook-ingress.js';
import { createOpsRoutes } from './health.js';
import { listen, pingRoute, type Listening } from './http-server.js';
import { createMetrics, instrumentOctokit, type Metrics } from './metrics.js';
import type { ServiceSettings } from './service-settings.js';

/** The analysis threads' nice value in the service (the CLI's stay at 0). */
const ANALYSIS_NICENESS = 10;

export interface ServiceDeps {
  settings: ServiceSettings;
  /** A Probot with credentials (its webhooks verify signatures; `auth` gives Octokits). */
  probot: Probot;
  /** The app's event handlers, given the queue they submit review jobs to. */
  app(jobs: JobQueue, metrics: Metrics): ApplicationFunction;
  /** What a review needs besides an Octokit and a logger. */
  review: RunnerDeps['review'];
  appId?: number;
}

export interface Service {
  readonly port: number;
  readonly queue: JobQueue;
  readonly metrics: Metrics;
  /** The worker threads reviews analyse files on (none in a web process). */
  readonly analysis?: AnalysisPool;
  /** Graceful stop; resolves true when running reviews finished in time. */
  stop(): Promise<boolean>;
}

/** The app's bot user, `<slug>[bot]`, as GitHub names it (`GET /app`). */
async function ownBotLogin(probot: Probot, log: Logger): Promise<string | undefined> {
  try {
    const app = (await probot.auth()) as GitHub;
    const { data } = await app.rest.apps.getAuthenticated();
    if (data?.slug) return `${data.slug}[bot]`;
  } catch (error) {
    log.warn({ err: error }, "cannot read the app's identity (GET /app): earlier comments of any bot count as its history");
  }
  return undefined;
}

/** Deliveries younger than this are left to the process handling them. */
const RECOVERY_SETTLE_MS = 2 * 60_000;

export async function startService(deps: ServiceDeps): Promise<Service> {
  const { settings, probot } = deps;
  await probot.ready();
  const log: Logger = probot.log.child({ role: settings.role });
  const metrics = createMetrics();

  let queue: JobQueue;
  let store: RecoveryStore;
  if (settings.redisUrl) {
    const redisQueue = await RedisReviewQueue.connect({
      url: settings.redisUrl,
      concurrency: settings.concurrency,
      attempts: settings.attempts,
      backoffMs: settings.backoffMs,
      deliveryTtlSeconds: settings.deliveryTtlSeconds,
      lockMs: settings.lockMs,
      log,
    });
    queue = redisQueue;
    store = redisRecoveryStore(redisQueue.redis);
  } else {
    queue = new InProcessQueue({ concurrency: settings.concurrency, attempts: settings.attempts, backoffMs: settings.backoffMs, log });
    store = memoryRecoveryStore();
  }
  metrics.observeQueue(queue);
  const octokitFor = async (installationId: number): Promise<GitHub> => instrumentOctokit((await probot.auth(installationId)) as GitHub, metrics);

  const takesWebhooks = settings.role !== 'worker';
  const reviews = settings.role !== 'web';
  if (settings.role === 'worker') {
    // A process that only reviews yields the CPU to web processes on the same host, as its analysis threads do.
    try {
      setPriority(ANALYSIS_NICENESS);
    } catch (error) {
      log.warn({ err: error }, 'cannot lower the worker process priority');
    }
  }
  let pool: AnalysisPool | undefined;
  if (reviews) {
    // History is trusted only from this app's own bot user.
    const botLogin = await ownBotLogin(probot, log);
    // Files are analysed on worker threads: this thread keeps answering webhooks.
    pool = new AnalysisPool({
      threads: settings.analysisThreads,
      fileDeadlineMs: settings.fileDeadlineMs,
      maxLineLength: settings.maxLineLength,
      // Analyses yield the CPU to the threads that answer webhooks, this one and any web process on the host.
      niceness: ANALYSIS_NICENESS,
      onThreadError: (error) => log.warn({ err: error }, 'an analysis thread failed between files; it is replaced'),
    });
    const review = { ...deps.review, analysis: pool, settings: { ...deps.review.settings, botLogin } };
    queue.work(createReviewRunner({ octokitFor, review, log, appId: deps.appId, metrics }));
  }

  // METRICS_PORT moves /metrics off the webhook port; health stays on both.
  const ownMetricsPort = settings.metricsPort !== 0 && settings.metricsPort !== settings.port;
  const ops = createOpsRoutes({ queue, role: settings.role, metrics });
  const handlers: NodeHandler[] = [ownMetricsPort ? createOpsRoutes({ queue, role: settings.role }) : ops, pingRoute];
  if (takesWebhooks) {
    await probot.load(deps.app(queue, metrics));
    handlers.unshift(
      createWebhookIngress({
        path: settings.webhookPath,
        maxBodyBytes: settings.maxBodyBytes,
        verify: (body, signature) => probot.webhooks.verify(body, signature),
        dispatch: async (delivery) => {
          await probot.receive({ id: delivery.id, name: delivery.name, payload: delivery.payload } as Parameters<Probot['receive']>[0]);
        },
        log,
        metrics,
      }),
    );
  }
  const servers: Listening[] = [await listen(handlers, settings.port, settings.host, log)];
  if (ownMetricsPort) servers.push(await listen([ops], settings.metricsPort, settings.host, log));
  log.info({ port: servers[0]!.port, queue: queue.kind, role: settings.role }, 'go-standards-bot listening');

  let recoveryTimer: NodeJS.Timeout | undefined;
  if (takesWebhooks && settings.recoveryWindowHours > 0) {
    const recover = (settleMs: number): void => {
      void recoverMissedWork({
        appOctokit: async () => instrumentOctokit((await probot.auth()) as GitHub, metrics),
        octokitFor,
        submit: (job) => queue.submit(job),
        store,
        windowHours: settings.recoveryWindowHours,
        settleMs,
        log,
        metrics,
      }).catch((error) => log.warn({ err: error }, 'recovery pass failed'));
    };
    recover(0);
    if (settings.recoveryIntervalMs > 0) {
      recoveryTimer = setInterval(() => recover(RECOVERY_SETTLE_MS), settings.recoveryIntervalMs);
      recoveryTimer.unref();
    }
  }

  let stopping: Promise<boolean> | undefined;
  return {
    port: servers[0]!.port,
    queue,
    metrics,
    analysis: pool,
    stop() {
      stopping ??= (async () => {
        if (recoveryTimer) clearInterval(recoveryTimer);
        log.info('shutting down: no new webhooks; letting running reviews finish');
        const closing = Promise.all(servers.map((s) => s.close()));
        const finished = await queue.close(settings.shutdownTimeoutMs);
        if (!finished) log.warn('shutdown timeout: the reviews still running are left to recovery');
        await pool?.close().catch((error: unknown) => log.warn({ err: error }, 'cannot close the analysis pool'));
        await Promise.race([closing, new Promise((r) => setTimeout(r, 1000))]);
        return finished;
      })();
      return stopping;
    },
  };
}
