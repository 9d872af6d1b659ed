/**
 * What the `slices` modernisations (sort-to-slices, manual-contains) need to know before they
 * may offer a suggestion: the element type of a slice from its declaration, whether a package
 * name is free to use at a place, and whether a package stays used after a call is rewritten.
 */
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, typeOfExpression, typeSpecNamed, type TypeInfo } from '../../core/go/scope.js';
import { unparen } from '../../core/go/syntax.js';

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
  let root: SyntaxNode = x;
  while (root.parent) root = root.parent;
  const element = elementOf(type, root);
  // A multi-line struct type does not fit a parameter list.
  return element && !element.text.includes('\n') ? element : null;
}

/** Whether `name` refers to something other than the imported package at `at` (a local or package-level declaration). */
export function shadowed(name: string, at: SyntaxNode): boolean {
  return findDeclaration(at, name) !== null;
}

/**
 * How many times the package imported as `name` is referred to in the file (`name.X` in
 * expressions and types), excluding comments, strings and shadowed names.
 */
export function packageReferences(root: SyntaxNode, source: string, name: string): number {
  const re = new RegExp(`(?<![\\w.])${name.replace(/[$]/g, '\\$')}\\s*\\.`, 'g');
  let count = 0;
  for (const m of source.matchAll(re)) {
    const node = root.descendantForIndex(m.index!);
    if (node.text !== name || (node.type !== 'identifier' && node.type !== 'package_identifier')) continue;
    const parent = node.parent;
    if (parent?.type === 'qualified_type' || (parent?.type === 'selector_expression' && parent.childForFieldName('operand')?.id === node.id)) {
      if (node.type === 'identifier' && shadowed(name, node)) continue;
      count++;
    }
  }
  return count;
}

/**
 * The calls `pkg.Fn(…)` in the file for the package imported as `pkg` and one of `functions`,
 * found by a text search mapped back to the tree: far cheaper than visiting every call
 * expression, since most files never name the package.
 */
export function packageCallSites(root: SyntaxNode, source: string, pkg: string, functions: readonly string[]): SyntaxNode[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}_.])${pkg.replace(/[$]/g, '\\$')}\\s*\\.\\s*(?:${functions.join('|')})\\s*\\(`, 'gu');
  const calls: SyntaxNode[] = [];
  for (const m of source.matchAll(re)) {
    const id = root.descendantForIndex(m.index!);
    const selector = id.parent;
    const call = selector?.parent;
    if (id.type !== 'identifier' || selector?.type !== 'selector_expression' || call?.type !== 'call_expression') continue;
    if (call.childForFieldName('function')?.id !== selector.id) continue;
    calls.push(call);
  }
  return calls;
}
