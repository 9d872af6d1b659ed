/**
 * Rule fixtures: Go files under src/rules/<id>/testdata with `// want "rule-id"` (or
 * `// want "rule-id: message regexp"`) on each line that must be reported, matched both ways,
 * and a `.go.golden` holding the file after all of the rule's suggestions, present exactly when
 * a suggestion was made. Every fixture is also analysed with the engine's shortcuts off: the
 * findings must be the same. Fixtures state evidence: the rules' measured default tiers are not
 * applied (the engine's `defaultTiers: false`); the test-code policy, the code's own word and
 * one comment per cause are. The syntax is described in docs/fixtures.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, compileRules } from '../../src/core/engine.js';
import { applyLineFixes } from '../../src/core/fix.js';
import { countSyntaxErrors, parseGo } from '../../src/core/go/parser.js';
import type { Finding } from '../../src/core/model.js';
import { RULES } from '../../src/rules/index.js';

const rulesDir = new URL('../../src/rules/', import.meta.url).pathname;

type Marker = 'want' | 'want-advisory' | 'want-todo';

interface Expectation {
  line: number;
  rule: string;
  /** Matched against the finding's message, unanchored (as Go's analysistest does). */
  message?: RegExp;
  /** The expectation as written, for failure messages. */
  text: string;
  /** `want` expects a comment-tier finding, `want-advisory` an advisory one; todos take either. */
  tier?: 'comment' | 'advisory';
}

/** The marker, then one or more quoted expectations ("…" or `…`); anything after them is a comment. */
const MARKER = /\/\/\s*(want(?:-todo|-advisory)?)(?![\w-])/;
const EXPECTATIONS = /^((?:\s+(?:"[^"]*"|`[^`]*`))+)/;
const QUOTED = /"([^"]*)"|`([^`]*)`/g;
const EXPECTATION = /^([a-z0-9-]+)(?::\s*(.*))?$/s;

/** The fixture's expectations of one marker; throws on a marker it cannot read. */
function expectations(source: string, marker: Marker): Expectation[] {
  const out: Expectation[] = [];
  source.split('\n').forEach((text, i) => {
    const m = MARKER.exec(text);
    if (!m || m[1] !== marker) return;
    const where = `line ${i + 1}: ${m[0]}`;
    const list = EXPECTATIONS.exec(text.slice(m.index + m[0].length));
    if (!list) throw new Error(`${where}: expected "rule-id" or "rule-id: message regexp"`);
    for (const q of list[1]!.matchAll(QUOTED)) {
      const body = q[1] ?? q[2]!;
      const e = EXPECTATION.exec(body);
      if (!e) throw new Error(`${where}: ${JSON.stringify(body)} is not "rule-id" or "rule-id: message regexp"`);
      const expectation: Expectation = { line: i + 1, rule: e[1]!, text: body };
      if (marker === 'want') expectation.tier = 'comment';
      if (marker === 'want-advisory') expectation.tier = 'advisory';
      if (e[2] !== undefined) expectation.message = new RegExp(e[2], 'u');
      out.push(expectation);
    }
  });
  return out;
}

function matches(e: Expectation, f: Finding): boolean {
  return (
    f.span.startLine === e.line &&
    f.rule === e.rule &&
    (!e.tier || e.tier === (f.tier ?? 'comment')) &&
    (!e.message || e.message.test(f.message))
  );
}

/**
 * What is wrong with the findings against the fixture's expectations: each `want` takes one
 * finding (those with a message pattern first), every finding must be taken, and a finding a
 * `want-todo` describes means the todo is done.
 */
function compare(findings: readonly Finding[], want: readonly Expectation[], todo: readonly Expectation[]): string[] {
  const left = [...findings];
  const problems: string[] = [];
  const take = (e: Expectation): Finding | undefined => {
    const at = left.findIndex((f) => matches(e, f));
    return at === -1 ? undefined : left.splice(at, 1)[0];
  };
  const ordered = [...want.filter((e) => e.message), ...want.filter((e) => !e.message)];
  for (const e of ordered) if (!take(e)) problems.push(`${e.line}: wanted${e.tier === 'advisory' ? ' (advisory)' : ''}, not reported: "${e.text}"`);
  for (const e of todo) {
    const f = take(e);
    if (f) problems.push(`${e.line}: reported, so promote // want-todo "${e.text}" to // want (${f.message})`);
  }
  for (const f of left) problems.push(`${f.span.startLine}: reported${f.tier === 'advisory' ? ' (advisory)' : ''}, not wanted: ${f.rule}: ${f.message}`);
  return problems.sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
}

