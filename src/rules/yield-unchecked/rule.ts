import { enclosingFunction, FUNCTION_TYPES } from '../../core/go/functions.js';
import { callOf, signatureMentionsBool, yieldParameter, yieldUses } from '../../core/go/iterators.js';
import { BREAK_TARGETS } from '../../core/go/loops.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { aloneOnLines, indentationOf, mentions, nextStatement } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';
import { uncheckedUse, type UncheckedUse } from './results.js';

/** The statement that calls yield and drops its result: `yield(x)` or `_ = yield(x)`. */
function ignoringStatement(call: SyntaxNode): SyntaxNode | null {
  const parent = call.parent;
  if (parent?.type === 'expression_statement') return parent;
  if (parent?.type !== 'expression_list') return null;
  const assign = parent.parent;
  if (assign?.type !== 'assignment_statement' || assign.childForFieldName('right')?.id !== parent.id) return null;
  if (parent.namedChildCount !== 1) return null;
  const left = assign.childForFieldName('left')?.namedChildren ?? [];
  return left.length === 1 && left[0]!.text === '_' ? assign : null;
}

const CASES = new Set(['expression_case', 'default_case', 'type_case', 'communication_case']);

/** The statement a `break` leaves: its labelled statement, or the innermost loop, switch or select. */
function breakTarget(brk: SyntaxNode, fn: SyntaxNode): SyntaxNode | null {
  const label = brk.namedChildren.find((c) => c.type === 'label_name')?.text;
  for (let n = brk.parent; n && n.id !== fn.id; n = n.parent) {
    if (FUNCTION_TYPES.has(n.type)) return null;
    if (label) {
      if (n.type === 'labeled_statement' && n.childForFieldName('label')?.text === label) return n;
    } else if (BREAK_TARGETS.has(n.type)) {
      return n;
    }
  }
  return null;
}

/**
 * Whether control can reach another use of yield after `stmt`: a later statement mentions it,
 * an enclosing loop repeats, or a callback around it runs again. `return`, `panic` and the end
 * of the iterator stop the search; `goto` and `fallthrough` give up (no report).
 */
function yieldCanFollow(stmt: SyntaxNode, fn: SyntaxNode, name: string): boolean {
  let cur = stmt;
  for (let guard = 0; guard < 1000; guard++) {
    const list = cur.parent;
    if (list?.type !== 'statement_list') return false;
    let jumped = false;
    for (let s = nextStatement(cur); s; s = nextStatement(s)) {
      if (mentions(s, name)) return true;
      if (s.type === 'return_statement' || s.type === 'goto_statement' || s.type === 'fallthrough_statement') return false;
      if (s.type === 'expression_statement' && /^panic\s*\(/.test(s.text)) return false;
      if (s.type === 'continue_statement') return true;
      if (s.type === 'break_statement') {
        const target = breakTarget(s, fn);
        if (!target) return false;
        cur = target;
        jumped = true;
        break;
      }
    }
    if (jumped) continue;
    const owner = list.parent;
    if (!owner) return false;
    if (CASES.has(owner.type)) {
      cur = owner.parent!;
      continue;
    }
    if (owner.type !== 'block') return false;
    let up = owner.parent;
    if (!up) return false;
    if (up.id === fn.id) return false;
    if (up.type === 'for_statement') return true;
    if (up.type === 'func_literal') return true; // a callback: it may run again
    if (up.type === 'statement_list') {
      cur = owner; // a bare block
      continue;
    }
    if (up.type === 'if_statement') {
      while (up.parent?.type === 'if_statement') up = up.parent;
      cur = up;
      continue;
    }
    return false;
  }
  return false;
}

function usedMessage(call: SyntaxNode, name: string, how: UncheckedUse): string {
  const then = `the next \`${name}\` call panics once the range loop body has broken or returned`;
  switch (how.kind) {
    case 'chain':
      return `\`${call.text}\` returning false does not stop the \`||\`: ${then}; join the calls with \`&&\`, or check each one.`;
    case 'stored':
      return `\`${call.text}\` is stored in \`${how.variable}\` but not checked before ${name} is called again: ${then}; check \`if !${how.variable} { return }\` first.`;
    case 'false-branch':
      return `The branch taken when \`${call.text}\` returned false calls \`${name}\` again: ${then}; return there instead.`;
    case 'break-then-yield':
      return `After \`${call.text}\` returns false the loop breaks, and \`${name}\` is still called below it: ${then}; return instead of breaking.`;
  }
}

export default defineRule({
  id: 'yield-unchecked',
  title: 'Check the result of `yield`',
  section: 'Go 1.24 Iterators with Yield',
  severity: 'error',
  minGo: '1.23',
  fixable: true,
  description:
    "An iterator's `yield` returns false when the range loop's body breaks, returns or panics. Calling `yield` " +
    'again after that makes the runtime panic ("range function continued iteration after function for loop body ' +
    'returned false"). So every `yield(x)` that more `yield` calls can follow must be checked: ' +
    '`if !yield(x) { return }`. A final `yield(x)` followed only by `return` or the end of the iterator may ignore it. ' +
    'The same panic follows a result that is used but does not stop the iterator: `yield(a) || yield(b)` (the `||` ' +
    'runs the second call exactly when the first returned false), a result stored in a variable that is not ' +
    'checked before the next call, a check whose false branch calls `yield` again, and `if !yield(x) { break }` ' +
    'with more `yield` calls after the loop.',
  examples: {
    incorrect: `
import "iter"

func (l *List[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for n := l.head; n != nil; n = n.next {
			yield(n.value)
		}
	}
}
`,
    correct: `
import "iter"

func (l *List[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for n := l.head; n != nil; n = n.next {
			if !yield(n.value) {
				return
			}
		}
	}
}
`,
  },
  create(context) {
    const check = (fn: SyntaxNode): void => {
      if (!signatureMentionsBool(context.source, fn)) return;
      const name = yieldParameter(fn);
      if (!name) return;
      for (const use of yieldUses(fn, name)) {
        const call = callOf(use);
        if (!call) continue;
        const stmt = ignoringStatement(call);
        if (!stmt) {
          // The result is used: a chain, a variable, a condition that may still go on.
          const how = uncheckedUse(call, name, (s) => yieldCanFollow(s, fn, name));
          if (how) context.report({ node: call, message: usedMessage(call, name, how) });
          continue;
        }
        if (!yieldCanFollow(stmt, fn, name)) continue;
        const direct = enclosingFunction(stmt)?.id === fn.id;
        const fixable = direct && !fn.childForFieldName('result') && aloneOnLines(context.source, stmt);
        const indent = indentationOf(context.source, stmt);
        // A trailing comment stays on the `if` line.
        let lineEnd = context.source.indexOf('\n', stmt.endIndex);
        if (lineEnd === -1) lineEnd = context.source.length;
        if (context.source[lineEnd - 1] === '\r') lineEnd--;
        // A long or multi-line argument is abbreviated: the message names the call, the fix shows it whole.
        const shown = call.text.includes('\n') || call.text.length > 60 ? `${name}(…)` : call.text;
        context.report({
          node: stmt,
          message:
            `\`${shown}\` ignores its result and more values can follow: once the range loop body breaks or returns, ` +
            `the next \`${name}\` call panics; write \`if !${shown} { return }\`.`,
          fix: fixable
            ? [
                { start: stmt.startIndex, end: stmt.endIndex, text: `if !${call.text} {` },
                { start: lineEnd, end: lineEnd, text: `\n${indent}\treturn\n${indent}}` },
              ]
            : undefined,
        });
      }
    };
    return { func_literal: check, function_declaration: check, method_declaration: check };
  },
});
