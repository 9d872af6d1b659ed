/**
 * Imported packages and their members: calls `pkg.F(…)`, selectors `pkg.X` and types `pkg.T`,
 * resolved through the file's imports so aliases count and a local variable of the same name
 * does not. Three levels of the same question, cheapest first: `qualifiedCallee` reads the
 * source text at a call, `packageFunction` confirms one package's call on the tree, and
 * `packageCall` finds which imported package (if any) a call goes through.
 */
import type { SyntaxNode } from './parser.js';
import { findDeclaration } from './scope.js';
import { selectorParts } from './selectors.js';

/** The local name the file gives the import `path`, or null when absent, blank or dot-imported. */
export function importedName(imports: ReadonlyMap<string, string>, path: string): string | null {
  const name = imports.get(path);
  return name && name !== '_' && name !== '.' ? name : null;
}

/** Whether `id` (an identifier spelled like a package) names the package, not a local variable. */
export function refersToPackage(id: SyntaxNode, local: string): boolean {
  return id.type === 'identifier' && id.text === local && findDeclaration(id, local) === null;
}

/** `pkg.Name` (a selector on the package `local`, `Name` among `only` when given): `Name`, or null. */
export function packageMember(node: SyntaxNode | null, local: string, only?: ReadonlySet<string>): string | null {
  if (node?.type !== 'selector_expression') return null;
  const operand = node.childForFieldName('operand');
  if (operand?.type !== 'identifier' || operand.text !== local) return null;
  const field = node.childForFieldName('field');
  if (!field || (only && !only.has(field.text)) || !refersToPackage(operand, local)) return null;
  return field.text;
}

/** For a call `pkg.Fn(…)` on the package `local` (`Fn` among `only` when given): `Fn`, or null. */
export function packageFunction(call: SyntaxNode, local: string, only?: ReadonlySet<string>): string | null {
  if (call.type !== 'call_expression') return null;
  return packageMember(call.childForFieldName('function'), local, only);
}

/** `T` when the type node is `pkg.T` or `*pkg.T` on the package `local`, else null. */
export function packageTypeName(type: SyntaxNode | null, local: string): string | null {
  let t = type;
  if (t?.type === 'pointer_type') t = t.namedChild(0);
  if (t?.type !== 'qualified_type') return null;
  if (t.childForFieldName('package')?.text !== local) return null;
  return t.childForFieldName('name')?.text ?? null;
}

/**
 * A memoised lookup of the local name of `path` for one file. The engine fills the imports
 * during its walk, so visitors (not `create`) must call it.
 */
export function importLookup(imports: () => ReadonlyMap<string, string>, path: string): () => string | null {
  let resolved = false;
  let name: string | null = null;
  return () => {
    if (!resolved) {
      name = importedName(imports(), path);
      resolved = true;
    }
    return name;
  };
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

const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;

/**
 * `Name` when the source at the call reads `pkg.Name(`, else null: a cheap first look read
 * straight from the source at the call's start, so a rule visiting every call crosses into the
 * native binding once (`startIndex`) for the calls it does not want. The caller confirms a
 * match on the tree.
 */
export function qualifiedCallee(source: string, call: SyntaxNode, pkg: string): string | null {
  const start = call.startIndex;
  if (!source.startsWith(pkg, start) || source.charCodeAt(start + pkg.length) !== 46 /* . */) return null;
  NAME.lastIndex = start + pkg.length + 1;
  const m = NAME.exec(source);
  if (!m) return null;
  let i = NAME.lastIndex;
  while (source[i] === ' ' || source[i] === '\t') i++;
  return source[i] === '(' ? m[0] : null;
}

/** Whether `name` refers to something other than the imported package at `at` (a local or package-level declaration). */
export function shadowed(name: string, at: SyntaxNode): boolean {
  return findDeclaration(at, name) !== null;
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
