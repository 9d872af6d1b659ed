import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { wordOffsets } from '../../core/go/words.js';
import { defineRule } from '../define-rule.js';

const NAMED_DECLARATIONS = new Set([
  'type_spec',
  'type_alias',
  'var_spec',
  'const_spec',
  'parameter_declaration',
  'function_declaration',
  'type_parameter_declaration',
]);

/** Text that could declare a name `any`; without it the tree need not be walked. */
const MAY_DECLARE_ANY = /\b(?:type|var|const|func)\s+any\b|\bany\s*(?:,[^:=\n]*)?:=|[(,[]\s*any\s+[\w*[\]]|^\s*any\s*(?:=|\s[\w*[\]])/m;

/**
 * Where the file declares its own `any`: 'none', 'local' (inside a function: in scope only
 * below the declaration in its block) or 'file' (at the top level: in scope everywhere).
 */
function declaresAny(root: SyntaxNode, source: string): 'none' | 'local' | 'file' {
  if (!MAY_DECLARE_ANY.test(source)) return 'none';
  let found: 'none' | 'local' = 'none';
  // Each written `any`, looked up in the tree (not every identifier of the file).
  for (const offset of wordOffsets(source, 'any')) {
    const id = root.namedDescendantForIndex(offset, offset + 3);
    if ((id.type !== 'identifier' && id.type !== 'type_identifier') || id.startIndex !== offset) continue;
    const parent = id.parent;
    if (!parent) continue;
    let declaring = false;
    if (NAMED_DECLARATIONS.has(parent.type) && parent.childrenForFieldName('name').some((n) => n.id === id.id)) declaring = true;
    const holder = parent.parent;
    if (parent.type === 'expression_list' && holder && ['short_var_declaration', 'range_clause'].includes(holder.type)) {
      if (holder.childForFieldName('left')?.id === parent.id) declaring = true;
    }
    if (!declaring) continue;
    let top: SyntaxNode = parent;
    while (top.parent && top.parent.type !== 'source_file') top = top.parent;
    if (top.type !== 'function_declaration' && top.type !== 'method_declaration') return 'file';
    found = 'local';
  }
  return found;
}

/** Whether the node sits in a loop body of its function (where boxing repeats per iteration). */
function inLoop(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'for_statement') return true;
    if (n.type === 'function_declaration' || n.type === 'method_declaration' || n.type === 'func_literal') return false;
  }
  return false;
}

export default defineRule({
  id: 'empty-interface',
  title: 'Write `any` instead of `interface{}`',
  section: 'Production-Scale Optimization Patterns (2M+ Users)',
  severity: 'notice',
  minGo: '1.18',
  fixable: true,
  // A spelling change: never worth an inline comment on its own (signal policy; 0 of 20 judged right).
  tier: 'advisory',
  subjects: ['interface{}'],
  peers: ['revive:use-any'],
  description:
    'Since Go 1.18 `any` is the predeclared alias for `interface{}`; it reads better and says the same. ' +
    'The standard goes further: values boxed in an interface cost a type check and often an allocation, ' +
    'so in hot paths prefer concrete types or generics.',
  examples: {
    incorrect: `
func describe(v interface{}) string {
	return fmt.Sprint(v)
}
`,
    correct: `
func describe(v any) string {
	return fmt.Sprint(v)
}
`,
  },
  create(context) {
    const byLine = new Map<number, SyntaxNode[]>();
    return {
      interface_type(node) {
        if (node.namedChildCount > 0) return; // has methods, embedded types, or comments inside
        const row = node.startPosition.row;
        const list = byLine.get(row);
        if (list) list.push(node);
        else byLine.set(row, [node]);
      },
      $end() {
        if (byLine.size === 0) return;
        const own = declaresAny(context.root, context.source);
        // Where the file's own `any` is in scope, `any` is not the empty interface: no advice.
        if (own === 'file') return;
        const fixable = own === 'none';
        for (const nodes of byLine.values()) {
          const first = nodes[0]!;
          if (own === 'local' && findDeclaration(first, 'any')) continue;
          const where = nodes.length > 1 ? `${nodes.length} uses of \`interface{}\` on this line` : '`interface{}`';
          context.report({
            node: first,
            message: inLoop(first)
              ? `${where} → \`any\` (same type, Go 1.18+). Inside a loop, a concrete type or generics avoid boxing each value (a type check and often an allocation).`
              : `${where} → \`any\` (same type, Go 1.18+).`,
            tier: 'advisory',
            fix: fixable ? nodes.map((n) => ({ start: n.startIndex, end: n.endIndex, text: 'any' })) : undefined,
            anchor: first.parent ?? first,
          });
        }
      },
    };
  },
});
