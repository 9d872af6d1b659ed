/** The docs page of a rule, generated from its metadata (a test keeps docs/rules/ fresh). */
import type { Rule } from '../core/rule.js';
import { SECTIONS, STANDARD_TITLE } from '../core/standard.js';
import { COMMENT_TIER_PRECISION, PRECISION, rulePrecision } from './precision.js';

/** The rule's measured precision, as the docs show it: `0.92 (13 judged)`, or why there is none. */
export function precisionText(id: string): string {
  const m = rulePrecision(id);
  if (!m || m.judged === 0) return 'not measured yet';
  if (m.precision === null) return `not measured yet (${m.judged} judged, too few in the comment tier)`;
  return `${m.precision.toFixed(2)} (${m.commentJudged} judged comment-tier findings)`;
}

function defaultTierOf(rule: Rule): string {
  return rule.defaultTier ?? rule.tier ?? 'comment';
}

/** A snippet as a Go file: wrapped in `package example` unless it has a package clause. */
export function exampleSource(snippet: string): string {
  const body = snippet.replace(/^\n+/, '').replace(/\s+$/, '');
  return /^package\s/m.test(body) ? `${body}\n` : `package example\n\n${body}\n`;
}

export function renderRuleDoc(rule: Rule): string {
  const minGo = rule.minGo === '1.0' ? 'any' : rule.minGo;
  const lines = [
    `<!-- Generated from src/rules/${rule.id}/rule.ts by \`npm run docs\`; edit the rule, not this page. -->`,
    `# ${rule.id}: ${rule.title.replace(/`/g, '')}`,
    '',
    '| | |',
    '|---|---|',
    `| Standard section | ${STANDARD_TITLE} › ${rule.section} |`,
    `| Severity | ${rule.severity} |`,
    `| Default tier | ${defaultTierOf(rule)} |`,
    `| Measured precision | ${precisionText(rule.id)} |`,
    ...(rule.peers?.length ? [`| Peer linters' directives honoured | ${rule.peers.map((p) => `\`${p}\``).join(', ')} |`] : []),
    `| Minimum Go | ${minGo} |`,
    `| Suggested change | ${rule.fixable ? 'yes, when it compiles as it stands' : 'no'} |`,
    '',
    '## What it detects, and why',
    '',
    rule.description,
    '',
  ];
  if (rule.notes) lines.push(rule.notes.trim(), '');
  lines.push(
    '## Incorrect',
    '',
    '```go',
    exampleSource(rule.examples.incorrect).trimEnd(),
    '```',
    '',
    '## Correct',
    '',
    '```go',
    exampleSource(rule.examples.correct).trimEnd(),
    '```',
    '',
    '## Configuration',
    '',
    `Change the severity or turn the rule off in \`.github/go-standards.yml\` (\`rules: { ${rule.id}: off }\`),`,
    `move it between tiers (\`rules: { ${rule.id}: { tier: advisory } }\`; \`tier: comment\` lets its evidence decide),`,
    `or silence one place with a reason: \`//go-standards:ignore ${rule.id} <reason>\`.`,
    '',
    `The default tier is \`comment\` only while the measured precision on the labelled corpus is at least ${COMMENT_TIER_PRECISION.toFixed(2)}`,
    '(see corpus/README.md); below that every finding is advisory until the rule earns the tier back.',
    '',
  );
  return lines.join('\n');
}

/** The README's rule table: one row per rule, from the registry. */
export function renderRulesTable(rules: readonly Rule[]): string {
  const rows = [...rules]
    .sort((a, b) => SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section) || a.id.localeCompare(b.id))
    .map(
      (r) =>
        `| [${r.id}](docs/rules/${r.id}.md) | ${r.section} | ${r.severity} | ${defaultTierOf(r)} | ${shortPrecision(r.id)} | ${r.minGo === '1.0' ? 'any' : r.minGo} | ${r.fixable ? 'yes' : 'no'} |`,
    );
  return ['| Rule | Section of the standard | Severity | Default tier | Precision | Min Go | Fix |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The README's corpus figures: what the bot comments by default, and what the policy keeps. */
export function renderPrecisionSummary(): string {
  const o = PRECISION.overall;
  const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
  return [
    `Measured on ${PRECISION.projects.length} projects (${PRECISION.projects.join(', ')}): ${o.judged} judgements of the rules that comment by default,`,
    `${o.commentJudged} of them on findings still commented; comment-tier precision **${o.precision === null ? '—' : o.precision.toFixed(2)}**`,
    `(${o.right} right, ${o.noise} noise, ${o.wrong} wrong). Of all findings judged right, ${pct(PRECISION.kept.rightReported)} are still reported;`,
    `of those the policy lets comment (outside test code, for a rule whose comment tier is on), ${pct(PRECISION.kept.rightCommenting)} still comment.`,
  ].join('\n');
}

function shortPrecision(id: string): string {
  const p = rulePrecision(id)?.precision;
  return p === null || p === undefined ? '—' : p.toFixed(2);
}

const SECTION_ORDER: readonly string[] = SECTIONS;
