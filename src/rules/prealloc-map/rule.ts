import { intLiteralValue } from '../../core/go/constants.js';
import { fillsEveryIteration, nextUse, storesInto } from '../../core/go/fill.js';
import { capacityInScope, fillingLoop, iterationCount, loopClause } from '../../core/go/loops.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { callArguments, mentions } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

interface EmptyMap {
  name: string;
  /** The `map[K]V` type as written. */
  type: SyntaxNode;
  /** The value expression to replace (`make(map[K]V)` or `map[K]V{}`). */
  value: SyntaxNode;
}

/** `make(map[K]V)`, `make(map[K]V, 0)` or `map[K]V{}`: the written map type. */
function emptyMapValue(value: SyntaxNode): SyntaxNode | null {
  if (value.type === 'composite_literal') {
    const type = value.childForFieldName('type');
    const body = value.childForFieldName('body');
    return type?.type === 'map_type' && body && body.namedChildCount === 0 ? type : null;
  }
  if (value.type === 'call_expression' && value.childForFieldName('function')?.text === 'make') {
    const args = callArguments(value);
    if (args[0]?.type !== 'map_type') return null;
    if (args.length === 1 || (args.length === 2 && args[1]!.text === '0')) return args[0]!;
  }
  return null;
}

/** `m := make(map[K]V)`, `m := map[K]V{}`, `var m = make(map[K]V)` (one name, one value). */
export function emptyMapDeclaration(stmt: SyntaxNode): EmptyMap | null {
  let nameNode: SyntaxNode | undefined;
  let value: SyntaxNode | undefined;
  if (stmt.type === 'short_var_declaration') {
    const left = stmt.childForFieldName('left')?.namedChildren ?? [];
    const right = stmt.childForFieldName('right')?.namedChildren ?? [];
    if (left.length !== 1 || right.length !== 1) return null;
    [nameNode, value] = [left[0], right[0]];
  } else if (stmt.type === 'var_declaration') {
    const specs = stmt.namedChildren;
    if (specs.length !== 1 || specs[0]!.type !== 'var_spec') return null;
    const names = specs[0]!.childrenForFieldName('name');
    const values = specs[0]!.childForFieldName('value')?.namedChildren ?? [];
    if (names.length !== 1 || values.length !== 1) return null;
    const written = specs[0]!.childForFieldName('type');
    if (written && written.type !== 'map_type') return null;
    [nameNode, value] = [names[0], values[0]];
  }
  if (nameNode?.type !== 'identifier' || !value) return null;
  const type = emptyMapValue(value);
  return type ? { name: nameNode.text, type, value } : null;
}

/** What may stand between the loop body and the store: `if` filters only (a switch case is a dispatch). */
const FILTERS = new Set(['if_statement', 'block', 'statement_list']);

/**
 * Whether the loop body stores into `name` once per iteration at most: one `name[k] = v`,
 * directly in the body or under `if` filters, never in a switch case (one event kind among
 * many), a nested loop or a closure, and no other mention of the map. A body that also
 * reads the map (dedupe, grouping with `m[k] = append(m[k], x)`, counting, interning by
 * `len(m)`) stores fewer entries than it iterates, so the size is unknown.
 */
export function storesOncePerIteration(body: SyntaxNode, name: string): boolean {
  return singleStore(body, name) !== null;
}

/** The loop body's one `name[k] = v` (see storesOncePerIteration), or null. */
function singleStore(body: SyntaxNode, name: string): SyntaxNode | null {
  if (!body.text.includes(name)) return null;
  const uses = body.descendantsOfType('identifier').filter((id) => id.text === name);
  if (uses.length !== 1) return null;
  const element = uses[0]!.parent;
  if (element?.type !== 'index_expression' || element.childForFieldName('operand')?.id !== uses[0]!.id) return null;
  const left = element.parent;
  const store = left?.parent;
  if (left?.type !== 'expression_list' || left.namedChildCount !== 1 || store?.type !== 'assignment_statement') return null;
  if (store.childForFieldName('left')?.id !== left.id || store.childForFieldName('operator')?.text !== '=') return null;
  for (let n = store.parent; n && n.id !== body.id; n = n.parent) if (!FILTERS.has(n.type)) return null;
  return store;
}

