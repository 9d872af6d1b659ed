/** Small, single-purpose syntax helpers over tree-sitter-go nodes: blocks, statements, text, conditions. */
import { ancestors, topLevelDeclarationOf } from './ancestry.js';
import type { SyntaxNode } from './parser.js';
import { wordOffsets } from './words.js';

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
  const stopId = stop.id;
  for (const n of ancestors(node)) {
    if (n.id === stopId) return false;
    if (types.has(n.type)) return true;
  }
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
  let top = topLevelDeclarationOf(node);
  if (top === undefined) {
    top = node;
    while (top.parent && top.parent.type !== 'source_file') top = top.parent;
  }
  switch (top?.type) {
    case 'function_declaration':
      return top!.childForFieldName('name')?.text ?? '';
    case 'method_declaration': {
      const recv = top!.childForFieldName('receiver')?.namedChildren[0]?.childForFieldName('type')?.text ?? '';
      return `(${recv}).${top!.childForFieldName('name')?.text ?? ''}`;
    }
    case 'type_declaration':
    case 'var_declaration':
    case 'const_declaration': {
      const spec = top!.namedChildren[0];
      const name = spec?.childForFieldName('name')?.text ?? spec?.namedChildren[0]?.childForFieldName('name')?.text;
      return `${top!.type.split('_')[0]} ${name ?? ''}`;
    }
    default:
      return '';
  }
}

/** The next sibling that is not a comment. */
export function nextStatement(node: SyntaxNode): SyntaxNode | null {
  let n = node.nextNamedSibling;
  while (n?.type === 'comment') n = n.nextNamedSibling;
  return n;
}

/** The previous sibling that is not a comment. */
export function previousStatement(node: SyntaxNode): SyntaxNode | null {
  let n = node.previousNamedSibling;
  while (n?.type === 'comment') n = n.previousNamedSibling;
  return n;
}

/**
 * The statement or struct field holding the node (`errc := make(chan error)`, `done: make(chan
 * struct{})`): a stable, specific anchor.
 */
export function statementOf(node: SyntaxNode): SyntaxNode {
  const chain = [node, ...ancestors(node)];
  for (let i = 0; i < chain.length; i++) {
    const n = chain[i]!;
    if (n.type === 'keyed_element') return n;
    const parent = chain[i + 1];
    if (parent?.type === 'statement_list' || parent?.type === 'source_file') return n;
  }
  return node;
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

/** Whether the node's text contains `needle`: a plain text scan bounded by the node, no native calls. */
export function textContains(source: string, node: SyntaxNode, needle: string): boolean {
  return source.slice(node.startIndex, node.endIndex).includes(needle);
}

/** Conjuncts of `a && b && c`. */
export function conjuncts(cond: SyntaxNode): SyntaxNode[] {
  const c = unparen(cond);
  if (c.type === 'binary_expression' && c.childForFieldName('operator')?.text === '&&') {
    return [...conjuncts(c.childForFieldName('left')!), ...conjuncts(c.childForFieldName('right')!)];
  }
  return [c];
}

/** The root of the file's tree the node belongs to. */
export function fileRoot(node: SyntaxNode): SyntaxNode {
  return node.tree.rootNode;
}

/** The node's text without whitespace (`s.mu`, `a[i+1]`): for comparing how two expressions are written; '' for none. */
export function compactText(node: SyntaxNode | null | undefined): string {
  return node ? node.text.replace(/\s/g, '') : '';
}

/** The operand types whose negation needs no parentheses: `-x`, `-1`, `-s.n`, `-f()`, `-(a+b)`. */
const NEGATABLE = new Set(['identifier', 'int_literal', 'selector_expression', 'call_expression', 'parenthesized_expression']);

/** The text of `-expr`, parenthesised when the expression needs it (`-(a + b)`). */
export function negatedText(expr: SyntaxNode): string {
  return NEGATABLE.has(expr.type) ? `-${expr.text}` : `-(${expr.text})`;
}

/** The items of an expression list (`a, b := …`), comments aside; a lone expression as a list of one. */
export function expressionListItems(list: SyntaxNode | null): SyntaxNode[] {
  if (!list) return [];
  return list.type === 'expression_list' ? list.namedChildren.filter((c) => c.type !== 'comment') : [list];
}
