/**
 * The Probot app: event wiring only, with its dependencies injected (rules, settings, job queue,
 * clock). Webhooks are acknowledged once their review job is stored; reviews run from the job
 * queue (in this process, or in workers on Redis). Importing this module creates nothing:
 * `createApp` does, when the entry point (src/server.ts) or a test calls it.
 */
import type { Context, Probot } from 'probot';
import type { Rule } from '../core/rule.js';
import { RULES } from '../rules/index.js';
import type { Clock } from './check-run.js';
import { DeliveryLog } from './delivery-log.js';
import { onInstalled, onRepositoriesChanged } from './installation.js';
import { createReviewCaches, type ReviewCaches } from './review-caches.js';
import { InProcessQueue } from './queue/in-process-queue.js';
import type { JobQueue } from './queue/job-queue.js';
import { onCheckRunRerequested, onPullRequest, REVIEWED_ACTIONS, reviewSubmitter } from './review-events.js';
import { ReviewQueue } from './review-queue.js';
import { createReviewRunner } from './review-runner.js';
import { settingsFromEnv, type ReviewSettings } from './settings.js';
import { onComment } from './slash-command.js';
import type { Logger } from './types.js';

export interface AppOptions {
  /** Default: from the environment. */
  settings?: ReviewSettings;
  /** Default: every rule in the registry. */
  rules?: readonly Rule[];
  /**
   * Where review jobs go (the service passes its in-process or Redis queue and runs the jobs
   * itself). Default: an in-process queue whose jobs this app runs, `concurrency` at once.
   */
  jobs?: JobQueue;
  /** How many reviews run at once in this process (when the app makes its own queue). */
  concurrency?: number;
  /** Tries per job on the app's own queue (default 5), and the first retry's delay. */
  attempts?: number;
  backoffMs?: number;
  /** Shared with the process's workers (the organisation configuration warmed on install). */
  caches?: ReviewCaches;
  /** Waits between write retries (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  clock?: Clock;
}

export interface GoStandardsApp {
  (app: Probot): void;
  queue: JobQueue;
  /** Resolves once no review job and no background task (configuration warm-up) is pending. */
  idle(): Promise<void>;
  /** Probot's logger once the app is loaded. */
  log(): Logger | undefined;
}

export function createApp(options: AppOptions = {}): GoStandardsApp {
  const settings = options.settings ?? settingsFromEnv();
  const rules = options.rules ?? RULES;
  const caches = options.caches ?? createReviewCaches();
  const deliveries = new DeliveryLog();
  let appLog: Logger | undefined;
  const queueLog = {
    warn: (...args: unknown[]) => (appLog?.warn as ((...a: unknown[]) => void) | undefined)?.(...args),
    error: (...args: unknown[]) => (appLog?.error as ((...a: unknown[]) => void) | undefined)?.(...args),
  } as unknown as Logger;
  const ownQueue = !options.jobs;
  const queue: JobQueue =
    options.jobs ?? new InProcessQueue({ concurrency: options.concurrency ?? 4, attempts: options.attempts ?? 5, backoffMs: options.backoffMs ?? 10_000, log: queueLog });
  const submit = reviewSubmitter(queue);
  // Work that is not a review and not worth storing: a lost configuration warm-up costs nothing.
  const background = new ReviewQueue(2, (key, error) => appLog?.warn({ err: error, task: key }, 'background task failed'));
  const installation = { knownRules: new Set(rules.map((r) => r.id)), queue: background, orgConfig: caches.orgConfig };

  /** Commands that queue no review: dropped when their delivery comes again, unless handling it failed. */
  const onceOnly = async (context: Context, handle: () => Promise<void>): Promise<void> => {
    if (!deliveries.firstTime(context.id)) {
      context.log.info({ delivery: context.id }, 'duplicate webhook delivery ignored');
      return;
    }
    try {
      await handle();
    } catch (error) {
      deliveries.forget(context.id);
      throw error;
    }
  };

  const appFn = ((app: Probot) => {
    appLog = app.log;
    if (ownQueue) {
      const review = { rules, settings, caches, sleep: options.sleep, clock: options.clock };
      queue.work(createReviewRunner({ octokitFor: (id) => app.auth(id), review, log: app.log }));
    }
    // Deliveries that queue a review are deduplicated by the queue, once the job is stored.
    app.on(
      REVIEWED_ACTIONS.map((a) => `pull_request.${a}` as const),
      (context) => onPullRequest(context, submit),
    );
    app.on('issue_comment.created', (context) => onceOnly(context, () => onComment(context, { rules, settings, submit })));
    app.on(['installation.created', 'installation.new_permissions_accepted', 'installation.unsuspend'], async (context) => {
      onInstalled(context, installation);
    });
    app.on('installation_repositories', async (context) => {
      onRepositoriesChanged(context, installation);
    });
    app.on('check_run.rerequested', (context) => onCheckRunRerequested(context, submit));
  }) as GoStandardsApp;
  appFn.queue = queue;
  appFn.idle = async () => {
    await Promise.all([queue.onIdle(), background.onIdle()]);
  };
  appFn.log = () => appLog;
  return appFn;
}
