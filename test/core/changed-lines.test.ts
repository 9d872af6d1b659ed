import { describe, expect, it } from 'vitest';
import { changedLinesFromPatch, commentRange, inScope, isCommentable, parseUnifiedDiff } from '../../src/core/diff/changed-lines.js';

const MODIFIED = [
  '@@ -1,4 +1,5 @@',
  ' package p',
  '-var a = 1',
  '+var a = 2',
  '+var b = 3',
  ' ',
  ' func f() {}',
  '@@ -20,3 +21,4 @@ func g() {',
  ' 	x := 1',
  '+	y := 2',
  ' 	_ = x',
  ' }',
].join('\n');

describe('changedLinesFromPatch', () => {
  it('knows added and commentable lines of the new side', () => {
    const c = changedLinesFromPatch(MODIFIED);
    expect([...c.added]).toEqual([2, 3, 22]);
    expect(c.hunks).toEqual([
      { newStart: 1, newEnd: 5 },
      { newStart: 21, newEnd: 24 },
    ]);
    expect(isCommentable(c, 1)).toBe(true); // context
    expect(isCommentable(c, 6)).toBe(false); // between hunks
    expect(isCommentable(c, 24)).toBe(true);
    expect(isCommentable(c, 25)).toBe(false);
  });

  it('maps a range to line/start_line only when both ends lie in one hunk', () => {
    const c = changedLinesFromPatch(MODIFIED);
    expect(commentRange(c, 2, 2)).toEqual({ line: 2 });
    expect(commentRange(c, 2, 4)).toEqual({ line: 4, startLine: 2 });
    expect(commentRange(c, 4, 21)).toBeNull(); // spans two hunks
    expect(commentRange(c, 7, 7)).toBeNull(); // outside
    expect(commentRange(c, 5, 6)).toBeNull(); // end outside
  });

  it('handles "\\ No newline at end of file" on both sides', () => {
    const patch = ['@@ -1,2 +1,2 @@', ' package p', '-var a = 1', '\\ No newline at end of file', '+var a = 2', '\\ No newline at end of file'].join('\n');
    const c = changedLinesFromPatch(patch);
    expect([...c.added]).toEqual([2]);
    expect(c.hunks).toEqual([{ newStart: 1, newEnd: 2 }]);
  });

  it('handles CRLF patches', () => {
    const c = changedLinesFromPatch(MODIFIED.replace(/\n/g, '\r\n'));
    expect([...c.added]).toEqual([2, 3, 22]);
  });

  it('handles a new file and a deletion-only hunk', () => {
    const added = changedLinesFromPatch('@@ -0,0 +1,3 @@\n+package p\n+\n+var x int');
    expect([...added.added]).toEqual([1, 2, 3]);
    const deletion = changedLinesFromPatch('@@ -3,2 +2,0 @@\n-a\n-b');
    expect([...deletion.added]).toEqual([]);
    expect(isCommentable(deletion, 2)).toBe(false);
  });

  it('filters by scope', () => {
    const c = changedLinesFromPatch(MODIFIED);
    expect(inScope(c, 'added', 2)).toBe(true);
    expect(inScope(c, 'added', 1)).toBe(false);
    expect(inScope(c, 'diff-context', 1)).toBe(true);
    expect(inScope(c, 'diff-context', 10)).toBe(false);
    expect(inScope(c, 'file', 10)).toBe(true);
  });
});

describe('parseUnifiedDiff', () => {
  it('reads added, modified, renamed and deleted files from git diff output', () => {
    const text = [
      'diff --git a/old.go b/new.go',
      'similarity index 90%',
      'rename from old.go',
      'rename to new.go',
      '--- a/old.go',
      '+++ b/new.go',
      '@@ -1,2 +1,2 @@',
      ' package p',
      '-var a = 1',
      '+var a = 2',
      'diff --git a/add.go b/add.go',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/add.go',
      '@@ -0,0 +1,2 @@',
      '+package p',
      '+var b = 1',
      'diff --git a/gone.go b/gone.go',
      'deleted file mode 100644',
      '--- a/gone.go',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-package p',
      '',
    ].join('\n');
    const files = parseUnifiedDiff(text);
    expect(files.map((f) => [f.oldPath, f.newPath, [...f.changed.added]])).toEqual([
      ['old.go', 'new.go', [2]],
      [null, 'add.go', [1, 2]],
      ['gone.go', null, []],
    ]);
  });
});
