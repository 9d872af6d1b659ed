/**
 * Loop shapes and size evidence shared by the Big-O rules (quadratic-duplicates,
 * nested-linear-search, manual-contains): what a `for` header declares and iterates over,
 * and whether the code shows that a collection is small or of fixed size.
 */
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, typeOfExpression } from '../../core/go/scope.js';
import { blockStatements, FUNCTION_TYPES, unparen } from '../../core/go/syntax.js';

/** At or below this many elements a linear scan beats hashing; the standard draws the line at 10. */
export const SMALL = 16;

export interface LoopHeader {
  kind: 'range' | 'counted';
  clause: SyntaxNode;
  /** The index variable (`i` of `for i := …` or `for i, v := range`), unless blank or absent. */
  index: SyntaxNode | null;
  /** The value variable of a range loop, unless blank or absent. */
  value: SyntaxNode | null;
  /** What a range loop ranges over. */
  collection: SyntaxNode | null;
  /** Counted loops: the initial value, the comparison and the bound (`i < bound`). */
  init: SyntaxNode | null;
  operator: string;
  bound: SyntaxNode | null;
}

function identifiers(list: SyntaxNode | null): SyntaxNode[] {
  if (!list) return [];
  if (list.type === 'identifier') return [list];
  return list.namedChildren.filter((c) => c.type !== 'comment');
}

function named(id: SyntaxNode | undefined): SyntaxNode | null {
  return id && id.type === 'identifier' && id.text !== '_' ? id : null;
}

/** The for statement's clause node (`for_clause` / `range_clause`), if any. */
export function loopClause(loop: SyntaxNode): SyntaxNode | null {
  for (const c of loop.namedChildren) if (c.type === 'for_clause' || c.type === 'range_clause') return c;
  return null;
}

/**
 * `for i, v := range x` (declaring, not assigning) or `for i := init; i < bound; i++`;
 * null for other headers. With `steppedInBody`, `for i := init; i < bound; {` (the body
 * advances `i`) counts too.
 */
export function loopHeader(loop: SyntaxNode, steppedInBody = false): LoopHeader | null {
  const clause = loopClause(loop);
  if (!clause) return null;
  if (clause.type === 'range_clause') {
    const collection = clause.childForFieldName('right');
    const left = clause.childForFieldName('left');
    if (!collection) return null;
    if (left && !clause.text.slice(left.endIndex - clause.startIndex).trimStart().startsWith(':=')) return null;
    const ids = identifiers(left);
    return {
      kind: 'range',
      clause,
      index: named(ids[0]),
      value: named(ids[1]),
      collection: unparen(collection),
      init: null,
      operator: '',
      bound: null,
    };
  }
  const init = clause.childForFieldName('initializer');
  const cond = clause.childForFieldName('condition');
  const update = clause.childForFieldName('update');
  if (init?.type !== 'short_var_declaration' || cond?.type !== 'binary_expression' || (!update && !steppedInBody)) return null;
  const left = identifiers(init.childForFieldName('left'));
  const right = identifiers(init.childForFieldName('right'));
  if (left.length !== 1 || right.length !== 1 || left[0]!.type !== 'identifier') return null;
  const v = left[0]!.text;
  const operator = cond.childForFieldName('operator')?.text ?? '';
  if (cond.childForFieldName('left')?.text !== v || !['<', '<=', '!='].includes(operator)) return null;
  const u = update ? update.text.replace(/\s/g, '') : `${v}++`;
  if (u !== `${v}++` && u !== `${v}+=1`) return null;
  return {
    kind: 'counted',
    clause,
    index: left[0]!,
    value: null,
    collection: null,
    init: right[0]!,
    operator,
    bound: cond.childForFieldName('right'),
  };
}

function intValue(node: SyntaxNode | null): number | null {
  if (node?.type !== 'int_literal') return null;
  const n = Number(node.text.replace(/_/g, ''));
  return Number.isFinite(n) ? n : null;
}

