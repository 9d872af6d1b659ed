/** Whether a loop body can leave the loop early, so that it does not visit every pair. */
import { FUNCTION_TYPES } from '../../core/go/functions.js';
import { BREAK_TARGETS } from '../../core/go/loops.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { within } from '../../core/go/syntax.js';

/**
 * Whether the loop body can leave the loop early other than inside `except` (the block that
 * handles a match): a `break` of this loop, a `return` or a `goto`. Such loops stop at the first
 * mismatch or within a window, so they do not visit every pair.
 */
export function exitsEarly(body: SyntaxNode, except: SyntaxNode | null): boolean {
  for (const s of body.descendantsOfType(['break_statement', 'return_statement', 'goto_statement'])) {
    if (except && within(s, except)) continue;
    let inClosure = false;
    let ownLoop = true;
    for (let n = s.parent; n && n.id !== body.id; n = n.parent) {
      if (FUNCTION_TYPES.has(n.type)) inClosure = true;
      if (s.type === 'break_statement' && BREAK_TARGETS.has(n.type)) ownLoop = false;
    }
    if (inClosure) continue;
    if (s.type === 'break_statement' && !ownLoop && s.namedChildCount === 0) continue;
    return true;
  }
  return false;
}
