/**
 * Test harness for the GitHub adapter: a Probot with retry and throttling off, real webhook
 * payloads from @octokit/webhooks-examples, and nock scope builders for the endpoints the
 * app calls.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { createApp, type AppOptions, type GoStandardsApp } from '../../src/github/app.js';
import { settingsFromEnv, type ReviewSettings } from '../../src/github/settings.js';
import type { Rule, RuleContext } from '../../src/core/rule.js';
import { RULES } from '../../src/rules/index.js';

const require = createRequire(import.meta.url);

interface WebhookExample {
  name: string;
  examples: Array<Record<string, unknown> & { action?: string; installation?: unknown }>;
}
const EXAMPLES = require('@octokit/webhooks-examples/api.github.com/index.json') as WebhookExample[];

/** A real example payload for `event.action` (one carrying an installation), deep-copied. */
export function examplePayload(event: string, action: string): any {
  const group = EXAMPLES.find((e) => e.name === event);
  const example = group?.examples.find((x) => x.action === action && x.installation) ?? group?.examples.find((x) => x.action === action);
  if (!example) throw new Error(`no ${event}.${action} example`);
  return structuredClone(example);
}

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const API = 'https://api.github.com';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

export const TEST_PRIVATE_KEY = privateKey;

/**
 * The registry as a test double whose findings all comment: no measured default tier, and no
 * report's advisory tier (the test-code policy still applies in `_test.go` files). The app's
 * mechanics (placement, history, caps, faults) are tested on these rules; the tiers have tests
 * of their own (advisory.test.ts) and the e2e tests run the real registry.
 */
export const COMMENT_TIER_RULES: readonly Rule[] = RULES.map((r) =>
  Object.freeze({
    ...r,
    defaultTier: 'comment' as const,
    create: (context: RuleContext) => r.create({ ...context, report: (report) => context.report({ ...report, tier: undefined }) }),
  }),
);

export function makeProbot(options: AppOptions = {}): { probot: Probot; app: GoStandardsApp } {
  const probot = new Probot({
    appId: 123,
    privateKey,
    logLevel: (process.env.TEST_LOG_LEVEL as any) ?? 'fatal',
    // Function form: applied after Probot's own throttle options, which would otherwise turn the
    // throttler back on (writes spaced a second apart, a mocked 500 retried for seconds).
    Octokit: ProbotOctokit.defaults((o: any) => ({ ...o, throttle: { ...o.throttle, enabled: false }, retry: { enabled: false } })) as typeof ProbotOctokit,
  });
  // Most tests stand in for the contents API; the GraphQL batch path has tests of its own.
  const app = createApp({ concurrency: 2, attempts: 1, settings: testSettings(), rules: COMMENT_TIER_RULES, ...options });
  probot.load(app);
  return { probot, app };
}

/**
 * Deployment settings for tests: the contents API unless told otherwise, and check runs written
 * once (never shown in progress by a slow test machine).
 */
export function testSettings(overrides: Partial<ReviewSettings> = {}): ReviewSettings {
  return { ...settingsFromEnv({}), contentsVia: 'rest', checkInProgressAfterMs: 60_000, ...overrides };
}

export function mockInstallationToken(scope: nock.Scope = nock(API)): nock.Scope {
  return scope.post(/\/app\/installations\/\d+\/access_tokens/).reply(200, {
    token: 'ghs_test',
    permissions: { pull_requests: 'write', contents: 'read', checks: 'write', metadata: 'read' },
  });
}

export interface FakeFile {
  filename: string;
  status?: string;
  patch?: string;
  content?: string;
  size?: number;
}

/** Builds a unified-diff hunk that adds every line of `content` (a new file). */
export function addedFilePatch(content: string): string {
  const lines = content.replace(/\n$/, '').split('\n');
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n');
}

/** The pull request's file list, 100 per page as GitHub sends it (pages linked by a `link` header). */
export function mockPullFiles(scope: nock.Scope, pull: number, files: FakeFile[]): nock.Scope {
  const path = `/repos/${OWNER}/${REPO}/pulls/${pull}/files`;
  const listed = files.map((f) => ({ filename: f.filename, status: f.status ?? 'added', patch: f.patch, additions: 1, deletions: 0, changes: 1 }));
  const pages = Math.max(1, Math.ceil(listed.length / 100));
  for (let page = 1; page <= pages; page++) {
    const next = page < pages ? { link: `<${API}${path}?per_page=100&page=${page + 1}>; rel="next"` } : undefined;
    scope
      .get(path)
      .query(page === 1 ? { per_page: 100 } : { per_page: 100, page })
      .reply(200, listed.slice((page - 1) * 100, page * 100), next);
  }
  return scope;
}

