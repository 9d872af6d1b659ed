/**
 * A small GitHub stand-in over HTTP for end-to-end tests of the real server process
 * (`probot run` with GHE_HOST pointing here). It serves the REST endpoints the app uses from an
 * in-memory pull request and records every request.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInFile {
  filename: string;
  status: string;
  patch?: string;
  content: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: any;
}

export class GitHubStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly reviews: any[] = [];
  readonly checkRuns: any[] = [];
  private server: Server | undefined;

  constructor(
    private readonly repo: string,
    private readonly pull: number,
    private readonly sha: string,
    private readonly files: StandInFile[],
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(([status, body]) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<[number, unknown]> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const body = text ? JSON.parse(text) : undefined;
    this.requests.push({ method: req.method ?? 'GET', path: `${path}${url.search}`, body });
    const prefix = `/api/v3/repos/${this.repo}`;
    if (req.method === 'POST' && /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return [201, { token: 'ghs_standin', expires_at: new Date(Date.now() + 3600_000).toISOString() }];
    }
    if (req.method === 'GET' && path === `${prefix}/pulls/${this.pull}/files`) {
      return [200, this.files.map((f) => ({ filename: f.filename, status: f.status, patch: f.patch }))];
    }
    if (req.method === 'GET' && path.startsWith(`${prefix}/contents/`) && url.searchParams.get('ref') === this.sha) {
      const file = this.files.find((f) => `${prefix}/contents/${f.filename}` === path);
      if (!file) return [404, { message: 'Not Found' }];
      const bytes = Buffer.from(file.content);
      return [200, { type: 'file', path: file.filename, size: bytes.length, encoding: 'base64', content: bytes.toString('base64') }];
    }
    if (req.method === 'POST' && path === `${prefix}/pulls/${this.pull}/reviews`) {
      this.reviews.push(body);
      return [200, { id: this.reviews.length }];
    }
    if (req.method === 'GET' && path === `${prefix}/pulls/${this.pull}/reviews`) {
      return [200, this.reviews.map((r, i) => ({ id: i + 1, body: r.body, commit_id: r.commit_id, user: { login: 'go-standards[bot]', type: 'Bot' } }))];
    }
    if (req.method === 'GET' && path === `${prefix}/pulls/${this.pull}/comments`) {
      let id = 100;
      return [200, this.reviews.flatMap((r) => (r.comments ?? []).map((c: any) => ({ ...c, id: id++, user: { login: 'go-standards[bot]', type: 'Bot' } })))];
    }
    if (req.method === 'GET' && path === `${prefix}/pulls/${this.pull}`) {
      return [200, { number: this.pull, state: 'open', head: { sha: this.sha } }];
    }
    if (req.method === 'POST' && path === `${prefix}/check-runs`) {
      this.checkRuns.push({ ...body });
      return [201, { id: this.checkRuns.length }];
    }
    const update = new RegExp(`^${prefix}/check-runs/(\\d+)$`).exec(path);
    if (req.method === 'PATCH' && update) {
      Object.assign(this.checkRuns[Number(update[1]) - 1] ?? {}, body);
      return [200, { id: Number(update[1]) }];
    }
    return [404, { message: `Not Found: ${req.method} ${path}` }];
  }
}
