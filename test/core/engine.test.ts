import { describe, expect, it } from 'vitest';
import { analyzeFile, compileRules } from '../../src/core/engine.js';
import type { Rule } from '../../src/core/rule.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { RULES } from '../../src/rules/index.js';
import { multiLineGo, oneLineGo } from '../support/large-go.js';
import type { Finding } from '../../src/core/model.js';

/** Every finding, those one stands for (one comment per cause) included, in order. */
const each = (findings: readonly Finding[]): Finding[] =>
  findings.flatMap((f) => [f, ...(f.related ?? [])]).sort((a, b) => a.span.startLine - b.span.startLine);

const base = {
  title: 'test rule',
  section: 'Zero-Allocation Patterns (Enforced)' as const,
  severity: 'warning' as const,
  minGo: '1.0',
  fixable: true,
  description: 'A rule used by the engine tests only.',
  examples: { incorrect: 'var x = 1', correct: 'var y = 1' },
};

const throwing: Rule = defineRule({
  ...base,
  id: 'always-throws',
  create: () => ({
    call_expression() {
      throw new Error('boom');
    },
  }),
});

const reportsCalls: Rule = defineRule({
  ...base,
  id: 'reports-calls',
  create: (ctx) => ({
    call_expression(node) {
      ctx.report({ node, message: 'a call', fix: [{ start: node.startIndex, end: node.endIndex, text: 'f(' }] });
    },
  }),
});

/** Calls to `bad` get a fix that breaks the syntax; every other call a fix that keeps it. */
const mixed: Rule = defineRule({
  ...base,
  id: 'mixed-fixes',
  create: (ctx) => ({
    call_expression(node) {
      const text = node.text.startsWith('bad') ? 'f(' : 'f()';
      ctx.report({ node, message: 'a call', fix: [{ start: node.startIndex, end: node.endIndex, text }] });
    },
  }),
});

const namedCalls: Rule = defineRule({
  ...base,
  id: 'named-calls',
  fixable: false,
  create: (ctx) => ({
    $calls: ['Open', 'helper'],
    call_expression(node) {
      ctx.report({ node, message: node.text });
    },
  }),
});

