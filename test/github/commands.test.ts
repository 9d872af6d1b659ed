/** Slash commands in pull-request conversations, and the check run's Re-run. */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/github/slash-command.js';
import { RULES } from '../../src/rules/index.js';
import { API, addedFilePatch, deliver, examplePayload, makeProbot, mockContents, mockInstallationToken, mockPullFiles, mockRunEndpoints, OWNER, REPO } from './harness.js';

const REPO_PATH = `/repos/${OWNER}/${REPO}`;
const GO = 'package p\n\nvar x interface{}\n';

function commentPayload(body: string, user = { login: 'octocat', type: 'User' }): any {
  const payload = examplePayload('issue_comment', 'created');
  payload.issue.pull_request = { url: `https://api.github.com${REPO_PATH}/pulls/${payload.issue.number}` };
  payload.comment.body = body;
  payload.comment.user = { ...payload.comment.user, ...user };
  payload.sender = { ...payload.sender, ...user };
  return payload;
}

interface Replies {
  reactions: string[];
  comments: string[];
}

/** Reactions and replies, recorded in any number (a scope of their own, outside `done()`). */
function mockConversation(_scope: nock.Scope, payload: any): Replies {
  const out: Replies = { reactions: [], comments: [] };
  nock(API)
    .persist()
    .post(`${REPO_PATH}/issues/comments/${payload.comment.id}/reactions`, (b) => (out.reactions.push(b.content), true))
    .reply(201, {})
    .post(`${REPO_PATH}/issues/${payload.issue.number}/comments`, (b) => (out.comments.push(b.body), true))
    .reply(201, {});
  return out;
}

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('parseCommand', () => {
  it('reads the command on the first line', () => {
    expect(parseCommand('/go-standards recheck')).toEqual({ name: 'recheck' });
    expect(parseCommand('\n  /go-standards explain prealloc-slice  \nthanks')).toEqual({ name: 'explain', rule: 'prealloc-slice' });
    expect(parseCommand('/go-standards')).toEqual({ name: 'help' });
    expect(parseCommand('/go-standards frobnicate')).toEqual({ name: 'unknown', text: 'frobnicate' });
    expect(parseCommand('please /go-standards recheck')).toBeNull();
    expect(parseCommand('/go-standardsrecheck')).toBeNull();
  });
});

