/** History is trusted only from this app's own bot user, not from any bot. */
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintMarker } from '../../src/core/render/fingerprint.js';
import { isOwnBot, readHistory } from '../../src/github/history.js';
import type { GitHub } from '../../src/github/types.js';
import { API, OWNER, REPO } from './harness.js';

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("the app's own bot user", () => {
  it('is a bot with the app’s login, as REST (`slug[bot]`) or GraphQL (`slug`) names it', () => {
    expect(isOwnBot({ type: 'Bot', login: 'go-standards[bot]' }, 'go-standards[bot]')).toBe(true);
    expect(isOwnBot({ __typename: 'Bot', login: 'go-standards' }, 'go-standards[bot]')).toBe(true);
    expect(isOwnBot({ type: 'Bot', login: 'copycat[bot]' }, 'go-standards[bot]')).toBe(false);
    expect(isOwnBot({ type: 'User', login: 'go-standards[bot]' }, 'go-standards[bot]')).toBe(false);
    expect(isOwnBot(null, 'go-standards[bot]')).toBe(false);
    // Identity unknown: any bot (the behaviour before the app knew its name).
    expect(isOwnBot({ type: 'Bot', login: 'copycat[bot]' }, undefined)).toBe(true);
  });

  it('is the only author whose markers make history', async () => {
    const marker = (fp: string): string => fingerprintMarker('prealloc-slice', fp);
    const comment = (id: number, login: string, fp: string) => ({ id, path: 'a.go', body: `finding\n${marker(fp)}`, user: { login, type: 'Bot' } });
    nock(API)
      .get(`/repos/${OWNER}/${REPO}/pulls/1/comments`)
      .query(true)
      .reply(200, [comment(1, 'go-standards[bot]', 'f'.repeat(16)), comment(2, 'copycat[bot]', 'e'.repeat(16))]);
    nock(API).get(`/repos/${OWNER}/${REPO}/pulls/1/reviews`).query(true).reply(200, []);
    const octokit = new Octokit({ auth: 'x' }) as unknown as GitHub;
    const history = await readHistory(octokit, { owner: OWNER, repo: REPO, pull_number: 1, headSha: 'a'.repeat(40) }, 'go-standards[bot]');
    expect(history.comments.map((c) => c.id)).toEqual([1]);
  });
});
