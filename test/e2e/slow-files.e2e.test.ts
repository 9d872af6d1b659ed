/**
 * Slow files do not block the webhook: the app as a child process (embedded mode) against the
 * GitHub stand-in reviews pull requests with an 850 KB multi-line Go file, an 875 KB one-line
 * file and 5 MB of syntax junk while small pull requests keep arriving; every webhook is
 * answered quickly, the one-line file is skipped for its line length and the junk stops at the
 * per-file deadline (its parse alone takes longer), each listed as not reviewed with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addedFilePatch, openPullPayload, SAMPLE_GO_COMMENTED } from '../github/harness.js';
import { GitHubStandIn } from '../github/standin.js';
import { deliver, sleep, startApp, waitFor, type AppProcess } from '../support/app-process.js';
import { multiLineGo, oneLineGo, syntaxJunk } from '../support/large-go.js';

let standIn: GitHubStandIn;
let app: AppProcess;
let nextPull = 1;
const DEADLINE_MS = 12_000;

beforeAll(async () => {
  standIn = new GitHubStandIn(openPullPayload().repository.full_name as string, 100000, 'f'.repeat(40), []);
  const host = await standIn.start();
  app = await startApp(host, {
    GO_STANDARDS_FILE_DEADLINE_MS: String(DEADLINE_MS),
    GO_STANDARDS_MAX_FILE_BYTES: String(8 * 1024 * 1024),
    GO_STANDARDS_RECOVERY_WINDOW_HOURS: '0',
  });
}, 30_000);
afterAll(async () => {
  await app?.stop('SIGKILL');
  await standIn?.stop();
});

/** A pull request with one added file, on an installation of its own. */
function pull(path: string, content: string): any {
  const number = nextPull++;
  const sha = number.toString(16).padStart(40, '0');
  standIn.addPull(number, sha, [{ filename: path, status: 'added', patch: addedFilePatch(content), content }]);
  const payload = openPullPayload();
  payload.pull_request.number = number;
  payload.pull_request.head.sha = sha;
  payload.installation.id = 2000 + number;
  return payload;
}

const completedRun = (p: any): any => standIn.checkRuns.find((r) => r.head_sha === p.pull_request.head.sha && r.status === 'completed');

describe('slow files', () => {
  it('do not hold up webhooks; over-long lines and the deadline are listed as not reviewed', { timeout: 120_000 }, async () => {
    const big = pull('big/big.go', multiLineGo(850_000));
    const minified = pull('min/min.go', oneLineGo(875_000));
    // Junk parses in linear time: 5 MB of it takes about twice the deadline on these machines.
    const junk = pull('junk/junk.go', syntaxJunk(5_000_000));
    for (const p of [big, minified, junk]) expect(await deliver(app, 'pull_request', p)).toBe(200);

    // While those are fetched and analysed, small pull requests keep coming (each with a finding
    // the real registry comments on in production code, so each gets a review).
    const small = Array.from({ length: 40 }, (_, i) => pull(`small${i}/names.go`, SAMPLE_GO_COMMENTED));
    const acks: number[] = [];
    for (const p of small) {
      const t0 = performance.now();
      expect(await deliver(app, 'pull_request', p)).toBe(200);
      acks.push(performance.now() - t0);
      await sleep(150);
    }
    acks.sort((a, b) => a - b);
    // On the webhook thread the big files held every answer for up to 30 s; now they wait for nothing.
    expect(acks[acks.length - 1], `slowest ack of ${acks.map((a) => Math.round(a)).join(', ')} ms`).toBeLessThan(1000);

    await waitFor(() => [big, minified, junk, ...small].every((p) => completedRun(p)), 90_000, 'every check run completed');
    expect(small.every((p) => standIn.reviewsOf(p.pull_request.number).length === 1)).toBe(true);
    // The big file's findings (prealloc-slice, measured below the comment tier) are advisory: an
    // advisory-only push posts no review, and its check run lists them, the file reviewed in full.
    expect(standIn.reviewsOf(big.pull_request.number)).toHaveLength(0);
    expect(completedRun(big).output.summary).toContain('prealloc-slice');
    expect(completedRun(big).output.summary).not.toContain('Files not reviewed');

    const minifiedSummary = completedRun(minified).output.summary as string;
    expect(minifiedSummary).toContain('**Files not reviewed:**');
    expect(minifiedSummary).toMatch(/- `min\/min\.go`: a line of \d+ characters, over the 5000-character cap \(minified or generated code\)/);
    const junkSummary = completedRun(junk).output.summary as string;
    expect(junkSummary).toContain('- `junk/junk.go`: parsing and analysis took longer than the 12 s deadline per file');
  });
});
