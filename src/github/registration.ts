/**
 * Registering the app: the setup mode `npm start` enters without credentials, where GitHub's
 * manifest flow creates the app from `app.yml`.
 *
 * Probot's own setup page is replaced by one that escapes the manifest for HTML (Probot's puts
 * it unescaped in a single-quoted attribute, so an apostrophe in `app.yml` cut it short), points
 * the webhook at the webhook path (Probot's points at the server root, where no webhook is
 * received) and shows the app's own name. The rest of the flow stays Probot's: `/` redirecting
 * here, the code exchange at `/probot/setup` that writes `APP_ID`, `PRIVATE_KEY` and
 * `WEBHOOK_SECRET` to `.env`, the page for importing an existing app, the smee.io channel in
 * development.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { getPrivateKey } from '@probot/get-private-key';
import { Probot, Server } from 'probot';
import YAML from 'yaml';

/** Probot's webhook route when `WEBHOOK_PATH` is not set (the default of @octokit/webhooks). */
export const DEFAULT_WEBHOOK_PATH = '/api/github/webhooks';

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Probot's setup app (not among the package's exports, so loaded from its file). */
interface ProbotSetupApp {
  setupAppFactory(options: { host: string; port: number; log: Probot['log'] }): () => Promise<RequestHandler>;
}

async function probotSetupApp(): Promise<ProbotSetupApp> {
  const lib = new URL('.', import.meta.resolve('probot'));
  return (await import(new URL('apps/setup.js', lib).href)) as ProbotSetupApp;
}

/**
 * Whether Probot would start in setup mode: no app id or no private key (`PRIVATE_KEY`,
 * `PRIVATE_KEY_PATH` or a `*.pem` file in the working directory), after reading `.env` into the
 * environment as Probot's runner does.
 */
export function needsRegistration(cwd = process.cwd(), env = process.env): boolean {
  const dotenv = join(cwd, '.env');
  if (existsSync(dotenv)) Object.assign(env, parseEnv(readFileSync(dotenv, 'utf8')));
  let privateKey: string | null = null;
  try {
    privateKey = getPrivateKey({ env, cwd });
  } catch {
    // An unreadable PRIVATE_KEY_PATH: Probot also goes on without a key.
  }
  return !Number(env.APP_ID) || !privateKey;
}

interface PackageFacts {
  name?: string;
  version?: string;
  description?: string;
  homepage?: string;
}

function readJsonIfPresent(file: string): PackageFacts {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PackageFacts) : {};
}

function readManifestFile(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  const parsed: unknown = YAML.parse(readFileSync(file, 'utf8'));
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

/**
 * The manifest posted to GitHub: `app.yml` as written, over Probot's defaults (name, description
 * and homepage from package.json, a public app, version v1), with the redirect back to this
 * server and the webhook on the webhook path (or the smee.io channel that forwards to it).
 */
export function appManifest(
  appYml: Record<string, unknown>,
  pkg: PackageFacts,
  baseUrl: string,
  webhookUrl: string,
): Record<string, unknown> {
  const hook = appYml.hook_attributes && typeof appYml.hook_attributes === 'object' ? appYml.hook_attributes : {};
  return {
    name: pkg.name,
    description: pkg.description,
    url: pkg.homepage,
    public: true,
    redirect_url: `${baseUrl}/probot/setup`,
    version: 'v1',
    ...appYml,
    hook_attributes: { url: webhookUrl, ...hook },
  };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** The page with the "Register GitHub App" form that posts the manifest to GitHub. */
export function registrationPage(manifest: Record<string, unknown>, createAppUrl: string, version?: string): string {
  const name = escapeHtml(String(manifest.name ?? 'the app'));
  const description = typeof manifest.description === 'string' ? `<p>${escapeHtml(manifest.description)}</p>` : '';
  const badge = version ? ` <span class="Label Label--outline v-align-middle ml-2">v${escapeHtml(version)}</span>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Register ${name}</title>
<link rel="icon" href="/probot/static/probot-head.svg">
<link rel="stylesheet" href="/probot/static/primer.css">
</head>
<body class="bg-gray-light">
<main class="container-md p-6">
<div class="box-shadow rounded-2 border p-6 bg-white">
<h1>${name}${badge}</h1>
${description}
<p>Register ${name} as a GitHub App on your account or organisation. GitHub creates it from
<code>app.yml</code>, sends you back here, and the server writes the app's credentials to
<code>.env</code>; then restart it.</p>
<form action="${escapeHtml(createAppUrl)}" method="post" class="d-flex flex-items-center">
<button class="btn btn-primary" type="submit" name="manifest" id="manifest" value="${escapeHtml(JSON.stringify(manifest))}">Register GitHub App</button>
<a href="/probot/import" class="ml-2">or use an existing GitHub App</a>
</form>
</div>
</main>
</body>
</html>
`;
}

/** Where GitHub creates apps from a manifest: github.com or `GHE_HOST`, optionally for `GH_ORG`. */
function createAppUrl(env: NodeJS.ProcessEnv): string {
  const org = env.GH_ORG ? `/organizations/${env.GH_ORG}` : '';
  return `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST || 'github.com'}${org}/settings/apps/new`;
}

/** The server's address as the browser reached it (behind a proxy: its forwarded headers). */
function baseUrl(req: IncomingMessage): string {
  const forwardedProto = req.headers['x-forwarded-proto'];
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted;
  const protocol = forwardedProto || encrypted ? 'https' : 'http';
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  return `${protocol}://${String(host).split(',')[0]!.trim()}`;
}

export interface RegistrationOptions {
  host?: string;
  port: number;
  webhookPath: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Starts the setup-mode server: this page at `/probot`, Probot's setup app for the rest. */
export async function startRegistration(options: RegistrationOptions): Promise<Server> {
  const { cwd = process.cwd(), env = process.env, webhookPath } = options;
  const server = new Server({
    host: options.host,
    port: options.port,
    webhookPath,
    // Probot needs an app id and key to construct; setup mode never uses them.
    Probot: Probot.defaults({ appId: 1, privateKey: 'unused in setup mode' }),
  });
  const { setupAppFactory } = await probotSetupApp();
  await server.loadHandlerFactory(async (probot) => {
    const probotSetup = await setupAppFactory({ host: server.host, port: server.port, log: probot.log.child({ name: 'setup' }) })();
    return async (req, res) => {
      const path = req.url?.split('?')[0];
      if (req.method !== 'GET' || path !== '/probot') return probotSetup(req, res);
      const base = baseUrl(req);
      const webhookUrl = env.WEBHOOK_PROXY_URL || `${base}${webhookPath}`;
      const pkg = readJsonIfPresent(join(cwd, 'package.json'));
      const manifest = appManifest(readManifestFile(join(cwd, 'app.yml')), pkg, base, webhookUrl);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(registrationPage(manifest, createAppUrl(env), pkg.version));
      return true;
    };
  });
  await server.start();
  return server;
}
