/** The webhook endpoint over HTTP: size cap, signature, validation, and what each answer says. */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueUnavailableError } from '../../src/github/queue/job-queue.js';
import { createWebhookIngress, type Delivery } from '../../src/github/webhook-ingress.js';
import { validateWebhook } from '../../src/github/webhook-validation.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { listen, type Listening } from '../../src/ops/http-server.js';
import { examplePayload, openPullPayload } from './harness.js';
import { silent } from './queue-contract.js';

const SECRET = 'ingress-secret';
const sign = (body: string, secret = SECRET): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

let server: Listening;
const dispatched: Delivery[] = [];
let failWith: unknown;
const metrics = createMetrics();

beforeAll(async () => {
  const ingress = createWebhookIngress({
    path: '/api/github/webhooks',
    maxBodyBytes: 64 * 1024,
    verify: async (body, signature) => signature === sign(body),
    dispatch: async (d) => {
      if (failWith) throw failWith;
      dispatched.push(d);
      return 'queued';
    },
    log: silent,
    metrics,
  });
  server = await listen([ingress], 0, '127.0.0.1', silent);
});
afterAll(async () => {
  await server?.close();
});

async function post(event: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/github/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': `d-${Math.random()}`, 'x-hub-signature-256': sign(body), ...headers },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** Correctly signed payloads that no handler could use. */
function malformed(): Array<[string, string, unknown]> {
  const pr = (edit: (p: any) => void): unknown => {
    const p = openPullPayload();
    edit(p);
    return p;
  };
  const comment = (edit: (p: any) => void): unknown => {
    const p = examplePayload('issue_comment', 'created');
    edit(p);
    return p;
  };
  return [
    ['pull_request without pull_request', 'pull_request', pr((p) => delete p.pull_request)],
    ['pull_request with a null head', 'pull_request', pr((p) => (p.pull_request.head = null))],
    ['pull_request number as a string', 'pull_request', pr((p) => (p.pull_request.number = '12'))],
    ['pull_request head sha not a SHA', 'pull_request', pr((p) => (p.pull_request.head.sha = 'main; rm -rf'))],
    ['pull_request without repository', 'pull_request', pr((p) => delete p.repository)],
    ['pull_request with an owner without login', 'pull_request', pr((p) => (p.repository.owner = {}))],
    ['pull_request with an installation id of 0', 'pull_request', pr((p) => (p.installation.id = 0))],
    ['issue_comment without comment', 'issue_comment', comment((p) => delete p.comment)],
    ['issue_comment with issue as an array', 'issue_comment', comment((p) => (p.issue = []))],
    ['check_run with pull_requests not a list', 'check_run', (() => { const p = examplePayload('check_run', 'rerequested'); p.check_run.pull_requests = 'x'; return p; })()],
    ['a JSON array', 'pull_request', []],
    ['a JSON string', 'pull_request', 'hello'],
    ['null', 'pull_request', null],
  ];
}

describe('webhook validation', () => {
  it('accepts the real example payloads of the events the app handles', () => {
    for (const [event, action] of [
      ['pull_request', 'opened'],
      ['pull_request', 'synchronize'],
      ['issue_comment', 'created'],
      ['check_run', 'rerequested'],
      ['installation', 'created'],
      ['installation_repositories', 'added'],
    ] as const) {
      const payload = examplePayload(event, action);
      payload.installation ??= { id: 1 };
      expect(validateWebhook(event, payload), `${event}.${action}`).toMatchObject({ kind: 'accept', event });
    }
  });

  it('says where an unusable payload is wrong', () => {
    const p = openPullPayload();
    p.pull_request.number = 'twelve';
    expect(validateWebhook('pull_request', p)).toEqual({ kind: 'reject', reason: 'invalid pull_request payload: pull_request.number: Invalid input: expected number, received string' });
  });
});

describe('the webhook endpoint', () => {
  it('hands a signed, valid delivery on and answers 200', async () => {
    const payload = openPullPayload();
    const res = await post('pull_request', JSON.stringify(payload), { 'x-github-delivery': 'guid-1' });
    expect(res).toEqual({ status: 200, text: 'queued\n' });
    expect(dispatched.at(-1)).toMatchObject({ id: 'guid-1', name: 'pull_request' });
  });

  it.each(malformed())('%s: 400 with a short reason, never 5xx, nothing dispatched', async (_name, event, payload) => {
    const before = dispatched.length;
    const res = await post(event, JSON.stringify(payload));
    expect(res.status).toBe(400);
    expect(res.text.length).toBeLessThan(200);
    expect(res.text).not.toMatch(/TypeError|at .*\.ts|Cannot read/);
    expect(dispatched.length).toBe(before);
  });

  it('ignores, with a 200, a payload without an installation and events it does not handle', async () => {
    const before = dispatched.length;
    const payload = openPullPayload();
    delete payload.installation;
    const res = await post('pull_request', JSON.stringify(payload));
    expect(res).toEqual({ status: 200, text: 'ignored: pull_request without an installation: the app acts only for installations\n' });
    expect((await post('star', JSON.stringify({ action: 'created' }))).status).toBe(200);
    expect((await post('ping', JSON.stringify({ zen: 'Keep it logically awesome.' }))).status).toBe(200);
    expect(dispatched.length).toBe(before);
  });

  it('refuses bad signatures, missing headers, invalid JSON, other content types and oversized bodies', async () => {
    const body = JSON.stringify(openPullPayload());
    expect(await post('pull_request', body, { 'x-hub-signature-256': sign(body, 'wrong') })).toEqual({ status: 400, text: 'signature does not match\n' });
    expect((await post('pull_request', body, { 'x-hub-signature-256': '' })).status).toBe(400);
    expect(await post('pull_request', '{"action": "opened",')).toEqual({ status: 400, text: 'body is not valid JSON\n' });
    expect((await post('pull_request', body, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const big = JSON.stringify({ ...openPullPayload(), padding: 'x'.repeat(70 * 1024) });
    expect((await post('pull_request', big)).status).toBe(413);
    const get = await fetch(`http://127.0.0.1:${server.port}/api/github/webhooks`);
    expect(get.status).toBe(405);
  });

  it('answers 503 when the job cannot be queued, and 500 without details on a bug', async () => {
    const body = JSON.stringify(openPullPayload());
    failWith = new AggregateError([new QueueUnavailableError('cannot store the review job in Redis: Connection is closed.')]);
    expect(await post('pull_request', body)).toEqual({ status: 503, text: 'cannot queue the review now; redeliver later\n' });
    failWith = new TypeError("Cannot read properties of undefined (reading 'sha')");
    expect(await post('pull_request', body)).toEqual({ status: 500, text: 'internal error\n' });
    failWith = undefined;
    const text = await metrics.registry.getSingleMetricAsString('go_standards_webhooks_total');
    expect(text).toMatch(/go_standards_webhooks_total\{event="pull_request",outcome="unavailable"\} 1/);
    expect(text).toMatch(/outcome="rejected"/);
  });
});