function literalElementCount(lit: SyntaxNode): number | null {
  if (lit.type !== 'composite_literal') return null;
  const body = lit.childForFieldName('body');
  return body ? body.namedChildren.filter((c) => c.type !== 'comment').length : null;
}

function arrayLength(type: SyntaxNode | null): number | 'fixed' | null {
  if (!type) return null;
  if (type.type === 'implicit_length_array_type') return 'fixed';
  if (type.type !== 'array_type') return null;
  return intValue(type.childForFieldName('length')) ?? 'fixed';
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
      return (intValue(x) ?? Infinity) <= SMALL;
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
  if (bound.type === 'int_literal') return (intValue(bound) ?? Infinity) <= SMALL;
  if (bound.type === 'call_expression' && bound.childForFieldName('function')?.text === 'len') {
    const arg = bound.childForFieldName('arguments')?.namedChildren[0];
    return arg ? isSmallConstant(arg) || isArray(arg) : false;
  }
  return bound.type === 'identifier' && isSmallConstant(bound);
}

function enclosingBody(node: SyntaxNode): SyntaxNode | null {
  for (let n = node.parent; n; n = n.parent) if (FUNCTION_TYPES.has(n.type)) return n.childForFieldName('body');
  return null;
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

/** Conjuncts of `a && b && c`. */
export function conjuncts(cond: SyntaxNode): SyntaxNode[] {
  const c = unparen(cond);
  if (c.type === 'binary_expression' && c.childForFieldName('operator')?.text === '&&') {
    return [...conjuncts(c.childForFieldName('left')!), ...conjuncts(c.childForFieldName('right')!)];
  }
  return [c];
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

/** The root identifier of `x`, `x.f.g`, `x[i]`, `x[a:b]`; null for anything else. */
export function rootIdentifier(expr: SyntaxNode): SyntaxNode | null {
  let n = unparen(expr);
  for (;;) {
    if (n.type === 'identifier') return n;
    if (n.type === 'selector_expression') n = n.childForFieldName('operand')!;
    else if (n.type === 'index_expression' || n.type === 'slice_expression') n = n.childForFieldName('operand')!;
    else if (n.type === 'parenthesized_expression') n = unparen(n);
    else return null;
    if (!n) return null;
  }
}

/** Whether `node` lies inside `container` (by position). */
export function within(node: SyntaxNode, container: SyntaxNode): boolean {
  return node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;
}

/** Identifiers in `node` (itself included), skipping field names. */
export function identifiersIn(node: SyntaxNode): SyntaxNode[] {
  if (node.type === 'identifier') return [node];
  return node.descendantsOfType('identifier');
}

/**
 * Whether `name` is assigned anywhere in `scope` (`name = …`, `name, x = …`, `name = append(name, …)`,
 * `name op= …`), so its value changes as the loop runs.
 */
export function assignedIn(scope: SyntaxNode, name: string): boolean {
  if (!scope.text.includes(name)) return false;
  for (const a of scope.descendantsOfType(['assignment_statement', 'inc_statement', 'dec_statement'])) {
    const left = a.type === 'assignment_statement' ? a.childForFieldName('left') : a.namedChild(0);
    if (!left) continue;
    const targets = left.type === 'expression_list' ? left.namedChildren : [left];
    if (targets.some((t) => t.text === name)) return true;
  }
  return false;
}

const BREAK_SCOPES = new Set(['for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement']);

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
      if (s.type === 'break_statement' && BREAK_SCOPES.has(n.type)) ownLoop = false;
    }
    if (inClosure) continue;
    if (s.type === 'break_statement' && !ownLoop && s.namedChildCount === 0) continue;
    return true;
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

/** Whether the node's text contains `needle`: a plain text scan bounded by the node, no native calls. */
export function textContains(source: string, node: SyntaxNode, needle: string): boolean {
  return source.slice(node.startIndex, node.endIndex).includes(needle);
}
