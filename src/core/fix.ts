/** Turning text edits into whole-line suggestions, and applying those to a file. */
import type { Edit, LineFix } from './model.js';

/** 1-based line of a string index, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  lineOf(index: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  /** String index where 1-based `line` starts. */
  startOf(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }
  /** String index of the end of 1-based `line`, before its newline. */
  endOf(line: number): number {
    const next = this.starts[line];
    return next === undefined ? this.text.length : next - 1;
  }
  get lineCount(): number {
    return this.starts.length;
  }
}

/**
 * A suggestion replaces whole lines; lines longer than this together (minified code) make a
 * suggestion nobody can read, and copying them per finding would cost the file's size each.
 */
export const MAX_FIX_REGION = 16 * 1024;

/**
 * The whole lines the edits touch, and what they become. Returns undefined for an empty or
 * overlapping edit set, one that changes nothing, or lines longer than MAX_FIX_REGION.
 */
export function editsToLineFix(lines: LineIndex, edits: readonly Edit[]): LineFix | undefined {
  if (edits.length === 0) return undefined;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.start < sorted[i - 1]!.end) return undefined;
  const source = lines.text;
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const line = lines.lineOf(first.start);
  const lastIndex = last.end > last.start ? last.end - 1 : last.end;
  const endLine = lines.lineOf(lastIndex);
  const from = lines.startOf(line);
  // Include the final newline in the region, so an edit may delete whole lines.
  const regionEnd = Math.min(source.length, lines.endOf(endLine) + 1);
  const to = Math.max(regionEnd, last.end);
  if (to - from > MAX_FIX_REGION) return undefined;
  let text = '';
  let at = from;
  for (const edit of sorted) {
    text += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  text += source.slice(at, to);
  const original = source.slice(from, to);
  if (text === original) return undefined;
  const replacement = text.replace(/\r?\n$/, '').replace(/\r\n/g, '\n');
  return { line, endLine, replacement };
}

/**
 * Applies line fixes as GitHub applies suggestions: lines `line..endLine` become the
 * replacement's lines (an empty replacement deletes them). Overlapping fixes after the first
 * are skipped. Line endings of the file are kept.
 */
export function applyLineFixes(source: string, fixes: readonly LineFix[]): string {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const lines = source.split(/\r?\n/);
  const ordered = [...fixes].sort((a, b) => a.line - b.line || a.endLine - b.endLine);
  const kept: LineFix[] = [];
  for (const fix of ordered) {
    const prev = kept[kept.length - 1];
    if (!prev || fix.line > prev.endLine) kept.push(fix);
  }
  for (const fix of kept.reverse()) {
    const replacement = fix.replacement === '' ? [] : fix.replacement.split(/\r?\n/);
    lines.splice(fix.line - 1, fix.endLine - fix.line + 1, ...replacement);
  }
  return lines.join(eol);
}
