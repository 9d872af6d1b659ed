/** Configuration on a stand-in GitHub with an organisation `.github` repository. */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMarker } from '../../src/core/render/fingerprint.js';
import {
  addedFilePatch,
  deliver,
  makeProbot,
  mockContents,
  mockGraphQLContents,
  mockInstallationToken,
  mockPullFiles,
  mockRunEndpoints,
  OWNER,
  REPO,
  openPullPayload,
  testSettings,
} from './harness.js';

const SOURCE = `package p

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

var registry map[string]interface{}

func smaller(a, b float64) float64 { return math.Min(a, b) }

func open(dir, name string) (*os.File, error) {
	return os.Open(filepath.Join(dir, name))
}

func BenchmarkX(b *testing.B) {
	for i := 0; i < b.N; i++ {
		smaller(1, 2)
	}
}
`;

const opened = (): any => openPullPayload();

type Via = 'rest' | 'graphql';

/**
 * One review with the given configuration files and go.mod files. By REST the loader reads
 * the configuration from the contents API; by GraphQL it comes in the review's snapshot.
 */
async function review(
  via: Via,
  mocks: Parameters<typeof mockRunEndpoints>[3] = {},
  files = [{ filename: 'svc/p.go', content: SOURCE, patch: addedFilePatch(SOURCE) }],
) {
  const payload = opened();
  const { number: pull, head } = payload.pull_request;
  const scope = mockInstallationToken();
  mockPullFiles(scope, pull, files);
  if (via === 'rest') {
    for (const f of files) if (!f.filename.includes('_mock')) mockContents(scope, head.sha, f);
  } else {
    mockGraphQLContents(scope, files, 1, { goMods: mocks.goMods, repoConfig: mocks.repoConfig, orgConfig: mocks.orgConfig });
  }
  const run = mockRunEndpoints(scope, pull, head.sha, { ...mocks, graphql: via === 'graphql' });
  const { probot, app } = makeProbot({ settings: testSettings({ contentsVia: via }) });
  await deliver(probot, app, 'pull_request', payload);
  return { run, scope, payload };
}

const rulesOf = (review: any): string[] => review.comments.map((c: any) => readMarker(c.body)!.rule).sort();

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe.each(['rest', 'graphql'] as const)('configuration (%s)', (via) => {
  it('inherits the organisation defaults from its .github repository', async () => {
    const { run, scope } = await review(via, { orgConfig: 'rules:\n  empty-interface: off\n  os-root: off\n' });
    scope.done();
    expect(rulesOf(run.reviews[0])).toEqual(['benchmark-loop', 'builtin-minmax']);
    const summary = run.finalCheck().output.summary;
    expect(summary).toContain(`| \`rules.empty-interface\` | \`"off"\` | ${OWNER}/.github:.github/go-standards.yml |`);
  });

  it('lets a repository override the organisation (_extends) and says where each setting came from', async () => {
    const { run, scope } = await review(via, {
      repoConfig: '_extends: .github\nrules:\n  empty-interface: error\nfailOn: warning\n',
      orgConfig: 'rules:\n  empty-interface: off\n  os-root: off\nmaxInlineComments: 2\n',
    });
    scope.done();
    const posted = run.reviews[0];
    expect(posted.comments).toHaveLength(2);
    expect(readMarker(posted.comments[0].body)!.rule).toBe('empty-interface'); // error first
    expect(posted.comments[0].body).toContain('🛑 error');
    const update = run.finalCheck();
    expect(update.conclusion).toBe('failure');
    expect(update.output.summary).toContain(`| \`rules.empty-interface\` | \`"error"\` | ${OWNER}/${REPO}:.github/go-standards.yml |`);
    expect(update.output.summary).toContain(`| \`maxInlineComments\` | \`2\` | ${OWNER}/.github:.github/go-standards.yml |`);
  });

  it('an invalid file never crashes a run: the check run says what is wrong and the review uses the defaults', async () => {
    const bad = 'scope: everything\nrules:\n  prealloc-slic: off\n';
    const { run, payload } = await review(via, { repoConfig: bad });
    // the loader reads the file once more to point at the lines
    expect(run.reviews).toHaveLength(1);
    expect(rulesOf(run.reviews[0])).toEqual(['benchmark-loop', 'builtin-minmax', 'empty-interface', 'os-root']);
    const summary = run.finalCheck().output.summary;
    expect(summary).toContain('**Invalid configuration**');
    expect(summary).toMatch(/`scope`: Invalid option/);
    expect(summary).toContain('`rules.prealloc-slic`: unknown rule "prealloc-slic"');
    expect(payload).toBeDefined();
  });

  it('skips the review on an invalid file when asked to fail closed', async () => {
    const { run } = await review(via, { repoConfig: 'invalidConfig: skip-review\nscope: everything\n', review: false });
    expect(run.reviews).toEqual([]);
    expect(run.finalCheck()).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Invalid configuration: review skipped' } });
  });

  it('gives a module at go 1.20 no advice that needs Go 1.21+ (min/max, b.Loop, os.Root)', async () => {
    // The nearest go.mod wins: svc/go.mod (1.20), not the root one (1.24), which is never fetched.
    const { run } = await review(via, { goMods: { 'go.mod': 'module example.com/x\n\ngo 1.24\n', 'svc/go.mod': 'module example.com/x/svc\n\ngo 1.20\n' } });
    expect(rulesOf(run.reviews[0])).toEqual(['empty-interface']);
  });

  it('honours a goVersion override in the configuration', async () => {
    const { run } = await review(via, { repoConfig: 'goVersion: "1.21"\n', goMods: { 'go.mod': 'module x\n\ngo 1.24\n' } });
    expect(rulesOf(run.reviews[0])).toEqual(['builtin-minmax', 'empty-interface']);
  });

  it('gives generated files and excluded paths nothing', async () => {
    const generated = `// Code generated by mockgen. DO NOT EDIT.\n\n${SOURCE}`;
    const files = [
      { filename: 'svc/p.go', content: SOURCE, patch: addedFilePatch(SOURCE) },
      { filename: 'svc/zz_gen.go', content: generated, patch: addedFilePatch(generated) },
      { filename: 'svc/store_mock.go', content: SOURCE, patch: addedFilePatch(SOURCE) },
    ];
    const { run } = await review(via, { repoConfig: 'paths:\n  exclude: ["**/*_mock.go"]\n' }, files);
    expect(new Set(run.reviews[0].comments.map((c: any) => c.path))).toEqual(new Set(['svc/p.go']));
  });
});

