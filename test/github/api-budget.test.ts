/**
 * API calls per reviewed pull request, counted on a stand-in (nock): the README reports these.
 * Each test asserts the count, so a change that adds calls shows up here.
 */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../src/github/settings.js';
import { addedFilePatch, deliver, makeProbot, mockContents, mockGraphQLContents, mockInstallationToken, mockPullFiles, mockRunEndpoints, openPullPayload } from './harness.js';

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Calls the bot makes (the installation token aside) for a first review of `goFiles` files. */
async function countCalls(goFiles: number, via: 'rest' | 'graphql' = 'rest'): Promise<number> {
  const payload = openPullPayload('opened');
  const { number: pull, head } = payload.pull_request;
  const files = Array.from({ length: goFiles }, (_, i) => {
    const content = `package p\n\nvar v${i} interface{}\n`;
    return { filename: `pkg/f${i}.go`, content, patch: addedFilePatch(content) };
  });
  const scope = mockInstallationToken();
  mockPullFiles(scope, pull, files);
  const goMods = { 'go.mod': 'module x\n\ngo 1.24\n' };
  if (via === 'rest') for (const f of files) mockContents(scope, head.sha, f);
  else mockGraphQLContents(scope, files, Math.ceil(goFiles / 50), { goMods });
  const run = mockRunEndpoints(scope, pull, head.sha, { goMods, graphql: via === 'graphql' });
  const graphqlCalls = via === 'graphql' ? Math.ceil(goFiles / 50) - 1 : 0; // one interceptor answers every batch
  const planned = scope.pendingMocks().length - 1 + graphqlCalls; // every interceptor is one call; minus the token
  const { probot, app } = makeProbot({ settings: { ...settingsFromEnv({}), contentsVia: via } });
  await deliver(probot, app, 'pull_request', payload);
  scope.done();
  return planned + run.checkUpdates.length;
}

describe('API calls per reviewed pull request', () => {
  it('first review: 11 + one per changed Go file (+1 check-run update per 50 annotations)', async () => {
    expect(await countCalls(1)).toBe(12);
    expect(await countCalls(50)).toBe(61);
    expect(await countCalls(100)).toBe(112);
  });

  it('with GraphQL (the default): 7 + one per 50 changed Go files', async () => {
    expect(await countCalls(1, 'graphql')).toBe(8);
    expect(await countCalls(50, 'graphql')).toBe(8);
    expect(await countCalls(120, 'graphql')).toBe(12); // 3 GraphQL requests, 3 check-run updates (120 annotations)
  });
});