export function mockContents(scope: nock.Scope, sha: string, file: FakeFile): nock.Scope {
  const content = file.content ?? '';
  return scope
    .get(`/repos/${OWNER}/${REPO}/contents/${file.filename.split('/').map(encodeURIComponent).join('/')}`)
    .query({ ref: sha })
    .reply(200, {
      type: 'file',
      name: file.filename.split('/').pop(),
      path: file.filename,
      size: file.size ?? Buffer.byteLength(content),
      encoding: 'base64',
      content: Buffer.from(content).toString('base64'),
    });
}

/** Sends a webhook and waits until the review queue has finished. */
export async function deliver(probot: Probot, app: GoStandardsApp, name: string, payload: unknown): Promise<void> {
  await probot.receive({ id: `delivery-${Math.random()}`, name: name as any, payload: payload as any });
  await app.idle();
}

export interface RunRecord {
  /** Bodies of check-run creations. */
  checkRuns: any[];
  /** Bodies of check-run updates. */
  checkUpdates: any[];
  reviews: any[];
  /** The last write to the check run (an update, or the creation when the run was written once). */
  finalCheck(): any;
}

export interface ConfigMocks {
  /** `.github/go-standards.yml` in the repository at the base commit (YAML text); absent: 404. */
  repoConfig?: string;
  /** The same file in the organisation's `.github` repository; absent: 404. */
  orgConfig?: string;
}

/** The configuration files Probot's loader asks for (raw media type). */
export function mockConfig(scope: nock.Scope, mocks: ConfigMocks = {}): void {
  const path = `/repos/${OWNER}/${REPO}/contents/.github%2Fgo-standards.yml`;
  if (mocks.repoConfig !== undefined) scope.get(path).query(true).reply(200, mocks.repoConfig, { 'content-type': 'text/plain; charset=utf-8' });
  else scope.get(path).query(true).reply(404, { message: 'Not Found' });
  if (mocks.repoConfig !== undefined && !/^_extends:/m.test(mocks.repoConfig)) return;
  const org = `/repos/${OWNER}/.github/contents/.github%2Fgo-standards.yml`;
  if (mocks.orgConfig !== undefined) scope.get(org).reply(200, mocks.orgConfig, { 'content-type': 'text/plain; charset=utf-8' });
  else scope.get(org).reply(404, { message: 'Not Found' });
}

/** The repository tree at the head (for go.mod lookup): `goMods` maps a go.mod path to its text. */
export function mockTree(scope: nock.Scope, sha: string, goMods: Record<string, string> = {}): void {
  const entries = Object.keys(goMods).map((path, i) => ({ path, type: 'blob', sha: `blob${i}${sha.slice(0, 8)}` }));
  scope.get(`/repos/${OWNER}/${REPO}/git/trees/${sha}`).query({ recursive: 'true' }).reply(200, { sha, truncated: false, tree: entries });
  Object.values(goMods).forEach((text, i) => {
    scope.get(`/repos/${OWNER}/${REPO}/git/blobs/${entries[i]!.sha}`).reply(200, { content: Buffer.from(text).toString('base64'), encoding: 'base64' });
  });
}

export interface RunMocks extends ConfigMocks {
  /** The snapshot comes by GraphQL: no tree, go.mod, comment or review listing by REST. */
  graphql?: boolean;
  /** Leave the configuration files to the test. */
  ownConfig?: boolean;
  /** go.mod files in the head tree (path → text); default none. */
  goMods?: Record<string, string>;
  /** The bot's earlier review comments and reviews on the pull request. */
  comments?: unknown[];
  reviews?: unknown[];
  /** The head GitHub reports when the run re-reads the pull request (default: the payload's). */
  currentHead?: string;
  /** Whether to answer createReview (default true). */
  review?: boolean;
  /** Whether to answer the check run's creation (default true). */
  checkRun?: boolean;
}

/** The endpoints every review run calls besides files and contents, recording the writes. */
export function mockRunEndpoints(scope: nock.Scope, pull: number, sha: string, mocks: RunMocks = {}): RunRecord {
  const record: RunRecord = {
    checkRuns: [],
    checkUpdates: [],
    reviews: [],
    finalCheck: () => record.checkUpdates.at(-1) ?? record.checkRuns.at(-1),
  };
  const repo = `/repos/${OWNER}/${REPO}`;
  // With GraphQL the configuration comes in the snapshot (see mockGraphQLContents).
  if (!mocks.ownConfig && !mocks.graphql) mockConfig(scope, mocks);
  if (!mocks.graphql) mockTree(scope, sha, mocks.goMods);
  if (mocks.checkRun !== false) scope.post(`${repo}/check-runs`, (b) => (record.checkRuns.push(b), true)).reply(201, { id: 7 });
  if (!mocks.graphql) {
    scope.get(`${repo}/pulls/${pull}/comments`).query({ per_page: 100 }).reply(200, mocks.comments ?? []);
    scope.get(`${repo}/pulls/${pull}/reviews`).query({ per_page: 100 }).reply(200, mocks.reviews ?? []);
  }
  if (!mocks.graphql) {
    scope.get(`${repo}/pulls/${pull}`).reply(200, { number: pull, state: 'open', draft: false, head: { sha: mocks.currentHead ?? sha }, base: { sha: 'base0000' } });
  }
  // Updates come in any number (annotations 50 at a time): a persisted interceptor in a scope of
  // its own, replacing the previous run's.
  nock.removeInterceptor({ proto: 'https', hostname: 'api.github.com', port: 443, method: 'PATCH', path: `${repo}/check-runs/7` });
  nock(API)
    .persist()
    .patch(`${repo}/check-runs/7`, (b) => (record.checkUpdates.push(b), true))
    .reply(200, { id: 7 });
  if (mocks.review !== false) {
    scope.post(`${repo}/pulls/${pull}/reviews`, (b) => (record.reviews.push(b), true)).reply(200, { id: 42 });
  }
  return record;
}

