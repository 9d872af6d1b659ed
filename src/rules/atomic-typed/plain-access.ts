/**
 * What the file shows of a variable used through the function-form atomics: its plain reads and
 * writes (outside `&v` handed to a call), and whether its struct is used as a value, where a typed
 * atomic field would break copies and literals.
 */
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { compactText, unparen } from '../../core/go/syntax.js';
import { isValueStruct, structsWithField } from '../../core/go/value-structs.js';
import { wordOffsets } from '../../core/go/words.js';

/** `&v` or `&s.f` handed to a call (`atomic.AddInt64(&v, 1)`): an atomic access, not a plain one. */
function takenForCall(expr: SyntaxNode): boolean {
  let n = expr;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  const unary = n.parent;
  return unary?.type === 'unary_expression' && unary.text.startsWith('&') && unary.parent?.type === 'argument_list';
}

/**
 * 1-based lines where the file reads or writes the variable directly: for a field, every `x.field`
 * selection (its receiver's type unknown, so any); for a variable, the uses of its declaration.
 */
export function plainAccessLines(root: SyntaxNode, variable: SyntaxNode): number[] {
  const v = unparen(variable);
  const lines = new Set<number>();
  if (v.type === 'selector_expression') {
    const field = v.childForFieldName('field')!.text;
    // Only the same expression (`c.stats.n` for `c.stats.n`) is surely the same field: another
    // struct of the package may have a field of that name, and no type checker says which.
    const operand = compactText(v.childForFieldName('operand'));
    for (const offset of wordOffsets(root.text, field)) {
      const start = root.startIndex + offset;
      const id = root.descendantForIndex(start, start + field.length);
      const sel = id.parent;
      if (id.type !== 'field_identifier' || id.startIndex !== start || sel?.type !== 'selector_expression') continue;
      if (sel.childForFieldName('field')?.id !== id.id || takenForCall(sel)) continue;
      // A method call `x.field()` is not the field.
      if (sel.parent?.type === 'call_expression' && sel.parent.childForFieldName('function')?.id === sel.id) continue;
      if (compactText(sel.childForFieldName('operand')) !== operand) continue;
      lines.add(sel.startPosition.row + 1);
    }
  } else if (v.type === 'identifier') {
    const decl = findDeclaration(v, v.text);
    if (!decl) return [];
    for (const offset of wordOffsets(root.text, v.text)) {
      const start = root.startIndex + offset;
      const id = root.descendantForIndex(start, start + v.text.length);
      if (id.type !== 'identifier' || id.startIndex !== start || id.id === decl.id.id || takenForCall(id)) continue;
      if (findDeclaration(id, id.text)?.id.id !== decl.id.id) continue;
      lines.add(id.startPosition.row + 1);
    }
  }
  return [...lines].sort((a, b) => a - b);
}

/**
 * Whether the variable is a field of a struct the file uses as a value (copied, in value
 * collections, built by literals that set it): a typed atomic there breaks those uses.
 * `structName` is the struct when known; otherwise every struct of the file with that field counts.
 */
export function fieldOfValueStruct(root: SyntaxNode, variable: SyntaxNode, structName: string | null): boolean {
  const v = unparen(variable);
  if (v.type !== 'selector_expression') return false;
  const field = v.childForFieldName('field')!.text;
  const all = structsWithField(root, field);
  const named = all.filter((s) => s.name === structName);
  return (named.length > 0 ? named : all).some((s) => isValueStruct(root, s.name));
}

/** An exported field (`t.Size`) of which no struct in the file declares a field: its struct lives elsewhere. */
export function exportedFieldOfUnseenStruct(root: SyntaxNode, variable: SyntaxNode): boolean {
  const v = unparen(variable);
  if (v.type !== 'selector_expression') return false;
  const field = v.childForFieldName('field')!.text;
  return /^\p{Lu}/u.test(field) && structsWithField(root, field).length === 0;
}
