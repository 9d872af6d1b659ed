/**
 * The real app as a child process (`src/server.ts` through tsx) against a GitHub stand-in, and
 * signed webhook deliveries to it. The stand-in's delivery log records each delivery with the
 * status the app answered, as GitHub's does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { TEST_PRIVATE_KEY } from '../github/harness.js';
import type { GitHubStandIn } from '../github/standin.js';
import { freePort } from './redis-server.js';

export const WEBHOOK_SECRET = 'e2e-secret';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what = 'a condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export interface AppProcess {
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process ended. */
  exited: Promise<number | string>;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
  metrics(): Promise<string>;
}

/** Starts the app; resolves once `/healthz` answers. */
export async function startApp(githubHost: string, env: Record<string, string> = {}): Promise<AppProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      PATH: process.env.PATH,
      APP_ID: '1',
      PRIVATE_KEY: TEST_PRIVATE_KEY,
      WEBHOOK_SECRET,
      HOST: '127.0.0.1',
      GHE_HOST: githubHost,
      GHE_PROTOCOL: 'http',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
      LOG_FORMAT: 'json',
      NODE_ENV: 'test',
      GO_STANDARDS_CONTENTS_VIA: 'rest',
      GO_STANDARDS_RECOVERY_INTERVAL_MS: '0',
      ...env,
      PORT: String(port),
    } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const app: AppProcess = {
    port,
    child,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    async metrics() {
      return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    },
  };
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < 300; i++) {
    if (gone) throw new Error(`the app exited at start (${await exited})`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return app;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await app.stop('SIGKILL');
  throw new Error('the app did not start');
}

export function signature(body: string, secret = WEBHOOK_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface DeliveryOptions {
  guid?: string;
  /** Records the delivery in this stand-in's delivery log, as GitHub would. */
  standIn?: GitHubStandIn;
  /** The raw body (signed as is) instead of the payload's JSON. */
  body?: string;
  /** Default `application/json`. */
  contentType?: string;
}

/** The app's answer to a delivery: its status (0 when there was none) and its text. */
export interface DeliveryAnswer {
  status: number;
  text: string;
}

/**
 * Delivers a signed webhook and records it in the stand-in's delivery log with the answer's
 * status (0 when there was no answer).
 */
export async function deliverWithAnswer(app: { port: number }, event: string, payload: unknown, options: DeliveryOptions = {}): Promise<DeliveryAnswer> {
  const guid = options.guid ?? `e2e-${Math.random().toString(16).slice(2)}`;
  const body = options.body ?? JSON.stringify(payload);
  let answer: DeliveryAnswer = { status: 0, text: '' };
  try {
    const res = await fetch(`http://127.0.0.1:${app.port}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': options.contentType ?? 'application/json',
        'x-github-event': event,
        'x-github-delivery': guid,
        'x-hub-signature-256': signature(body),
      },
      body,
    });
    answer = { status: res.status, text: await res.text() };
  } catch {
    answer = { status: 0, text: '' };
  }
  options.standIn?.recordDelivery(guid, event, payload, answer.status);
  return answer;
}

/** `deliverWithAnswer`, the status only. */
export async function deliver(app: { port: number }, event: string, payload: unknown, options: DeliveryOptions = {}): Promise<number> {
  return (await deliverWithAnswer(app, event, payload, options)).status;
}
