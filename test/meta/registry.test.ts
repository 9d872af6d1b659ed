/** Invariants over all rules: registry complete and sorted, docs fresh, examples honest. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeFile, compileRules } from '../../src/core/engine.js';
import { SECTIONS } from '../../src/core/standard.js';
import { exampleSource, renderRuleDoc } from '../../src/rules/docs.js';
import { RULES } from '../../src/rules/index.js';

const rulesDir = new URL('../../src/rules/', import.meta.url);
const docsDir = new URL('../../docs/rules/', import.meta.url);
const standard = new URL('../../../shared/standard/go-1.24-ultra-performance-standards.md', import.meta.url);

describe('rule registry', () => {
  it('lists every rule folder, sorted by id, each id once', () => {
    const folders = readdirSync(rulesDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(new URL(`${e.name}/rule.ts`, rulesDir)))
      .map((e) => e.name)
      .sort();
    expect(RULES.map((r) => r.id)).toEqual(folders);
  });

  it.skipIf(!existsSync(standard))('cites headings that exist verbatim in the standard', () => {
    const headings = readFileSync(standard, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('### '))
      .map((l) => l.slice(4).trim());
    for (const section of SECTIONS) expect(headings).toContain(section);
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it('has a fresh docs page (npm run docs)', () => {
    const page = new URL(`${id}.md`, docsDir);
    expect(existsSync(page), `docs/rules/${id}.md is missing`).toBe(true);
    expect(readFileSync(page, 'utf8')).toBe(renderRuleDoc(rule));
  });

  it('reports its incorrect example and not its correct one', () => {
    const set = compileRules([rule]);
    const bad = analyzeFile({ path: 'incorrect.go', source: exampleSource(rule.examples.incorrect) }, set);
    const good = analyzeFile({ path: 'correct.go', source: exampleSource(rule.examples.correct) }, set);
    expect(bad.findings.length).toBeGreaterThan(0);
    expect(good.findings).toEqual([]);
  });
});

describe('README', () => {
  it('has a fresh rule table and configuration reference (npm run readme)', async () => {
    const { regenerate } = await import('../../scripts/readme-sections.js');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(regenerate(readme)).toBe(readme);
  });
});
