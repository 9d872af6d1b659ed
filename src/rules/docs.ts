/** The docs page of a rule, generated from its metadata (a test keeps docs/rules/ fresh). */
import type { Rule } from '../core/rule.js';
import { SECTIONS, STANDARD_TITLE } from '../core/standard.js';

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
    `or silence one place with a reason: \`//go-standards:ignore ${rule.id} <reason>\`.`,
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
        `| [${r.id}](docs/rules/${r.id}.md) | ${r.section} | ${r.severity} | ${r.minGo === '1.0' ? 'any' : r.minGo} | ${r.fixable ? 'yes' : 'no'} |`,
    );
  return ['| Rule | Section of the standard | Severity | Min Go | Fix |', '|---|---|---|---|---|', ...rows].join('\n');
}

const SECTION_ORDER: readonly string[] = SECTIONS;
