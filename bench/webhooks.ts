/**
 * Webhook bench (not a timed test): 200 pull requests across 20 installations delivered in 5 s
 * to the app (a child process, `src/server.ts` through tsx) against the local GitHub stand-in,
 * with a pull request of an ~850 KB Go file delivered first so it is analysed meanwhile.
 * Measures the webhook ack latency (p50, p99, max) and the time until every pull request is
 * reviewed (its check run completed), in the embedded mode and with one web and two worker
 * processes on one redis-server; counts reviews posted twice.
 *   npm run bench:webhooks   (BENCH_BIG=0: without the large file; BENCH_MODES=embedded or redis: one mode)
 */
import { openPullPayload, SAMPLE_GO_COMMENTED } from '../test/github/harness.js';
import { GitHubStandIn } from '../test/github/standin.js';
import { deliver, sleep, startApp, waitFor, type AppProcess } from '../test/support/app-process.js';
import { multiLineGo } from '../test/support/large-go.js';
import { startRedis } from '../test/support/redis-server.js';

const PULLS = 200;
const INSTALLATIONS = 20;
const SPREAD_MS = 5000;
const WITH_BIG = process.env.BENCH_BIG !== '0';
const MODES = process.env.BENCH_MODES ?? 'embedded,redis';

interface Figures {
  mode: string;
  p50: number;
  p99: number;
  max: number;
  allReviewedS: number;
  twice: number;
  non200: number;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function run(mode: string, start: (host: string) => Promise<AppProcess[]>, ingress: (apps: AppProcess[]) => AppProcess): Promise<Figures> {
  const standIn = new GitHubStandIn(openPullPayload().repository.full_name as string, 900000, 'e'.repeat(40), []);
  const host = await standIn.start();
  const apps = await start(host);
  try {
    const web = ingress(apps);
    let number = 0;
    const payloadFor = (file: string, content: string, installation: number): any => standIn.openedPull(++number, file, content, 5000 + installation);
    const big = payloadFor('big/big.go', multiLineGo(850_000), 0);
    const small = Array.from({ length: PULLS }, (_, i) => payloadFor(`pkg${i}/names.go`, SAMPLE_GO_COMMENTED, i % INSTALLATIONS));
    const acks: number[] = [];
    let non200 = 0;
    const t0 = performance.now();
    if (WITH_BIG) await deliver(web, 'pull_request', big);
    await Promise.all(
      small.map(async (p, i) => {
        await sleep((i * SPREAD_MS) / PULLS);
        const sent = performance.now();
        const status = await deliver(web, 'pull_request', p);
        acks.push(performance.now() - sent);
        if (status !== 200) non200++;
      }),
    );
    const all = WITH_BIG ? [big, ...small] : small;
    // The small pull requests each get a review (a comment-tier finding); the big file's findings
    // are advisory (listed in its check run, no review).
    const done = (p: any): boolean =>
      standIn.checkRuns.some((r) => r.head_sha === p.pull_request.head.sha && r.status === 'completed') && (p === big || standIn.reviewsOf(p.pull_request.number).length > 0);
    await waitFor(() => all.every(done), 240_000, 'every pull request reviewed');
    const allReviewedS = (performance.now() - t0) / 1000;
    await sleep(1000);
    acks.sort((a, b) => a - b);
    return {
      mode,
      p50: percentile(acks, 50),
      p99: percentile(acks, 99),
      max: acks[acks.length - 1]!,
      allReviewedS,
      twice: all.filter((p) => standIn.reviewsOf(p.pull_request.number).length > 1).length,
      non200,
    };
  } finally {
    await Promise.all(apps.map((a) => a.stop('SIGKILL')));
    await standIn.stop();
  }
}

const quiet = { GO_STANDARDS_RECOVERY_WINDOW_HOURS: '0' };
const results: Figures[] = [];
if (MODES.includes('embedded')) results.push(await run('embedded, one process', async (host) => [await startApp(host, quiet)], (apps) => apps[0]!));
const redis = MODES.includes('redis') ? await startRedis() : undefined;
if (redis) try {
  results.push(
    await run(
      'Redis: one web, two workers',
      async (host) => {
        const env = { ...quiet, REDIS_URL: redis!.url };
        return Promise.all([startApp(host, { ...env, GO_STANDARDS_ROLE: 'web' }), startApp(host, { ...env, GO_STANDARDS_ROLE: 'worker' }), startApp(host, { ...env, GO_STANDARDS_ROLE: 'worker' })]);
      },
      (apps) => apps[0]!,
    ),
  );
} finally {
  await redis.stop();
}


const ms = (n: number): string => n.toFixed(1);
console.log(`${PULLS} pull requests across ${INSTALLATIONS} installations in ${SPREAD_MS / 1000} s${WITH_BIG ? ', plus one of an ~850 KB Go file delivered first' : ''}`);
console.log('| Mode | Ack p50 (ms) | Ack p99 (ms) | Ack max (ms) | All reviewed (s) | Reviewed twice | Non-200 answers |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.mode} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.allReviewedS.toFixed(1)} | ${r.twice} | ${r.non200} |`);
process.exit(0);
