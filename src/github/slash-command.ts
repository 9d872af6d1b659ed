/**
 * `/go-standards …` commands in pull-request conversations: recheck, explain <rule-id>, help.
 */
import type { Rule } from '../core/rule.js';
import { citation, ruleDocsUrl, type RenderOptions } from '../core/render/comment.js';
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
