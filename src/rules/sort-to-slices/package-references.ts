/** How many times a file refers to an imported package: whether an import stays used after a rewrite. */
import { shadowed } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';

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
