/**
 * A small GitHub stand-in over HTTP for end-to-end tests of the real server process
 * (`GHE_HOST` pointing here). It serves the REST endpoints the app uses from in-memory pull
 * requests of one repository and records every request. Reads of file contents can be slowed
 * down (`contentDelayMs`) to catch a review mid-flight.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addedFilePatch, openPullPayload } from './harness.js';

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

/** One attempt in the app's delivery log (`GET /app/hook/deliveries`). */
export interface StandInDelivery {
  id: number;
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  status_code: number;
  status: string;
  event: string;
  action: string | null;
  installation_id: number | null;
  repository_id: number | null;
  payload: unknown;
}

interface StandInPull {
  sha: string;
  files: StandInFile[];
}

/** The app id the stand-in's check runs carry (the e2e processes run as APP_ID=1). */
export const STANDIN_APP_ID = 1;

export class GitHubStandIn {
  readonly requests: RecordedRequest[] = [];
  /** Review bodies, each with the pull request it was posted on (`pull`). */
  readonly reviews: any[] = [];
  /** Check runs as last written, each with `id`. */
  readonly checkRuns: any[] = [];
  /** Milliseconds every contents read waits before answering. */
  contentDelayMs = 0;
  /** The app's delivery log, oldest first (record them with `recordDelivery`). */
  readonly deliveries: StandInDelivery[] = [];
  /** Called for each redelivery the app asks for (`POST …/attempts`). */
  onRedeliver: ((delivery: StandInDelivery) => void) | undefined;
  private readonly pulls = new Map<number, StandInPull>();
  private server: Server | undefined;

  constructor(
    private readonly repo: string,
    pull: number,
    sha: string,
    files: StandInFile[],
  ) {
    this.addPull(pull, sha, files);
  }

  addPull(pull: number, sha: string, files: StandInFile[]): void {
    this.pulls.set(pull, { sha, files });
  }

  /**
   * A new pull request whose head (a SHA made of its number) adds one file, and the real
   * `pull_request.opened` payload announcing it on `installationId`.
   */
  openedPull(pull: number, path: string, content: string, installationId: number): any {
    const sha = pull.toString(16).padStart(40, '0');
    this.addPull(pull, sha, [{ filename: path, status: 'added', patch: addedFilePatch(content), content }]);
    const payload = openPullPayload();
    payload.pull_request.number = pull;
    payload.pull_request.head.sha = sha;
    payload.installation.id = installationId;
    return payload;
  }

  /** Adds an attempt to the delivery log, as GitHub would after delivering a webhook. */
  recordDelivery(guid: string, event: string, payload: any, statusCode: number, deliveredAt = new Date()): StandInDelivery {
    const delivery: StandInDelivery = {
      id: this.deliveries.length + 1,
      guid,
      delivered_at: deliveredAt.toISOString(),
      redelivery: this.deliveries.some((d) => d.guid === guid),
      status_code: statusCode,
      status: statusCode >= 200 && statusCode < 300 ? 'OK' : statusCode === 0 ? 'timed out' : 'Invalid HTTP Response',
      event,
      action: payload?.action ?? null,
      installation_id: payload?.installation?.id ?? null,
      repository_id: payload?.repository?.id ?? null,
      payload,
    };
    this.deliveries.push(delivery);
    return delivery;
  }

