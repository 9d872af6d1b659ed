/** Rendering findings as review-comment markdown. */
import type { Finding, Severity } from '../model.js';
import { SECTIONS, sectionAnchor, STANDARD_TITLE } from '../standard.js';
import { fingerprintMarker } from './fingerprint.js';
import { FIXED_MARKER } from './markers.js';

export interface RenderOptions {
  /** Base URL of the rule pages; `<base>/<rule-id>.md` is each rule's page. */
  docsBaseUrl: string;
  /** The organisation's copy of the standard; when set, citations link to its section. */
  standardUrl?: string;
}

/** The project's rule pages, when the deployment names no other. */
export const DEFAULT_DOCS_URL = 'https://github.com/go-standards-bot/go-standards-bot/blob/main/docs/rules';

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '🛑 error',
  warning: '⚠️ warning',
  notice: 'ℹ️ notice',
};

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

export function ruleDocsUrl(rule: string, options: RenderOptions): string {
  return `${options.docsBaseUrl.replace(/\/+$/, '')}/${rule}.md`;
}

export function citation(section: string, options: RenderOptions): string {
  if (!(SECTIONS as readonly string[]).includes(section)) return `go-standards ${section.toLowerCase()}`;
  const name = `“${section}”`;
  const cited = options.standardUrl ? `[${name}](${options.standardUrl}#${sectionAnchor(section)})` : name;
  return `${STANDARD_TITLE} › ${cited}`;
}

export interface CommentInput {
  finding: Finding;
  title: string;
  fingerprint: string;
  /** Whether the suggestion block is included (its range must equal the comment's). */
  withSuggestion: boolean;
}

export function renderComment({ finding, title, fingerprint, withSuggestion }: CommentInput, options: RenderOptions): string {
  const lines = [
    fingerprintMarker(finding.rule, fingerprint),
    `**${finding.rule}** · ${title} · ${SEVERITY_LABEL[finding.severity]}`,
    '',
    finding.message,
    '',
    `${(SECTIONS as readonly string[]).includes(finding.section) ? 'Cites' : 'About'}: ${citation(finding.section, options)} · [rule docs](${ruleDocsUrl(finding.rule, options)})`,
  ];
  if (withSuggestion && finding.fix) {
    const fence = fenceFor(finding.fix.replacement);
    lines.push('', `${fence}suggestion`, ...(finding.fix.replacement === '' ? [] : [finding.fix.replacement]), fence);
  }
  return lines.join('\n');
}

/** The bot's one reply on its comment when a push fixed the finding. */
export function fixedReply(rule: string, headSha: string): string {
  return `${FIXED_MARKER}\nFixed in ${headSha}: **${rule}** no longer finds this.`;
}
