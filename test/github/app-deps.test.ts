/**
 * The app's dependencies are injected: it reviews with the rules it was given (two apps in one
 * process do not share a rule set) and dates its check runs by the clock it was given; importing
 * it creates nothing.
 */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rule } from '../../src/core/rule.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { addedFilePatch, deliver, makeProbot, mockInstallationToken, mockPullWithFiles, mockRunEndpoints, openPullPayload } from './harness.js';

const GO = 'package p\n\nfunc f() {\n\tg()\n}\n\nfunc g() {}\n';

function callRule(id: string): Rule {
  return defineRule({
    id,
    title: `calls (${id})`,
    section: 'Zero-Allocation Patterns (Enforced)',
    severity: 'warning',
    minGo: '1.0',
    fixable: false,
    description: 'Reports every call; for these tests only.',
    examples: { incorrect: 'g()', correct: 'x := 1' },
    create: (ctx) => ({
      call_expression(node) {
        ctx.report({ node, message: `a call (${id})` });
      },
    }),
  });
}

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('the app module', () => {
  it('exports the factory only: importing it creates no app and no queue', async () => {
    const app = await import('../../src/github/app.js');
    expect(Object.keys(app)).toEqual(['createApp']);
  });
});

describe('injected rules', () => {
  it('each app runs its own rules, whatever another app compiled before', async () => {
    for (const id of ['first-rule', 'second-rule']) {
      const payload = openPullPayload();
      const sha = payload.pull_request.head.sha as string;
      const scope = mockInstallationToken();
      mockPullWithFiles(scope, payload, [{ filename: 'p/f.go', content: GO, patch: addedFilePatch(GO) }]);
      const run = mockRunEndpoints(scope, payload.pull_request.number, sha);
      const { probot, app } = makeProbot({ rules: [callRule(id)] });
      await deliver(probot, app, 'pull_request', payload);
      scope.done();
      expect(run.reviews).toHaveLength(1);
      expect(run.reviews[0].comments.map((c: any) => c.body.split('\n')[1])).toEqual([`**${id}** · calls (${id}) · ⚠️ warning`]);
      expect(run.finalCheck().output.annotations.map((a: any) => a.title)).toEqual([id]);
    }
  });
});

describe('the injected clock', () => {
  it('dates the check run', async () => {
    const payload = openPullPayload();
    const sha = payload.pull_request.head.sha as string;
    const scope = mockInstallationToken();
    mockPullWithFiles(scope, payload, [{ filename: 'p/f.go', content: GO, patch: addedFilePatch(GO) }]);
    const run = mockRunEndpoints(scope, payload.pull_request.number, sha);
    const noon = Date.UTC(2026, 0, 2, 12);
    const { probot, app } = makeProbot({ rules: [callRule('clocked')], clock: () => noon });
    await deliver(probot, app, 'pull_request', payload);
    scope.done();
    expect(run.finalCheck()).toMatchObject({ started_at: '2026-01-02T12:00:00.000Z', completed_at: '2026-01-02T12:00:00.000Z', conclusion: 'neutral' });
  });
});
