/** The README's generated sections: the rule table and the configuration reference. */
import { configReference } from '../src/core/config.js';
import { renderPrecisionSummary, renderRulesTable } from '../src/rules/docs.js';
import { RULES } from '../src/rules/index.js';

export function configReferenceTable(): string {
  const rows = configReference().map((r) => `| \`${r.key}\` | ${r.type} | ${r.default} | ${r.description} |`);
  return ['| Key | Values | Default | Meaning |', '|---|---|---|---|', ...rows].join('\n');
}

export const SECTIONS_TO_GENERATE: Record<string, () => string> = {
  rules: () => renderRulesTable(RULES),
  precision: renderPrecisionSummary,
  config: configReferenceTable,
};

/** Replaces `<!-- name:start -->…<!-- name:end -->` blocks with freshly generated text. */
export function regenerate(readme: string): string {
  let out = readme;
  for (const [name, render] of Object.entries(SECTIONS_TO_GENERATE)) {
    const re = new RegExp(`(<!-- ${name}:start[^>]*-->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(out)) throw new Error(`README has no ${name} markers`);
    out = out.replace(re, (_m, start: string, end: string) => `${start}${render()}\n${end}`);
  }
  return out;
}
