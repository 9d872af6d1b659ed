/**
 * Slow files do not block the webhook: the app as child processes (embedded mode) against the
 * GitHub stand-in reviews pull requests with an 850 KB multi-line Go file, an 875 KB one-line
 * file and 5 MB of syntax junk while small pull requests keep arriving; every webhook is
 * answered quickly, the one-line file is skipped for its line length and the junk stops at the
 * per-file deadline (its parse alone takes longer), each listed as not reviewed with the reason.
 * The big file is reviewed in full by a process without a deadline, the junk by one with a
 * short deadline: how long each takes depends on the machine's load (on 2 busy cores the big
 * file alone took 13 s), and no single deadline falls between them on every machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPullPayload, SAMPLE_GO_COMMENTED } from '../github/harness.js';
import { GitHubStandIn } from '../github/standin.js';
import { deliver, sleep, startApp, waitFor, type AppProcess } from '../support/app-process.js';
import { multiLineGo, oneLineGo, syntaxJunk } from '../support/large-go.js';

let standIn: GitHubStandIn;
let host: string;
const running: AppProcess[] = [];
let nextPull = 1;
const DEADLINE_MS = 3000;

beforeAll(async () => {
  standIn = new GitHubStandIn(openPullPayload().repository.full_name as string, 100000, 'f'.repeat(40), []);
  host = await standIn.start();
}, 30_000);
afterAll(async () => {
  await Promise.all(running.map((a) => a.stop('SIGKILL')));
  await standIn?.stop();
});

/** The app with a per-file deadline (0: none), one analysis thread, and room for the junk. */
async function app(deadlineMs: number): Promise<AppProcess> {
  const a = await startApp(host, {
    GO_STANDARDS_RECOVERY_WINDOW_HOURS: '0',
    GO_STANDARDS_ANALYSIS_THREADS: '1',
    GO_STANDARDS_FILE_DEADLINE_MS: String(deadlineMs),
    GO_STANDARDS_MAX_FILE_BYTES: String(8 * 1024 * 1024),
  });
  running.push(a);
  return a;
}

/** A pull request with one added file, on an installation of its own. */
function pull(path: string, content: string): any {
  const number = nextPull++;
  return standIn.openedPull(number, path, content, 2000 + number);
}

const completedRun = (p: any): any => standIn.checkRuns.find((r) => r.head_sha === p.pull_request.head.sha && r.status === 'completed');

/**
 * While slow files are fetched and analysed, 20 small pull requests keep coming (each with a
 * finding the real registry comments on in production code, so each gets a review): every
 * webhook is answered at once (on the webhook thread the big files held every answer for up to
 * 30 s), and each is reviewed once.
 */
async function smallOnesKeepComing(a: AppProcess, slow: any[]): Promise<void> {
  const small = Array.from({ length: 20 }, (_, i) => pull(`small${nextPull}-${i}/names.go`, SAMPLE_GO_COMMENTED));
  const acks: number[] = [];
  for (const p of small) {
    const t0 = performance.now();
    expect(await deliver(a, 'pull_request', p)).toBe(200);
    acks.push(performance.now() - t0);
    await sleep(150);
  }
  acks.sort((x, y) => x - y);
  expect(acks[acks.length - 1], `slowest ack of ${acks.map((x) => Math.round(x)).join(', ')} ms`).toBeLessThan(1000);
  let gone = false;
  void a.exited.then(() => (gone = true));
  await waitFor(() => gone || [...slow, ...small].every((p) => completedRun(p)), 90_000, 'every check run completed');
  expect(gone, 'the app process ended').toBe(false);
  expect(small.every((p) => standIn.reviewsOf(p.pull_request.number).length === 1)).toBe(true);
}

describe('slow files', () => {
  it('an 850 KB file and an 875 KB one-line file do not hold up webhooks; the one-line file is listed as not reviewed', { timeout: 120_000 }, async () => {
    // No deadline: the big file is reviewed in full however busy the machine is.
    const a = await app(0);
    const big = pull('big/big.go', multiLineGo(850_000));
    const minified = pull('min/min.go', oneLineGo(875_000));
    for (const p of [big, minified]) expect(await deliver(a, 'pull_request', p)).toBe(200);
    await smallOnesKeepComing(a, [big, minified]);
    // The big file's findings (prealloc-slice, measured below the comment tier) are advisory: an
    // advisory-only push posts no review, and its check run lists them, the file reviewed in full.
    expect(standIn.reviewsOf(big.pull_request.number)).toHaveLength(0);
    expect(completedRun(big).output.summary).toContain('prealloc-slice');
    expect(completedRun(big).output.summary).not.toContain('Files not reviewed');
    const minifiedSummary = completedRun(minified).output.summary as string;
    expect(minifiedSummary).toContain('**Files not reviewed:**');
    expect(minifiedSummary).toMatch(/- `min\/min\.go`: a line of \d+ characters, over the 5000-character cap \(minified or generated code\)/);
  });

  it('5 MB of syntax junk does not hold up webhooks; it stops at the deadline, the process goes on, and the file is listed as not reviewed', { timeout: 120_000 }, async () => {
    const a = await app(DEADLINE_MS);
    // Junk parses in linear time: 5 MB of it takes several times this deadline.
    const junk = pull('junk/junk.go', syntaxJunk(5_000_000));
    expect(await deliver(a, 'pull_request', junk)).toBe(200);
    await smallOnesKeepComing(a, [junk]);
    expect(completedRun(junk).output.summary).toContain(`- \`junk/junk.go\`: parsing and analysis took longer than the ${DEADLINE_MS / 1000} s deadline per file`);
  });
});
