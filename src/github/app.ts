/**
 * The Probot app: event wiring only. Webhooks are acknowledged at once; reviews run in the
 * review queue, one pull request at a time, the newest push winning.
 */
import type { Context, Probot } from 'probot';
import type { Rule } from '../core/rule.js';
import { RULES, ruleById } from '../rules/index.js';
import { DeliveryLog } from './delivery-log.js';
import { warmOrgConfig } from './config-loader.js';
import { createReviewCaches, reviewPullRequest } from './pull-request.js';
import { ReviewQueue } from './review-queue.js';
import { settingsFromEnv, type ReviewSettings } from './settings.js';
import { canWrite, explainText, HELP_TEXT, parseCommand } from './slash-command.js';
import { CHECK_NAME } from './check-run.js';
import type { GitHub, Logger, PullTarget } from './types.js';

export interface AppOptions {
  settings?: ReviewSettings;
  rules?: readonly Rule[];
  /** How many reviews run at once in this process. */
  concurrency?: number;
  /** Waits between write retries (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
}

export interface GoStandardsApp {
  (app: Probot): void;
  queue: ReviewQueue;
  /** Probot's logger once the app is loaded. */
  log(): Logger | undefined;
}

const REVIEWED_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'] as const;

export function createApp(options: AppOptions = {}): GoStandardsApp {
  const settings = options.settings ?? settingsFromEnv();
  const rules = options.rules ?? RULES;
  const caches = createReviewCaches();
  const deliveries = new DeliveryLog();
  let appLog: Logger | undefined;
  const queue = new ReviewQueue(options.concurrency ?? 4, (key, error) => {
    appLog?.error({ err: error, pr: key }, 'review failed');
  });

  /** Queues a review of the pull request's current head; `done` hears how it ended. */
  function scheduleReview(
    octokit: GitHub,
    log: Logger,
    repo: { owner: string; repo: string },
    pullNumber: number,
    known: { headSha: string; baseSha: string; draft: boolean } | undefined,
    done?: (error?: unknown) => Promise<void>,
  ): void {
    const key = `${repo.owner}/${repo.repo}#${pullNumber}`;
    const accepted = queue.enqueue(
      key,
      async () => {
        try {
          let pull = known;
          if (!pull) {
            const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber });
            if (data.state !== 'open') {
              log.info('pull request is not open: nothing to recheck');
              await done?.();
              return;
            }
            pull = { headSha: data.head.sha, baseSha: data.base.sha, draft: data.draft ?? false };
          }
          const target: PullTarget = { ...repo, pull_number: pullNumber, headSha: pull.headSha };
          const outcome = await reviewPullRequest(
            { octokit, log: log.child({ sha: pull.headSha }), rules, settings, sleep: options.sleep, caches },
            target,
            { baseSha: pull.baseSha, draft: pull.draft, superseded: () => queue.waitingTag(key) },
          );
          log.info({ outcome: outcome.status }, 'review run finished');
          await done?.();
        } catch (error) {
          await done?.(error);
          throw error;
        }
      },
      () => void done?.(),
      known?.headSha,
    );
    if (!accepted) throw new Error('shutting down: not taking new reviews');
  }

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
        if (!firstDelivery(context)) return;
        const pr = context.payload.pull_request;
        const repo = context.payload.repository;
        const log = context.log.child({ repo: repo.full_name, pr: pr.number, action: context.payload.action });
        if (pr.state !== 'open') {
          log.info('pull request is not open: skipped');
          return;
        }
        // Drafts are skipped unless the repository's configuration (read in the job) says otherwise.
        scheduleReview(context.octokit, log, { owner: repo.owner.login, repo: repo.name }, pr.number, {
          headSha: pr.head.sha,
          baseSha: pr.base.sha,
          draft: pr.draft ?? false,
        });
      },
    );

    app.on('issue_comment.created', async (context) => {
      if (!firstDelivery(context)) return;
      const { comment, issue, repository } = context.payload;
      if (!issue.pull_request) return;
      if (comment.user?.type === 'Bot' || context.payload.sender.type === 'Bot') return;
      const command = parseCommand(comment.body ?? '');
      if (!command) return;
      const repo = { owner: repository.owner.login, repo: repository.name };
      const log = context.log.child({ repo: repository.full_name, pr: issue.number, command: command.name, user: comment.user?.login });
      const octokit = context.octokit;
      const react = async (content: 'eyes' | 'rocket' | 'confused'): Promise<void> => {
        try {
          await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: comment.id, content });
        } catch (error) {
          log.warn({ err: error }, `cannot add the ${content} reaction`);
        }
      };
      const reply = (body: string) => octokit.rest.issues.createComment({ ...repo, issue_number: issue.number, body });
      await react('eyes');
      const renderOptions = { docsBaseUrl: settings.docsBaseUrl, standardUrl: settings.standardUrl };
      switch (command.name) {
        case 'help':
        case 'unknown':
          await reply(command.name === 'unknown' ? `Unknown command \`${command.text}\`.\n\n${HELP_TEXT}` : HELP_TEXT);
          await react('rocket');
          return;
        case 'explain':
          await reply(explainText(command.rule ? ruleById(command.rule) : undefined, command.rule, rules, renderOptions));
          await react(command.rule && ruleById(command.rule) ? 'rocket' : 'confused');
          return;
        case 'recheck': {
          const login = comment.user?.login ?? '';
          if (!(await canWrite(octokit, repo.owner, repo.repo, login))) {
            log.info('recheck refused: no write permission');
            await reply(`Sorry @${login}, only people with write access to this repository can ask for a re-check.`);
            return;
          }
          scheduleReview(octokit, log, repo, issue.number, undefined, async (error) => {
            if (!error) return react('rocket');
            await react('confused');
            await reply('The re-check failed; the error is in the app log. Try `/go-standards recheck` again later.').catch(() => undefined);
          });
          return;
        }
      }
    });

    // Org-wide installs: nothing is posted on install. The log shows what was added, and the
    // organisation's defaults are read once (a broken file shows in the log before any review).
    const knownRules = new Set(rules.map((r) => r.id));
    // In the queue, like reviews: the webhook is answered at once, and shutdown waits for it.
    const warm = async (context: Context<'installation' | 'installation_repositories'>): Promise<void> => {
      const owner = accountLogin(context.payload.installation.account);
      if (!owner) return;
      queue.enqueue(`org-config:${owner}`, () => warmOrgConfig(context.octokit, owner, knownRules, caches.orgConfig, context.log));
    };
    app.on(['installation.created', 'installation.new_permissions_accepted', 'installation.unsuspend'], async (context) => {
      const repos = context.payload.repositories ?? [];
      context.log.info(
        { account: accountName(context.payload.installation.account), repositories: repos.length, action: context.payload.action },
        'installed: pull requests will be reviewed from now on',
      );
      await warm(context);
    });
    app.on('installation_repositories', async (context) => {
      context.log.info(
        {
          account: accountName(context.payload.installation.account),
          added: context.payload.repositories_added.map((r) => r.full_name),
          removed: context.payload.repositories_removed.map((r) => r.full_name),
        },
        'installation repositories changed',
      );
      if (context.payload.repositories_added.length > 0) await warm(context);
    });

    app.on('check_run.rerequested', async (context) => {
      if (!firstDelivery(context)) return;
      const run = context.payload.check_run;
      if (run.name !== CHECK_NAME) return;
      const repository = context.payload.repository;
      const repo = { owner: repository.owner.login, repo: repository.name };
      for (const pr of run.pull_requests) {
        const log = context.log.child({ repo: repository.full_name, pr: pr.number, action: 'rerequested' });
        scheduleReview(context.octokit, log, repo, pr.number, undefined);
      }
    });
  }) as GoStandardsApp;
  appFn.queue = queue;
  appFn.log = () => appLog;
  return appFn;
}

export default createApp();

/** The login of a user or organisation account (enterprises have none: nothing to warm). */
function accountLogin(account: unknown): string | undefined {
  if (!account || typeof account !== 'object') return undefined;
  return (account as { login?: string }).login;
}

/** An installation's account: a user or organisation (login) or an enterprise (slug). */
function accountName(account: unknown): string | undefined {
  if (!account || typeof account !== 'object') return undefined;
  const a = account as { login?: string; slug?: string };
  return a.login ?? a.slug;
}
