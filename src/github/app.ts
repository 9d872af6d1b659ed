/**
 * The Probot app: event wiring only. Webhooks are acknowledged at once; reviews run in the
 * review queue, one pull request at a time, the newest push winning.
 */
import type { Probot } from 'probot';
import { compileRules, type RuleSet } from '../core/engine.js';
import { RULES } from '../rules/index.js';
import { reviewPullRequest } from './pull-request.js';
import { ReviewQueue } from './review-queue.js';
import { settingsFromEnv, type ReviewSettings } from './settings.js';

export interface AppOptions {
  settings?: ReviewSettings;
  ruleSet?: RuleSet;
  /** How many reviews run at once in this process. */
  concurrency?: number;
}

export interface GoStandardsApp {
  (app: Probot): void;
  queue: ReviewQueue;
}

const REVIEWED_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'] as const;

export function createApp(options: AppOptions = {}): GoStandardsApp {
  const settings = options.settings ?? settingsFromEnv();
  const ruleSet = options.ruleSet ?? compileRules(RULES);
  let log: Probot['log'] | undefined;
  const queue = new ReviewQueue(options.concurrency ?? 4, (key, error) => {
    log?.error({ err: error, pr: key }, 'review failed');
  });

  const appFn = ((app: Probot) => {
    log = app.log;
    app.on(
      REVIEWED_ACTIONS.map((a) => `pull_request.${a}` as const),
      async (context) => {
        const pr = context.payload.pull_request;
        const repo = context.payload.repository;
        const key = `${repo.full_name}#${pr.number}`;
        const prLog = context.log.child({ repo: repo.full_name, pr: pr.number, sha: pr.head.sha, action: context.payload.action });
        if (pr.state !== 'open') {
          prLog.info('pull request is not open: skipped');
          return;
        }
        if (pr.draft) {
          prLog.info('draft pull request: skipped until ready for review');
          return;
        }
        const octokit = context.octokit;
        const target = { owner: repo.owner.login, repo: repo.name, pull_number: pr.number, headSha: pr.head.sha };
        queue.enqueue(key, async () => {
          const outcome = await reviewPullRequest({ octokit, log: prLog, ruleSet, settings }, target);
          prLog.info({ outcome: outcome.status }, 'review run finished');
        });
      },
    );
  }) as GoStandardsApp;
  appFn.queue = queue;
  return appFn;
}

export default createApp();
