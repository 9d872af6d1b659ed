/**
 * Calls and names that go through one imported package (`net/http`, `encoding/json`,
 * `database/sql`), resolved through the file's imports so aliases count and a local variable
 * of the same name does not. Shared by the production-scale rules.
 */
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';

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

/** Whether the file is a test file (`_test.go`). */
export function isTestFile(path: string): boolean {
  return path.endsWith('_test.go');
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
