import { describe, expect, it } from 'vitest';
import { applyLineFixes, editsToLineFix, LineIndex } from '../../src/core/fix.js';

describe('editsToLineFix', () => {
  const source = 'package p\n\nfunc f() {\n\tvar out []string // keep\n\tb.ResetTimer()\n}\n';
  const lines = new LineIndex(source);

  it('turns an in-line edit into a whole-line replacement', () => {
    const start = source.indexOf('var out []string');
    const fix = editsToLineFix(lines, [{ start, end: start + 'var out []string'.length, text: 'out := make([]string, 0, n)' }]);
    expect(fix).toEqual({ line: 4, endLine: 4, replacement: '\tout := make([]string, 0, n) // keep' });
  });

  it('deletes a whole line when the edit eats its newline', () => {
    const start = source.indexOf('\tb.ResetTimer()');
    const fix = editsToLineFix(lines, [{ start, end: start + '\tb.ResetTimer()\n'.length, text: '' }]);
    expect(fix).toEqual({ line: 5, endLine: 5, replacement: '' });
    expect(applyLineFixes(source, [fix!])).toBe('package p\n\nfunc f() {\n\tvar out []string // keep\n}\n');
  });

  it('refuses overlapping or empty edits', () => {
    expect(editsToLineFix(lines, [])).toBeUndefined();
    expect(editsToLineFix(lines, [{ start: 0, end: 5, text: 'x' }, { start: 3, end: 6, text: 'y' }])).toBeUndefined();
    expect(editsToLineFix(lines, [{ start: 0, end: 7, text: 'package' }])).toBeUndefined();
  });

  it('keeps CRLF files CRLF and emits LF replacements', () => {
    const crlf = 'package p\r\nvar x interface{}\r\n';
    const start = crlf.indexOf('interface{}');
    const fix = editsToLineFix(new LineIndex(crlf), [{ start, end: start + 11, text: 'any' }]);
    expect(fix).toEqual({ line: 2, endLine: 2, replacement: 'var x any' });
    expect(applyLineFixes(crlf, [fix!])).toBe('package p\r\nvar x any\r\n');
  });
});
