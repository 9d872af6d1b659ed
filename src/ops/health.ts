/**
 * Operations endpoints: `/healthz` (liveness: the process answers), `/readyz` (the queue takes
 * work: Redis reachable when configured, not shutting down) and `/metrics` (Prometheus).
 */
import type { NodeHandler } from '../github/webhook-ingress.js';
import type { JobQueue } from '../github/queue/job-queue.js';
import type { Metrics } from './metrics.js';

export interface OpsRoutesOptions {
  queue: JobQueue;
  role: string;
  /** Serve `/metrics` here (absent: it has a port of its own). */
  metrics?: Metrics;
}

function json(res: Parameters<NodeHandler>[1], status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify(body)}\n`);
  return true;
}

export function createOpsRoutes(options: OpsRoutesOptions): NodeHandler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    switch (path) {
      case '/healthz':
        return json(res, 200, { status: 'ok', role: options.role });
      case '/readyz': {
        const ready = await options.queue.ready();
        return json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', role: options.role, queue: options.queue.kind });
      }
      case '/metrics': {
        if (!options.metrics) return false;
        const text = await options.metrics.registry.metrics();
        res.writeHead(200, { 'content-type': options.metrics.registry.contentType });
        res.end(text);
        return true;
      }
      default:
        return false;
    }
  };
}