  reviewsOf(pull: number): any[] {
    return this.reviews.filter((r) => r.pull === pull);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(([status, body, headers]) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<[number, unknown, Record<string, string>?]> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const body = text ? JSON.parse(text) : undefined;
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: `${path}${url.search}`, body });
    const prefix = `/api/v3/repos/${this.repo}`;
    if (method === 'POST' && /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return [201, { token: 'ghs_standin', expires_at: new Date(Date.now() + 3600_000).toISOString() }];
    }
    if (path.startsWith('/api/v3/app/hook/deliveries')) return this.deliveryLog(method, path, url);
    if (method === 'GET' && path === '/api/v3/app') return [200, { id: STANDIN_APP_ID, slug: 'go-standards', name: 'Go Standards' }];
    const pullPath = new RegExp(`^${prefix}/pulls/(\\d+)(/files|/reviews|/comments)?$`).exec(path);
    const pull = pullPath ? this.pulls.get(Number(pullPath[1])) : undefined;
    if (pullPath && pull) {
      const number = Number(pullPath[1]);
      const bot = { login: 'go-standards[bot]', type: 'Bot' };
      switch (`${method} ${pullPath[2] ?? ''}`) {
        case 'GET /files':
          return [200, pull.files.map((f) => ({ filename: f.filename, status: f.status, patch: f.patch }))];
        case 'POST /reviews':
          this.reviews.push({ ...body, pull: number });
          return [200, { id: this.reviews.length }];
        case 'GET /reviews':
          return [200, this.reviews.flatMap((r, i) => (r.pull === number ? [{ id: i + 1, body: r.body, commit_id: r.commit_id, user: bot }] : []))];
        case 'GET /comments': {
          let id = 100;
          return [200, this.reviewsOf(number).flatMap((r) => (r.comments ?? []).map((c: any) => ({ ...c, id: id++, user: bot })))];
        }
        case 'GET ':
          return [200, { number, state: 'open', draft: false, head: { sha: pull.sha }, base: { sha: 'base0000' } }];
      }
    }
    if (method === 'GET' && path.startsWith(`${prefix}/contents/`)) {
      const ref = url.searchParams.get('ref');
      const file = [...this.pulls.values()].filter((p) => p.sha === ref).flatMap((p) => p.files).find((f) => `${prefix}/contents/${f.filename}` === path);
      if (!file) return [404, { message: 'Not Found' }];
      if (this.contentDelayMs > 0) await new Promise((r) => setTimeout(r, this.contentDelayMs));
      const bytes = Buffer.from(file.content);
      return [200, { type: 'file', path: file.filename, size: bytes.length, encoding: 'base64', content: bytes.toString('base64') }];
    }
    if (method === 'POST' && path === `${prefix}/check-runs`) {
      this.checkRuns.push({ ...body, id: this.checkRuns.length + 1 });
      return [201, { id: this.checkRuns.length }];
    }
    const runsForRef = new RegExp(`^${prefix}/commits/([^/]+)/check-runs$`).exec(path);
    if (method === 'GET' && runsForRef) {
      const name = url.searchParams.get('check_name');
      const runs = this.checkRuns.filter((r) => r.head_sha === runsForRef[1] && (!name || r.name === name));
      return [200, { total_count: runs.length, check_runs: runs.map((r) => ({ id: r.id, name: r.name, head_sha: r.head_sha, status: r.status ?? 'queued', conclusion: r.conclusion ?? null, app: { id: STANDIN_APP_ID } })) }];
    }
    const update = new RegExp(`^${prefix}/check-runs/(\\d+)$`).exec(path);
    if (method === 'PATCH' && update) {
      Object.assign(this.checkRuns[Number(update[1]) - 1] ?? {}, body);
      return [200, { id: Number(update[1]) }];
    }
    return [404, { message: `Not Found: ${method} ${path}` }];
  }

  /** The delivery log: listed newest first, `per_page` at a time with a `cursor` in the Link header. */
  private deliveryLog(method: string, path: string, url: URL): [number, unknown, Record<string, string>?] {
    const list = (d: StandInDelivery): Omit<StandInDelivery, 'payload'> => {
      const { payload, ...rest } = d;
      void payload;
      return rest;
    };
    if (method === 'GET' && path === '/api/v3/app/hook/deliveries') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const newestFirst = [...this.deliveries].reverse();
      const page = newestFirst.slice(start, start + perPage);
      const next = start + perPage < newestFirst.length ? { link: `<${url.origin}/api/v3/app/hook/deliveries?per_page=${perPage}&cursor=${start + perPage}>; rel="next"` } : undefined;
      return [200, page.map(list), next];
    }
    const one = /^\/api\/v3\/app\/hook\/deliveries\/(\d+)(\/attempts)?$/.exec(path);
    const delivery = one ? this.deliveries[Number(one[1]) - 1] : undefined;
    if (!one || !delivery) return [404, { message: 'Not Found' }];
    if (method === 'GET' && !one[2]) return [200, { ...list(delivery), request: { headers: {}, payload: delivery.payload }, response: { headers: {}, payload: null } }];
    if (method === 'POST' && one[2]) {
      this.onRedeliver?.(delivery);
      return [202, {}];
    }
    return [404, { message: 'Not Found' }];
  }
}
