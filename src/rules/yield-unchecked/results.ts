/**
 * Where a `yield` result that is used (not dropped as a statement) still lets another `yield`
 * run after it returned false: inside `||` chains, stored in a variable that is not checked
 * before the next call, or checked with a branch that calls `yield` again.
 */
import type { SyntaxNode } from '../../core/go/parser.js';
import { blockStatements, mentions, unparen } from '../../core/go/syntax.js';

export type UncheckedUse =
  | { kind: 'chain' }
  | { kind: 'stored'; variable: string }
  | { kind: 'false-branch'; variable: string }
  | { kind: 'break-then-yield' };

/**
 * Follows a false result of `call` up through the expressions that keep it false: parentheses,
 * `&&` (either side), and `||` when it is the right operand. Stops at the node whose value is no
 * longer known; reports an `||` whose left side is the false result and whose right side calls
 * yield again.
 */
function falseReaches(call: SyntaxNode, name: string): { top: SyntaxNode; chain: boolean } {
  let cur = call;
  for (let p = cur.parent; p; cur = p, p = p.parent) {
    if (p.type === 'parenthesized_expression') continue;
    if (p.type !== 'binary_expression') break;
    const op = p.childForFieldName('operator')?.text;
    if (op === '&&') continue;
    if (op !== '||') break;
    const right = p.childForFieldName('right')!;
    if (right.id === cur.id) continue;
    return { top: p, chain: mentions(right, name) };
  }
  return { top: cur, chain: false };
}

/** `v := <expr>` / `v = <expr>` with one name on the left: the statement and the name. */
function storedIn(expr: SyntaxNode): { stmt: SyntaxNode; variable: string } | null {
  const list = expr.parent;
  if (list?.type !== 'expression_list' || list.namedChildCount !== 1) return null;
  const stmt = list.parent;
  if (stmt?.type !== 'short_var_declaration' && stmt?.type !== 'assignment_statement') return null;
  if (stmt.childForFieldName('right')?.id !== list.id) return null;
  if (stmt.type === 'assignment_statement' && stmt.childForFieldName('operator')?.text !== '=') return null;
  const left = stmt.childForFieldName('left')?.namedChildren ?? [];
  if (left.length !== 1 || left[0]!.type !== 'identifier' || left[0]!.text === '_') return null;
  return { stmt, variable: left[0]!.text };
}

/**
 * After `v := yield(x)`, the statements that follow in the same block: the first that mentions
 * `v` or yield decides. One that calls yield without reading `v` first: never checked. An
 * `if !v { … }` whose branch calls yield (or `if v { … } else { … }` whose else does): the
 * branch taken after a false result calls it again. Any other read of `v` counts as a check
 * (the rule does not follow values further).
 */
function storedUse(stmt: SyntaxNode, variable: string, name: string): UncheckedUse | null {
  for (let s = stmt.nextNamedSibling; s; s = s.nextNamedSibling) {
    if (s.type === 'comment') continue;
    const readsV = mentions(s, variable);
    if (!readsV) {
      if (mentions(s, name)) return { kind: 'stored', variable };
      continue;
    }
    if (s.type !== 'if_statement' || s.childForFieldName('initializer')) return null;
    const cond = unparen(s.childForFieldName('condition')!);
    const negated = cond.type === 'unary_expression' && cond.childForFieldName('operator')?.text === '!' && unparen(cond.childForFieldName('operand')!).text === variable;
    const plain = cond.type === 'identifier' && cond.text === variable;
    const whenFalse = negated ? s.childForFieldName('consequence') : plain ? s.childForFieldName('alternative') : null;
    return whenFalse && mentions(whenFalse, name) ? { kind: 'false-branch', variable } : null;
  }
  return null;
}

/**
 * `if !yield(x) { …; break }` with yield called again after the loop the break leaves: the
 * loop ends because the body said stop, and the code below does not know.
 */
function breaksThenYields(call: SyntaxNode, name: string, yieldCanFollow: (stmt: SyntaxNode) => boolean): boolean {
  const not = call.parent;
  if (not?.type !== 'unary_expression' || not.childForFieldName('operator')?.text !== '!') return false;
  const ifs = not.parent;
  if (ifs?.type !== 'if_statement' || ifs.childForFieldName('condition')?.id !== not.id) return false;
  const body = blockStatements(ifs.childForFieldName('consequence'));
  const last = body[body.length - 1];
  if (last?.type !== 'break_statement' || last.namedChildCount > 0) return false;
  if (body.some((st) => mentions(st, name))) return false;
  // The loop the break leaves (a switch or select in between: not followed).
  let loop: SyntaxNode | null = ifs.parent;
  while (loop && loop.type !== 'for_statement') {
    if (['expression_switch_statement', 'type_switch_statement', 'select_statement', 'func_literal'].includes(loop.type)) return false;
    loop = loop.parent;
  }
  return !!loop && yieldCanFollow(loop);
}

/** How a used yield result lets another yield call run after false, or null. */
export function uncheckedUse(call: SyntaxNode, name: string, yieldCanFollow: (stmt: SyntaxNode) => boolean): UncheckedUse | null {
  const { top, chain } = falseReaches(call, name);
  if (chain) return { kind: 'chain' };
  if (top.id === call.id && breaksThenYields(call, name, yieldCanFollow)) return { kind: 'break-then-yield' };
  const stored = storedIn(top);
  return stored ? storedUse(stored.stmt, stored.variable, name) : null;
}
