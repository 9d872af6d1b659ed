/**
 * Registering the app as a new user does: `npm start` without credentials, the setup page in a
 * real browser (Debian's Chromium), "Register GitHub App" pressed, the manifest the form posts
 * read by a GitHub stand-in (GHE_HOST), then GitHub's redirect back with a code that the server
 * exchanges for the app's credentials.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createHttpServer, type Server } from 'node:http';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

let work: string;
let child: ChildProcess;
let browser: BrowserContext;
let base: string;
let gitHub: Server;
let gitHubHost: string;
const received: { request: string; body: string }[] = [];

/** GitHub's two endpoints in the manifest flow: the form's target and the code exchange. */
function startGitHubStandIn(): Promise<string> {
  gitHub = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ request: `${req.method} ${req.url}`, body });
      if (req.method === 'POST' && req.url === '/settings/apps/new') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<p>GitHub stand-in</p>');
      } else if (req.method === 'POST' && req.url === '/api/v3/app-manifests/the-code/conversions') {
        res.writeHead(201, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: 4242,
            client_id: 'Iv1.stand-in',
            client_secret: 'client-secret',
            webhook_secret: 'webhook-secret',
            pem: '-----BEGIN RSA PRIVATE KEY-----\nstand-in\n-----END RSA PRIVATE KEY-----\n',
            html_url: 'https://github.example/apps/go-standards',
          }),
        );
      } else {
        res.writeHead(404).end();
      }
    });
  });
  return new Promise((done) => gitHub.listen(0, '127.0.0.1', () => done(`127.0.0.1:${(gitHub.address() as { port: number }).port}`)));
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

beforeAll(async () => {
  // A working directory of its own: no developer's .env or *.pem can end setup mode, and the
  // test may rewrite app.yml (read on each page load).
  work = mkdtempSync(join(tmpdir(), 'go-standards-setup-'));
  copyFileSync(join(ROOT, 'app.yml'), join(work, 'app.yml'));
  copyFileSync(join(ROOT, 'package.json'), join(work, 'package.json'));
  gitHubHost = await startGitHubStandIn();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--import', tsx, join(ROOT, 'src/server.ts')], {
    cwd: work,
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', NO_SMEE_SETUP: 'true', NODE_ENV: 'test', GHE_HOST: gitHubHost, GHE_PROTOCOL: 'http' },
    stdio: 'ignore',
  });
  browser = await chromium.launchPersistentContext(join(work, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  for (let i = 0; i < 200; i++) {
    if (await fetch(`${base}/ping`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the app did not start in setup mode');
}, 40_000);

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  await new Promise((r) => gitHub?.close(r));
  rmSync(work, { recursive: true, force: true });
});

/**
 * Opens the setup page, presses the button and returns the page's text, the form's manifest
 * field and the manifest posted (to GitHub, answered by a stand-in in the browser).
 */
async function register(): Promise<{ title: string; heading: string; field: string; posted: string; action: string }> {
  const page = await browser.newPage();
  page.setDefaultTimeout(5_000);
  try {
    await page.goto(`${base}/`);
    expect(page.url()).toBe(`${base}/probot`);
    const title = await page.title();
    const heading = (await page.locator('h1').innerText()).trim();
    const field = (await page.locator('form button[name="manifest"]').getAttribute('value')) ?? '';
    // In this tab or another one: the context sees the request either way.
    const response = browser.waitForEvent('response', { predicate: (r) => r.url().includes(gitHubHost), timeout: 5_000 });
    await page.getByRole('button', { name: 'Register GitHub App' }).click();
    const sent = (await response).request();
    expect(received.findLast((r) => r.request === 'POST /settings/apps/new')?.body).toBe(sent.postData());
    const posted = new URLSearchParams(sent.postData() ?? '').get('manifest') ?? '';
    return { title, heading, field, posted, action: sent.url() };
  } finally {
    await page.close();
  }
}

function expectedManifest(appYml: string): Record<string, unknown> {
  return {
    ...(YAML.parse(appYml) as Record<string, unknown>),
    redirect_url: `${base}/probot/setup`,
    version: 'v1',
    hook_attributes: { url: `${base}/api/github/webhooks` },
  };
}

describe('npm start without credentials: the setup page', () => {
  it("posts app.yml as written, apostrophe and all, with the webhook on the webhook path and the app's name shown", async () => {
    const appYml = readFileSync(join(work, 'app.yml'), 'utf8');
    expect(appYml).toContain("organisation's");
    const { title, heading, field, posted, action } = await register();
    expect(title).toContain('Go Standards');
    expect(heading).toMatch(/^Go Standards\b/);
    expect(action).toBe(`http://${gitHubHost}/settings/apps/new`);
    expect(JSON.parse(field)).toEqual(expectedManifest(appYml));
    expect(JSON.parse(posted)).toEqual(expectedManifest(appYml));
  });

  it('keeps every character of an app.yml full of HTML and quotes', async () => {
    const hostile = readFileSync(join(ROOT, 'app.yml'), 'utf8')
      .replace(/^name: .*$/m, `name: "O'Brien's <b>Go</b> & \\"Standards\\""`)
      .replace(/^description: [\s\S]*?^url:/m, `description: "It's '<script>alert(1)</script>' — \\"quoted\\" </button> &amp; naïve ’"\nurl:`);
    writeFileSync(join(work, 'app.yml'), hostile);
    const { title, heading, posted } = await register();
    const manifest = JSON.parse(posted) as { name: string; description: string };
    expect(manifest).toEqual(expectedManifest(hostile));
    expect(manifest.description).toBe(`It's '<script>alert(1)</script>' — "quoted" </button> &amp; naïve ’`);
    expect(title).toContain(`O'Brien's <b>Go</b> & "Standards"`);
    expect(heading).toContain(`O'Brien's <b>Go</b> & "Standards"`);
  });

  it("exchanges GitHub's code for the app's credentials (Probot's flow) and sends the user on to install it", async () => {
    const res = await fetch(`${base}/probot/setup?code=the-code`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://github.example/apps/go-standards/installations/new');
    const dotenv = readFileSync(join(work, '.env'), 'utf8');
    expect(dotenv).toMatch(/^APP_ID=4242$/m);
    expect(dotenv).toMatch(/^WEBHOOK_SECRET=webhook-secret$/m);
    expect(dotenv).toContain('PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----');
  });
});
