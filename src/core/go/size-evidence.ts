/**
 * What the code shows about the size of a collection or loop, for the Big-O rules: a small
 * or fixed-size collection, a loop of few constant iterations, a guard on a small size, or a
 * comment that says the author weighed the cost.
 */
import { intLiteralValue } from './constants.js';
import { enclosingFunction, FUNCTION_TYPES } from './functions.js';
import { loopClause, loopHeader } from './loops.js';
import type { SyntaxNode } from './parser.js';
import { findDeclaration, typeOfExpression } from './scope.js';
import { assignedIn, blockStatements, conjuncts, unparen } from './syntax.js';

/** At or below this many elements a linear scan beats hashing; the standard draws the line at 10. */
export const SMALL = 16;

function literalElementCount(lit: SyntaxNode): number | null {
  if (lit.type !== 'composite_literal') return null;
  const body = lit.childForFieldName('body');
  return body ? body.namedChildren.filter((c) => c.type !== 'comment').length : null;
}

function arrayLength(type: SyntaxNode | null): number | 'fixed' | null {
  if (!type) return null;
  if (type.type === 'implicit_length_array_type') return 'fixed';
  if (type.type !== 'array_type') return null;
  return intLiteralValue(type.childForFieldName('length')) ?? 'fixed';
}

/**
 * Whether the code shows `expr` (a collection) holds a small constant number of elements:
 * a literal with few elements, a string literal, a small int (`range 4`), or a name declared
 * with such a literal or as an array of small literal length.
 */
export function isSmallConstant(expr: SyntaxNode): boolean {
  const x = unparen(expr);
  switch (x.type) {
    case 'composite_literal': {
      const type = x.childForFieldName('type');
      if (type && arrayLength(type) === 'fixed') return true;
      return (literalElementCount(x) ?? Infinity) <= SMALL;
    }
    case 'interpreted_string_literal':
    case 'raw_string_literal':
      return true;
    case 'int_literal':
      return (intLiteralValue(x) ?? Infinity) <= SMALL;
    case 'identifier': {
      const decl = findDeclaration(x, x.text);
      if (!decl) return false;
      if (decl.statement.type === 'const_declaration') return decl.value !== null && isSmallConstant(decl.value);
      const length = arrayLength(decl.type);
      if (length !== null) return length === 'fixed' || length <= SMALL;
      if (!decl.value || decl.value.type !== 'composite_literal') return false;
      // A non-empty literal never written again; an empty one is an accumulator.
      const count = literalElementCount(decl.value) ?? 0;
      if (count === 0 || !isSmallConstant(decl.value)) return false;
      const scope = decl.kind === 'package' ? null : enclosingBody(decl.statement);
      return scope === null || !assignedIn(scope, x.text);
    }
    default:
      return false;
  }
}

/** Whether `expr` is known to be an array (a fixed number of elements), from its declaration. */
export function isArray(expr: SyntaxNode): boolean {
  const x = unparen(expr);
  if (x.type !== 'identifier' && x.type !== 'selector_expression') return false;
  const t = typeOfExpression(x);
  return t?.kind === 'array';
}

/** Whether the loop runs a small constant number of times (`i < 4`, `range 3`, `range [...]T{a, b}`). */
export function isSmallConstantLoop(loop: SyntaxNode): boolean {
  const h = loopHeader(loop);
  if (!h) {
    const clause = loopClause(loop);
    const right = clause?.type === 'range_clause' ? clause.childForFieldName('right') : null;
    return right ? isSmallConstant(right) || isArray(right) : false;
  }
  if (h.kind === 'range') return isSmallConstant(h.collection!) || isArray(h.collection!);
  const bound = h.bound ? unparen(h.bound) : null;
  if (!bound) return false;
  if (bound.type === 'int_literal') return (intLiteralValue(bound) ?? Infinity) <= SMALL;
  if (bound.type === 'call_expression' && bound.childForFieldName('function')?.text === 'len') {
    const arg = bound.childForFieldName('arguments')?.namedChildren[0];
    return arg ? isSmallConstant(arg) || isArray(arg) : false;
  }
  return bound.type === 'identifier' && isSmallConstant(bound);
}

function enclosingBody(node: SyntaxNode): SyntaxNode | null {
  return enclosingFunction(node)?.childForFieldName('body') ?? null;
}

const LESS = new Set(['<', '<=']);
const MORE = new Set(['>', '>=']);

/** The comparison's operand that is not an int literal, and whether it is bounded above (`x < 10`). */
function sizeComparison(cond: SyntaxNode): { subject: SyntaxNode; below: boolean } | null {
  if (cond.type !== 'binary_expression') return null;
  const op = cond.childForFieldName('operator')?.text ?? '';
  const left = cond.childForFieldName('left');
  const right = cond.childForFieldName('right');
  if (!left || !right) return null;
  if (right.type === 'int_literal' && (LESS.has(op) || MORE.has(op))) return { subject: left, below: LESS.has(op) };
  if (left.type === 'int_literal' && (LESS.has(op) || MORE.has(op))) return { subject: right, below: MORE.has(op) };
  return null;
}

function mentionsAny(node: SyntaxNode, subjects: readonly string[]): boolean {
  const t = node.text;
  return subjects.some((s) => t === s || t === `len(${s})` || t.includes(`len(${s})`));
}

function disjuncts(cond: SyntaxNode): SyntaxNode[] {
  const c = unparen(cond);
  if (c.type === 'binary_expression' && c.childForFieldName('operator')?.text === '||') {
    return [...disjuncts(c.childForFieldName('left')!), ...disjuncts(c.childForFieldName('right')!)];
  }
  return [c];
}

