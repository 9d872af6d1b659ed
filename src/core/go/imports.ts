/** The file's imports: import path → the local name the file uses for it. */
import type { SyntaxNode } from './parser.js';

/** Import path → local name for `import_spec` nodes (default name: the path's last element). */
export function importsOf(specs: readonly SyntaxNode[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const spec of specs) {
    const pathNode = spec.childForFieldName('path');
    if (!pathNode) continue;
    const path = pathNode.text.slice(1, -1);
    const name = spec.childForFieldName('name')?.text ?? defaultImportName(path);
    map.set(path, name);
  }
  return map;
}

/** `math/rand/v2` → `rand`, `gopkg.in/yaml.v3` → `yaml`. */
export function defaultImportName(path: string): string {
  const parts = path.split('/');
  let last = parts[parts.length - 1]!;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2]!;
  return last.replace(/\.v\d+$/, '').replace(/^go-/, '').replace(/[^A-Za-z0-9_]/g, '_');
}
