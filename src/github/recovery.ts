/**
 * Recovering missed work through GitHub itself. GitHub never redelivers on its own, and a
 * delivery answered 2xx that a crash then lost is a success in GitHub's log. So, on start and
 * on a timer, one process at a time reads the app's recent deliveries (`GET /app/hook/deliveries`):
 * - a delivery of a handled event that failed (no 2xx attempt: a timeout, a 5xx, a 503 while
 *   Redis was down) is redelivered (`POST …/attempts`), once;
 * - a pull-request delivery that was answered but whose head has no completed "Go Standards"
 *   check run is reviewed (a job with the delivery's id: a job still stored in Redis is not
 *   queued twice), once per delivery.
 */
import type { Redis } from 'ioredis';
import type { Metrics } from '../ops/metrics.js';
import { CHECK_NAME } from './check-run.js';
import type { SubmitResult } from './queue/job-queue.js';
import type { ReviewJob } from './queue/review-job.js';
import { statusOf, type GitHub, type Logger } from './types.js';
import { validateWebhook } from './webhook-validation.js';

/** What recovery remembers between runs (and between processes, on Redis). */
export interface RecoveryStore {
  /** True the first time `key` is claimed within `ttlSeconds`. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** Runs `fn` unless another process holds the lock; false when it did not run. */
  exclusive(ttlMs: number, fn: () => Promise<void>): Promise<boolean>;
}

export function memoryRecoveryStore(): RecoveryStore {
  const claimed = new Map<string, number>();
  let running = false;
  return {
    async claim(key, ttlSeconds) {
      const now = Date.now();
      const until = claimed.get(key);
      if (until !== undefined && until > now) return false;
      claimed.set(key, now + ttlSeconds * 1000);
      return true;
    },
    async exclusive(_ttlMs, fn) {
      if (running) return false;
      running = true;
      try {
        await fn();
        return true;
      } finally {
        running = false;
      }
    },
  };
}


