/**
 * `/go-standards …` commands in pull-request conversations: recheck, explain <rule-id>, help.
 */
import type { Context } from 'probot';
import type { Rule } from '../core/rule.js';
import { citation, ruleDocsUrl, type RenderOptions } from '../core/render/comment.js';
import type { SubmitReview } from './review-events.js';
import type { ReviewSettings } from './settings.js';
import type { GitHub } from './types.js';

export type Command = { name: 'recheck' } | { name: 'explain'; rule: string | undefined } | { name: 'help' } | { name: 'unknown'; text: string };

const PREFIX = /^\/go-standards(?:\s+(.*))?$/;

/** The command on the comment's first non-empty line, or null when the comment is not one. */
export function parseCommand(body: string): Command | null {
  const first = body.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? '';
  const m = PREFIX.exec(first);
  if (!m) return null;
  const [name, arg] = (m[1] ?? '').trim().split(/\s+/);
  switch ((name ?? '').toLowerCase()) {
    case 'recheck':
      return { name: 'recheck' };
    case 'explain':
      return { name: 'explain', rule: arg };
    case 'help':
    case '':
      return { name: 'help' };
    default:
      return { name: 'unknown', text: name ?? '' };
  }
}

export const HELP_TEXT = [
  '**Go Standards commands**',
  '',
  '- `/go-standards recheck`: review the current head again (people with write access).',
  '- `/go-standards explain <rule-id>`: what a rule checks and why.',
  '- `/go-standards help`: this list.',
].join('\n');

export function explainText(rule: Rule | undefined, requested: string | undefined, rules: readonly Rule[], options: RenderOptions): string {
  if (!rule) {
    const ids = rules.map((r) => `\`${r.id}\``).join(', ');
    return `${requested ? `There is no rule \`${requested}\`.` : 'Name a rule: `/go-standards explain <rule-id>`.'} The rules are: ${ids}.`;
  }
  const minGo = rule.minGo === '1.0' ? 'any Go' : `Go ${rule.minGo}+`;
  return [
    `**${rule.id}** · ${rule.title} · ${rule.severity} · ${minGo}${rule.fixable ? ' · offers suggested changes' : ''}`,
    '',
    rule.description,
    '',
    `Cites: ${citation(rule.section, options)} · [rule docs](${ruleDocsUrl(rule.id, options)})`,
  ].join('\n');
}

const WRITERS = new Set(['admin', 'maintain', 'write']);

/** Asks GitHub for the user's permission on the repository (author_association is not a permission). */
export async function canWrite(octokit: GitHub, owner: string, repo: string, username: string): Promise<boolean> {
  const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username });
  const role = (data as { role_name?: string }).role_name ?? data.permission;
  return WRITERS.has(role) || WRITERS.has(data.permission);
}

export interface CommandDeps {
  /** The rules `explain` knows (the app's, not the registry's). */
  rules: readonly Rule[];
  settings: ReviewSettings;
  submit: SubmitReview;
}

/** A new comment on an issue or pull request: answers the command in it, if it holds one. */
export async function onComment(context: Context<'issue_comment.created'>, deps: CommandDeps): Promise<void> {
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
  const renderOptions = { docsBaseUrl: deps.settings.docsBaseUrl, standardUrl: deps.settings.standardUrl };
  switch (command.name) {
    case 'help':
    case 'unknown':
      await reply(command.name === 'unknown' ? `Unknown command \`${command.text}\`.\n\n${HELP_TEXT}` : HELP_TEXT);
      await react('rocket');
      return;
    case 'explain': {
      const rule = command.rule ? deps.rules.find((r) => r.id === command.rule) : undefined;
      await reply(explainText(rule, command.rule, deps.rules, renderOptions));
      await react(rule ? 'rocket' : 'confused');
      return;
    }
    case 'recheck': {
      const login = comment.user?.login ?? '';
      if (!(await canWrite(octokit, repo.owner, repo.repo, login))) {
        log.info('recheck refused: no write permission');
        await reply(`Sorry @${login}, only people with write access to this repository can ask for a re-check.`);
        return;
      }
      // The job reacts 🚀 when it ends, or 😕 with a reply saying what failed.
      await deps.submit(context, { repo, pull: issue.number, reason: 'recheck', commentId: comment.id, log });
      return;
    }
  }
}