function boundsBelow(cond: SyntaxNode, subjects: readonly string[]): boolean {
  return conjuncts(cond).some((c) => {
    const s = sizeComparison(c);
    return s !== null && s.below && mentionsAny(s.subject, subjects);
  });
}

function boundsAbove(cond: SyntaxNode, subjects: readonly string[]): boolean {
  return disjuncts(cond).some((c) => {
    const s = sizeComparison(c);
    return s !== null && !s.below && mentionsAny(s.subject, subjects);
  });
}

function endsByLeaving(block: SyntaxNode | null): boolean {
  const stmts = blockStatements(block);
  const last = stmts[stmts.length - 1];
  return last !== undefined && ['return_statement', 'continue_statement', 'break_statement', 'goto_statement'].includes(last.type);
}

/**
 * Whether the code at `node` runs only when one of `subjects` (a collection `xs`, compared as
 * `len(xs)`, or a count `n`) is below a constant: inside `if len(xs) < 10 {…}`, the `else` of
 * `if n > 10`, a `case len(xs) <= 10:`, or after `if len(xs) > 10 { return … }`. The author
 * chose the quadratic path for small inputs on purpose.
 */
export function guardedBySmallSize(node: SyntaxNode, subjects: readonly string[]): boolean {
  if (subjects.length === 0) return false;
  let child = node;
  for (let n = node.parent; n && !FUNCTION_TYPES.has(n.type); child = n, n = n.parent) {
    if (n.type === 'if_statement') {
      const cond = n.childForFieldName('condition');
      if (cond && n.childForFieldName('consequence')?.id === child.id && boundsBelow(cond, subjects)) return true;
      if (cond && n.childForFieldName('alternative')?.id === child.id && boundsAbove(cond, subjects)) return true;
    } else if (n.type === 'expression_case') {
      const value = n.childForFieldName('value');
      if (value && value.namedChildren.some((v) => boundsBelow(v, subjects))) return true;
    } else if (n.type === 'statement_list') {
      for (const s of n.namedChildren) {
        if (s.startIndex >= child.startIndex) break;
        if (s.type !== 'if_statement') continue;
        const cond = s.childForFieldName('condition');
        if (cond && boundsAbove(cond, subjects) && endsByLeaving(s.childForFieldName('consequence'))) return true;
      }
    }
  }
  return false;
}

// A comment that only names the cost ("O(n²)") is a warning, not a reason: it must also say why
// the cost is acceptable (small or bounded input, a deliberate scan instead of a map).
const ACKNOWLEDGED = new RegExp(
  [
    String.raw`\bn is (small|tiny|bounded|\d)`,
    String.raw`\bn\s*(<=?|≤)\s*\d`,
    String.raw`small (n\b|enough|number|input|slice|list)`,
    String.raw`(few|handful of) (elements|items|entries|values)`,
    String.raw`at most \d+`,
    String.raw`(linear (search|scan)|n\s*\^\s*2|n²|o\(n|quadratic(?!-))[^.\n]*\b(fine|ok|okay|acceptable|cheap|cheaper|faster|small)\b`,
    String.raw`instead of (using )?a map`,
    String.raw`unlikely to (have|be) (more|many|large)`,
    String.raw`avoid (a )?map allocation`,
  ].join('|'),
  'i',
);

/**
 * Whether a comment just above the statement (or at the end of its first line) says the
 * author weighed the cost: "n is small", "O(n^2) but N is 4", "quadratic, fine for few items".
 */
export function costAcknowledged(stmt: SyntaxNode, source: string): boolean {
  const lineEnd = source.indexOf('\n', stmt.startIndex);
  const firstLine = source.slice(stmt.startIndex, lineEnd === -1 ? source.length : lineEnd);
  const trailing = firstLine.indexOf('//');
  if (trailing !== -1 && ACKNOWLEDGED.test(firstLine.slice(trailing))) return true;
  let text = '';
  // Comments before a block's first statement sit beside its statement_list, not inside it.
  const before = (n: SyntaxNode): SyntaxNode | null =>
    n.previousNamedSibling ?? (n.parent?.type === 'statement_list' ? n.parent.previousNamedSibling : null);
  for (let p = before(stmt), below = stmt; p?.type === 'comment'; below = p, p = before(p)) {
    if (below.startPosition.row - p.endPosition.row > 1) break;
    text = `${p.text}\n${text}`;
  }
  return ACKNOWLEDGED.test(text);
}

/**
 * Whether comments in the few lines above the local declaration of the collection `id` say the
 * linear search is deliberate ("unlikely to have more than one; just do a linear search").
 */
export function declarationAcknowledged(id: SyntaxNode, source: string): boolean {
  const decl = findDeclaration(id, id.text);
  if (!decl || decl.kind === 'param' || decl.kind === 'receiver') return false;
  const body = enclosingBody(decl.statement);
  if (!body) return false;
  const end = source.lastIndexOf('\n', decl.statement.startIndex);
  let start = end;
  for (let k = 0; k < 8 && start > body.startIndex; k++) start = source.lastIndexOf('\n', start - 1);
  start = Math.max(start, body.startIndex);
  const comments = source
    .slice(start + 1, end + 1)
    .split('\n')
    .map((line) => {
      const at = line.indexOf('//');
      return at === -1 ? '' : line.slice(at);
    })
    .join('\n');
  return ACKNOWLEDGED.test(comments);
}
