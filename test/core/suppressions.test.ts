import { describe, expect, it } from 'vitest';
import { analyzeFile, compileRules } from '../../src/core/engine.js';
import { buildConstraintGoVersion, buildExcludesGo } from '../../src/core/go-version.js';
import { RULES } from '../../src/rules/index.js';

const set = compileRules(RULES.filter((r) => ['empty-interface', 'benchmark-loop', 'builtin-minmax'].includes(r.id)));
const run = (source: string, goVersion?: string) => analyzeFile({ path: 'a.go', source }, set, { goVersion, knownRules: new Set(RULES.map((r) => r.id)) });

describe('ignore directives', () => {
  it('silences exactly the named rule on its line or the line below, and counts what it silenced', () => {
    const source = [
      'package p',
      '',
      'var a interface{} //go-standards:ignore empty-interface decoded from YAML, any shape',
      '//go-standards:ignore empty-interface,benchmark-loop legacy API kept for callers',
      'var b interface{}',
      'var c interface{}',
      '',
    ].join('\n');
    const result = run(source);
    expect(result.findings.map((f) => [f.rule, f.span.startLine])).toEqual([['empty-interface', 6]]);
    expect(result.suppressed.map((f) => f.span.startLine)).toEqual([3, 5]);
  });

  it('silences a rule for the whole file with ignore-file at the top', () => {
    const source = '//go-standards:ignore-file empty-interface generated-like shim for reflection\npackage p\n\nvar a interface{}\nvar b interface{}\n';
    const result = run(source);
    expect(result.findings).toEqual([]);
    expect(result.suppressed).toHaveLength(2);
  });

  it('reports an ignore without a reason, with an unknown rule, or that silences nothing', () => {
    const source = [
      'package p',
      '',
      'var a interface{} //go-standards:ignore empty-interface',
      'var b interface{} //go-standards:ignore empty-interfaces because',
      'var c int //go-standards:ignore empty-interface nothing to silence here',
      '',
    ].join('\n');
    const result = run(source);
    const byLine = result.findings.map((f) => [f.span.startLine, f.rule, f.severity, f.message.slice(0, 40)]);
    expect(byLine).toEqual([
      [3, 'empty-interface', 'notice', expect.any(String)],
      [3, 'ignore-directive', 'notice', 'An ignore directive needs a reason after'],
      [4, 'empty-interface', 'notice', expect.any(String)],
      [4, 'ignore-directive', 'notice', 'Unknown rule `empty-interfaces` in an ig'],
      [5, 'ignore-directive', 'notice', 'This ignore directive suppresses nothing'],
    ]);
  });

  it('does not call an ignore unused when its rule did not run (Go version)', () => {
    const source = 'package p\n\nimport "testing"\n\nfunc BenchmarkX(b *testing.B) {\n\t//go-standards:ignore benchmark-loop needs b.N for sizing\n\tfor i := 0; i < b.N; i++ {\n\t}\n}\n';
    expect(run(source, '1.20').findings).toEqual([]);
    expect(run(source).suppressed.map((f) => f.rule)).toEqual(['benchmark-loop']);
  });
});

describe('Go version awareness', () => {
  it('gives no advice that needs a newer Go than the module', () => {
    const source = [
      'package p',
      '',
      'import (',
      '\t"math"',
      '\t"testing"',
      ')',
      '',
      'func smaller(a, b float64) float64 { return math.Min(a, b) }',
      '',
      'func BenchmarkX(b *testing.B) {',
      '\tfor i := 0; i < b.N; i++ {',
      '\t}',
      '}',
      '',
    ].join('\n');
    expect(run(source, '1.20').findings.map((f) => f.rule)).toEqual([]);
    expect(run(source, '1.21').findings.map((f) => f.rule)).toEqual(['builtin-minmax']);
    expect(run(source).findings.map((f) => f.rule).sort()).toEqual(['benchmark-loop', 'builtin-minmax']);
  });

  it('honours a //go:build go1.N constraint in the file', () => {
    expect(buildConstraintGoVersion('//go:build go1.24 && linux\n\npackage p\n')).toBe('1.24');
    expect(buildConstraintGoVersion('//go:build linux || go1.24\n\npackage p\n')).toBeUndefined();
    expect(buildConstraintGoVersion('//go:build !go1.24\n\npackage p\n')).toBeUndefined();
    const source = '//go:build go1.24\n\npackage p\n\nimport "testing"\n\nfunc BenchmarkX(b *testing.B) {\n\tfor i := 0; i < b.N; i++ {\n\t}\n}\n';
    expect(run(source, '1.20').findings.map((f) => f.rule)).toEqual(['benchmark-loop']);
  });

  it('reports nothing in a file whose //go:build rules out the module\'s Go', () => {
    const head = (constraint: string): string => `//go:build ${constraint}\n\npackage p\n`;
    expect(buildExcludesGo(head('!go1.21'), '1.24')).toBe(true);
    expect(buildExcludesGo(head('!go1.21'), '1.20')).toBe(false); // a newer toolchain may build it either way
    expect(buildExcludesGo(head('linux && !go1.19'), '1.24')).toBe(true);
    expect(buildExcludesGo(head('linux || !go1.19'), '1.24')).toBe(false);
    expect(buildExcludesGo(head('!(go1.18 || windows)'), '1.22')).toBe(true);
    expect(buildExcludesGo(head('go1.26'), '1.24')).toBe(false);
    expect(buildExcludesGo(head('!go1.21'), undefined)).toBe(false);
    expect(buildExcludesGo('package p\n\n//go:build !go1.21\n', '1.24')).toBe(false); // after the package clause: not a constraint
    const source = '//go:build !go1.21\n\npackage p\n\nvar x interface{}\n';
    expect(run(source, '1.24').findings).toEqual([]);
    expect(run(source, '1.20').findings.map((f) => f.rule)).toEqual(['empty-interface']);
  });
});
