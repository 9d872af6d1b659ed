/**
 * Black-box fault runs: the app as child processes on a real redis-server, against the GitHub
 * stand-in. kill -9 mid-review, SIGTERM with work waiting, one web and two workers sharing
 * pull requests, Redis going away, malformed payloads. Every acknowledged review is posted
 * exactly once, and no check run is left open.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addedFilePatch, openPullPayload, SAMPLE_GO_COMMENTED } from '../github/harness.js';
import { GitHubStandIn } from '../github/standin.js';
import { deliver, sleep, startApp, waitFor, type AppProcess } from '../support/app-process.js';
import { freePort, startRedis, type RedisServer } from '../support/redis-server.js';

let redis: RedisServer;
let standIn: GitHubStandIn;
let host: string;
const running: AppProcess[] = [];
let nextPull = 1;

const REPO = openPullPayload().repository.full_name as string;

beforeAll(async () => {
  redis = await startRedis();
  standIn = new GitHubStandIn(REPO, 100000, 'f'.repeat(40), []);
  host = await standIn.start();
}, 30_000);
afterEach(async () => {
  await Promise.all(running.splice(0).map((a) => a.stop('SIGKILL')));
});
afterAll(async () => {
  await standIn?.stop();
  await redis?.stop();
});

/** New pull requests on the stand-in, each on an installation of its own (writes are spaced per installation). */
function pulls(count: number): any[] {
  return Array.from({ length: count }, () => {
    const number = nextPull++;
    const sha = number.toString(16).padStart(40, '0');
    // The real registry comments on the sample's membership loop in production code (the rest is advisory).
    standIn.addPull(number, sha, [{ filename: `pkg${number}/names.go`, status: 'added', patch: addedFilePatch(SAMPLE_GO_COMMENTED), content: SAMPLE_GO_COMMENTED }]);
    const payload = openPullPayload();
    payload.pull_request.number = number;
    payload.pull_request.head.sha = sha;
    payload.installation.id = 1000 + number;
    return payload;
  });
}

async function app(env: Record<string, string> = {}): Promise<AppProcess> {
  const a = await startApp(host, {
    REDIS_URL: redis.url,
    GO_STANDARDS_JOB_LOCK_MS: '1500',
    GO_STANDARDS_RETRY_BACKOFF_MS: '200',
    SHUTDOWN_TIMEOUT_MS: '10000',
    ...env,
  });
  running.push(a);
  return a;
}

const reviewed = (payloads: any[]): number => payloads.filter((p) => standIn.reviewsOf(p.pull_request.number).length > 0).length;
const runsOf = (p: any): any[] => standIn.checkRuns.filter((r) => r.head_sha === p.pull_request.head.sha);

/** Waits until every pull request has a review and no check run of theirs is open. */
async function settled(payloads: any[], timeoutMs = 30_000): Promise<void> {
  await waitFor(
    () => reviewed(payloads) === payloads.length && payloads.every((p) => runsOf(p).length > 0 && runsOf(p).every((r) => r.status === 'completed')),
    timeoutMs,
    'every review, with its check run completed',
  );
  await sleep(800); // nothing more arrives
}

/** Every pull request has exactly one review, and every check run of theirs is completed. */
function expectExactlyOnce(payloads: any[]): void {
  for (const p of payloads) {
    expect(standIn.reviewsOf(p.pull_request.number), `reviews of #${p.pull_request.number}`).toHaveLength(1);
    const runs = runsOf(p);
    expect(runs.length, `check runs of #${p.pull_request.number}`).toBeGreaterThan(0);
    for (const r of runs) expect(r.status, `check run ${r.id} of #${p.pull_request.number}`).toBe('completed');
  }
}

