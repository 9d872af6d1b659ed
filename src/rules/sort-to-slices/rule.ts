import { packageCallSites, shadowed } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { isIgnoredBuild } from '../../core/go/per-request.js';
import { selectorParts } from '../../core/go/selectors.js';
import { sliceElementType } from '../../core/go/slice-types.js';
import { blockStatements, callArguments, compactText, unparen } from '../../core/go/syntax.js';
import type { Edit } from '../../core/model.js';
import type { RuleContext } from '../../core/rule.js';
import { defineRule } from '../define-rule.js';
import { packageReferences } from './package-references.js';

const FUNC_SORTS: Record<string, string> = { Slice: 'SortFunc', SliceStable: 'SortStableFunc' };

/** `func(i, j int) bool { … }`: the two index parameter names, or null. */
function lessParameters(less: SyntaxNode): [SyntaxNode, SyntaxNode] | null {
  if (less.type !== 'func_literal') return null;
  if (compactText(less.childForFieldName('result')) !== 'bool') return null;
  const params = less.childForFieldName('parameters')?.namedChildren.filter((p) => p.type !== 'comment') ?? [];
  const names = params.flatMap((p) => (p.type === 'parameter_declaration' && compactText(p.childForFieldName('type')) === 'int' ? p.childrenForFieldName('name') : []));
  if (names.length !== 2 || params.some((p) => p.type !== 'parameter_declaration')) return null;
  return [names[0]!, names[1]!];
}

/** `x[i]` where `x` is the sorted slice. */
function isElement(node: SyntaxNode, slice: string, index: string): boolean {
  return node.type === 'index_expression' && compactText(node.childForFieldName('operand')) === slice && compactText(node.childForFieldName('index')) === index;
}

/**
 * Whether the less function reads its indexes only as elements of the sorted slice
 * (`x[i]`, `x[j]`), so it can take the elements themselves. `less(i, j)` written over another
 * slice (`keys[i]`), or using `i` as a number, cannot.
 */
function usesOnlyElements(body: SyntaxNode, slice: string, names: readonly string[]): boolean {
  for (const id of body.descendantsOfType('identifier')) {
    if (!names.includes(id.text)) continue;
    const parent = id.parent;
    if (!parent || parent.childForFieldName('index')?.id !== id.id || !isElement(parent, slice, id.text)) return false;
  }
  return true;
}

/**
 * `return L < R` / `return L > R` where R reads the other index the same way (`x[i].F < x[j].F`):
 * the two sides in the order `cmp.Compare` takes them.
 */
function singleKey(less: SyntaxNode, slice: string, i: string, j: string): { left: SyntaxNode; right: SyntaxNode } | null {
  const stmts = blockStatements(less.childForFieldName('body'));
  if (stmts.length !== 1 || stmts[0]!.type !== 'return_statement') return null;
  const values = stmts[0]!.namedChildren[0]?.namedChildren ?? [];
  if (values.length !== 1) return null;
  const cmp = unparen(values[0]!);
  if (cmp.type !== 'binary_expression') return null;
  const op = cmp.childForFieldName('operator')?.text;
  if (op !== '<' && op !== '>') return null;
  const l = cmp.childForFieldName('left')!;
  const r = cmp.childForFieldName('right')!;
  const key = (side: SyntaxNode, from: string, to: string): string =>
    keyText(side, slice, { [from]: '#', [to]: '!' });
  const oneKey = (a: string, b: string): boolean => a === b && a.includes('#') && !a.includes('!');
  // With the sides as \`cmp.Compare\` arguments, \`L < R\` keeps their order and \`L > R\` swaps them,
  // whichever side reads \`x[i]\`: \`x[j].F < x[i].F\` becomes Compare(b.F, a.F), descending.
  if (!oneKey(key(l, i, j), key(r, j, i)) && !oneKey(key(l, j, i), key(r, i, j))) return null;
  return op === '<' ? { left: l, right: r } : { left: r, right: l };
}

/** The side's text with `x[from]` as `#` and `x[to]` as `!`: equal for both sides of a one-key comparison. */
function keyText(side: SyntaxNode, slice: string, marks: Record<string, string>): string {
  return rewrite(side, (n) => {
    if (n.type !== 'index_expression' || compactText(n.childForFieldName('operand')) !== slice) return null;
    const index = compactText(n.childForFieldName('index'));
    return marks[index] ?? null;
  }).replace(/\s/g, '');
}

/** The node's text with sub-expressions replaced where `replace` returns text. */
function rewrite(node: SyntaxNode, replace: (n: SyntaxNode) => string | null): string {
  const own = replace(node);
  if (own !== null) return own;
  if (node.childCount === 0) return node.text;
  let text = '';
  let at = node.startIndex;
  for (const c of node.children) {
    text += node.text.slice(at - node.startIndex, c.startIndex - node.startIndex) + rewrite(c, replace);
    at = c.endIndex;
  }
  return text + node.text.slice(at - node.startIndex);
}

