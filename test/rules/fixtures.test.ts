/**
 * Rule fixtures: Go files under src/rules/<id>/testdata with `// want "rule-id"` on each line
 * that must be reported (matched both ways) and a `.go.golden` holding the file after all
 * of the rule's suggestions, present exactly when a suggestion was made.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, compileRules } from '../../src/core/engine.js';
import { applyLineFixes } from '../../src/core/fix.js';
import { countSyntaxErrors, parseGo } from '../../src/core/go/parser.js';
import { RULES } from '../../src/rules/index.js';

const rulesDir = new URL('../../src/rules/', import.meta.url).pathname;

interface Expectation {
  line: number;
  rule: string;
}

function expectations(source: string, marker: 'want' | 'want-todo'): Expectation[] {
  const out: Expectation[] = [];
  source.split('\n').forEach((text, i) => {
    const re = new RegExp(`//\\s*${marker}((?:\\s+"[a-z0-9-]+")+)`);
    const m = re.exec(text);
    if (!m) return;
    for (const id of m[1]!.matchAll(/"([a-z0-9-]+)"/g)) out.push({ line: i + 1, rule: id[1]! });
  });
  return out;
}

/** `// go-standards-test: go=1.20` at the top pins the module's Go version for a fixture. */
function fixtureGoVersion(source: string): string | undefined {
  return /\/\/ go-standards-test: go=(\S+)/.exec(source)?.[1];
}

for (const rule of RULES) {
  const dir = join(rulesDir, rule.id, 'testdata');
  describe(`rule ${rule.id}`, () => {
    it('has fixtures', () => {
      expect(existsSync(dir), `${dir} is missing`).toBe(true);
      expect(readdirSync(dir).some((f) => f.endsWith('.go'))).toBe(true);
    });
    if (!existsSync(dir)) return;
    const files = readdirSync(dir).filter((f) => f.endsWith('.go'));
    const ruleSet = compileRules([rule]);
    for (const name of files) {
      it(name, () => {
        const path = join(dir, name);
        const source = readFileSync(path, 'utf8');
        const result = analyzeFile({ path: name, source }, ruleSet, { goVersion: fixtureGoVersion(source) });
        expect(result.notes.filter((n) => n.rule)).toEqual([]);
        const got = result.findings.map((f) => `${f.span.startLine}:${f.rule}`).sort();
        const todo = new Set(expectations(source, 'want-todo').map((e) => `${e.line}:${e.rule}`));
        const want = expectations(source, 'want').map((e) => `${e.line}:${e.rule}`).sort();
        expect(got.filter((g) => !todo.has(g)), 'findings (left) vs // want (right)').toEqual(want);

        const fixes = result.findings.flatMap((f) => (f.fix ? [f.fix] : []));
        const goldenPath = `${path}.golden`;
        if (fixes.length === 0) {
          expect(existsSync(goldenPath), `${name}.golden exists but no suggestion was made`).toBe(false);
          return;
        }
        expect(existsSync(goldenPath), `${name}.golden is missing`).toBe(true);
        const fixed = applyLineFixes(source, fixes);
        expect(fixed).toBe(readFileSync(goldenPath, 'utf8'));
        expect(countSyntaxErrors(parseGo(fixed))).toBe(0);
      });
    }
  });
}