describe('durable mode (REDIS_URL), as child processes', () => {
  it('kill -9 mid-review, then a restart: every acknowledged review is posted exactly once', async () => {
    const prs = pulls(8);
    standIn.contentDelayMs = 1500;
    // Check runs show in progress at once: the crash leaves some open, which must be closed.
    const first = await app({ GO_STANDARDS_CONCURRENCY: '4', GO_STANDARDS_CHECK_IN_PROGRESS_MS: '0' });
    const statuses = await Promise.all(prs.map((p) => deliver(first, 'pull_request', p)));
    expect(statuses).toEqual(prs.map(() => 200));
    // Reviews are running (their check runs are in progress): crash.
    await waitFor(() => standIn.checkRuns.filter((r) => prs.some((p) => p.pull_request.head.sha === r.head_sha)).length >= 2, 10_000, 'reviews in flight');
    await first.stop('SIGKILL');
    standIn.contentDelayMs = 0;
    expect(reviewed(prs)).toBeLessThan(prs.length);
    expect(standIn.checkRuns.some((r) => r.status === 'in_progress')).toBe(true);
    await app({ GO_STANDARDS_CONCURRENCY: '8' });
    await settled(prs);
    expectExactlyOnce(prs);
  }, 60_000);

  it('SIGTERM with work waiting: the running review finishes, the rest is reviewed after the restart', async () => {
    const prs = pulls(10);
    standIn.contentDelayMs = 400;
    const first = await app({ GO_STANDARDS_CONCURRENCY: '1' });
    for (const p of prs) expect(await deliver(first, 'pull_request', p)).toBe(200);
    await waitFor(() => standIn.requests.some((r) => r.path.includes(`/pulls/${prs[0].pull_request.number}/files`)), 10_000, 'the first review');
    expect(await first.stop('SIGTERM')).toBe(0);
    const before = reviewed(prs);
    expect(before).toBeLessThan(prs.length);
    standIn.contentDelayMs = 0;
    await app({ GO_STANDARDS_CONCURRENCY: '8' });
    await settled(prs);
    expectExactlyOnce(prs);
  }, 60_000);

  it('one web process and two workers share the pull requests; none is reviewed twice', async () => {
    const prs = pulls(16);
    const web = await app({ GO_STANDARDS_ROLE: 'web' });
    const workers = await Promise.all([app({ GO_STANDARDS_ROLE: 'worker', GO_STANDARDS_CONCURRENCY: '4' }), app({ GO_STANDARDS_ROLE: 'worker', GO_STANDARDS_CONCURRENCY: '4' })]);
    standIn.contentDelayMs = 100;
    const statuses = await Promise.all(prs.map((p) => deliver(web, 'pull_request', p)));
    expect(statuses).toEqual(prs.map(() => 200));
    await settled(prs);
    standIn.contentDelayMs = 0;
    expectExactlyOnce(prs);
    // Both workers took part; the web process reviewed nothing.
    const count = (text: string): number => [...text.matchAll(/^go_standards_reviews_total\{outcome="reviewed"\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
    const perWorker = await Promise.all(workers.map(async (w) => count(await w.metrics())));
    expect(perWorker.every((n) => n > 0), `reviews per worker: ${perWorker}`).toBe(true);
    expect(perWorker[0]! + perWorker[1]!).toBe(prs.length);
    expect(count(await web.metrics())).toBe(0);
    expect(await workers[0]!.metrics()).toMatch(/^go_standards_findings_total\{rule="prealloc-slice",tier="(comment|advisory)"\} \d+$/m);
    expect(await workers[0]!.metrics()).toMatch(/^go_standards_github_requests_total\{method="POST",status="200"\} \d+$/m);
  }, 60_000);

  it('answers 503 while Redis is down (nothing lost: the redelivery is reviewed), and never 5xx on malformed payloads', async () => {
    const metricsPort = await freePort();
    const a = await app({ METRICS_PORT: String(metricsPort) });
    // METRICS_PORT moves /metrics off the webhook port.
    expect((await fetch(`http://127.0.0.1:${a.port}/metrics`)).status).toBe(404);
    expect(await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()).toMatch(/^go_standards_queue_jobs\{state="waiting"\} 0$/m);
    const [pr] = pulls(1);
    await redis.kill();
    const ready = await fetch(`http://127.0.0.1:${a.port}/readyz`);
    expect(ready.status).toBe(503);
    expect(await deliver(a, 'pull_request', pr, { guid: 'while-down' })).toBe(503);
    // Signed but unusable payloads, and broken bodies, are answered 4xx or 2xx even now.
    const broken = [
      { ...pr, pull_request: undefined },
      { ...pr, installation: undefined },
      { ...pr, repository: { name: 1 } },
      { ...pr, pull_request: { ...pr.pull_request, head: null } },
      [],
    ];
    for (const b of broken) expect(await deliver(a, 'pull_request', b)).toBeLessThan(500);
    expect(await deliver(a, 'pull_request', null, { body: '{"action":' })).toBe(400);
    await redis.restart();
    await waitFor(async () => (await fetch(`http://127.0.0.1:${a.port}/readyz`)).ok, 15_000, 'ready again');
    expect(await deliver(a, 'pull_request', pr, { guid: 'while-down' })).toBe(200);
    await settled([pr]);
    expectExactlyOnce([pr]);
  }, 60_000);
});

describe('embedded mode (no Redis), as a child process', () => {
  it('kill -9 with reviews queued and running: the restart finds them in the delivery log and reviews each exactly once', async () => {
    const prs = pulls(6);
    standIn.contentDelayMs = 1500;
    const embedded = { GO_STANDARDS_CONCURRENCY: '2', GO_STANDARDS_CHECK_IN_PROGRESS_MS: '0' };
    const first = await startApp(host, embedded);
    running.push(first);
    for (const p of prs) expect(await deliver(first, 'pull_request', p, { standIn })).toBe(200);
    await waitFor(() => standIn.checkRuns.filter((r) => prs.some((p) => p.pull_request.head.sha === r.head_sha)).length >= 1, 10_000, 'a review in flight');
    await first.stop('SIGKILL');
    standIn.contentDelayMs = 0;
    expect(reviewed(prs)).toBe(0);
    // The recovery pass at the start reads the delivery log: each answered push without a completed check run is reviewed.
    const second = await startApp(host, { ...embedded, GO_STANDARDS_CONCURRENCY: '8' });
    running.push(second);
    await settled(prs);
    expectExactlyOnce(prs);
    expect(await second.metrics()).toMatch(/^go_standards_deliveries_recovered_total\{how="reviewed"\} 6$/m);
  }, 60_000);
});

