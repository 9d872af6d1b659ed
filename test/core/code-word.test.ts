import { describe, expect, it } from 'vitest';
import { applyCodeWord, explains, lineComments, readPeerDirective, type CodeWordVocabulary } from '../../src/core/code-word.js';
import type { Finding } from '../../src/core/model.js';

const pool: CodeWordVocabulary = { subjects: ['pointer', 'allocat'], peers: ['staticcheck:SA6002'] };
const timeouts: CodeWordVocabulary = { subjects: ['timeout'], peers: ['gosec:G112'] };
const prealloc: CodeWordVocabulary = { subjects: ['prealloc', 'capacity'], peers: ['prealloc'] };
const vocab: Record<string, CodeWordVocabulary> = { 'sync-pool-pointer': pool, 'http-server-timeouts': timeouts, 'prealloc-slice': prealloc };

function finding(rule: string, line: number): Finding {
  return {
    rule,
    path: 'a.go',
    span: { startLine: line, startColumn: 1, endLine: line, endColumn: 2 },
    severity: 'warning',
    message: 'm',
    section: 's',
    anchor: `${rule}${line}`,
  };
}

function run(source: string, findings: Finding[], extent: Record<number, number> = {}) {
  return applyCodeWord(findings, {
    source,
    vocabulary: (rule) => vocab[rule] ?? { subjects: [], peers: [] },
    extentFrom: (line) => extent[line],
  });
}

describe('comments read from the text', () => {
  it('ignores // inside strings, runes and raw strings, and keeps block comments', () => {
    const src = ['a := "http://x" // real', "b := '/'", 'c := `', '// inside raw', '`', '/* block */ x := 1'].join('\n');
    const c = lineComments(src);
    expect([...c.keys()]).toEqual([1, 6]);
    expect(c.get(1)![0]).toEqual({ text: ' real', standalone: false });
    expect(c.get(6)![0]!.text).toBe(' block ');
  });
});

describe('peer directives', () => {
  it('reads nolint, lint:ignore and #nosec', () => {
    expect(readPeerDirective('nolint')).toEqual({ kind: 'nolint', linters: null });
    expect(readPeerDirective('nolint:gosec,prealloc // reason')).toEqual({ kind: 'nolint', linters: ['gosec', 'prealloc'] });
    expect(readPeerDirective('lint:ignore SA6002 the value is tiny')).toEqual({ kind: 'lint-ignore', checks: ['SA6002'], file: false });
    expect(readPeerDirective('lint:ignore SA6002')).toBeNull(); // staticcheck needs a reason
    expect(readPeerDirective(' #nosec G112 -- internal only')).toEqual({ kind: 'nosec', rules: ['G112'] });
    expect(readPeerDirective(' nolintish')).toBeNull();
  });

  it('silences the peer rule on the flagged line only', () => {
    const src = ['package p', 'func f() {', '\tp.Put(b) //lint:ignore SA6002 small value', '\tp.Put(c)', '}'].join('\n');
    const r = run(src, [finding('sync-pool-pointer', 3), finding('sync-pool-pointer', 4), finding('prealloc-slice', 3)]);
    expect(r.silenced.map((s) => s.finding.span.startLine)).toEqual([3]);
    expect(r.kept.map((f) => `${f.rule}:${f.span.startLine}`)).toEqual(['sync-pool-pointer:4', 'prealloc-slice:3']);
  });

  it('a standalone nolint covers the declaration below it, a bare one every rule', () => {
    const src = ['package p', '//nolint:gosec', 'var s = &http.Server{', '\tAddr: ":80",', '}', '', '//nolint', 'func g() {}'].join('\n');
    const r = run(src, [finding('http-server-timeouts', 4), finding('prealloc-slice', 4), finding('prealloc-slice', 8)], { 3: 5, 8: 8 });
    expect(r.silenced.map((s) => `${s.finding.rule}:${s.finding.span.startLine}`)).toEqual(['http-server-timeouts:4', 'prealloc-slice:8']);
  });

  it('nosec without a rule silences every gosec-backed rule, and names our own id', () => {
    const src = ['package p', 'var s = &http.Server{} // #nosec', 'var t = x //nolint:prealloc-slice'].join('\n');
    const r = run(src, [finding('http-server-timeouts', 2), finding('prealloc-slice', 3), finding('sync-pool-pointer', 2)]);
    expect(r.kept.map((f) => f.rule)).toEqual(['sync-pool-pointer']);
  });
});

describe('explanations', () => {
  it('counts the rule subject or a deliberate choice, not test markers or directives', () => {
    expect(explains(' no timeout: this server streams watches', timeouts)).toBe(true);
    expect(explains(' Timeouts are set by the caller', timeouts)).toBe(true);
    expect(explains(' intentionally left open', prealloc)).toBe(true);
    expect(explains(' want "http-server-timeouts"', timeouts)).toBe(false);
    expect(explains(' go-standards:ignore http-server-timeouts no timeout', timeouts)).toBe(false);
    expect(explains(' serves the admin API', timeouts)).toBe(false);
    // A marker after the comment's own words is not part of them.
    expect(explains(' serves the admin API // want "http-server-timeouts: no timeout"', timeouts)).toBe(false);
    expect(explains(' want-advisory "http-server-timeouts"', timeouts)).toBe(false);
  });

  it('on the flagged line or alone on the line above', () => {
    const src = ['package p', '// the buffer is a pointer already', 'p.Put(b)', 'x := 1 // no preallocation: usually empty', 'y := 2', 'p.Put(c)'].join('\n');
    const r = run(src, [finding('sync-pool-pointer', 3), finding('prealloc-slice', 4), finding('sync-pool-pointer', 6)]);
    expect(r.silenced.map((s) => [s.finding.span.startLine, s.by])).toEqual([
      [3, 'explanation'],
      [4, 'explanation'],
    ]);
    expect(r.kept.map((f) => f.span.startLine)).toEqual([6]);
  });
});
