/** The file's imports: import path → the local name the file uses for it. */
import type { SyntaxNode } from './parser.js';

/**
 * A file's imports: import path → local name (`_` and `.` included). A path imported under
 * several names (`"os"` and `ao "os"`) keeps every name: `get` gives the first (any of them
 * works in new code), iteration yields each (path, name) pair, and `refersTo` answers for all.
 */
export class FileImports implements ReadonlyMap<string, string> {
  private readonly byPath = new Map<string, string[]>();

  add(path: string, name: string): void {
    const names = this.byPath.get(path);
    if (!names) this.byPath.set(path, [name]);
    else if (!names.includes(name)) names.push(name);
  }

  get size(): number {
    return this.byPath.size;
  }

  get(path: string): string | undefined {
    return this.byPath.get(path)?.[0];
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  /** Every local name the file gives `path`. */
  names(path: string): readonly string[] {
    return this.byPath.get(path) ?? [];
  }

  /** Whether `local` is one of the names the file gives `path`. */
  refersTo(local: string, path: string): boolean {
    return this.names(path).includes(local);
  }

  *entries(): MapIterator<[string, string]> {
    for (const [path, names] of this.byPath) for (const name of names) yield [path, name];
  }

  *keys(): MapIterator<string> {
    yield* this.byPath.keys();
  }

  *values(): MapIterator<string> {
    for (const [, name] of this.entries()) yield name;
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(fn: (name: string, path: string, map: ReadonlyMap<string, string>) => void): void {
    for (const [path, name] of this.entries()) fn(name, path, this);
  }
}

/** The imports of a file's `import_spec` nodes (default name: the path's last element). */
export function importsOf(specs: readonly SyntaxNode[]): FileImports {
  const imports = new FileImports();
  for (const spec of specs) {
    const pathNode = spec.childForFieldName('path');
    if (!pathNode) continue;
    const path = pathNode.text.slice(1, -1);
    imports.add(path, spec.childForFieldName('name')?.text ?? defaultImportName(path));
  }
  return imports;
}

/**
 * Whether `local` names the package `path` in a file with these imports: every name the file
 * gives it when it imports the path twice.
 */
export function namesImport(imports: ReadonlyMap<string, string>, path: string, local: string | null | undefined): boolean {
  if (local === undefined || local === null) return false;
  if (imports instanceof FileImports) return imports.refersTo(local, path);
  return imports.get(path) === local;
}

/** `math/rand/v2` → `rand`, `gopkg.in/yaml.v3` → `yaml`. */
export function defaultImportName(path: string): string {
  const parts = path.split('/');
  let last = parts[parts.length - 1]!;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2]!;
  return last.replace(/\.v\d+$/, '').replace(/^go-/, '').replace(/[^A-Za-z0-9_]/g, '_');
}
