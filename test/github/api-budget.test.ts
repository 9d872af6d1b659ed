/**
 * API calls per reviewed pull request, counted on a stand-in (nock): the README reports these.
 * Each test asserts the count, so a change that adds calls shows up here.
 */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addedFilePatch, deliver, makeProbot, mockContents, mockGraphQLContents, mockInstallationToken, mockPullFiles, mockRunEndpoints, openPullPayload, testSettings } from './harness.js';

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Calls the bot makes (the installation token aside) for a first review of `goFiles` files. */
async function countCalls(goFiles: number, via: 'rest' | 'graphql' = 'rest', config: { repoConfig?: string; noOrgRepo?: boolean } = {}): Promise<number> {
  const payload = openPullPayload('opened');
  const { number: pull, head } = payload.pull_request;
  const files = Array.from({ length: goFiles }, (_, i) => {
    const content = `package p\n\nvar v${i} interface{}\n`;
    return { filename: `pkg/f${i}.go`, content, patch: addedFilePatch(content) };
  });
  const scope = mockInstallationToken();
  let calls = 0;
  scope.on('request', (req: { path: string }) => {
    if (!req.path.includes('/access_tokens')) calls++;
  });
  mockPullFiles(scope, pull, files);
  const goMods = { 'go.mod': 'module x\n\ngo 1.24\n' };
  if (via === 'rest') for (const f of files) mockContents(scope, head.sha, f);
  else mockGraphQLContents(scope, files, Math.ceil(goFiles / 50), { goMods, ...config });
  const run = mockRunEndpoints(scope, pull, head.sha, { goMods, graphql: via === 'graphql', ...config });
  const { probot, app } = makeProbot({ settings: testSettings({ contentsVia: via }) });
  await deliver(probot, app, 'pull_request', payload);
  scope.done();
  expect(run.reviews).toHaveLength(1);
  return calls + run.checkUpdates.length;
}

/** The README's target for a first review: 4 + 1 per 50 changed Go files. */
const budget = (goFiles: number): number => 4 + Math.ceil(goFiles / 50);

describe('API calls per reviewed pull request', () => {
  it('with GraphQL (the default): 3 + 1 per 50 changed Go files + 1 per 100 listed files, within the budget', async () => {
    // file list 1, snapshot 1 (head, configuration, files, go.mod, history), check run 1, review 1
    expect(await countCalls(1, 'graphql')).toBe(4);
    expect(await countCalls(50, 'graphql')).toBe(4);
    expect(await countCalls(51, 'graphql')).toBe(5);
    // file list 2 pages, 3 GraphQL requests
    expect(await countCalls(120, 'graphql')).toBe(7);
    for (const n of [1, 50, 51, 120]) expect(await countCalls(n, 'graphql')).toBeLessThanOrEqual(budget(n));
  });

  it('the configuration costs nothing extra, wherever it comes from', async () => {
    expect(await countCalls(1, 'graphql', { repoConfig: 'scope: file\n' })).toBe(4);
    expect(await countCalls(1, 'graphql', { noOrgRepo: true })).toBe(4);
  });

  it('REST only (GraphQL refused): 10 + one per changed Go file', async () => {
    // configuration 2 (repository, organisation), file list 1, contents N, tree 1, go.mod blob 1,
    // comments 1, reviews 1, check run 1, head re-read 1, review 1
    expect(await countCalls(1)).toBe(11);
    expect(await countCalls(50)).toBe(60);
  });
});