const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export function redisRecoveryStore(redis: Redis, prefix = 'go-standards'): RecoveryStore {
  return {
    async claim(key, ttlSeconds) {
      return (await redis.set(`${prefix}:recovered:${key}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
    },
    async exclusive(ttlMs, fn) {
      const token = `${process.pid}-${Math.random()}`;
      const lock = `${prefix}:recovery-lock`;
      if ((await redis.set(lock, token, 'PX', ttlMs, 'NX')) !== 'OK') return false;
      try {
        await fn();
        return true;
      } finally {
        await redis.eval(RELEASE, 1, lock, token).catch(() => undefined);
      }
    },
  };
}

export interface RecoveryDeps {
  /** Authenticated as the app (JWT): the delivery log. */
  appOctokit(): Promise<GitHub>;
  /** Authenticated as an installation: check runs. */
  octokitFor(installationId: number): Promise<GitHub>;
  submit(job: ReviewJob): Promise<SubmitResult>;
  store: RecoveryStore;
  windowHours: number;
  /** Deliveries younger than this are left alone (their work may still be running). */
  settleMs: number;
  /** Details read per run at most (one request each). */
  maxDetails?: number;
  log: Logger;
  metrics?: Metrics;
  now?: () => number;
}

export interface RecoveryReport {
  deliveries: number;
  redelivered: number;
  reviewed: number;
}

interface DeliverySummary {
  id: number;
  guid: string;
  delivered_at: string;
  status_code: number;
  event: string;
  action?: string | null;
  installation_id?: number | null;
}

const REVIEWED_ACTIONS = new Set(['opened', 'synchronize', 'reopened', 'ready_for_review']);
const HANDLED = new Set(['pull_request', 'issue_comment', 'check_run']);
const ok = (status: number): boolean => status >= 200 && status < 300;

/** One pass over the delivery log, under the store's lock. */
export async function recoverMissedWork(deps: RecoveryDeps): Promise<RecoveryReport | undefined> {
  let report: RecoveryReport | undefined;
  const ran = await deps.store.exclusive(10 * 60_000, async () => {
    report = await recoverOnce(deps);
  });
  if (!ran) deps.log.debug('recovery already running in another process');
  return report;
}

async function recoverOnce(deps: RecoveryDeps): Promise<RecoveryReport> {
  const { log } = deps;
  const now = (deps.now ?? Date.now)();
  const since = now - deps.windowHours * 3600_000;
  const settled = now - deps.settleMs;
  const ttl = Math.max(3600, Math.ceil((deps.windowHours * 3600) + 3600));
  const app = await deps.appOctokit();

  // Newest first; attempts of one delivery share its guid.
  const byGuid = new Map<string, DeliverySummary[]>();
  let count = 0;
  outer: for await (const page of app.paginate.iterator(app.rest.apps.listWebhookDeliveries, { per_page: 100 })) {
    for (const d of page.data as DeliverySummary[]) {
      const at = Date.parse(d.delivered_at);
      if (at < since) break outer;
      count++;
      if (at > settled || !HANDLED.has(d.event)) continue;
      byGuid.set(d.guid, [...(byGuid.get(d.guid) ?? []), d]);
    }
  }

  const report: RecoveryReport = { deliveries: count, redelivered: 0, reviewed: 0 };
  const reviewedPulls = new Set<string>();
  let details = 0;
  for (const [guid, attempts] of byGuid) {
    const latest = attempts[0]!;
    if (attempts.some((a) => ok(a.status_code))) {
      if (latest.event !== 'pull_request' || !REVIEWED_ACTIONS.has(latest.action ?? '')) continue;
      if (details >= (deps.maxDetails ?? 200)) continue;
      if (!(await deps.store.claim(`review:${guid}`, ttl))) continue;
      details++;
      const reviewed = await reviewIfMissing(deps, app, latest, reviewedPulls);
      if (reviewed) {
        report.reviewed++;
        deps.metrics?.recovered.inc({ how: 'reviewed' });
      }
      continue;
    }
    // Failed: 4xx answers were deliberate refusals (bad signature, unusable payload).
    if (attempts.every((a) => a.status_code >= 400 && a.status_code < 500)) continue;
    if (!(await deps.store.claim(`redeliver:${guid}`, ttl))) continue;
    try {
      await app.rest.apps.redeliverWebhookDelivery({ delivery_id: latest.id });
      report.redelivered++;
      deps.metrics?.recovered.inc({ how: 'redelivered' });
      log.info({ delivery: guid, event: latest.event, status: latest.status_code }, 'recovery: redelivered a failed delivery');
    } catch (error) {
      log.warn({ err: error, status: statusOf(error), delivery: guid }, 'recovery: cannot redeliver');
    }
  }
  log.info(report, 'recovery pass done');
  return report;
}

async function reviewIfMissing(deps: RecoveryDeps, app: GitHub, delivery: DeliverySummary, reviewedPulls: Set<string>): Promise<boolean> {
  const { log } = deps;
  try {
    const { data } = await app.rest.apps.getWebhookDelivery({ delivery_id: delivery.id });
    const verdict = validateWebhook('pull_request', (data.request as { payload?: unknown }).payload);
    if (verdict.kind !== 'accept') return false;
    const p = verdict.payload as {
      installation: { id: number };
      repository: { name: string; owner: { login: string } };
      pull_request: { number: number; state: string; head: { sha: string }; base: { sha: string }; draft?: boolean | null };
    };
    const key = `${p.repository.owner.login}/${p.repository.name}#${p.pull_request.number}`;
    // The newest delivery of a pull request speaks for it (the list is newest first).
    if (reviewedPulls.has(key) || p.pull_request.state !== 'open') return false;
    reviewedPulls.add(key);
    const octokit = await deps.octokitFor(p.installation.id);
    const { data: runs } = await octokit.rest.checks.listForRef({
      owner: p.repository.owner.login,
      repo: p.repository.name,
      ref: p.pull_request.head.sha,
      check_name: CHECK_NAME,
      per_page: 100,
    });
    if (runs.check_runs.some((r) => r.status === 'completed')) return false;
    const result = await deps.submit({
      installationId: p.installation.id,
      owner: p.repository.owner.login,
      repo: p.repository.name,
      pull: p.pull_request.number,
      reason: 'recovery',
      headSha: p.pull_request.head.sha,
      baseSha: p.pull_request.base.sha,
      draft: p.pull_request.draft ?? false,
      deliveryId: delivery.guid,
    });
    if (result === 'queued') log.info({ pr: key, delivery: delivery.guid }, 'recovery: reviewing a pull request whose review was lost');
    return result === 'queued';
  } catch (error) {
    log.warn({ err: error, status: statusOf(error), delivery: delivery.guid }, 'recovery: cannot check a delivery');
    return false;
  }
}
