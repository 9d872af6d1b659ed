/** A plain node HTTP server over a chain of handlers; what none handles is a 404. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NodeHandler } from '../github/webhook-ingress.js';
import type { Logger } from '../github/types.js';

export interface Listening {
  server: Server;
  port: number;
  /** Stops accepting connections; resolves when open ones are done (idle ones are closed). */
  close(): Promise<void>;
}

export async function listen(handlers: readonly NodeHandler[], port: number, host: string, log: Logger): Promise<Listening> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        for (const handle of handlers) if (await handle(req, res)) return;
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      } catch (error) {
        log.error({ err: error, url: req.url }, 'HTTP handler failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('internal error\n');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** The `/ping` route Probot's server had (kept for existing probes). */
export const pingRoute: NodeHandler = async (req, res) => {
  if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/ping') return false;
  res.writeHead(200, { 'content-type': 'text/plain' }).end('PONG');
  return true;
};
