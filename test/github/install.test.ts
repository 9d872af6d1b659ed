/** Installing the app: nothing is posted; the organisation's defaults are read once and kept. */
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOrgConfigCache, warmOrgConfig } from '../../src/github/config-loader.js';
import type { GitHub, Logger } from '../../src/github/types.js';
import { RULES } from '../../src/rules/index.js';
import {
  addedFilePatch,
  API,
  deliver,
  examplePayload,
  makeProbot,
  mockContents,
  mockInstallationToken,
  mockPullFiles,
  mockRunEndpoints,
  openPullPayload,
  OWNER,
  REPO,
} from './harness.js';

const ORG_CONFIG_PATH = `/repos/${OWNER}/.github/contents/.github%2Fgo-standards.yml`;
const RAW = { 'content-type': 'text/plain; charset=utf-8' };
const knownRules = new Set(RULES.map((r) => r.id));

let unmatched: string[] = [];
const onNoMatch = (req: { method: string; path: string }): void => {
  unmatched.push(`${req.method} ${req.path}`);
};

beforeEach(() => {
  nock.disableNetConnect();
  unmatched = [];
  nock.emitter.on('no match', onNoMatch);
});
afterEach(() => {
  nock.emitter.removeListener('no match', onNoMatch);
  nock.cleanAll();
  nock.enableNetConnect();
});

function fakeLog(): Logger & { info: ReturnType<typeof vi.fn>; warn: ReturnType<typeof vi.fn> } {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn(), child: vi.fn() } as never;
}

const octokit = (): GitHub => new ProbotOctokit({ auth: { token: 'ghs_test' }, retry: { enabled: false }, throttle: { enabled: false } }) as GitHub;

describe('installing the app', () => {
  it('posts nothing and reads the organisation defaults once', async () => {
    const scope = mockInstallationToken();
    scope.get(ORG_CONFIG_PATH).reply(200, 'rules:\n  empty-interface: off\n', RAW);
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'installation', examplePayload('installation', 'created'));
    scope.done();
    expect(unmatched).toEqual([]); // no comment, issue, check run or anything else
  });

  it('warms the organisation defaults for repositories added later too', async () => {
    const scope = mockInstallationToken();
    scope.get(ORG_CONFIG_PATH).reply(404, { message: 'Not Found' });
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'installation_repositories', examplePayload('installation_repositories', 'added'));
    scope.done();
    expect(unmatched).toEqual([]);
  });

  it('a review that cannot use GraphQL takes the organisation defaults from the warmed cache', async () => {
    const { probot, app } = makeProbot();
    const install = mockInstallationToken();
    install.get(ORG_CONFIG_PATH).reply(200, 'rules:\n  empty-interface: off\n', RAW);
    await deliver(probot, app, 'installation', examplePayload('installation', 'created'));
    install.done();

    const payload = openPullPayload();
    const { number: pull, head } = payload.pull_request;
    const content = 'package p\n\nvar v interface{}\n\nfunc f(a, b float64) float64 {\n\tif a < b {\n\t\treturn a\n\t}\n\treturn b\n}\n';
    const file = { filename: 'p.go', content, patch: addedFilePatch(content) };
    const scope = mockInstallationToken(nock(API));
    mockPullFiles(scope, pull, [file]);
    mockContents(scope, head.sha, file);
    // The repository has no file of its own; the organisation's is not read again.
    scope.get(`/repos/${OWNER}/${REPO}/contents/.github%2Fgo-standards.yml`).query(true).reply(404, { message: 'Not Found' });
    const run = mockRunEndpoints(scope, pull, head.sha, { ownConfig: true, review: false });
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(unmatched).toEqual([]);
    expect(run.finalCheck().output.summary).toContain(`${OWNER}/.github:.github/go-standards.yml`);
    expect(run.finalCheck().output.annotations.map((a: { title: string }) => a.title)).not.toContain('empty-interface');
  });

  it('logs each problem of an invalid organisation file, with its key and line', async () => {
    nock(API).get(ORG_CONFIG_PATH).reply(200, 'scope: everything\nrules:\n  no-such-rule: off\n', RAW);
    const log = fakeLog();
    const cache = createOrgConfigCache();
    await warmOrgConfig(octokit(), OWNER, knownRules, cache, log);
    expect(cache.get(OWNER)?.text).toContain('no-such-rule');
    const warned = log.warn.mock.calls.map(([fields, message]) => ({ key: fields.key, line: fields.line, message }));
    expect(warned).toEqual([
      { key: 'scope', line: 1, message: expect.stringMatching(/^invalid organisation configuration: /) },
      { key: 'rules.no-such-rule', line: 3, message: expect.stringContaining('unknown rule "no-such-rule"') },
    ]);
  });

  it('a GitHub error while warming is logged and leaves the cache cold', async () => {
    nock(API).get(ORG_CONFIG_PATH).reply(500, { message: 'boom' });
    const log = fakeLog();
    const cache = createOrgConfigCache();
    await warmOrgConfig(octokit(), OWNER, knownRules, cache, log);
    expect(cache.has(OWNER)).toBe(false);
    expect(log.warn).toHaveBeenCalledWith(expect.objectContaining({ owner: OWNER }), 'cannot read the organisation configuration');
  });
});
