/**
 * Black-box fault runs: the app as child processes against the GitHub stand-in, in both modes:
 * durable (a real redis-server, `REDIS_URL`) and embedded (no Redis; what a process loses comes
 * back through GitHub's delivery log, which the stand-in keeps for every delivery). kill -9 with
 * 20 reviews queued or running, SIGTERM with 30 waiting, two processes sharing 40 pull requests,
 * one web and two workers, Redis going away, malformed payloads. Every acknowledged review is
 * posted exactly once, and no check run is left open.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPullPayload, SAMPLE_GO_COMMENTED } from '../github/harness.js';
import { GitHubStandIn } from '../github/standin.js';
import { deliver, deliverWithAnswer, sleep, startApp, waitFor, type AppProcess, type DeliveryOptions } from '../support/app-process.js';
import { freePort, startRedis, type RedisServer } from '../support/redis-server.js';

type Mode = 'durable' | 'embedded';

let redis: RedisServer;
let standIn: GitHubStandIn;
let host: string;
const running: AppProcess[] = [];
let nextPull = 1;

const REPO = openPullPayload().repository.full_name as string;
/** Small enough to send a body over it cheaply, large enough for every real payload here (about 24 KB). */
const BODY_CAP = 64 * 1024;

beforeAll(async () => {
  redis = await startRedis();
}, 30_000);
// Each test has a GitHub of its own (its delivery log included) and an empty Redis.
beforeEach(async () => {
  await redis.flush();
  standIn = new GitHubStandIn(REPO, 100000, 'f'.repeat(40), []);
  host = await standIn.start();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((a) => a.stop('SIGKILL')));
  await standIn?.stop();
});
afterAll(async () => {
  await redis?.stop();
});

/** New pull requests on the stand-in, each on an installation of its own (writes are spaced per installation). */
function pulls(count: number): any[] {
  return Array.from({ length: count }, () => {
    const number = nextPull++;
    // The real registry comments on the sample's membership loop in production code (the rest is advisory).
    return standIn.openedPull(number, `pkg${number}/names.go`, SAMPLE_GO_COMMENTED, 1000 + number);
  });
}

/** The app in `mode`, with short locks, backoffs and one analysis thread (several processes share 2 cores). */
async function app(mode: Mode, env: Record<string, string> = {}): Promise<AppProcess> {
  const a = await startApp(host, {
    ...(mode === 'durable' ? { REDIS_URL: redis.url, GO_STANDARDS_JOB_LOCK_MS: '1500' } : {}),
    GO_STANDARDS_RETRY_BACKOFF_MS: '200',
    GO_STANDARDS_ANALYSIS_THREADS: '1',
    GO_STANDARDS_MAX_BODY_BYTES: String(BODY_CAP),
    SHUTDOWN_TIMEOUT_MS: '10000',
    ...env,
  });
  running.push(a);
  return a;
}

/** Delivers as GitHub does: the delivery goes into the stand-in's log with the status answered. */
const send = (a: AppProcess, payload: unknown, options: DeliveryOptions = {}): Promise<number> => deliver(a, 'pull_request', payload, { standIn, ...options });

const ofPulls = (payloads: any[]): Set<string> => new Set(payloads.map((p) => p.pull_request.head.sha));
const reviewed = (payloads: any[]): number => payloads.filter((p) => standIn.reviewsOf(p.pull_request.number).length > 0).length;
const runsOf = (p: any): any[] => standIn.checkRuns.filter((r) => r.head_sha === p.pull_request.head.sha);
const runsIn = (payloads: any[], status: string): number => standIn.checkRuns.filter((r) => ofPulls(payloads).has(r.head_sha) && r.status === status).length;
const completed = (payloads: any[]): number => payloads.filter((p) => runsOf(p).some((r) => r.status === 'completed')).length;
const done = (p: any): boolean => standIn.reviewsOf(p.pull_request.number).length > 0 && runsOf(p).length > 0 && runsOf(p).every((r) => r.status === 'completed');

