import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { mentions } from '../../core/go/syntax.js';

/**
 * Whether a capacity expression can be evaluated at the declaration: its root identifier is
 * declared before it, and no statement between the declaration and the loop touches it.
 * Shared by prealloc-slice and prealloc-map.
 */
export function capacityInScope(capacity: SyntaxNode, decl: SyntaxNode, between: readonly SyntaxNode[]): boolean {
  if (capacity.type === 'int_literal' || capacity.type === 'interpreted_string_literal' || capacity.type === 'raw_string_literal') return true;
  let root: SyntaxNode = capacity;
  while (root.type === 'selector_expression') root = root.childForFieldName('operand')!;
  if (root.type !== 'identifier') return false;
  const found = findDeclaration(decl, root.text);
  if (!found || (found.kind !== 'package' && found.id.startIndex >= decl.startIndex)) return false;
  return !between.some((s) => mentions(s, root.text));
}
