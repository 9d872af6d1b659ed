/**
 * Installation events. Org-wide installs: nothing is posted on install. The log shows what was
 * added, and the organisation's defaults are read once (a broken file shows in the log before
 * any review), in the queue like reviews: the webhook is answered at once, and shutdown waits.
 */
import type { Context } from 'probot';
import { warmOrgConfig, type OrgConfigCache } from './config-loader.js';
import type { ReviewQueue } from './review-queue.js';

export interface InstallationDeps {
  /** Every rule id, for judging the organisation's configuration. */
  knownRules: ReadonlySet<string>;
  queue: ReviewQueue;
  orgConfig: OrgConfigCache;
}

type InstallationContext = Context<'installation' | 'installation_repositories'>;

function warm(context: InstallationContext, deps: InstallationDeps): void {
  const owner = accountLogin(context.payload.installation.account);
  if (!owner) return;
  deps.queue.enqueue(`org-config:${owner}`, () => warmOrgConfig(context.octokit, owner, deps.knownRules, deps.orgConfig, context.log));
}

/** Installed, permissions accepted, or unsuspended. */
export function onInstalled(context: Context<'installation'>, deps: InstallationDeps): void {
  const repos = context.payload.repositories ?? [];
  context.log.info(
    { account: accountName(context.payload.installation.account), repositories: repos.length, action: context.payload.action },
    'installed: pull requests will be reviewed from now on',
  );
  warm(context, deps);
}

export function onRepositoriesChanged(context: Context<'installation_repositories'>, deps: InstallationDeps): void {
  context.log.info(
    {
      account: accountName(context.payload.installation.account),
      added: context.payload.repositories_added.map((r) => r.full_name),
      removed: context.payload.repositories_removed.map((r) => r.full_name),
    },
    'installation repositories changed',
  );
  if (context.payload.repositories_added.length > 0) warm(context, deps);
}

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