describe('configuration at the base commit', () => {
  it('reads the configuration at the base commit, so a pull request cannot change its own review', async () => {
    const payload = opened();
    const { number: pull, head, base } = payload.pull_request;
    const scope = mockInstallationToken();
    const file = { filename: 'svc/p.go', content: SOURCE, patch: addedFilePatch(SOURCE) };
    // The PR also edits the config to switch everything off: that version is at the head only.
    mockPullFiles(scope, pull, [file, { filename: '.github/go-standards.yml', patch: '@@ -0,0 +1 @@\n+rules: {empty-interface: off}' }]);
    mockContents(scope, head.sha, file);
    const refs: string[] = [];
    scope
      .get(`/repos/${OWNER}/${REPO}/contents/.github%2Fgo-standards.yml`)
      .query((q) => (refs.push(String(q.ref)), true))
      .reply(200, 'scope: added\n', { 'content-type': 'text/plain; charset=utf-8' });
    const run = mockRunEndpoints(scope, pull, head.sha, { ownConfig: true });
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    expect(refs).toEqual([base.sha]);
    expect(rulesOf(run.reviews[0])).toContain('empty-interface');
  });

  it('reviews drafts only when the configuration says so', async () => {
    const payload = opened();
    payload.pull_request.draft = true;
    const scope = mockInstallationToken();
    scope.get(`/repos/${OWNER}/${REPO}/contents/.github%2Fgo-standards.yml`).query(true).reply(404, {});
    scope.get(`/repos/${OWNER}/.github/contents/.github%2Fgo-standards.yml`).reply(404, {});
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'pull_request', payload);
    scope.done(); // config read, nothing else

    const file = { filename: 'p.go', content: SOURCE, patch: addedFilePatch(SOURCE) };
    const scope2 = mockInstallationToken();
    mockPullFiles(scope2, payload.pull_request.number, [file]);
    mockContents(scope2, payload.pull_request.head.sha, file);
    const run = mockRunEndpoints(scope2, payload.pull_request.number, payload.pull_request.head.sha, { repoConfig: 'drafts: review\n' });
    const second = makeProbot();
    await deliver(second.probot, second.app, 'pull_request', payload);
    scope2.done();
    expect(run.reviews).toHaveLength(1);
  });

  it('reads the configuration at the base commit in the GraphQL snapshot too', async () => {
    const payload = opened();
    const { number: pull, head, base } = payload.pull_request;
    const scope = mockInstallationToken();
    const file = { filename: 'svc/p.go', content: SOURCE, patch: addedFilePatch(SOURCE) };
    mockPullFiles(scope, pull, [file, { filename: '.github/go-standards.yml', patch: '@@ -0,0 +1 @@\n+rules: {empty-interface: off}' }]);
    const expressions: string[] = [];
    scope.on('request', (_req: unknown, _interceptor: unknown, body: string) => {
      const variables = JSON.parse(body || '{}').variables ?? {};
      if (variables.c0) expressions.push(variables.c0, variables.c1);
    });
    mockGraphQLContents(scope, [file], 1, { repoConfig: 'scope: added\n' });
    const run = mockRunEndpoints(scope, pull, head.sha, { graphql: true });
    const { probot, app } = makeProbot({ settings: testSettings({ contentsVia: 'graphql' }) });
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    // the repository's file at the base; the organisation's on its default branch
    expect(expressions).toEqual([`${base.sha}:.github/go-standards.yml`, 'HEAD:.github/go-standards.yml']);
    expect(rulesOf(run.reviews[0])).toContain('empty-interface');
  });

  it('follows an _extends the snapshot did not bring with one contents-API read', async () => {
    const payload = opened();
    const { number: pull, head } = payload.pull_request;
    const scope = mockInstallationToken();
    const file = { filename: 'svc/p.go', content: SOURCE, patch: addedFilePatch(SOURCE) };
    mockPullFiles(scope, pull, [file]);
    mockGraphQLContents(scope, [file], 1, { repoConfig: '_extends: platform-config\nfailOn: never\n', noOrgRepo: true });
    scope
      .get(`/repos/${OWNER}/platform-config/contents/.github%2Fgo-standards.yml`)
      .reply(200, 'rules:\n  empty-interface: off\n', { 'content-type': 'text/plain; charset=utf-8' });
    const run = mockRunEndpoints(scope, pull, head.sha, { graphql: true });
    const { probot, app } = makeProbot({ settings: testSettings({ contentsVia: 'graphql' }) });
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(rulesOf(run.reviews[0])).not.toContain('empty-interface');
    expect(run.finalCheck().output.summary).toContain(`${OWNER}/platform-config:.github/go-standards.yml`);
  });
});
