/**
 * Whether a client or transport built in a function outlives the call: stored in a field, a
 * map or a package variable, returned (a factory), or handed to something that is. Then the
 * function builds it once per use, and its connection pool is kept.
 */
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { enclosingFunction } from '../../core/go/functions.js';
import { mentions } from '../../core/go/syntax.js';

/** Methods that keep their argument (`cache.Store(key, c)`, `pool.Add(c)`). */
const KEEPING_METHODS = /^(Store|LoadOrStore|Swap|Set|SetDefault|Add|Put|Register|Push)$/;

/**
 * The expression the value ends up in: climbing out of composite literals that hold it
 * (`&API{client: &http.Client{…}}`), calls it is an argument of (`cos.NewClient(u, &http.Client{…})`),
 * and parentheses.
 */
export function outermostHolder(value: SyntaxNode): SyntaxNode {
  let v = value;
  for (;;) {
    const p = v.parent;
    if (!p) return v;
    if (p.type === 'parenthesized_expression') {
      v = p;
    } else if (p.type === 'literal_element' || p.type === 'keyed_element') {
      let body: SyntaxNode | null = p;
      while (body && body.type !== 'literal_value') body = body.parent;
      const literal = body?.parent;
      if (literal?.type !== 'composite_literal') return v;
      v = literal.parent?.type === 'unary_expression' && literal.parent.text.startsWith('&') ? literal.parent : literal;
    } else if (p.type === 'argument_list' && p.parent?.type === 'call_expression') {
      v = p.parent;
    } else {
      return v;
    }
  }
}

/** The targets a value (an element of the right-hand side) is assigned or declared to. */
function targetsOf(value: SyntaxNode): SyntaxNode[] {
  const list = value.parent;
  const stmt = list?.parent;
  if (list?.type !== 'expression_list' || !stmt) return [];
  if (stmt.type === 'var_spec') return stmt.childrenForFieldName('name');
  if (stmt.type !== 'assignment_statement' && stmt.type !== 'short_var_declaration') return [];
  if (stmt.childForFieldName('right')?.id !== list.id) return [];
  const left = stmt.childForFieldName('left')?.namedChildren ?? [];
  const right = list.namedChildren;
  if (right.length === left.length) {
    const i = right.findIndex((c) => c.id === value.id);
    return left[i] ? [left[i]!] : [];
  }
  return left;
}

/** Whether a target keeps the value beyond the call: a field, an element, a package variable or a named result. */
function keeps(target: SyntaxNode): boolean {
  if (target.type === 'selector_expression' || target.type === 'index_expression') return true;
  if (target.type !== 'identifier') return false;
  const decl = findDeclaration(target, target.text);
  return decl?.kind === 'package' || decl?.kind === 'result';
}

/** Whether `expr` (a statement's value list or an argument list) holds `id` itself, through literals and call arguments. */
function holds(expr: SyntaxNode, id: SyntaxNode): boolean {
  const holder = outermostHolder(id);
  for (let n: SyntaxNode | null = holder; n; n = n.parent) {
    if (n.id === expr.id) return holder.parent?.id === expr.id || holder.id === expr.id || holder.parent?.type === 'expression_list';
  }
  return false;
}

/**
 * Whether the value outlives the call: kept where it is written, or held by local variables
 * that are returned, kept, or passed to a keeping method.
 */
export function outlivesCall(value: SyntaxNode): boolean {
  const holder = outermostHolder(value);
  if (holder.parent?.type === 'expression_list' && holder.parent.parent?.type === 'return_statement') return true;
  if (holder.parent?.type === 'return_statement') return true;
  const targets = targetsOf(holder);
  if (targets.some(keeps)) return true;
  const fn = enclosingFunction(value);
  const body = fn?.childForFieldName('body');
  if (!body) return false;
  const names = new Set(targets.filter((t) => t.type === 'identifier' && t.text !== '_').map((t) => t.text));
  if (names.size === 0) return false;
  // The value itself, not a method's result (`client.Do(req)`), is what the expression holds.
  const mentionsAny = (node: SyntaxNode): boolean =>
    [...names].some((n) => mentions(node, n)) &&
    node
      .descendantsOfType('identifier')
      .some((id) => names.has(id.text) && holds(node, id));
  const statements = body.descendantsOfType(['assignment_statement', 'short_var_declaration', 'var_spec', 'return_statement', 'call_expression']);
  // Follow the value through a few local variables (`tr` → `client` → `opts`).
  for (let pass = 0; pass < 3; pass++) {
    const before = names.size;
    for (const s of statements) {
      if (s.type === 'return_statement') {
        if (mentionsAny(s)) return true;
        continue;
      }
      if (s.type === 'call_expression') {
        const callee = s.childForFieldName('function');
        const method = callee?.type === 'selector_expression' ? callee.childForFieldName('field')?.text : undefined;
        const args = s.childForFieldName('arguments')?.namedChildren ?? [];
        if (method && KEEPING_METHODS.test(method) && args.some((a) => names.has(a.text))) return true;
        continue;
      }
      const right = s.type === 'var_spec' ? s.childForFieldName('value') : s.childForFieldName('right');
      if (!right || !mentionsAny(right)) continue;
      const left = s.type === 'var_spec' ? s.childrenForFieldName('name') : (s.childForFieldName('left')?.namedChildren ?? []);
      for (const t of left) {
        if (keeps(t)) return true;
        if (t.type === 'identifier' && t.text !== '_') names.add(t.text);
      }
    }
    if (names.size === before) break;
  }
  return false;
}
