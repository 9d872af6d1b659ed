/** Functions: the nearest enclosing function, a function's name, and the file's functions and methods by name. */
import { ancestors } from './ancestry.js';
import { fileMemo } from './file-memo.js';
import type { SyntaxNode } from './parser.js';
import { topLevelDeclarations, typeOfExpression } from './scope.js';
import { selectorParts } from './selectors.js';
import { unparen } from './syntax.js';

export const FUNCTION_TYPES = new Set(['function_declaration', 'method_declaration', 'func_literal']);

/** The nearest enclosing function declaration, method or function literal. */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  for (const n of ancestors(node)) if (FUNCTION_TYPES.has(n.type)) return n;
  return null;
}

/** The function's name: `Name` for declarations and methods, '' for literals. */
export function functionName(fn: SyntaxNode): string {
  return fn.type === 'func_literal' ? '' : (fn.childForFieldName('name')?.text ?? '');
}

/** The file's top-level functions by name and methods by name. */
export interface FileFunctions {
  functions: Map<string, SyntaxNode>;
  methods: Map<string, SyntaxNode[]>;
}

/** The file's functions and methods by name, computed once per file for every rule that asks. */
export function fileFunctions(root: SyntaxNode): FileFunctions {
  return fileMemo(root, 'file-functions', () => indexFunctions(root));
}

function indexFunctions(root: SyntaxNode): FileFunctions {
  const functions = new Map<string, SyntaxNode>();
  const methods = new Map<string, SyntaxNode[]>();
  for (const decl of topLevelDeclarations(root)) {
    if (decl.type !== 'function_declaration' && decl.type !== 'method_declaration') continue;
    const name = decl.childForFieldName('name')?.text;
    if (!name) continue;
    if (decl.type === 'function_declaration') functions.set(name, decl);
    else if (decl.type === 'method_declaration') {
      const list = methods.get(name);
      if (list) list.push(decl);
      else methods.set(name, [decl]);
    }
  }
  return { functions, methods };
}

/** `T` for a receiver `(r *T)`, `(r T)` or `(r *T[K])`. */
export function receiverTypeName(method: SyntaxNode): string | null {
  const param = method.childForFieldName('receiver')?.namedChildren.find((c) => c.type === 'parameter_declaration');
  const type = param?.childForFieldName('type');
  if (!type) return null;
  const m = /^\*?\s*([A-Za-z_]\w*)/.exec(type.text);
  return m ? m[1]! : null;
}

/** The base type name of an expression's known type (`*Server` → `Server`), or null. */
function baseTypeName(expr: SyntaxNode): string | null {
  const t = typeOfExpression(expr);
  if (!t || (t.kind !== 'pointer' && t.kind !== 'named')) return null;
  const m = /^\*?\s*([A-Za-z_]\w*)$/.exec(t.text.replace(/\[.*\]$/, ''));
  return m ? m[1]! : null;
}

/**
 * The function a `go` call runs when the file shows it: the literal itself, a function
 * declared in the file, or a method declared in the file on the operand's known type.
 */
export function calledFunction(
  call: SyntaxNode,
  index: () => FileFunctions,
  imports: ReadonlyMap<string, string>,
): SyntaxNode | null {
  const fnNode = call.childForFieldName('function');
  if (!fnNode) return null;
  const fn = unparen(fnNode);
  if (fn.type === 'func_literal') return fn;
  if (fn.type === 'identifier') return index().functions.get(fn.text) ?? null;
  const sel = selectorParts(fn);
  if (!sel) return null;
  if (sel.operand.type === 'identifier' && [...imports.values()].includes(sel.operand.text)) return null;
  const candidates = index().methods.get(sel.field);
  if (!candidates) return null;
  const base = sel.operand.type === 'identifier' || sel.operand.type === 'selector_expression' ? baseTypeName(sel.operand) : null;
  return base ? (candidates.find((m) => receiverTypeName(m) === base) ?? null) : null;
}