/**
 * GraphQL answers: blob lookups (`object(expression: "<sha>:<path>")`) from the given files and
 * go.mod texts, and, for the review snapshot, the pull request's head, reviews and review
 * threads and the configuration files (absent ones as GitHub answers them: null, and a
 * NOT_FOUND error for a missing organisation `.github` repository).
 */
export function mockGraphQLContents(
  scope: nock.Scope,
  files: FakeFile[],
  requests: number,
  extra: ConfigMocks & { goMods?: Record<string, string>; reviews?: unknown[]; threads?: unknown[]; head?: string; noOrgRepo?: boolean } = {},
): void {
  scope
    .post('/graphql', (b) => typeof b.query === 'string' && b.query.includes('object(expression'))
    .times(requests)
    .reply(200, (_uri, body: any) => {
      const repository: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(body.variables as Record<string, string>)) {
        if (!/^[em]\d+$/.test(key)) continue;
        const path = value.slice(value.indexOf(':') + 1);
        if (key.startsWith('m')) {
          const text = extra.goMods?.[path];
          repository[key] = text === undefined ? null : { text };
          continue;
        }
        const file = files.find((f) => f.filename === path);
        const content = file?.content ?? '';
        repository[`f${key.slice(1)}`] = file
          ? { byteSize: file.size ?? Buffer.byteLength(content), isBinary: content.includes('\u0000'), isTruncated: false, text: content.includes('\u0000') ? null : content }
          : null;
      }
      const data: Record<string, unknown> = { repository };
      const errors: unknown[] = [];
      if (body.query.includes('pullRequest(number')) {
        repository.pullRequest = {
          headRefOid: extra.head ?? (body.variables.e0 ?? body.variables.m0)?.split(':')[0] ?? '',
          reviews: { pageInfo: { hasNextPage: false }, nodes: extra.reviews ?? [] },
          reviewThreads: { pageInfo: { hasNextPage: false }, nodes: extra.threads ?? [] },
        };
      }
      if ('c0' in body.variables) {
        repository.c0 = extra.repoConfig === undefined ? null : { text: extra.repoConfig };
        if (extra.noOrgRepo) {
          data.orgConfig = null;
          errors.push({ type: 'NOT_FOUND', path: ['orgConfig'], message: `Could not resolve to a Repository with the name '${OWNER}/.github'.` });
        } else {
          data.orgConfig = { object: extra.orgConfig === undefined ? null : { text: extra.orgConfig } };
        }
      }
      return errors.length > 0 ? { data, errors } : { data };
    });
}

/** A Go file with two findings (prealloc-slice at line 8, benchmark-loop at line 16), both with suggestions. */
export const SAMPLE_GO = `package store

import "testing"

type User struct{ Name string }

func Names(us []User) []string {
	var out []string
	for _, u := range us {
		out = append(out, u.Name)
	}
	return out
}

func BenchmarkNames(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Names(nil)
	}
}
`;

/**
 * SAMPLE_GO with a hand-written membership loop: what the real registry comments on in production
 * code (manual-contains comments by default; the sample's other findings are measured below the
 * comment tier, so advisory). For tests of the real server.
 */
export const SAMPLE_GO_COMMENTED = `${SAMPLE_GO}
func HasName(names []string, want string) bool {
	for _, n := range names {
		if n == want {
			return true
		}
	}
	return false
}
`;

/** A real `pull_request` payload for `action`, made an open, non-draft pull request. */
export function openPullPayload(action = 'opened'): any {
  const payload = examplePayload('pull_request', action);
  payload.pull_request.draft = false;
  payload.pull_request.state = 'open';
  return payload;
}

/** The pull request's file list and each file's head version (contents API). */
export function mockPullWithFiles(scope: nock.Scope, payload: any, files: FakeFile[]): void {
  mockPullFiles(scope, payload.pull_request.number, files);
  for (const f of files) mockContents(scope, payload.pull_request.head.sha, f);
}
