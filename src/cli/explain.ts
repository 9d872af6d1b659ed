/** `explain RULE-ID`: a rule's page for the terminal, from the rule's own metadata. */
import { styleText } from 'node:util';
import type { Rule } from '../core/rule.js';

function indent(code: string): string {
  return code.replace(/\n$/, '').split('\n').map((l) => `    ${l}`).join('\n');
}

export function explainRule(rule: Rule, options: { docsUrl: string; colour: boolean }): string {
  const bold = (t: string): string => (options.colour ? styleText('bold', t) : t);
  const parts = [
    `${bold(`${rule.id}: ${rule.title}`)}`,
    `Severity: ${rule.severity}${rule.tier === 'advisory' ? ' (advisory)' : ''} · Go ${rule.minGo}+ · ${rule.fixable ? 'offers fixes' : 'no fixes'}`,
    `The standard: ${rule.section}`,
    '',
    rule.description,
    '',
    bold('Reported:'),
    indent(rule.examples.incorrect),
    '',
    bold('Accepted:'),
    indent(rule.examples.correct),
  ];
  if (rule.notes) parts.push('', bold('Notes:'), rule.notes);
  parts.push('', `More: ${options.docsUrl}`, `Silence one finding: //go-standards:ignore ${rule.id} <reason>`);
  return `${parts.join('\n')}\n`;
}