/** `// go-standards-test: go=1.20` at the top pins the module's Go version for a fixture. */
function fixtureGoVersion(source: string): string | undefined {
  return /\/\/ go-standards-test: go=(\S+)/.exec(source)?.[1];
}

describe('fixture syntax', () => {
  const finding = (line: number, rule: string, message: string): Finding =>
    ({ rule, message, path: 'f.go', span: { startLine: line, startColumn: 1, endLine: line, endColumn: 2 } }) as Finding;
  const source = [
    'package p',
    'var a = 1 // want "r"',
    'var b = 2 // want "r: grow .* first" `s: say "hi"` trailing words',
    'var c = 3 // want-todo "r"',
    '// want nothing readable',
  ].join('\n');

  it('reads rule ids, message patterns in either quotes, and todos', () => {
    expect(expectations(source.split('\n').slice(0, 4).join('\n'), 'want').map((e) => [e.line, e.rule, e.message?.source])).toEqual([
      [2, 'r', undefined],
      [3, 'r', 'grow .* first'],
      [3, 's', 'say "hi"'],
    ]);
    expect(expectations(source, 'want-todo').map((e) => [e.line, e.rule])).toEqual([[4, 'r']]);
    expect(() => expectations(source, 'want')).toThrow(/line 5/);
  });

  it('tells the tiers apart: want is a comment, want-advisory an advisory finding', () => {
    const src = ['package p', 'var a = 1 // want "r"', 'var b = 2 // want-advisory "r: later"'].join('\n');
    const want = [...expectations(src, 'want'), ...expectations(src, 'want-advisory')];
    const advisory = (line: number, message: string): Finding => ({ ...finding(line, 'r', message), tier: 'advisory' });
    expect(compare([finding(2, 'r', 'x'), advisory(3, 'later')], want, [])).toEqual([]);
    expect(compare([advisory(2, 'x'), finding(3, 'r', 'later')], want, [])).toEqual([
      '2: wanted, not reported: "r"',
      '2: reported (advisory), not wanted: r: x',
      '3: wanted (advisory), not reported: "r: later"',
      '3: reported, not wanted: r: later',
    ]);
  });

  it('matches messages, and fails on a reported todo', () => {
    const lines = source.split('\n').slice(0, 4).join('\n');
    const want = expectations(lines, 'want');
    const todo = expectations(lines, 'want-todo');
    const right = [finding(2, 'r', 'x'), finding(3, 'r', 'grow it first'), finding(3, 's', 'say "hi" twice')];
    expect(compare(right, want, todo)).toEqual([]);
    expect(compare([...right.slice(0, 2), finding(3, 's', 'say bye')], want, todo)).toEqual([
      '3: wanted, not reported: "s: say "hi""',
      '3: reported, not wanted: s: say bye',
    ]);
    expect(compare([...right, finding(4, 'r', 'now found')], want, todo)).toEqual([
      '4: reported, so promote // want-todo "r" to // want (now found)',
    ]);
  });
});

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
    const analyse = (name: string, shortcuts: boolean) => {
      const source = readFileSync(join(dir, name), 'utf8');
      return { source, result: analyzeFile({ path: name, source }, ruleSet, { goVersion: fixtureGoVersion(source), shortcuts, defaultTiers: false }) };
    };
    for (const name of files) {
      it(name, () => {
        const path = join(dir, name);
        const { source, result } = analyse(name, true);
        expect(result.notes.filter((n) => n.rule)).toEqual([]);
        const want = [...expectations(source, 'want'), ...expectations(source, 'want-advisory')];
        // A finding that stands for several (one comment per cause) answers a want on each of its lines.
        const each = result.findings.flatMap((f) => [f, ...(f.related ?? [])]);
        const problems = compare(each, want, expectations(source, 'want-todo'));
        expect(problems, 'findings against // want, // want-advisory and // want-todo').toEqual([]);

        const fixes = each.flatMap((f) => (f.fix ? [f.fix] : []));
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
      it(`${name}: the same findings without the engine's shortcuts`, () => {
        const fast = analyse(name, true).result;
        const full = analyse(name, false).result;
        expect(full.notes, 'notes with shortcuts off (left) vs on (right)').toEqual(fast.notes);
        expect(full.findings, 'findings with shortcuts off (left) vs on (right)').toEqual(fast.findings);
      });
    }
  });
}