/** Two parameter names that no identifier in the comparison or the element type uses. */
function freshNames(less: SyntaxNode, element: SyntaxNode, avoid: readonly string[]): [string, string] | null {
  const used = new Set<string>(avoid);
  for (const id of less.childForFieldName('body')!.descendantsOfType(['identifier', 'type_identifier', 'package_identifier'])) used.add(id.text);
  for (const id of element.descendantsOfType(['type_identifier', 'package_identifier', 'identifier'])) used.add(id.text);
  used.add(element.text);
  for (const [a, b] of [
    ['a', 'b'],
    ['x', 'y'],
    ['p', 'q'],
    ['l', 'r'],
  ] as const) {
    if (!used.has(a) && !used.has(b)) return [a, b];
  }
  return null;
}

/** What keeps a package from the suggestion: not imported (say which import to add) or shadowed here. */
function importAdvice(needed: ReadonlyArray<{ path: string; imported: boolean }>): string {
  const missing = needed.filter((n) => !n.imported).map((n) => `"${n.path}"`);
  const hidden = needed.filter((n) => n.imported).map((n) => `\`${n.path}\``);
  const parts = [
    ...(missing.length > 0 ? [`add import ${missing.join(' and ')}`] : []),
    ...(hidden.length > 0 ? [`a local name hides ${hidden.join(' and ')}`] : []),
  ];
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

export default defineRule({
  id: 'sort-to-slices',
  title: 'Sort with the generic `slices` functions',
  section: 'Big-O Awareness and Algorithm Selection (go-perfbook)',
  severity: 'notice',
  minGo: '1.21',
  fixable: true,
  subjects: ['reflect', 'sort.slice'],
  description:
    '`sort.Slice` and `sort.SliceStable` swap elements through reflection and call `less` with indexes; ' +
    '`slices.SortFunc` / `slices.SortStableFunc` (Go 1.21) are generic, need no reflection and compare the ' +
    'elements directly with a three-way `cmp` function, typically faster and allocation-free. ' +
    '`sort.Strings`, `sort.Ints` and `sort.Float64s` are not reported: since Go 1.22 they forward to `slices.Sort`. ' +
    'A comparator that is more than one `<`/`>` key (a `Before`/`Less` call, several keys) is advisory: the ' +
    'three-way comparison must be written by hand. ' +
    'A suggestion is offered when `slices` (and `cmp`, for a comparator) are already imported, the element ' +
    'type is known from a declaration in the file, and `sort` stays used elsewhere in the file.',
  examples: {
    incorrect: `
import "sort"

type Item struct {
	Name     string
	Priority int
}

func byPriority(items []Item) {
	sort.Slice(items, func(i, j int) bool { return items[i].Priority < items[j].Priority })
}

func names(items []Item) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it.Name)
	}
	sort.Strings(out)
	return out
}
`,
    correct: `
import (
	"cmp"
	"slices"
)

type Item struct {
	Name     string
	Priority int
}

func byPriority(items []Item) {
	slices.SortFunc(items, func(a, b Item) int { return cmp.Compare(a.Priority, b.Priority) })
}

func names(items []Item) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it.Name)
	}
	slices.Sort(out)
	return out
}
`,
  },
  notes: `The standard's \`processAndSort\` example still uses \`sort.Slice(data, func(i, j int) bool { … })\`;
with Go 1.21+ write \`slices.SortFunc(data, func(a, b Item) int { return cmp.Compare(a.Priority, b.Priority) })\`.
Removing the last use of \`sort\` leaves an unused import, so no suggestion is offered for a file's only
\`sort\` call: apply the change and drop the import together.`,
  // Only calls into the `sort` package are rewritten.
  requires: ['"sort"'],
  create(context) {
    return {
      // The calls are found from the text (files that never write `sort.` cost nothing), not by visiting every call.
      $end() {
        const imports = context.imports();
        const sort = imports.get('sort');
        if (!sort) return;
        let uses: number | undefined;
        const names: Names = {
          sort,
          slices: imports.get('slices'),
          cmp: imports.get('cmp'),
          sortStaysUsed: () => (uses ??= packageReferences(context.root, context.source, sort)) > 1,
        };
        for (const call of packageCallSites(context.root, context.source, sort, Object.keys(FUNC_SORTS))) {
          checkCall(context, names, call);
        }
      },
    };
  },
});

/** Why a rewrite that would otherwise compile is not offered. */
const LAST_USE = ' (the file\'s only use of `sort`: drop its import in the same change)';

/** The file's local names for the packages involved, and whether `sort` survives one rewrite. */
interface Names {
  sort: string;
  slices: string | undefined;
  cmp: string | undefined;
  sortStaysUsed: () => boolean;
}

function checkCall(context: RuleContext, names: Names, call: SyntaxNode): void {
  const fnNode = call.childForFieldName('function')!;
  const sel = selectorParts(fnNode);
  if (!sel || sel.operand.type !== 'identifier' || sel.operand.text !== names.sort || shadowed(names.sort, call)) return;
  const fn = sel.field;
  const args = callArguments(call);
  const slicesName = names.slices && !shadowed(names.slices, call) ? names.slices : undefined;
  const cmpName = names.cmp && !shadowed(names.cmp, call) ? names.cmp : undefined;
  const slicesNeed = slicesName ? [] : [{ path: 'slices', imported: names.slices !== undefined }];

  if (args.length !== 2) return;
  const slice = compactText(args[0]);
  const less = unparen(args[1]!);
  const params = lessParameters(less);
  if (!params || !/^[\p{L}\p{N}_.]+$/u.test(slice)) return;
  const [i, j] = [params[0].text, params[1].text];
  const body = less.childForFieldName('body');
  if (!body || !usesOnlyElements(body, slice, [i, j])) return;
  const target = FUNC_SORTS[fn]!;
  const element = sliceElementType(args[0]!);
  const key = singleKey(less, slice, i, j);
  const plainAscending = key !== null && isElement(unparen(key.left), slice, i) && isElement(unparen(key.right), slice, j);
  // Equal strings and integers are indistinguishable, so a stable sort of them needs no stability.
  const toSort = plainAscending && (fn === 'Slice' || (element !== null && /^(string|u?int(8|16|32|64)?|uintptr|byte|rune)$/.test(element.text)));
  const missing = [...slicesNeed, ...(cmpName || toSort ? [] : [{ path: 'cmp', imported: names.cmp !== undefined }])];

  let fix: Edit[] | undefined;
  let blocked = false;
  let advice = element
    ? `\`slices.${target}(${slice}, func(a, b ${element.text}) int { … })\` compares elements with no reflection`
    : `\`slices.${target}(${slice}, …)\` with a three-way comparison of the elements needs no reflection`;
  if (toSort) {
    advice = `\`slices.Sort(${slice})\` sorts ordered elements with no reflection or callback`;
    if (slicesName && names.sortStaysUsed()) fix = [{ start: call.startIndex, end: call.endIndex, text: `${slicesName}.Sort(${args[0]!.text})` }];
    else blocked = slicesName !== undefined;
  } else if (key && element && slicesName && cmpName) {
    if (names.sortStaysUsed()) fix = comparatorFix({ fnNode, less, body, slice, i, j, element, key, slicesName, cmpName, target });
    else blocked = true;
  }
  const base = `\`${names.sort}.${fn}\` swaps through reflection and calls \`less\` by index`;
  // A comment only for a one-key comparison the bot can rewrite, outside code that runs rarely.
  const evidence = (toSort || (key !== null && element !== null)) && !inColdFunction(call) && !isIgnoredBuild(context.source);
  if (!evidence) {
    const why = key === null && !toSort ? ' — the comparator is not a single `<`/`>` key, so the three-way comparison is written by hand' : '';
    context.report({ node: call, message: `${base}: ${advice}${importAdvice(missing)}${why}.`, tier: 'advisory' });
    return;
  }
  context.report({ node: call, message: `${base}: ${advice}${importAdvice(missing)}${blocked ? LAST_USE : ''}.`, fix });
}

/** `main`, or an `Error()`/`String()` method: run once, or only to format a message. */
function inColdFunction(node: SyntaxNode): boolean {
  let fn: SyntaxNode | null = node.parent;
  while (fn && fn.type !== 'function_declaration' && fn.type !== 'method_declaration') fn = fn.parent;
  const name = fn?.childForFieldName('name')?.text;
  if (fn?.type === 'function_declaration') return name === 'main' || name === 'init';
  return fn?.type === 'method_declaration' && (name === 'Error' || name === 'String');
}

/** Edits turning `sort.Slice(x, func(i, j int) bool { return L < R })` into `slices.SortFunc(x, func(a, b T) int { return cmp.Compare(…) })`. */
function comparatorFix(p: {
  fnNode: SyntaxNode;
  less: SyntaxNode;
  body: SyntaxNode;
  slice: string;
  i: string;
  j: string;
  element: SyntaxNode;
  key: { left: SyntaxNode; right: SyntaxNode };
  slicesName: string;
  cmpName: string;
  target: string;
}): Edit[] | undefined {
  const fresh = freshNames(p.less, p.element, [p.slicesName, p.cmpName]);
  const comparison = unparen(blockStatements(p.body)[0]!.namedChildren[0]!.namedChildren[0]!);
  // Comments inside the comparison would be lost.
  if (!fresh || /\/[/*]/.test(comparison.text)) return undefined;
  const [a, b] = fresh;
  const swap = (side: SyntaxNode): string => rewrite(side, (n) => (isElement(n, p.slice, p.i) ? a : isElement(n, p.slice, p.j) ? b : null));
  const result = p.less.childForFieldName('result')!;
  const paramList = p.less.childForFieldName('parameters')!;
  return [
    { start: p.fnNode.startIndex, end: p.fnNode.endIndex, text: `${p.slicesName}.${p.target}` },
    { start: paramList.startIndex, end: paramList.endIndex, text: `(${a}, ${b} ${p.element.text})` },
    { start: result.startIndex, end: result.endIndex, text: 'int' },
    { start: comparison.startIndex, end: comparison.endIndex, text: `${p.cmpName}.Compare(${swap(p.key.left)}, ${swap(p.key.right)})` },
  ];
}
