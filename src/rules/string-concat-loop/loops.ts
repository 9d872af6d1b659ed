/** What a loop's header says about how often it runs. */
import { intConstant, stringLiteralValue } from '../../core/go/constants.js';
import { loopClause } from '../../core/go/loops.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { unparen } from '../../core/go/syntax.js';

/** Elements of a composite literal (`[]T{a, b}`, `[...]T{a, b}`), or null. */
function literalLength(node: SyntaxNode): number | null {
  if (node.type !== 'composite_literal') return null;
  const type = node.childForFieldName('type');
  if (type?.type !== 'slice_type' && type?.type !== 'array_type' && type?.type !== 'implicit_length_array_type') return null;
  const body = node.childForFieldName('body');
  if (!body || body.namedChildren.some((c) => c.type === 'keyed_element')) return null;
  return body.namedChildren.filter((c) => c.type === 'literal_element').length;
}

/** How many times `for … range x` runs when `x` is a literal, a short literal variable or an array type. */
function rangeCount(expr: SyntaxNode): number | null {
  const x = unparen(expr);
  const n = intConstant(x);
  if (n !== null) return n; // range over an integer
  const literal = literalLength(x);
  if (literal !== null) return literal;
  const str = stringLiteralValue(x);
  if (str !== null) return str.length;
  if (x.type !== 'identifier') return null;
  const decl = findDeclaration(x, x.text);
  if (!decl) return null;
  if (decl.type?.type === 'array_type') {
    const length = decl.type.childForFieldName('length');
    return length ? intConstant(length) : null;
  }
  // A table written as a literal (`names := []string{"a", "b"}`), or a constant string.
  if (decl.value?.type === 'composite_literal') return literalLength(decl.value);
  if (decl.statement.type === 'const_declaration' && decl.value) return stringLiteralValue(decl.value)?.length ?? null;
  return null;
}

/**
 * The number of iterations when the header fixes it with constants (`for i := 0; i < 3; i++`,
 * `for range 4`, `for _, x := range [...]string{"a", "b"}`), or null.
 */
export function constantIterations(loop: SyntaxNode): number | null {
  const header = loopClause(loop);
  if (!header) return null;
  if (header.type === 'range_clause') {
    const right = header.childForFieldName('right');
    return right ? rangeCount(right) : null;
  }
  const init = header.childForFieldName('initializer');
  const cond = header.childForFieldName('condition');
  const update = header.childForFieldName('update');
  if (init?.type !== 'short_var_declaration' || cond?.type !== 'binary_expression' || !update) return null;
  const left = init.childForFieldName('left')?.namedChildren ?? [];
  const right = init.childForFieldName('right')?.namedChildren ?? [];
  if (left.length !== 1 || right.length !== 1) return null;
  const v = left[0]!.text;
  const start = intConstant(right[0]!);
  const op = cond.childForFieldName('operator')?.text;
  const boundNode = cond.childForFieldName('right');
  if (start === null || cond.childForFieldName('left')?.text !== v || !boundNode) return null;
  const bound = intConstant(boundNode);
  if (bound === null) return null;
  const u = update.text.replace(/\s/g, '');
  if (u === `${v}++` || u === `${v}+=1`) {
    if (op === '<') return Math.max(0, bound - start);
    if (op === '<=') return Math.max(0, bound - start + 1);
  } else if (u === `${v}--` || u === `${v}-=1`) {
    if (op === '>') return Math.max(0, start - bound);
    if (op === '>=') return Math.max(0, start - bound + 1);
  }
  return null;
}