describe('engine', () => {
  it('finds calls by callee name from the text and confirms them on the tree', () => {
    const source = [
      'package p',
      '',
      'import "os"',
      '',
      '// Open(x) in a comment is not a call',
      'func f() {',
      '\tos.Open("a")',
      '\t_ = "helper(1)"',
      '\thelper (2)',
      '\tx.Reopen(3)',
      '\tos.OpenFile("b", 0, 0)',
      '\tg(os.Open)',
      '}',
      '',
    ].join('\n');
    const result = analyzeFile({ path: 'a.go', source }, compileRules([namedCalls]));
    expect(each(result.findings).map((f) => [f.span.startLine, f.message])).toEqual([
      [7, 'os.Open("a") (also line 9)'],
      [9, 'helper (2)'],
    ]);
    expect(compileRules([namedCalls]).nodeTypes).not.toContain('call_expression');
    expect(compileRules([namedCalls, reportsCalls]).nodeTypes).toContain('call_expression');
  });

  it('keeps running the other rules when one throws, and says so', () => {
    const set = compileRules([throwing, reportsCalls]);
    const result = analyzeFile({ path: 'a.go', source: 'package p\n\nfunc g() {\n\th()\n}\n' }, set);
    expect(result.findings.map((f) => f.rule)).toEqual(['reports-calls']);
    expect(result.notes).toEqual([{ path: 'a.go', rule: 'always-throws', message: 'rule always-throws failed on this file: boom' }]);
  });

  it('drops a suggestion that would break the syntax', () => {
    const set = compileRules([reportsCalls]);
    const result = analyzeFile({ path: 'a.go', source: 'package p\n\nfunc g() {\n\th()\n}\n' }, set);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.fix).toBeUndefined();
  });

  it('checks each suggestion on its own: a broken one loses its fix, the others keep theirs', () => {
    const source = 'package p\n\nfunc a() {\n\tgood()\n}\n\nfunc b() {\n\tbad()\n}\n\nfunc c() {\n\tgood()\n\tgood2()\n}\n';
    const result = analyzeFile({ path: 'a.go', source }, compileRules([mixed]));
    expect(each(result.findings).map((f) => [f.span.startLine, f.fix?.replacement])).toEqual([
      [4, '\tf()'],
      [8, undefined],
      [12, '\tf()'],
      [13, '\tf()'],
    ]);
  });

  it('checks suggestions in long functions statement by statement, with the same verdicts', () => {
    const filler = Array.from({ length: 25 }, (_, i) => `\tx${i} := ${i}\n\t_ = x${i}`).join('\n');
    const source = `package p\n\nfunc long() {\n${filler}\n\tgood()\n\tif true {\n\t\tbad()\n\t}\n\tgood()\n}\n`;
    const result = analyzeFile({ path: 'a.go', source }, compileRules([mixed]));
    expect(each(result.findings).map((f) => f.fix?.replacement ?? null)).toEqual(['\tf()', null, '\tf()']);
  });

  it('finds imports and declarations however the file is laid out (one line, indented, CRLF)', () => {
    const set = compileRules(RULES.filter((r) => r.id === 'benchmark-loop'));
    const sources = [
      'package p; import "testing"; func BenchmarkX(b *testing.B) { for i := 0; i < b.N; i++ { work() } }; func work() {}\n',
      '  package p\n\n  import "testing"\n\n  func BenchmarkX(b *testing.B) {\n\tfor i := 0; i < b.N; i++ {\n\t\twork()\n\t}\n  }\n\n  func work() {}\n',
      '\uFEFFpackage p\r\n\r\nimport "testing"\r\n\r\nfunc BenchmarkX(b *testing.B) {\r\n\tfor i := 0; i < b.N; i++ {\r\n\t\twork()\r\n\t}\r\n}\r\n\r\nfunc work() {}\r\n',
    ];
    for (const source of sources) {
      expect(analyzeFile({ path: 'x_test.go', source }, set).findings.map((f) => f.rule)).toEqual(['benchmark-loop']);
    }
  });

  it('skips a rule on files without the text it requires', () => {
    const needsTesting: Rule = defineRule({ ...base, id: 'needs-testing', requires: ['"testing"'], create: reportsCalls.create });
    const set = compileRules([needsTesting]);
    expect(analyzeFile({ path: 'a.go', source: 'package p\n\nfunc g() {\n\th()\n}\n' }, set).findings).toEqual([]);
    expect(analyzeFile({ path: 'a_test.go', source: 'package p\n\nimport "testing"\n\nfunc g(*testing.T) {\n\th()\n}\n' }, set).findings).toHaveLength(1);
    expect(() => defineRule({ ...base, id: 'empty-requires', requires: [''], create: () => ({}) })).toThrow(/requires/);
  });

  it('with the shortcuts off, creates every rule and hands each visitor every node of its types', () => {
    const needsTesting: Rule = defineRule({ ...base, id: 'needs-testing', requires: ['"testing"'], create: reportsCalls.create });
    const source = 'package p\n\nfunc g() {\n\th()\n\tx.Open()\n\tf(Open)\n}\n';
    const lines = (rules: Rule[], shortcuts: boolean): number[] =>
      each(analyzeFile({ path: 'a.go', source }, compileRules(rules), { shortcuts }).findings).map((f) => f.span.startLine);
    expect(lines([needsTesting], true)).toEqual([]);
    expect(lines([needsTesting], false)).toEqual([4, 5, 6]);
    // `named-calls` trusts the engine to filter by name: only the plain walk shows it.
    expect(lines([namedCalls], true)).toEqual([5]);
    expect(lines([namedCalls], false)).toEqual([4, 5, 6]);
  });

  it('reports UTF-16 columns past non-ASCII text', () => {
    const set = compileRules(RULES.filter((r) => r.id === 'empty-interface'));
    const result = analyzeFile({ path: 'a.go', source: 'package p\n\nvar s, v = "héllo wörld", interface{}(nil)\n' }, set);
    expect(result.findings[0]!.span).toEqual({ startLine: 3, startColumn: 27, endLine: 3, endColumn: 38 });
    expect(result.findings[0]!.fix?.replacement).toBe('var s, v = "héllo wörld", any(nil)');
  });

  it('still analyses the intact declarations of a file with syntax errors', () => {
    const set = compileRules(RULES.filter((r) => r.id === 'empty-interface'));
    const source = 'package p\n\nvar ok interface{}\n\nfunc broken( {\n\tvar x interface{}\n}\n';
    const result = analyzeFile({ path: 'a.go', source }, set);
    expect(result.syntaxErrors).toBeGreaterThan(0);
    expect(result.findings.map((f) => f.span.startLine)).toEqual([3]);
    expect(result.notes[0]!.message).toMatch(/syntax errors/);
  });

  it('does not run rules whose minimum Go is newer than the module', () => {
    const set = compileRules(RULES.filter((r) => r.id === 'empty-interface'));
    const source = 'package p\n\nvar x interface{}\n';
    expect(analyzeFile({ path: 'a.go', source }, set, { goVersion: '1.17' }).findings).toEqual([]);
    expect(analyzeFile({ path: 'a.go', source }, set, { goVersion: '1.18' }).findings).toHaveLength(1);
  });

  it('analyses 875 KB of Go on one line about as fast as the same code on many lines (no scan per match back to the line start)', { timeout: 120_000 }, () => {
    const set = compileRules(RULES);
    const time = (source: string): { ms: number; findings: number } => {
      const t0 = performance.now();
      const result = analyzeFile({ path: 'big.go', source }, set, { goVersion: '1.23' });
      expect(result.syntaxErrors).toBe(0);
      return { ms: performance.now() - t0, findings: result.findings.length };
    };
    const many = time(multiLineGo(850_000));
    const one = time(oneLineGo(875_000));
    expect(one.findings).toBeGreaterThan(1000);
    // Quadratic, the one-line file took over 20 s here (and ran out of memory copying the line per suggestion).
    expect(one.ms).toBeLessThan(Math.max(3 * many.ms, 4000));
  });
});
