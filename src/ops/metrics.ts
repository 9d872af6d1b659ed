/**
 * Prometheus metrics (prom-client), every name prefixed `go_standards_`. One registry per
 * process, created at start-up and handed to what records into it.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JobQueue } from '../github/queue/job-queue.js';

export interface Metrics {
  readonly registry: Registry;
  /** Reviews by how they ended (`reviewed`, `nothing-new`, `superseded`, `failed`, …). */
  readonly reviews: Counter<'outcome'>;
  readonly reviewDuration: Histogram<'outcome'>;
  readonly githubRequests: Counter<'method' | 'status'>;
  readonly rateLimitWaits: Counter<'kind'>;
  readonly findings: Counter<'rule' | 'tier'>;
  /** Webhook deliveries by event and what was done with them. */
  readonly webhooks: Counter<'event' | 'outcome'>;
  /** Missed work found through GitHub's delivery log: reviewed again, or redelivered. */
  readonly recovered: Counter<'how'>;
  /** Queue depth and age gauges read from `queue` when scraped. */
  observeQueue(queue: JobQueue): void;
}

const PREFIX = 'go_standards_';

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];
  let queue: JobQueue | undefined;
  const age = new Gauge({ name: `${PREFIX}queue_oldest_waiting_seconds`, help: 'Age of the oldest waiting review job.', registers });
  new Gauge({
    name: `${PREFIX}queue_jobs`,
    help: 'Review jobs in the queue by state (waiting, active, delayed for a retry).',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      if (!queue) return;
      const stats = await queue.stats().catch(() => undefined);
      if (!stats) return;
      this.set({ state: 'waiting' }, stats.waiting);
      this.set({ state: 'active' }, stats.active);
      this.set({ state: 'delayed' }, stats.delayed);
      age.set(stats.oldestWaitingSeconds);
    },
  });
  return {
    registry,
    reviews: new Counter({ name: `${PREFIX}reviews_total`, help: 'Review runs by outcome.', labelNames: ['outcome'] as const, registers }),
    reviewDuration: new Histogram({
      name: `${PREFIX}review_duration_seconds`,
      help: 'Time from a review run starting to its end, by outcome.',
      labelNames: ['outcome'] as const,
      buckets: [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300],
      registers,
    }),
    githubRequests: new Counter({
      name: `${PREFIX}github_requests_total`,
      help: 'Requests to GitHub by method and response status (network errors: status "error").',
      labelNames: ['method', 'status'] as const,
      registers,
    }),
    rateLimitWaits: new Counter({
      name: `${PREFIX}rate_limit_waits_total`,
      help: 'Rate-limit answers from GitHub (403/429) that make the client wait, by kind.',
      labelNames: ['kind'] as const,
      registers,
    }),
    findings: new Counter({ name: `${PREFIX}findings_total`, help: 'Findings of the analyses, by rule and tier (comment, advisory).', labelNames: ['rule', 'tier'] as const, registers }),
    webhooks: new Counter({
      name: `${PREFIX}webhooks_total`,
      help: 'Webhook deliveries by event and outcome (queued, duplicate, ignored, rejected, unavailable, handled).',
      labelNames: ['event', 'outcome'] as const,
      registers,
    }),
    recovered: new Counter({
      name: `${PREFIX}deliveries_recovered_total`,
      help: "Missed work found through GitHub's delivery log, by how it was recovered (reviewed, redelivered).",
      labelNames: ['how'] as const,
      registers,
    }),
    observeQueue(q) {
      queue = q;
    },
  };
}

interface Hookable {
  hook: {
    after(name: 'request', fn: (response: { status: number }, options: { method: string }) => void): void;
    error(name: 'request', fn: (error: unknown, options: { method: string }) => unknown): void;
  };
}

/** Counts an Octokit's requests by status, and its rate-limit answers. */
export function instrumentOctokit<T>(octokit: T, metrics: Metrics): T {
  const hooks = (octokit as unknown as Hookable).hook;
  hooks.after('request', (response, options) => metrics.githubRequests.inc({ method: options.method, status: String(response.status) }));
  hooks.error('request', (error, options) => {
    const e = error as { status?: number; response?: { headers?: Record<string, string | undefined> } };
    metrics.githubRequests.inc({ method: options.method, status: e.status ? String(e.status) : 'error' });
    const headers = e.response?.headers ?? {};
    if (e.status === 429 || (e.status === 403 && (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0'))) {
      metrics.rateLimitWaits.inc({ kind: headers['x-ratelimit-remaining'] === '0' ? 'primary' : 'secondary' });
    }
    throw error;
  });
  return octokit;
}