/** Waits until every pull request has a review and no check run of theirs is open (says which are not, if not). */
async function settled(payloads: any[], timeoutMs = 45_000): Promise<void> {
  try {
    await waitFor(() => payloads.every(done), timeoutMs, 'every review, with its check run completed');
  } catch (error) {
    const missing = payloads.filter((p) => !done(p)).map((p) => `#${p.pull_request.number} (reviews ${standIn.reviewsOf(p.pull_request.number).length}, runs ${runsOf(p).map((r) => r.status).join('/') || 'none'})`);
    throw new Error(`${(error as Error).message}: ${missing.length} not done: ${missing.join(', ')}`);
  }
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

/** The sum of a counter's samples whose labels match. */
function counter(metrics: string, name: string, labels: string): number {
  const line = new RegExp(`^${name}\\{${labels}\\} (\\d+)$`, 'gm');
  return [...metrics.matchAll(line)].reduce((n, m) => n + Number(m[1]), 0);
}
const reviewsBy = async (a: AppProcess): Promise<number> => counter(await a.metrics(), 'go_standards_reviews_total', 'outcome="reviewed"');

/**
 * Correctly signed deliveries that cannot be used, each with what it is and its answer: 400 with
 * a short reason, 413 over the body cap, 415 not JSON, 200 (ignored) without an installation;
 * never a 5xx, and no review.
 */
function malformed(pr: any): Array<{ kind: string; status: number; event?: string; payload?: unknown; options?: DeliveryOptions }> {
  const json = JSON.stringify(pr);
  return [
    { kind: 'no pull_request', status: 400, payload: { ...pr, pull_request: undefined } },
    { kind: 'no installation (ignored)', status: 200, payload: { ...pr, installation: undefined } },
    { kind: 'installation not an object', status: 400, payload: { ...pr, installation: 42 } },
    { kind: 'a number where a string belongs', status: 400, payload: { ...pr, repository: { ...pr.repository, name: 1 } } },
    { kind: 'a string where a number belongs', status: 400, payload: { ...pr, pull_request: { ...pr.pull_request, number: String(pr.pull_request.number) } } },
    { kind: 'null head', status: 400, payload: { ...pr, pull_request: { ...pr.pull_request, head: null } } },
    { kind: 'a head that is not a commit SHA', status: 400, payload: { ...pr, pull_request: { ...pr.pull_request, head: { ...pr.pull_request.head, sha: 'main' } } } },
    { kind: 'an array body', status: 400, payload: [] },
    { kind: 'a JSON null body', status: 400, options: { body: 'null' } },
    { kind: 'an empty body', status: 400, options: { body: '' } },
    { kind: 'truncated JSON', status: 400, options: { body: json.slice(0, json.length / 2) } },
    { kind: 'a body over the size cap', status: 413, options: { body: JSON.stringify({ ...pr, padding: 'x'.repeat(BODY_CAP) }) } },
    { kind: 'a form-encoded body', status: 415, options: { body: `payload=${encodeURIComponent(json)}`, contentType: 'application/x-www-form-urlencoded' } },
    { kind: 'issue_comment without its comment', status: 400, event: 'issue_comment', payload: { ...pr, action: 'created', issue: { number: 1, pull_request: {} }, pull_request: undefined } },
    { kind: 'check_run with pull_requests not a list', status: 400, event: 'check_run', payload: { ...pr, action: 'rerequested', check_run: { name: 'Go Standards', head_sha: pr.pull_request.head.sha, pull_requests: 'all' } } },
  ];
}

/** Sends every malformed delivery; each gets its answer, with a short text that leaks no internals. */
async function expectNoServerErrors(a: AppProcess, pr: any): Promise<void> {
  for (const m of malformed(pr)) {
    const { status, text } = await deliverWithAnswer(a, m.event ?? 'pull_request', m.payload, { standIn, ...m.options });
    expect(status, `${m.kind}: ${text}`).toBe(m.status);
    expect(text, m.kind).not.toMatch(/TypeError|ReferenceError|Cannot read|internal error|\bat \S+:\d+/);
    expect(text.length, m.kind).toBeLessThan(300);
  }
}

describe.each<Mode>(['durable', 'embedded'])('%s mode, as child processes', (mode) => {
  it('kill -9 with 20 reviews queued or running, then a restart: every acknowledged review is posted exactly once', async () => {
    const prs = pulls(20);
    standIn.contentDelayMs = 1500;
    // Check runs show in progress at once: the crash leaves some open, which must be closed.
    const first = await app(mode, { GO_STANDARDS_CONCURRENCY: '4', GO_STANDARDS_CHECK_IN_PROGRESS_MS: '0' });
    const statuses = await Promise.all(prs.map((p) => send(first, p)));
    expect(statuses).toEqual(prs.map(() => 200));
    // Four reviews are running (their check runs are in progress, their files being read), the
    // rest waits: crash. Not during a write: in the durable mode Octokit's throttling state is in
    // Redis, and a write that a killed process held keeps its installation's write slot until
    // the throttler's job expiration (60 s), which would only slow the test down.
    await waitFor(() => runsIn(prs, 'in_progress') >= 4, 10_000, 'reviews in flight');
    await sleep(300);
    await first.stop('SIGKILL');
    standIn.contentDelayMs = 0;
    const finished = completed(prs);
    expect(finished).toBeLessThan(prs.length);
    expect(runsIn(prs, 'in_progress')).toBeGreaterThan(0);
    // Durable: the jobs are in Redis, the running ones taken again once their lock expires.
    // Embedded: the recovery pass at the start reads the delivery log, and reviews each answered
    // push without a completed check run.
    const second = await app(mode, { GO_STANDARDS_CONCURRENCY: '8' });
    await settled(prs, 75_000);
    expectExactlyOnce(prs);
    if (mode === 'embedded') expect(counter(await second.metrics(), 'go_standards_deliveries_recovered_total', 'how="reviewed"')).toBe(prs.length - finished);
  }, 120_000);

  it('SIGTERM with 30 reviews waiting: the running ones finish, all are reviewed after the restart', async () => {
    const prs = pulls(32);
    standIn.contentDelayMs = 600;
    const first = await app(mode, { GO_STANDARDS_CONCURRENCY: '2' });
    for (const p of prs) expect(await send(first, p)).toBe(200);
    await waitFor(() => standIn.requests.some((r) => r.path.includes('/contents/')), 10_000, 'the first reviews');
    expect(await first.stop('SIGTERM')).toBe(0);
    // The reviews that had started finished (no check run open); the rest waits for the restart.
    const before = completed(prs);
    expect(before).toBeGreaterThan(0);
    expect(reviewed(prs)).toBe(before);
    expect(prs.length - before).toBeGreaterThanOrEqual(30);
    expect(runsIn(prs, 'in_progress') + runsIn(prs, 'queued')).toBe(0);
    standIn.contentDelayMs = 0;
    // Durable: the waiting jobs are still in Redis. Embedded: they come back through the delivery log.
    const second = await app(mode, { GO_STANDARDS_CONCURRENCY: '8' });
    await settled(prs);
    expectExactlyOnce(prs);
    if (mode === 'embedded') expect(counter(await second.metrics(), 'go_standards_deliveries_recovered_total', 'how="reviewed"')).toBe(prs.length - before);
  }, 90_000);

  it('malformed but correctly signed payloads of 15 kinds: never a 5xx, never a review; a good one after them is reviewed', async () => {
    const a = await app(mode);
    const [pr] = pulls(1);
    const start = standIn.requests.length;
    await expectNoServerErrors(a, pr);
    await sleep(500);
    // Nothing was reviewed or even looked up for them (no installation token, no check run).
    expect(standIn.requests.slice(start).filter((r) => !r.path.startsWith('/api/v3/app/hook/'))).toEqual([]);
    expect(await send(a, pr)).toBe(200);
    await settled([pr]);
    expectExactlyOnce([pr]);
  }, 60_000);
});

/** Every pull request is reviewed exactly once, and each of the processes reviewed some of them. */
async function expectSharedBy(processes: AppProcess[], prs: any[]): Promise<void> {
  await settled(prs);
  expectExactlyOnce(prs);
  const perProcess = await Promise.all(processes.map(reviewsBy));
  expect(perProcess.every((n) => n > 0), `reviews per process: ${perProcess}`).toBe(true);
  expect(perProcess.reduce((a, b) => a + b, 0)).toBe(prs.length);
}

describe('durable mode: several processes on one Redis', () => {
  it('two processes (role all) each take half of the webhooks for 40 pull requests: none is reviewed twice', async () => {
    const prs = pulls(40);
    const pair = await Promise.all([app('durable', { GO_STANDARDS_CONCURRENCY: '4' }), app('durable', { GO_STANDARDS_CONCURRENCY: '4' })]);
    standIn.contentDelayMs = 100;
    const guids = prs.map((_, i) => `two-processes-${i}`);
    const statuses = await Promise.all(prs.map((p, i) => send(pair[i % 2]!, p, { guid: guids[i] })));
    expect(statuses).toEqual(prs.map(() => 200));
    // A redelivery may reach the other process: the delivery id, kept in Redis, drops it.
    const again = await Promise.all(prs.slice(0, 10).map((p, i) => send(pair[(i + 1) % 2]!, p, { guid: guids[i] })));
    expect(again).toEqual(again.map(() => 200));
    await expectSharedBy(pair, prs);
  }, 90_000);

  it('one web process and two workers share 40 pull requests; none is reviewed twice', async () => {
    const prs = pulls(40);
    const web = await app('durable', { GO_STANDARDS_ROLE: 'web' });
    const workers = await Promise.all([app('durable', { GO_STANDARDS_ROLE: 'worker', GO_STANDARDS_CONCURRENCY: '4' }), app('durable', { GO_STANDARDS_ROLE: 'worker', GO_STANDARDS_CONCURRENCY: '4' })]);
    standIn.contentDelayMs = 100;
    const statuses = await Promise.all(prs.map((p) => send(web, p)));
    expect(statuses).toEqual(prs.map(() => 200));
    await expectSharedBy(workers, prs);
    expect(await reviewsBy(web)).toBe(0);
    // Workers yield the CPU to the web process on a shared host (Linux: field 19 of /proc/<pid>/stat).
    const nice = (a: AppProcess): number => Number(readFileSync(`/proc/${a.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    if (existsSync('/proc/self/stat')) expect([nice(web), ...workers.map(nice)]).toEqual([0, 10, 10]);
    expect(await workers[0]!.metrics()).toMatch(/^go_standards_findings_total\{rule="prealloc-slice",tier="(comment|advisory)"\} \d+$/m);
    expect(await workers[0]!.metrics()).toMatch(/^go_standards_github_requests_total\{method="POST",status="200"\} \d+$/m);
  }, 90_000);

  it('answers 503 while Redis is down (nothing lost: the redelivery is reviewed), and never 5xx on malformed payloads', async () => {
    const metricsPort = await freePort();
    const a = await app('durable', { METRICS_PORT: String(metricsPort) });
    // METRICS_PORT moves /metrics off the webhook port.
    expect((await fetch(`http://127.0.0.1:${a.port}/metrics`)).status).toBe(404);
    expect(await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()).toMatch(/^go_standards_queue_jobs\{state="waiting"\} 0$/m);
    const [pr] = pulls(1);
    await redis.kill();
    const ready = await fetch(`http://127.0.0.1:${a.port}/readyz`);
    expect(ready.status).toBe(503);
    expect(await send(a, pr, { guid: 'while-down' })).toBe(503);
    // Signed but unusable payloads, and broken bodies, are answered 4xx or 2xx even now.
    await expectNoServerErrors(a, pr);
    await redis.restart();
    await waitFor(async () => (await fetch(`http://127.0.0.1:${a.port}/readyz`)).ok, 15_000, 'ready again');
    expect(await send(a, pr, { guid: 'while-down' })).toBe(200);
    await settled([pr]);
    expectExactlyOnce([pr]);
  }, 60_000);
});
