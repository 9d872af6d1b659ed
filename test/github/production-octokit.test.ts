/**
 * The production Octokit's write path. Writes are spaced per installation (GitHub's secondary limits are per installation): the
 * production Octokit, through Probot's installation authentication, keys the throttling
 * plugin's write and notification limiters by installation id.
 */
import nock from 'nock';
import { Probot } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoStandardsOctokit } from '../../src/github/octokit.js';
import { API, TEST_PRIVATE_KEY } from './harness.js';

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function review(probot: Probot, installationId: number): Promise<number> {
  const octokit = await probot.auth(installationId);
  await octokit.rest.pulls.createReview({ owner: 'o', repo: `r${installationId}`, pull_number: 1, event: 'COMMENT', body: 'x' });
  return Date.now();
}

describe('write spacing', () => {
  it('spaces one installation’s reviews (3 s apart) without holding another installation up', async () => {
    const probot = new Probot({ appId: 1, privateKey: TEST_PRIVATE_KEY, logLevel: 'fatal', Octokit: GoStandardsOctokit });
    nock(API).persist().post(/\/app\/installations\/\d+\/access_tokens/).reply(201, { token: 'ghs_x', expires_at: new Date(Date.now() + 3600_000).toISOString() });
    nock(API).persist().post(/\/repos\/o\/r\d+\/pulls\/1\/reviews/).reply(200, { id: 1 });
    const started = Date.now();
    const [a1, a2, b1, c1] = await Promise.all([review(probot, 101), review(probot, 101), review(probot, 202), review(probot, 303)]);
    const first = Math.min(a1, a2);
    // Installations 202 and 303 are not behind 101's second review.
    expect(b1 - started).toBeLessThan(2000);
    expect(c1 - started).toBeLessThan(2000);
    // 101's two reviews are spaced by the notifications limiter.
    expect(Math.abs(a2 - a1)).toBeGreaterThanOrEqual(2500);
    expect(first - started).toBeLessThan(2000);
  }, 15_000);
});

describe('failed writes in the logs', () => {
  it('never carry the request body (code and suggestions)', async () => {
    const probot = new Probot({ appId: 1, privateKey: TEST_PRIVATE_KEY, logLevel: 'fatal', Octokit: GoStandardsOctokit });
    nock(API).post(/\/app\/installations\/\d+\/access_tokens/).reply(201, { token: 'ghs_x', expires_at: new Date(Date.now() + 3600_000).toISOString() });
    nock(API).post('/repos/o/r/pulls/1/reviews').reply(422, { message: 'Unprocessable Entity' });
    const octokit = await probot.auth(404);
    const error = (await octokit.rest.pulls
      .createReview({ owner: 'o', repo: 'r', pull_number: 1, event: 'COMMENT', body: 'SECRET-CODE func main() {}' })
      .then(
        () => undefined,
        (e: unknown) => e,
      )) as { status: number; request: { body?: unknown } };
    expect(error.status).toBe(422);
    expect(JSON.stringify(error.request.body)).toContain('SECRET-CODE'); // still there for the code that handles it
    expect(JSON.stringify(error)).not.toContain('SECRET-CODE');
  });
});