/** A literal bound of at most 8: a Go map holds 8 entries in its first bucket, so a hint buys nothing. */
function fitsOneBucket(capacity: SyntaxNode): boolean {
  const value = intLiteralValue(capacity);
  return value !== null && value <= 8;
}

/** `b.N` of a `*testing.B`: the loop is the benchmark's measurement, sized by the framework. */
function isBenchmarkN(capacity: SyntaxNode): boolean {
  if (capacity.type !== 'selector_expression' || capacity.childForFieldName('field')?.text !== 'N') return false;
  const operand = capacity.childForFieldName('operand');
  if (operand?.type !== 'identifier') return false;
  return /\btesting\.B$/.test(findDeclaration(capacity, operand.text)?.type?.text ?? '');
}

export default defineRule({
  id: 'prealloc-map',
  title: 'Size maps filled in a loop',
  section: 'Zero-Allocation Patterns (Enforced)',
  severity: 'warning',
  minGo: '1.0',
  fixable: true,
  subjects: ['prealloc', 'capacity', 'presiz', 'pre-siz', 'size hint'],
  description:
    'A map made without a size hint and then filled with one entry per loop iteration grows by doubling: ' +
    'each growth allocates new buckets and moves every entry already stored. When the number of entries is ' +
    'known before the loop (the length of the ranged slice, map or string, or the bound of a counted loop), ' +
    'pass it to `make`: `make(map[K]V, len(xs))` allocates the buckets once.',
  examples: {
    incorrect: `
func byID(users []User) map[int]User {
	m := make(map[int]User)
	for _, u := range users {
		m[u.ID] = u
	}
	return m
}
`,
    correct: `
func byID(users []User) map[int]User {
	m := make(map[int]User, len(users))
	for _, u := range users {
		m[u.ID] = u
	}
	return m
}
`,
  },
  create(context) {
    const check = (decl: SyntaxNode): void => {
      if (decl.parent?.type !== 'statement_list') return;
      const map = emptyMapDeclaration(decl);
      if (!map) return;
      // The first later statement that mentions the map must be the filling loop.
      const filling = fillingLoop(decl, map.name);
      if (!filling) return;
      const { loop, between } = filling;
      const header = loopClause(loop);
      if (!header || mentions(header, map.name)) return;
      const body = loop.childForFieldName('body');
      const store = body ? singleStore(body, map.name) : null;
      if (!store) return;
      const count = iterationCount(loop);
      if (!count || fitsOneBucket(count.capacity) || isBenchmarkN(count.capacity)) return;
      const sized = `make(${map.type.text}, ${count.text})`;
      const bound = `\`${count.text}\``;
      if (!fillsEveryIteration(loop, store)) {
        context.report({
          node: decl,
          message: `\`${map.name}\` gets an entry in a loop that can skip elements or stop early: ${bound} is an upper bound; \`${sized}\` avoids rehashing if most elements are kept.`,
          tier: 'advisory',
        });
        return;
      }
      const fix = capacityInScope(count.capacity, decl, between) ? [{ start: map.value.startIndex, end: map.value.endIndex, text: sized }] : undefined;
      const later = nextUse(loop, map.name);
      if (later && storesInto(later, map.name)) {
        context.report({
          node: decl,
          message: `\`${map.name}\` gets one entry per iteration, and more entries are stored after the loop: ${bound} is a lower bound; \`${sized}\` still saves most rehashing.`,
          tier: 'advisory',
          fix,
        });
        return;
      }
      context.report({
        node: decl,
        message: `\`${map.name}\` gets one entry per iteration but starts unsized, so it rehashes and reallocates its buckets as it grows: \`${sized}\` allocates once.`,
        fix,
      });
    };
    return {
      // Map types are far rarer than declarations: climb from `map[K]V` to the statement.
      map_type(type) {
        let value = type.parent;
        if (value?.type === 'argument_list') value = value.parent;
        if (value?.type !== 'composite_literal' && value?.type !== 'call_expression') return;
        const list = value.parent;
        if (list?.type !== 'expression_list') return;
        const holder = list.parent;
        if (holder?.type === 'short_var_declaration') check(holder);
        else if (holder?.type === 'var_spec' && holder.parent?.type === 'var_declaration') check(holder.parent);
      },
    };
  },
});
