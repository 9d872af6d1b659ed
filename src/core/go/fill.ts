/**
 * How a loop fills a collection declared just before it (prealloc-slice, prealloc-map): the
 * evidence that decides whether the loop's length is the collection's final size.
 */
import type { SyntaxNode } from './parser.js';
import { mentions } from './syntax.js';

/** Statements that end an iteration early or leave the loop. */
const EARLY_EXITS = new Set(['continue_statement', 'break_statement', 'return_statement', 'goto_statement']);

const NONE = new Set<string>();
const LOOPS = new Set(['for_statement']);
const BREAKABLE = new Set(['for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement']);

/**
 * Whether `fill` (a statement in `loop`'s body) runs on every iteration: it is a direct
 * statement of the body, and the body has no `continue`, `break`, `return` or `goto` of its
 * own (outside closures) that could skip it or stop the loop early.
 */
export function fillsEveryIteration(loop: SyntaxNode, fill: SyntaxNode): boolean {
  const body = loop.childForFieldName('body');
  if (!body || fill.parent?.parent?.id !== body.id) return false;
  const exits = body.descendantsOfType([...EARLY_EXITS]);
  return !exits.some((exit) => {
    // An unlabelled break or continue of a nested loop (break: also of a switch or select) stays inside it.
    const unlabelled = exit.namedChildCount === 0;
    const inner = unlabelled && exit.type === 'continue_statement' ? LOOPS : unlabelled && exit.type === 'break_statement' ? BREAKABLE : NONE;
    for (let n = exit.parent; n && n.id !== body.id; n = n.parent) if (n.type === 'func_literal' || inner.has(n.type)) return false;
    return true;
  });
}

/**
 * The first statement after `loop` in its block that mentions `name`, or null: the
 * collection's first other use once the loop has filled it.
 */
export function nextUse(loop: SyntaxNode, name: string): SyntaxNode | null {
  for (let s = loop.nextNamedSibling; s; s = s.nextNamedSibling) if (s.type !== 'comment' && mentions(s, name)) return s;
  return null;
}

/** `name = append(name, …)` anywhere inside `node`. */
export function appendsTo(node: SyntaxNode, name: string): boolean {
  if (!node.text.includes('append')) return false;
  return node.descendantsOfType('assignment_statement').some((a) => {
    const left = a.childForFieldName('left')?.namedChildren ?? [];
    const right = a.childForFieldName('right')?.namedChildren ?? [];
    return left.length === 1 && left[0]!.text === name && right.length === 1 && /^append\s*\(/.test(right[0]!.text);
  });
}

/** `name[k] = v` anywhere inside `node`. */
export function storesInto(node: SyntaxNode, name: string): boolean {
  return node.descendantsOfType('assignment_statement').some((a) => {
    const left = a.childForFieldName('left')?.namedChildren ?? [];
    return left.some((l) => l.type === 'index_expression' && l.childForFieldName('operand')?.text === name);
  });
}

/** Calls that build an error: what they are given is formatted on a failure path. */
const ERROR_BUILDERS = /^(?:(?:fmt\.)?Errorf|errors\.New|errors\.Errorf|errors\.Wrapf?)$/;

/** Whether `name` appears inside an error-building call (`fmt.Errorf`, `errors.New`) in `stmt`. */
export function feedsErrorMessage(stmt: SyntaxNode, name: string): boolean {
  if (!/Errorf|errors\./.test(stmt.text)) return false;
  return stmt.descendantsOfType('call_expression').some((call) => ERROR_BUILDERS.test(call.childForFieldName('function')?.text ?? '') && mentions(call, name));
}
