/** Slice types: the element type of a slice expression, read from a declaration in the file. */
import type { SyntaxNode } from './parser.js';
import { type TypeInfo, typeOfExpression, typeSpecNamed } from './scope.js';
import { fileRoot, unparen } from './syntax.js';

/** `type Name []T` (or `= []T`) declared at the top of the file: the slice type node. */
function namedSliceType(root: SyntaxNode, name: string): SyntaxNode | null {
  if (!/^[A-Za-z_]\w*$/.test(name)) return null;
  const spec = typeSpecNamed(root, name);
  if (!spec || spec.childForFieldName('type_parameters')) return null;
  const type = spec.childForFieldName('type');
  return type?.type === 'slice_type' ? type : null;
}

function elementOf(type: TypeInfo, root: SyntaxNode): SyntaxNode | null {
  const node = type.node;
  if (!node) return null;
  if (node.type === 'slice_type') return node.childForFieldName('element');
  if (node.type === 'variadic_parameter_declaration') return node.childForFieldName('type');
  if (type.kind === 'named') {
    const slice = namedSliceType(root, type.text);
    return slice?.childForFieldName('element') ?? null;
  }
  return null;
}

/**
 * The element type `T` of a slice expression (`xs`, `s.items`), read from a declaration in
 * the same file (`[]T`, `...T`, `make([]T, n)`, `[]T{…}`, or a named `type Ts []T`); null when
 * unknown or not a slice.
 */
export function sliceElementType(expr: SyntaxNode): SyntaxNode | null {
  const x = unparen(expr);
  if (x.type !== 'identifier' && x.type !== 'selector_expression') return null;
  const type = typeOfExpression(x);
  if (!type) return null;
  const element = elementOf(type, fileRoot(x));
  // A multi-line struct type does not fit a parameter list.
  return element && !element.text.includes('\n') ? element : null;
}
