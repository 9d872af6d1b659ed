/** Recovery through GitHub's delivery log, against the stand-in over HTTP (and a real Redis for the shared store). */
import { Octokit } from '@octokit/rest';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewJob } from '../../src/github/queue/review-job.js';
import { memoryRecoveryStore, recoverMissedWork, redisRecoveryStore, type RecoveryDeps } from '../../src/github/recovery.js';
import type { GitHub } from '../../src/github/types.js';
import { startRedis, type RedisServer } from '../support/redis-server.js';
import { openPullPayload } from './harness.js';
import { silent } from './queue-contract.js';
import { GitHubStandIn } from './standin.js';

let standIn: GitHubStandIn;
let octokit: GitHub;
let redis: RedisServer;
const HOUR = 3600_000;

function pullPayload(number: number, sha: string): any {
  const p = openPullPayload('synchronize');
  p.pull_request.number = number;
  p.pull_request.head.sha = sha;
  return p;
}

beforeAll(async () => {
  const first = pullPayload(1, 'a'.repeat(40));
  standIn = new GitHubStandIn(first.repository.full_name, 1, 'a'.repeat(40), []);
  const host = await standIn.start();
  octokit = new Octokit({ baseUrl: `http://${host}/api/v3` }) as unknown as GitHub;
  redis = await startRedis();
});
afterAll(async () => {
  await standIn?.stop();
  await redis?.stop();
});

function deps(submitted: ReviewJob[], overrides: Partial<RecoveryDeps> = {}): RecoveryDeps {
  return {
    appOctokit: async () => octokit,
    octokitFor: async () => octokit,
    submit: async (job) => {
      submitted.push(job);
      return 'queued';
    },
    store: memoryRecoveryStore(),
    windowHours: 24,
    settleMs: 60_000,
    log: silent,
    ...overrides,
  };
}

describe('recovery from the delivery log', () => {
  it('reviews acknowledged pushes whose head has no completed check run, redelivers failed ones, once each', async () => {
    const old = new Date(Date.now() - 5 * 60_000);
    // GitHub lists the log newest first; the oldest one is outside the window.
    standIn.recordDelivery('g-7', 'pull_request', pullPayload(7, 'f'.repeat(40)), 200, new Date(Date.now() - 30 * HOUR));
    // PR 1 was reviewed (a completed check run on its head); PR 2's review was lost; PR 3 was pushed twice.
    standIn.recordDelivery('g-1', 'pull_request', pullPayload(1, 'a'.repeat(40)), 200, old);
    standIn.checkRuns.push({ id: standIn.checkRuns.length + 1, name: 'Go Standards', head_sha: 'a'.repeat(40), status: 'completed', conclusion: 'success' });
    standIn.recordDelivery('g-2', 'pull_request', pullPayload(2, 'b'.repeat(40)), 200, old);
    standIn.recordDelivery('g-3a', 'pull_request', pullPayload(3, 'c'.repeat(40)), 200, old);
    standIn.recordDelivery('g-3b', 'pull_request', pullPayload(3, 'd'.repeat(40)), 200, old);
    // Failed: a 503 while Redis was down (redelivered), a timeout (redelivered), a refused payload (not).
    standIn.recordDelivery('g-4', 'pull_request', pullPayload(4, 'e'.repeat(40)), 503, old);
    standIn.recordDelivery('g-5', 'issue_comment', { action: 'created' }, 0, old);
    standIn.recordDelivery('g-6', 'pull_request', { action: 'opened' }, 400, old);
    // Out of scope: too young, an event the app does not handle.
    standIn.recordDelivery('g-8', 'pull_request', pullPayload(8, '1'.repeat(40)), 200, new Date());
    standIn.recordDelivery('g-9', 'star', { action: 'created' }, 500, old);
    const redelivered: string[] = [];
    standIn.onRedeliver = (d) => redelivered.push(d.guid);

    const submitted: ReviewJob[] = [];
    const d = deps(submitted);
    const report = await recoverMissedWork(d);
    expect(report).toEqual({ deliveries: 9, redelivered: 2, reviewed: 2 });
    expect(submitted.map((j) => [j.pull, j.headSha, j.deliveryId, j.reason])).toEqual([
      [3, 'd'.repeat(40), 'g-3b', 'recovery'],
      [2, 'b'.repeat(40), 'g-2', 'recovery'],
    ]);
    expect(redelivered.sort()).toEqual(['g-4', 'g-5']);

    // A second pass finds nothing new to do.
    expect(await recoverMissedWork(d)).toEqual({ deliveries: 9, redelivered: 0, reviewed: 0 });
    expect(submitted).toHaveLength(2);
  });

  it('runs in one process at a time and remembers what it did, through Redis', async () => {
    const client = new Redis(redis.url);
    try {
      const store = redisRecoveryStore(client, 'rec');
      expect(await store.claim('x', 60)).toBe(true);
      expect(await store.claim('x', 60)).toBe(false);
      let inside = 0;
      let release!: () => void;
      const held = store.exclusive(5000, async () => {
        inside++;
        await new Promise<void>((r) => (release = r));
      });
      await new Promise((r) => setTimeout(r, 50));
      expect(await store.exclusive(5000, async () => void inside++)).toBe(false);
      release();
      expect(await held).toBe(true);
      expect(await store.exclusive(5000, async () => void inside++)).toBe(true);
      expect(inside).toBe(2);
    } finally {
      client.disconnect();
    }
  });
});
