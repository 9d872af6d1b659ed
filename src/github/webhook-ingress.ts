/**
 * The webhook endpoint: reads the body (with a size cap), verifies `X-Hub-Signature-256` on the
 * raw bytes, parses and validates the payload, and hands a usable event on. Every answer is
 * short and says what happened; none carries an internal error's text:
 * - 200: handed on (queued, or a duplicate delivery), or ignored (an event the app does not
 *   handle, no installation);
 * - 400: unsigned, badly signed, not JSON, or a handled event whose payload does not fit;
 * - 413: over the body cap; 415: not JSON; 405: not a POST;
 * - 503: the review could not be queued (Redis unreachable, shutting down): GitHub records a
 *   failed delivery, which recovery redelivers;
 * - 500: a bug (logged with its stack; the answer says only "internal error").
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from '../ops/metrics.js';
import { QueueUnavailableError } from './queue/job-queue.js';
import type { Logger } from './types.js';
import { validateWebhook, type HandledEvent } from './webhook-validation.js';

export interface Delivery {
  id: string;
  name: HandledEvent;
  payload: Record<string, unknown>;
}

export interface WebhookIngressOptions {
  path: string;
  /** Bodies above this many bytes are refused (413). */
  maxBodyBytes: number;
  /** Checks `X-Hub-Signature-256` against the raw body. */
  verify(body: string, signature: string): Promise<boolean>;
  /** Acts on a verified, valid delivery; resolves to what was done (for metrics). */
  dispatch(delivery: Delivery): Promise<string | void>;
  log: Logger;
  metrics?: Metrics;
}

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

class BodyTooLarge extends Error {}

function answer(res: ServerResponse, status: number, message: string): true {
  if (!res.headersSent) res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
  return true;
}

async function readBody(req: IncomingMessage, cap: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > cap) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > cap) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Whether the error (or one it aggregates or wraps) says the queue could not take the job. */
function unavailable(error: unknown, depth = 0): boolean {
  if (error instanceof QueueUnavailableError) return true;
  if (depth > 3 || typeof error !== 'object' || error === null) return false;
  const nested = [...((error as { errors?: unknown[] }).errors ?? []), (error as { cause?: unknown }).cause];
  return nested.some((e) => e !== undefined && unavailable(e, depth + 1));
}

export function createWebhookIngress(options: WebhookIngressOptions): NodeHandler {
  const { log, metrics } = options;
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== options.path) return false;
    const event = header(req, 'x-github-event') ?? 'unknown';
    const count = (outcome: string): void => metrics?.webhooks.inc({ event, outcome });
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return answer(res, 405, 'webhooks are POSTed');
    }
    let body: string;
    try {
      body = await readBody(req, options.maxBodyBytes);
    } catch (error) {
      count('rejected');
      if (error instanceof BodyTooLarge) {
        log.warn({ event, limit: options.maxBodyBytes }, 'webhook body over the size cap: refused');
        res.setHeader('connection', 'close');
        answer(res, 413, `body over ${options.maxBodyBytes} bytes`);
        req.destroy();
        return true;
      }
      return answer(res, 400, 'cannot read the body');
    }
    const id = header(req, 'x-github-delivery');
    const signature = header(req, 'x-hub-signature-256');
    if (!header(req, 'x-github-event') || !id || !signature) {
      count('rejected');
      return answer(res, 400, 'missing X-GitHub-Event, X-GitHub-Delivery or X-Hub-Signature-256 header');
    }
    if (!(await options.verify(body, signature).catch(() => false))) {
      count('rejected');
      log.warn({ event, delivery: id }, 'webhook signature does not match: refused');
      return answer(res, 400, 'signature does not match');
    }
    const type = header(req, 'content-type') ?? 'application/json';
    if (!/^application\/json\b/i.test(type)) {
      count('rejected');
      return answer(res, 415, 'content type must be application/json');
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      count('rejected');
      return answer(res, 400, 'body is not valid JSON');
    }
    const verdict = validateWebhook(event, payload);
    if (verdict.kind === 'ignore') {
      count('ignored');
      log.info({ event, delivery: id, reason: verdict.reason }, 'webhook ignored');
      return answer(res, 200, `ignored: ${verdict.reason}`);
    }
    if (verdict.kind === 'reject') {
      count('rejected');
      log.warn({ event, delivery: id, reason: verdict.reason }, 'unusable webhook payload refused');
      return answer(res, 400, verdict.reason);
    }
    try {
      const outcome = (await options.dispatch({ id, name: verdict.event, payload: verdict.payload })) || 'handled';
      count(outcome);
      return answer(res, 200, outcome);
    } catch (error) {
      if (unavailable(error)) {
        count('unavailable');
        log.warn({ event, delivery: id, err: error }, 'cannot queue the webhook: answered 503 (to be redelivered)');
        res.setHeader('retry-after', '60');
        return answer(res, 503, 'cannot queue the review now; redeliver later');
      }
      count('error');
      log.error({ event, delivery: id, err: error }, 'webhook handler failed');
      return answer(res, 500, 'internal error');
    }
  };
}
