/**
 * The production entry point (`npm start`): Probot's own runner with the app, a bounded
 * throttling/retry Octokit, and a graceful shutdown on SIGTERM and SIGINT that stops taking
 * work and lets running reviews finish within a timeout. Without credentials (and outside
 * production, where Probot's runner refuses to start): the setup mode that registers the app
 * from app.yml.
 */
import { run } from 'probot';
import { createApp } from './github/app.js';
import { GoStandardsOctokit } from './github/octokit.js';
import { DEFAULT_WEBHOOK_PATH, needsRegistration, startRegistration } from './github/registration.js';
import { ReviewQueue } from './github/review-queue.js';
import { settingsFromEnv } from './github/settings.js';
import { RULES } from './rules/index.js';

const SHUTDOWN_TIMEOUT_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS) || 25_000;

const queue = new ReviewQueue(4, (key, error) => {
  app.log()?.error({ err: error, pr: key }, 'review failed');
});
const app = createApp({ rules: RULES, settings: settingsFromEnv(), queue, clock: Date.now });
const server =
  needsRegistration() && process.env.NODE_ENV !== 'production'
    ? await startRegistration({
        host: process.env.HOST,
        port: Number(process.env.PORT) || 3000,
        webhookPath: process.env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH,
      })
    : await run(app, { Octokit: GoStandardsOctokit });

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log()?.info({ signal, inFlight: app.queue.size }, 'shutting down: no new reviews; waiting for running ones');
  const finished = await app.queue.close(SHUTDOWN_TIMEOUT_MS);
  if (!finished) app.log()?.warn('shutdown timeout: abandoning the reviews still running');
  await server.stop().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
