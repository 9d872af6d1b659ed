/** Small, single-purpose syntax helpers over tree-sitter-go nodes. */
import type { SyntaxNode } from './parser.js';
import { findDeclaration } from './scope.js';
import { wordOffsets } from './words.js';

export const FUNCTION_TYPES = new Set(['function_declaration', 'method_declaration', 'func_literal']);

/** The nearest enclosing function declaration, method or function literal. */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  for (let n = node.parent; n; n = n.parent) if (FUNCTION_TYPES.has(n.type)) return n;
  return null;
}

/** Statements of a block (tree-sitter-go 0.25 wraps them in a statement_list). */
export function blockStatements(block: SyntaxNode | null): SyntaxNode[] {
  if (!block) return [];
  const list = block.type === 'statement_list' ? block : block.namedChildren.find((c) => c.type === 'statement_list');
  return list ? list.namedChildren.filter((c) => c.type !== 'comment') : [];
}

/** Whether an identifier named `name` occurs anywhere inside `node`. */
export function mentions(node: SyntaxNode, name: string): boolean {
  if (node.type === 'identifier') return node.text === name;
  const text = node.text;
  if (!text.includes(name)) return false;
  // Each place the name is written, asked of the tree: an identifier there, or a field, a
  // string, a comment…
  const base = node.startIndex;
  for (const offset of wordOffsets(text, name)) {
    const at = base + offset;
    const found = node.namedDescendantForIndex(at, at + name.length);
    if (found.type === 'identifier' && found.startIndex === at) return true;
  }
  return false;
}

/** `pkg.Name` for a call's function, or null. */
export function selectorParts(node: SyntaxNode | null): { operand: SyntaxNode; field: string } | null {
  if (!node || node.type !== 'selector_expression') return null;
  const operand = node.childForFieldName('operand');
  const field = node.childForFieldName('field');
  return operand && field ? { operand, field: field.text } : null;
}

/** Arguments of a call expression (named children of its argument list). */
export function callArguments(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName('arguments');
  return args ? args.namedChildren.filter((c) => c.type !== 'comment') : [];
}

/** Strips redundant parentheses. */
export function unparen(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

/** Whether the node has an ancestor of one of `types` before reaching `stop`. */
export function hasAncestorBefore(node: SyntaxNode, types: ReadonlySet<string>, stop: SyntaxNode): boolean {
  for (let n = node.parent; n && n.id !== stop.id; n = n.parent) if (types.has(n.type)) return true;
  return false;
}

/** The leading whitespace of the line the node starts on. */
export function indentationOf(source: string, node: SyntaxNode): string {
  const lineStart = source.lastIndexOf('\n', node.startIndex - 1) + 1;
  const m = /^[ \t]*/.exec(source.slice(lineStart, node.startIndex));
  return m ? m[0] : '';
}

/**
 * Whether the node is alone on its lines: only whitespace before it, and only whitespace or a
 * trailing `//` comment (about the node, so it goes with it) after it.
 */
export function aloneOnLines(source: string, node: SyntaxNode): boolean {
  const lineStart = source.lastIndexOf('\n', node.startIndex - 1) + 1;
  let lineEnd = source.indexOf('\n', node.endIndex);
  if (lineEnd === -1) lineEnd = source.length;
  const after = source.slice(node.endIndex, lineEnd).trim();
  return !source.slice(lineStart, node.startIndex).trim() && (after === '' || after.startsWith('//'));
}

/** The string range covering the node's whole lines, newline included. */
export function wholeLinesRange(source: string, node: SyntaxNode): { start: number; end: number } {
  const start = source.lastIndexOf('\n', node.startIndex - 1) + 1;
  const nl = source.indexOf('\n', node.endIndex);
  return { start, end: nl === -1 ? source.length : nl + 1 };
}

/**
 * A stable name for the top-level declaration holding the node: `Func`, `(*T).Method`,
 * `type T`, `var x`; empty at file level.
 */
export function topLevelName(node: SyntaxNode): string {
  let top: SyntaxNode = node;
  while (top.parent && top.parent.type !== 'source_file') top = top.parent;
  switch (top.type) {
    case 'function_declaration':
      return top.childForFieldName('name')?.text ?? '';
    case 'method_declaration': {
      const recv = top.childForFieldName('receiver')?.namedChildren[0]?.childForFieldName('type')?.text ?? '';
      return `(${recv}).${top.childForFieldName('name')?.text ?? ''}`;
    }
    case 'type_declaration':
    case 'var_declaration':
    case 'const_declaration': {
      const spec = top.namedChildren[0];
      const name = spec?.childForFieldName('name')?.text ?? spec?.namedChildren[0]?.childForFieldName('name')?.text;
      return `${top.type.split('_')[0]} ${name ?? ''}`;
    }
    default:
      return '';
  }
}

const LOOP_TYPES = new Set(['for_statement']);

/**
 * The nearest loop around the node inside its own function (a loop outside an enclosing
 * function literal does not count: the literal may run once).
 */
export function enclosingLoop(node: SyntaxNode): SyntaxNode | null {
  for (let n = node.parent; n; n = n.parent) {
    if (LOOP_TYPES.has(n.type)) return n;
    if (FUNCTION_TYPES.has(n.type)) return null;
  }
  return null;
}

/**
 * For a call `pkg.Fn(…)` where `pkg` is the local name of an imported package: the import
 * path and function name. Null for method calls and local functions.
 */
export function packageCall(
  call: SyntaxNode,
  imports: ReadonlyMap<string, string>,
): { path: string; name: string } | null {
  if (call.type !== 'call_expression') return null;
  const sel = selectorParts(call.childForFieldName('function'));
  if (!sel || sel.operand.type !== 'identifier') return null;
  const local = sel.operand.text;
  for (const [path, name] of imports) {
    if (name === local) {
      // A variable, parameter or function of the same name shadows the package.
      if (findDeclaration(call, local)) return null;
      return { path, name: sel.field };
    }
  }
  return null;
}

/** Whether a function (declaration or literal) has the HTTP handler signature `(w http.ResponseWriter, r *http.Request)`. */
export function isHttpHandler(fn: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const http = imports.get('net/http');
  if (!http) return false;
  const params = fn.childForFieldName('parameters')?.namedChildren.filter((p) => p.type === 'parameter_declaration') ?? [];
  const types = params.flatMap((p) => {
    const t = p.childForFieldName('type')?.text.replace(/\s/g, '') ?? '';
    return Array(Math.max(1, p.childrenForFieldName('name').length)).fill(t) as string[];
  });
  return types.length === 2 && types[0] === `${http}.ResponseWriter` && types[1] === `*${http}.Request`;
}

/** The value of a string literal (interpreted or raw), or null when the node is not one. */
export function stringLiteralValue(node: SyntaxNode): string | null {
  if (node.type === 'raw_string_literal') return node.text.slice(1, -1);
  if (node.type !== 'interpreted_string_literal') return null;
  try {
    return JSON.parse(node.text.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')) as string;
  } catch {
    return node.text.slice(1, -1);
  }
}

/** The function's name: `Name` for declarations and methods, '' for literals. */
export function functionName(fn: SyntaxNode): string {
  return fn.type === 'func_literal' ? '' : (fn.childForFieldName('name')?.text ?? '');
}