describe('slash commands', () => {
  it('/go-standards help: 👀, the command list, 🚀', async () => {
    const payload = commentPayload('/go-standards help');
    const scope = mockInstallationToken();
    const out = mockConversation(scope, payload);
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'issue_comment', payload);
    expect(out.reactions).toEqual(['eyes', 'rocket']);
    expect(out.comments[0]).toContain('/go-standards recheck');
    expect(out.comments[0]).toContain('/go-standards explain <rule-id>');
  });

  it('/go-standards explain <rule-id>: the rule, the cited section and its docs link', async () => {
    const payload = commentPayload('/go-standards explain prealloc-slice');
    const scope = mockInstallationToken();
    const out = mockConversation(scope, payload);
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'issue_comment', payload);
    expect(out.comments[0]).toMatch(/^\*\*prealloc-slice\*\* · Preallocate slices filled in a loop/);
    expect(out.comments[0]).toContain('“Zero-Allocation Patterns (Enforced)”');
    expect(out.comments[0]).toContain('/docs/rules/prealloc-slice.md)');
    expect(out.reactions).toEqual(['eyes', 'rocket']);
  });

  it('/go-standards explain knows the rules the app was given, not the whole registry', async () => {
    const only = RULES.filter((r) => r.id === 'benchmark-loop');
    for (const [rule, reaction, text] of [
      ['benchmark-loop', 'rocket', /^\*\*benchmark-loop\*\* · /],
      ['prealloc-slice', 'confused', /^There is no rule `prealloc-slice`\. The rules are: `benchmark-loop`\.$/],
    ] as const) {
      const payload = commentPayload(`/go-standards explain ${rule}`);
      const scope = mockInstallationToken();
      const out = mockConversation(scope, payload);
      const { probot, app } = makeProbot({ rules: only });
      await deliver(probot, app, 'issue_comment', payload);
      expect(out.comments[0]).toMatch(text);
      expect(out.reactions).toEqual(['eyes', reaction]);
      nock.cleanAll();
    }
  });

  it('an unknown command gets the help text', async () => {
    const payload = commentPayload('/go-standards frobnicate');
    const scope = mockInstallationToken();
    const out = mockConversation(scope, payload);
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'issue_comment', payload);
    expect(out.comments[0]).toMatch(/^Unknown command `frobnicate`\.\n\n\*\*Go Standards commands\*\*/);
  });

  it('ignores bots, plain comments and comments on issues', async () => {
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'issue_comment', commentPayload('/go-standards recheck', { login: 'ci[bot]', type: 'Bot' }));
    await deliver(probot, app, 'issue_comment', commentPayload('looks good to me'));
    const onIssue = commentPayload('/go-standards recheck');
    delete onIssue.issue.pull_request;
    await deliver(probot, app, 'issue_comment', onIssue);
    const edited = examplePayload('issue_comment', 'edited');
    edited.comment.body = '/go-standards recheck';
    await deliver(probot, app, 'issue_comment', edited);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a read-only commenter cannot trigger a re-check and gets a polite reply', async () => {
    const payload = commentPayload('/go-standards recheck');
    const scope = mockInstallationToken();
    const out = mockConversation(scope, payload);
    scope.get(`${REPO_PATH}/collaborators/octocat/permission`).reply(200, { permission: 'read', role_name: 'triage' });
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'issue_comment', payload);
    scope.done();
    expect(out.reactions).toEqual(['eyes']);
    expect(out.comments).toEqual(['Sorry @octocat, only people with write access to this repository can ask for a re-check.']);
  });

  it('a writer re-checks the current head: 👀, a full review, 🚀', async () => {
    const payload = commentPayload('/go-standards recheck');
    const pull = payload.issue.number;
    const sha = 'a'.repeat(40);
    const scope = mockInstallationToken();
    const out = mockConversation(scope, payload);
    scope.get(`${REPO_PATH}/collaborators/octocat/permission`).reply(200, { permission: 'write', role_name: 'maintain' });
    scope.get(`${REPO_PATH}/pulls/${pull}`).reply(200, { number: pull, state: 'open', head: { sha }, base: { sha: 'base0000' } });
    const file = { filename: 'p.go', content: GO, patch: addedFilePatch(GO) };
    mockPullFiles(scope, pull, [file]);
    mockContents(scope, sha, file);
    const run = mockRunEndpoints(scope, pull, sha);
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'issue_comment', payload);
    scope.done();
    expect(run.reviews).toHaveLength(1);
    expect(run.reviews[0].commit_id).toBe(sha);
    expect(out.reactions).toEqual(['eyes', 'rocket']);
  });

  it('marks a failed re-check with 😕 and a reply', async () => {
    const payload = commentPayload('/go-standards recheck');
    const pull = payload.issue.number;
    const scope = mockInstallationToken();
    const out = mockConversation(scope, payload);
    scope.get(`${REPO_PATH}/collaborators/octocat/permission`).reply(200, { permission: 'admin' });
    scope.get(`${REPO_PATH}/pulls/${pull}`).reply(200, { number: pull, state: 'open', head: { sha: 'b'.repeat(40) }, base: { sha: 'base0000' } });
    scope.get(`${REPO_PATH}/pulls/${pull}/files`).query(true).reply(500, { message: 'boom' });
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'issue_comment', payload);
    expect(out.reactions).toEqual(['eyes', 'confused']);
    expect(out.comments[0]).toContain('The re-check failed');
  });
});

describe('check_run.rerequested', () => {
  it('re-reviews the pull request of the re-run check', async () => {
    const payload = examplePayload('check_run', 'rerequested');
    payload.check_run.name = 'Go Standards';
    const pull = 7;
    payload.check_run.pull_requests = [{ number: pull, id: 1, url: '', head: { ref: 'x', sha: 'c'.repeat(40), repo: {} }, base: { ref: 'main', sha: 'd'.repeat(40), repo: {} } }];
    payload.repository.owner.login = OWNER;
    payload.repository.name = REPO;
    payload.repository.full_name = `${OWNER}/${REPO}`;
    const sha = 'c'.repeat(40);
    const scope = mockInstallationToken();
    scope.get(`${REPO_PATH}/pulls/${pull}`).reply(200, { number: pull, state: 'open', head: { sha }, base: { sha: 'base0000' } });
    const file = { filename: 'p.go', content: GO, patch: addedFilePatch(GO) };
    mockPullFiles(scope, pull, [file]);
    mockContents(scope, sha, file);
    const run = mockRunEndpoints(scope, pull, sha);
    const { probot, app } = makeProbot();
    await deliver(probot, app, 'check_run', payload);
    scope.done();
    expect(run.reviews).toHaveLength(1);
  });
});
