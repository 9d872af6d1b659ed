/**
 * The Probot app: event wiring only, with its dependencies injected (rules, settings, queue,
 * clock). Webhooks are acknowledged at once; reviews run in the review queue. Importing this
 * module creates nothing: `createApp` does, when the entry point (src/server.ts) or a test calls it.
 */
import type { Context, Probot } from 'probot';
import type { Rule } from '../core/rule.js';
import { RULES } from '../rules/index.js';
import type { Clock } from './check-run.js';
import { DeliveryLog } from './delivery-log.js';
import { onInstalled, onRepositoriesChanged } from './installation.js';
import { createReviewCaches } from './review-caches.js';
import { onCheckRunRerequested, onPullRequest, REVIEWED_ACTIONS, reviewScheduler } from './review-events.js';
import { ReviewQueue } from './review-queue.js';
import { settingsFromEnv, type ReviewSettings } from './settings.js';
import { onComment } from './slash-command.js';
import type { Logger } from './types.js';

export interface AppOptions {
  /** Default: from the environment. */
  settings?: ReviewSettings;
  /** Default: every rule in the registry. */
  rules?: readonly Rule[];
  /** Default: an in-process queue running `concurrency` reviews at once. */
  queue?: ReviewQueue;
  /** How many reviews run at once in this process (when the app makes its own queue). */
  concurrency?: number;
  /** Waits between write retries (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  clock?: Clock;
}

export interface GoStandardsApp {
  (app: Probot): void;
  queue: ReviewQueue;
  /** Probot's logger once the app is loaded. */
  log(): Logger | undefined;
}

export function createApp(options: AppOptions = {}): GoStandardsApp {
  const settings = options.settings ?? settingsFromEnv();
  const rules = options.rules ?? RULES;
  const caches = createReviewCaches();
  const deliveries = new DeliveryLog();
  let appLog: Logger | undefined;
  const queue =
    options.queue ??
    new ReviewQueue(options.concurrency ?? 4, (key, error) => {
      appLog?.error({ err: error, pr: key }, 'review failed');
    });
  const schedule = reviewScheduler({ rules, settings, queue, caches, sleep: options.sleep, clock: options.clock });
  const installation = { knownRules: new Set(rules.map((r) => r.id)), queue, orgConfig: caches.orgConfig };

  const firstDelivery = (context: Context): boolean => {
    if (deliveries.firstTime(context.id)) return true;
    context.log.info({ delivery: context.id }, 'duplicate webhook delivery ignored');
    return false;
  };

  const appFn = ((app: Probot) => {
    appLog = app.log;
    app.on(
      REVIEWED_ACTIONS.map((a) => `pull_request.${a}` as const),
      async (context) => {
        if (firstDelivery(context)) onPullRequest(context, schedule);
      },
    );
    app.on('issue_comment.created', async (context) => {
      if (firstDelivery(context)) await onComment(context, { rules, settings, schedule });
    });
    app.on(['installation.created', 'installation.new_permissions_accepted', 'installation.unsuspend'], async (context) => {
      onInstalled(context, installation);
    });
    app.on('installation_repositories', async (context) => {
      onRepositoriesChanged(context, installation);
    });
    app.on('check_run.rerequested', async (context) => {
      if (firstDelivery(context)) onCheckRunRerequested(context, schedule);
    });
  }) as GoStandardsApp;
  appFn.queue = queue;
  appFn.log = () => appLog;
  return appFn;
}
