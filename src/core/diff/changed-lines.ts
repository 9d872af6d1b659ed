/**
 * Which lines of the new side of a file a pull request added, and which a review comment
 * may sit on. GitHub accepts a RIGHT-side comment only on a line inside a hunk (added or
 * context), and a multi-line comment only when both ends lie in the same hunk.
 */
import { parsePatch, type StructuredPatchHunk } from 'diff';

export interface Hunk {
  /** First and last line of the hunk on the new side (inclusive); empty hunks have end < start. */
  newStart: number;
  newEnd: number;
}

export interface ChangedLines {
  /** Lines the change added on the new side. */
  added: ReadonlySet<number>;
  /** New-side hunk ranges, in order. */
  hunks: readonly Hunk[];
}

export type Scope = 'added' | 'diff-context' | 'file';

function fromHunks(hunks: StructuredPatchHunk[]): ChangedLines {
  const added = new Set<number>();
  const ranges: Hunk[] = [];
  for (const hunk of hunks) {
    let line = hunk.newStart;
    // A hunk that only deletes has newLines 0 and sits "after" newStart; nothing is commentable.
    const first = hunk.newLines === 0 ? hunk.newStart + 1 : hunk.newStart;
    for (const raw of hunk.lines) {
      const marker = raw[0];
      if (marker === '+') {
        added.add(line);
        line++;
      } else if (marker === ' ') {
        line++;
      }
      // '-' lines and "\ No newline at end of file" do not exist on the new side.
    }
    ranges.push({ newStart: first, newEnd: line - 1 });
  }
  return { added, hunks: ranges };
}

/**
 * Reads the `patch` GitHub gives for one file (hunks only, no `---`/`+++` header).
 * CRLF line endings are tolerated.
 */
export function changedLinesFromPatch(patch: string): ChangedLines {
  const text = patch.replace(/\r\n/g, '\n');
  const parsed = parsePatch(text);
  return fromHunks(parsed.flatMap((p) => p.hunks));
}

export interface FileDiff {
  /** Path on the new side, without the `b/` prefix; null when the file was deleted. */
  newPath: string | null;
  oldPath: string | null;
  changed: ChangedLines;
}

function stripPrefix(name: string | undefined): string | null {
  if (!name || name === '/dev/null') return null;
  const clean = name.split('\t')[0]!;
  return clean.startsWith('a/') || clean.startsWith('b/') ? clean.slice(2) : clean;
}

/** Reads a multi-file unified diff (`git diff`, `diff -u`). Deleted files come back with newPath null. */
export function parseUnifiedDiff(text: string): FileDiff[] {
  const parsed = parsePatch(text.replace(/\r\n/g, '\n'));
  return parsed
    .filter((p) => p.hunks.length > 0 || p.newFileName)
    .map((p) => ({
      newPath: stripPrefix(p.newFileName),
      oldPath: stripPrefix(p.oldFileName),
      changed: fromHunks(p.hunks),
    }));
}

function hunkOf(changed: ChangedLines, line: number): Hunk | undefined {
  return changed.hunks.find((h) => line >= h.newStart && line <= h.newEnd);
}

export function isCommentable(changed: ChangedLines, line: number): boolean {
  return hunkOf(changed, line) !== undefined;
}

export interface CommentRange {
  line: number;
  startLine?: number;
}

/**
 * Maps a finding's line range to a review comment's `line`/`start_line` on the RIGHT side,
 * or null when GitHub would reject it (an end outside every hunk, or the ends in different
 * hunks).
 */
export function commentRange(changed: ChangedLines, startLine: number, endLine: number): CommentRange | null {
  const hunk = hunkOf(changed, endLine);
  if (!hunk || startLine < hunk.newStart || startLine > endLine) return null;
  return startLine === endLine ? { line: endLine } : { line: endLine, startLine };
}

/**
 * Whether a finding that starts on `line` is in the review scope: `added` (the PR wrote that
 * line), `diff-context` (any line GitHub shows in a hunk) or `file` (anywhere).
 */
export function inScope(changed: ChangedLines, scope: Scope, line: number): boolean {
  switch (scope) {
    case 'file':
      return true;
    case 'diff-context':
      return isCommentable(changed, line);
    case 'added':
      return changed.added.has(line);
  }
}
