/** Range-over-func iterators (Go 1.23): the `yield` parameter and the places that use it. */
import type { SyntaxNode } from './parser.js';

function parameters(fn: SyntaxNode): SyntaxNode[] {
  return fn.childForFieldName('parameters')?.namedChildren.filter((p) => p.type === 'parameter_declaration' || p.type === 'variadic_parameter_declaration') ?? [];
}

/** Whether a type node is `func(…) bool`. */
function isYieldType(type: SyntaxNode | null): boolean {
  return type?.type === 'function_type' && type.childForFieldName('result')?.text === 'bool';
}

/**
 * The name of an iterator's yield function: the single `func(…) bool` parameter of a function
 * literal without results (the body of an `iter.Seq`), or a `func(…) bool` parameter named `yield`
 * of any function (recursive helpers). Null for other functions.
 */
export function yieldParameter(fn: SyntaxNode): string | null {
  const params = parameters(fn);
  if (params.length === 0) return null;
  for (const p of params) {
    if (!isYieldType(p.childForFieldName('type'))) continue;
    const names = p.childrenForFieldName('name');
    if (names.some((n) => n.text === 'yield')) return 'yield';
  }
  if (fn.type !== 'func_literal' || params.length !== 1 || fn.childForFieldName('result')) return null;
  const only = params[0]!;
  const names = only.childrenForFieldName('name');
  return names.length === 1 && names[0]!.text !== '_' && isYieldType(only.childForFieldName('type')) ? names[0]!.text : null;
}

/** Whether a nested function literal between `node` and `fn` declares its own `name`. */
function rebound(node: SyntaxNode, fn: SyntaxNode, name: string): boolean {
  for (let n = node.parent; n && n.id !== fn.id; n = n.parent) {
    if (n.type !== 'func_literal') continue;
    if (parameters(n).some((p) => p.childrenForFieldName('name').some((id) => id.text === name))) return true;
  }
  return false;
}

/** Every use of the yield function in the iterator's body (calls, or passing it on), in order. */
export function yieldUses(fn: SyntaxNode, name: string): SyntaxNode[] {
  const body = fn.childForFieldName('body');
  if (!body || !body.text.includes(name)) return [];
  return body.descendantsOfType('identifier').filter((id) => id.text === name && !rebound(id, fn, name));
}

/** A use that is the callee of a call: the call expression, or null. */
export function callOf(use: SyntaxNode): SyntaxNode | null {
  const parent = use.parent;
  return parent?.type === 'call_expression' && parent.childForFieldName('function')?.id === use.id ? parent : null;
}

/**
 * A cheap test on the source before any tree access: whether the function's signature (the text
 * up to its body's `{`, skipping `interface{`/`struct{`) has a `bool` inside its parameter list, as a
 * yield parameter needs.
 */
export function signatureMentionsBool(source: string, fn: SyntaxNode): boolean {
  const start = fn.startIndex;
  let brace = source.indexOf('{', start);
  while (brace !== -1 && /(interface|struct)\s*$/.test(source.slice(Math.max(start, brace - 12), brace))) {
    brace = source.indexOf('{', brace + 1);
  }
  const header = source.slice(start, brace === -1 ? source.length : brace);
  // `func(…) bool` as a parameter is followed by `,` or `)`; a `bool` result is followed by `{`.
  return /\bbool\s*[,)]/.test(header);
}
