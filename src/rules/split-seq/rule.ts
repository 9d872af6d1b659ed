import { packageCall } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { isIgnoredBuild, runsPerItemOrRequest } from '../../core/go/per-request.js';
import { mentions, unparen } from '../../core/go/syntax.js';
import type { Edit } from '../../core/model.js';
import { defineRule } from '../define-rule.js';

/** Slice-returning splitters and their Go 1.24 iterator forms (same elements, same order). */
const SEQ_OF: Record<string, string> = {
  Split: 'SplitSeq',
  SplitAfter: 'SplitAfterSeq',
  Fields: 'FieldsSeq',
  FieldsFunc: 'FieldsFuncSeq',
};

const SPLIT_TEXT = /\.(?:Split|SplitAfter|Fields|FieldsFunc)\(/;

interface Splitter {
  call: SyntaxNode;
  /** `strings.Split` as written (with the file's import name). */
  written: string;
  seq: string;
  /** The `Split` identifier to rename. */
  field: SyntaxNode;
  path: string;
}

function splitter(node: SyntaxNode, imports: ReadonlyMap<string, string>): Splitter | null {
  const call = unparen(node);
  if (call.type !== 'call_expression') return null;
  const target = packageCall(call, imports);
  if (!target || (target.path !== 'strings' && target.path !== 'bytes')) return null;
  const seq = SEQ_OF[target.name];
  const fn = call.childForFieldName('function');
  const field = fn?.childForFieldName('field');
  if (!seq || !fn || !field) return null;
  return { call, written: fn.text, seq, field, path: target.path };
}

/**
 * The loop variables of a range clause when the index is unused: `for _, part := range`,
 * `for _, part = range`, `for range` or `for _ = range`. Returns the edit that drops the index
 * (null when nothing to drop), or undefined when the index is used.
 */
function dropIndex(clause: SyntaxNode): Edit | null | undefined {
  const left = clause.childForFieldName('left');
  if (!left) return null;
  const vars = left.namedChildren;
  if (vars.length === 1) return vars[0]!.text === '_' ? null : undefined;
  if (vars.length !== 2 || vars[0]!.text !== '_' || vars[1]!.type !== 'identifier' || vars[1]!.text === '_') return undefined;
  return { start: vars[0]!.startIndex, end: vars[1]!.startIndex, text: '' };
}

export default defineRule({
  id: 'split-seq',
  title: 'Range over `strings.SplitSeq` instead of `strings.Split`',
  section: 'Zero-Allocation Patterns (Enforced)',
  severity: 'notice',
  minGo: '1.24',
  fixable: true,
  subjects: ['splitseq', 'fieldsseq'],
  description:
    'Ranging over `strings.Split(s, sep)` (or `Fields`, `SplitAfter`, `FieldsFunc`, and the `bytes` ' +
    'versions) allocates a slice holding every part only to walk it once. Go 1.24 adds iterator forms, ' +
    '`strings.SplitSeq`, `strings.FieldsSeq` and friends, that yield the same parts one by one without ' +
    'allocating the slice. The rewrite applies when the loop ignores the index and the slice has no other use.',
  examples: {
    incorrect: `
import "strings"

func headerNames(list string) []string {
	var names []string
	for _, part := range strings.Split(list, ",") {
		names = append(names, strings.TrimSpace(part))
	}
	return names
}
`,
    correct: `
import "strings"

func headerNames(list string) []string {
	var names []string
	for part := range strings.SplitSeq(list, ",") {
		names = append(names, strings.TrimSpace(part))
	}
	return names
}
`,
  },
  // The splitters are in `strings` and `bytes`.
  requires: ['"strings"', '"bytes"'],
  create(context) {
    const message = (s: Splitter, variable?: string): string => {
      const pkg = s.written.slice(0, s.written.lastIndexOf('.') + 1);
      const what = variable ? `\`${variable}\` is only ranged over, yet \`${s.written}\`` : `\`${s.written}\``;
      return `${what} allocates a slice of every part just to walk it once: \`${pkg}${s.seq}\` (Go 1.24) yields the parts without allocating the slice.`;
    };
    // A comment only where the split repeats (per element of an outer loop, per HTTP request);
    // a split that runs once per call of a cold function is advisory.
    const tier = (node: SyntaxNode): { tier?: 'advisory' } => (!isIgnoredBuild(context.source) && runsPerItemOrRequest(node.parent!, context.imports()) ? {} : { tier: 'advisory' });
    return {
      range_clause(clause) {
        const right = clause.childForFieldName('right');
        if (!right) return;
        // The loop variables are read once the ranged value is a split: most loops range over
        // something else.
        if (right.type === 'call_expression' || right.type === 'parenthesized_expression') {
          const s = splitter(right, context.imports());
          if (!s) return;
          const loopVars = dropIndex(clause);
          if (loopVars === undefined) return;
          const fix: Edit[] = [{ start: s.field.startIndex, end: s.field.endIndex, text: s.seq }];
          if (loopVars) fix.push(loopVars);
          context.report({ node: clause, message: message(s), fix, anchor: clause, ...tier(clause) });
          return;
        }
        if (right.type !== 'identifier') return;
        // parts := strings.Split(…) just before, used by this range only. Cheap textual test
        // first: the block before the loop must call a splitter.
        const loop = clause.parent;
        const block = loop?.parent;
        if (!block || !SPLIT_TEXT.test(context.source.slice(block.startIndex, loop!.startIndex))) return;
        const imports = context.imports();
        const decl = declarationUsedOnlyHere(loop, right, (value) => splitter(value, imports) !== null);
        if (!decl) return;
        const value = decl.childForFieldName('right')!.namedChildren[0]!;
        const s = splitter(value, context.imports());
        if (!s) return;
        const loopVars = dropIndex(clause);
        if (loopVars === undefined) return;
        // bytes.SplitSeq reads the byte slice lazily: nothing may run between the split and the loop.
        let next = decl.nextNamedSibling;
        while (next?.type === 'comment') next = next.nextNamedSibling;
        if (s.path === 'bytes' && next?.id !== loop?.id) return;
        const fix: Edit[] = [{ start: s.field.startIndex, end: s.field.endIndex, text: s.seq }];
        if (loopVars) fix.push(loopVars);
        context.report({
          node: decl,
          message: message(s, right.text),
          fix,
          anchor: decl,
          ...tier(decl),
        });
      },
    };
  },
});

/**
 * `name := <value>` in the block holding the loop, before it, with `name` mentioned nowhere in
 * the rest of the block except as the loop's range expression.
 */
function declarationUsedOnlyHere(loop: SyntaxNode | null, use: SyntaxNode, isSplit: (value: SyntaxNode) => boolean): SyntaxNode | null {
  if (loop?.type !== 'for_statement' || loop.parent?.type !== 'statement_list') return null;
  const name = use.text;
  let decl: SyntaxNode | null = null;
  const between: SyntaxNode[] = [];
  for (let s = loop.previousNamedSibling; s; s = s.previousNamedSibling) {
    if (s.type === 'short_var_declaration' && s.text.startsWith(name)) {
      const left = s.childForFieldName('left')?.namedChildren ?? [];
      if (left.some((l) => l.text === name)) {
        decl = s;
        break;
      }
    }
    between.push(s);
  }
  if (!decl) return null;
  const left = decl.childForFieldName('left')?.namedChildren ?? [];
  const right = decl.childForFieldName('right')?.namedChildren ?? [];
  if (left.length !== 1 || right.length !== 1 || !isSplit(right[0]!)) return null;
  // No other use (or assignment) before the loop, in it, or after it.
  if (between.some((s) => mentions(s, name))) return null;
  for (let s: SyntaxNode | null = loop; s; s = s.nextNamedSibling) {
    if (!s.text.includes(name)) continue;
    const uses = s.descendantsOfType('identifier').filter((id) => id.text === name);
    if (uses.length > (s.id === loop.id ? 1 : 0)) return null;
  }
  return decl;
}
