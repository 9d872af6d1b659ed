/**
 * The real server: `probot run` on the app, against a GitHub stand-in (GHE_HOST), receiving
 * signed webhooks over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLineFixes } from '../../src/core/fix.js';
import { countSyntaxErrors, parseGo } from '../../src/core/go/parser.js';
import { addedFilePatch, examplePayload, SAMPLE_GO_COMMENTED } from './harness.js';
import { GitHubStandIn } from './standin.js';

const SECRET = 'e2e-secret';
// The real server runs the registry with its measured default tiers: the sample's prealloc-slice
// and benchmark-loop findings are advisory (listed in the summary), the manual-contains loop a comment.
const SOURCE = SAMPLE_GO_COMMENTED;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

let child: ChildProcess;
let standIn: GitHubStandIn;
let port: number;
const payload = examplePayload('pull_request', 'opened');
payload.pull_request.draft = false;
payload.pull_request.state = 'open';

beforeAll(async () => {
  standIn = new GitHubStandIn(payload.repository.full_name, payload.pull_request.number, payload.pull_request.head.sha, [
    { filename: 'store/names.go', status: 'added', patch: addedFilePatch(SOURCE), content: SOURCE },
  ]);
  const host = await standIn.start();
  port = await freePort();
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      PATH: process.env.PATH,
      APP_ID: '1',
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      GHE_HOST: host,
      GHE_PROTOCOL: 'http',
      LOG_LEVEL: 'fatal',
      NODE_ENV: 'test',
      GO_STANDARDS_RECOVERY_WINDOW_HOURS: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 150; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/ping`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('the app did not start');
}, 30_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await standIn?.stop();
});

function deliver(body: string, signature: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'pull_request',
      'x-github-delivery': `e2e-${Math.random()}`,
      'x-hub-signature-256': signature,
    },
    body,
  });
}

describe('npm start against a GitHub stand-in', () => {
  it('refuses a forged signature and does nothing', async () => {
    const body = JSON.stringify(payload);
    const res = await deliver(body, `sha256=${createHmac('sha256', 'wrong').update(body).digest('hex')}`);
    expect(res.status).toBe(400);
    await sleep(300);
    // Only what the start asked (the app's identity): nothing for the forged delivery.
    expect(standIn.requests.filter((r) => r.path !== '/api/v3/app')).toEqual([]);
  });

  it('answers a signed pull_request.opened at once and posts exactly one acceptable review', async () => {
    const body = JSON.stringify(payload);
    const started = Date.now();
    const res = await deliver(body, `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    for (let i = 0; i < 100 && standIn.reviews.length === 0; i++) await sleep(100);
    await sleep(300);
    expect(standIn.reviews).toHaveLength(1);
    const review = standIn.reviews[0];
    expect(review.commit_id).toBe(payload.pull_request.head.sha);
    expect(review.comments.length).toBe(1);
    expect(review.body).toContain('<summary>2 new advisory findings');
    const fixes = [];
    for (const c of review.comments) {
      expect(c.side).toBe('RIGHT');
      expect(c.line).toBeGreaterThanOrEqual(1);
      expect(c.body).toMatch(/Cites: Go 1\.24\+ Ultra-Performance Standards › “[^”]+”/);
      expect(c.body).toMatch(/\[rule docs\]\(https:\/\/\S+\/docs\/rules\/[a-z-]+\.md\)/);
      const m = /```suggestion\n([\s\S]*)\n```$/.exec(c.body);
      if (m) fixes.push({ line: c.start_line ?? c.line, endLine: c.line, replacement: m[1]! });
    }
    const fixed = applyLineFixes(SOURCE, fixes);
    expect(countSyntaxErrors(parseGo(fixed))).toBe(0);
    for (let i = 0; i < 50 && standIn.checkRuns[0]?.status !== 'completed'; i++) await sleep(100);
    expect(standIn.checkRuns).toHaveLength(1);
    expect(standIn.checkRuns[0]).toMatchObject({ name: 'Go Standards', head_sha: payload.pull_request.head.sha, status: 'completed', conclusion: 'success' });
  });

  it('does not repeat itself when the same push is delivered again', async () => {
    const body = JSON.stringify(payload);
    const res = await deliver(body, `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
    expect(res.status).toBe(200);
    for (let i = 0; i < 50 && standIn.checkRuns.length < 2; i++) await sleep(100);
    await sleep(500);
    expect(standIn.checkRuns).toHaveLength(2);
    expect(standIn.reviews).toHaveLength(1);
  });
});
