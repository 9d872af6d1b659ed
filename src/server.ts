/**
 * The production entry point (`npm start`). With the app's credentials: the service (webhook
 * endpoint, job queue, workers, recovery, health and metrics) by `GO_STANDARDS_ROLE`, on Redis
 * when `REDIS_URL` is set; SIGTERM and SIGINT stop it gracefully. Without credentials (and
 * outside production): the setup mode that registers the app from app.yml; in production,
 * Probot's runner, which refuses to start.
 */
import { createProbot, run } from 'probot';
import { createApp } from './github/app.js';
import { GoStandardsOctokit } from './github/octokit.js';
import { DEFAULT_WEBHOOK_PATH, needsRegistration, startRegistration } from './github/registration.js';
import { createReviewCaches } from './github/review-caches.js';
import { settingsFromEnv } from './github/settings.js';
import { startService } from './ops/service.js';
import { serviceSettingsFromEnv } from './ops/service-settings.js';
import { RULES } from './rules/index.js';

const env = process.env;
if (needsRegistration()) {
  if (env.NODE_ENV !== 'production') {
    await startRegistration({ host: env.HOST, port: Number(env.PORT) || 3000, webhookPath: env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH });
  } else {
    await run(createApp({ rules: RULES, settings: settingsFromEnv(), clock: Date.now }), { Octokit: GoStandardsOctokit });
  }
} else {
  const settings = serviceSettingsFromEnv(env);
  const review = { rules: RULES, settings: settingsFromEnv(env), caches: createReviewCaches(), clock: Date.now };
  const probot = createProbot({ env, defaults: { logLevel: 'info' }, overrides: { Octokit: GoStandardsOctokit } });
  const service = await startService({
    settings,
    probot,
    app: (jobs) => createApp({ ...review, jobs }),
    review,
    appId: Number(env.APP_ID),
  }).catch((error: unknown) => {
    const message = `cannot start: ${error instanceof Error ? error.message : String(error)}`;
    if (probot.log) probot.log.fatal({ err: error }, message);
    else console.error(message);
    process.exit(1);
  });
  const stop = (signal: string): void => {
    probot.log.info({ signal }, 'stopping');
    void service.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
