import { appendsTo, feedsErrorMessage, fillsEveryIteration, nextUse } from '../../core/go/fill.js';
import { capacityInScope, fillingLoop, iterationCount, loopClause } from '../../core/go/loops.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { typeOfExpression, typeSpecNamed } from '../../core/go/scope.js';
import { callArguments, mentions } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

/**
 * Whether a written type is a slice: `[]T`, or a name the file declares as one (`type IDs []int`,
 * at the top level or earlier in an enclosing block).
 */
function isSliceType(type: SyntaxNode | null): boolean {
  if (!type) return false;
  if (type.type === 'slice_type') return true;
  if (type.type !== 'type_identifier' && type.type !== 'identifier') return false;
  const name = type.text;
  const declared = (spec: SyntaxNode | null): boolean =>
    (spec?.type === 'type_spec' || spec?.type === 'type_alias') && !spec.childForFieldName('type_parameters') && spec.childForFieldName('type')?.type === 'slice_type';
  let child: SyntaxNode = type;
  for (let n = type.parent; n; child = n, n = n.parent) {
    // A type declaration among the statements before `child` starts with `type`: a block whose
    // text before `child` has no such word declares none (most blocks), and its statements need
    // not be read.
    if (n.type === 'statement_list' && n.text.slice(0, child.startIndex - n.startIndex).includes('type')) {
      for (let st = child.previousNamedSibling; st; st = st.previousNamedSibling) {
        if (st.type !== 'type_declaration') continue;
        const spec = st.namedChildren.find((c) => c.childForFieldName('name')?.text === name);
        if (spec) return declared(spec);
      }
    }
    if (n.type === 'source_file') return declared(typeSpecNamed(n, name));
  }
  return false;
}

/** `[]T{}`, `make([]T, 0)` or `[]T(nil)` (or a declared slice type's): an empty slice value of a written type. */
function emptySliceValue(value: SyntaxNode): SyntaxNode | null {
  if (value.type === 'composite_literal') {
    const type = value.childForFieldName('type');
    const body = value.childForFieldName('body');
    return isSliceType(type) && body && body.namedChildCount === 0 ? type : null;
  }
  if (value.type === 'call_expression') {
    const fn = value.childForFieldName('function');
    const args = callArguments(value);
    if (fn?.text === 'make') return args.length === 2 && isSliceType(args[0]!) && args[1]!.text === '0' ? args[0]! : null;
    // IDs(nil): a conversion written like a call.
    return fn?.type === 'identifier' && args.length === 1 && args[0]!.type === 'nil' && isSliceType(fn) ? fn : null;
  }
  if (value.type === 'type_conversion_expression') {
    const type = value.childForFieldName('type');
    return isSliceType(type) && value.childForFieldName('operand')?.type === 'nil' ? type : null;
  }
  return null;
}

/**
 * `var s []T`, `var s = []T{}`, `s := []T{}`, `s := make([]T, 0)`, `s := []T(nil)` (and the
 * `var s = …` forms of the last two): the slice name and its written type.
 */
export function emptySliceDeclaration(stmt: SyntaxNode): { name: string; type: SyntaxNode } | null {
  if (stmt.type === 'var_declaration') {
    const specs = stmt.namedChildren;
    if (specs.length !== 1 || specs[0]!.type !== 'var_spec') return null;
    const spec = specs[0]!;
    const names = spec.childrenForFieldName('name');
    if (names.length !== 1) return null;
    const type = spec.childForFieldName('type');
    const values = spec.childForFieldName('value')?.namedChildren ?? [];
    if (values.length === 0) return type && isSliceType(type) ? { name: names[0]!.text, type } : null;
    const valueType = values.length === 1 ? emptySliceValue(values[0]!) : null;
    if (!valueType || (type && type.text !== valueType.text)) return null;
    return { name: names[0]!.text, type: valueType };
  }
  if (stmt.type !== 'short_var_declaration') return null;
  const left = stmt.childForFieldName('left')?.namedChildren ?? [];
  const right = stmt.childForFieldName('right')?.namedChildren ?? [];
  if (left.length !== 1 || right.length !== 1 || left[0]!.type !== 'identifier') return null;
  const type = emptySliceValue(right[0]!);
  return type ? { name: left[0]!.text, type } : null;
}

/**
 * `var s []T`, `var s = []T…`, `s := []T…`, `s := make([]T`, and the same with a declared
 * slice type's name (`var s IDs`, `s := IDs{}`, `IDs(nil)`, `make(IDs, 0)`), at the start of
 * a declaration's text.
 */
const NAMED_EMPTY = String.raw`[\p{L}_][\p{L}\p{N}_]*\s*(?:\{\s*\}|\(\s*nil\s*\)|,\s*0\s*\))`;
const EMPTY_SLICE_TEXT = new RegExp(
  String.raw`^(?:var\s+[\p{L}_][\p{L}\p{N}_]*\s*(?:=\s*(?:make\(\s*)?)?(?:\[\]|${NAMED_EMPTY})|var\s+[\p{L}_][\p{L}\p{N}_]*\s+[\p{L}_][\p{L}\p{N}_]*\s*(?:$|//)|[\p{L}_][\p{L}\p{N}_]*\s*:=\s*(?:make\(\s*)?(?:\[\]|${NAMED_EMPTY}))`,
  'u',
);

// An append under a switch case or select runs for some kinds of element only: a dispatch
// loop, not a filter; only `if` filters keep the loop's length a fair capacity.
const NESTED_SCOPES = new Set([
  'for_statement',
  'func_literal',
  'select_statement',
  'go_statement',
  'defer_statement',
  'expression_switch_statement',
  'type_switch_statement',
]);

/** `s = append(s, x)` with one element. */
function isSingleAppend(node: SyntaxNode, name: string): boolean {
  if (node.type !== 'assignment_statement') return false;
  const left = node.childForFieldName('left')?.namedChildren ?? [];
  const right = node.childForFieldName('right')?.namedChildren ?? [];
  if (left.length !== 1 || right.length !== 1 || left[0]!.text !== name) return false;
  const call = right[0]!;
  if (call.type !== 'call_expression' || call.childForFieldName('function')?.text !== 'append') return false;
  const args = call.childForFieldName('arguments');
  if (!args || args.text.trimEnd().endsWith('...)')) return false;
  const list = callArguments(call);
  return list.length === 2 && list[0]!.text === name;
}

/**
 * Whether the loop body appends exactly one element to `name` per iteration at most: one
 * `name = append(name, x)`, directly in the body or under if/else/switch filters, never in a
 * nested loop or closure.
 */
export function appendsOncePerIteration(body: SyntaxNode, name: string): boolean {
  return singleAppend(body, name) !== null;
}

/** The loop body's one `name = append(name, x)` (see appendsOncePerIteration), or null. */
function singleAppend(body: SyntaxNode, name: string): SyntaxNode | null {
  const appends = body.descendantsOfType('assignment_statement').filter((a) => isSingleAppend(a, name));
  if (appends.length !== 1) return null;
  const only = appends[0]!;
  for (let n = only.parent; n && n.id !== body.id; n = n.parent) if (NESTED_SCOPES.has(n.type)) return null;
  // Any other write to the slice (reslicing, reassignment) makes the count unknowable.
  for (const a of body.descendantsOfType(['assignment_statement', 'short_var_declaration'])) {
    if (a.id === only.id) continue;
    const left = a.childForFieldName('left')?.namedChildren ?? [];
    if (left.some((l) => l.text === name)) return null;
  }
  return only;
}

/** An error list: `[]error`, or elements built from an error (`err`, `fmt.Errorf`, `errors.New`). */
function collectsErrors(type: SyntaxNode, append: SyntaxNode): boolean {
  if (/^\[\]\s*error$/.test(type.text)) return true;
  const value = append.childForFieldName('right')?.namedChildren[0];
  const element = value ? callArguments(value)[1] : undefined;
  return element !== undefined && /\b(?:err\w*|Errorf|errors\.New)\b/.test(element.text);
}

/** Whether `name` is the value of a keyed element (`Field: name`) in the declaration's block. */
function storedInLiteral(decl: SyntaxNode, name: string): boolean {
  const block = decl.parent;
  if (!block) return false;
  return block.descendantsOfType('keyed_element').some((e) => e.namedChildren[e.namedChildCount - 1]?.text === name);
}

/** Whether the function tells a nil slice from an empty one: `name == nil` / `name != nil`. */
function comparesWithNil(decl: SyntaxNode, name: string): boolean {
  const block = decl.parent;
  if (!block || !block.text.includes('nil')) return false;
  return block.descendantsOfType('binary_expression').some((b) => {
    const op = b.childForFieldName('operator')?.text;
    if (op !== '==' && op !== '!=') return false;
    const l = b.childForFieldName('left')?.text;
    const r = b.childForFieldName('right')?.text;
    return (l === name && r === 'nil') || (l === 'nil' && r === name);
  });
}

export default defineRule({
  id: 'prealloc-slice',
  title: 'Preallocate slices filled in a loop',
  section: 'Zero-Allocation Patterns (Enforced)',
  severity: 'warning',
  minGo: '1.0',
  fixable: true,
  subjects: ['prealloc', 'capacity', 'presiz', 'pre-siz'],
  peers: ['prealloc'],
  description:
    'A slice that starts empty and grows by `append` once per loop iteration is reallocated and copied ' +
    'about log2(n) times. When the number of iterations is known before the loop (the length of the ' +
    'ranged slice, map or string, or the bound of a counted loop), make the slice with that capacity: ' +
    '`make([]T, 0, len(xs))` allocates once.',
  examples: {
    incorrect: `
func names(users []User) []string {
	var out []string
	for _, u := range users {
		out = append(out, u.Name)
	}
	return out
}
`,
    correct: `
func names(users []User) []string {
	out := make([]string, 0, len(users))
	for _, u := range users {
		out = append(out, u.Name)
	}
	return out
}
`,
  },
  // The slice grows by `append`.
  requires: ['append'],
  create(context) {
    const check = (decl: SyntaxNode): void => {
      // Cheap textual filter first: most declarations are not an empty slice.
      if (!EMPTY_SLICE_TEXT.test(decl.text)) return;
      if (decl.parent?.type !== 'statement_list') return;
      const slice = emptySliceDeclaration(decl);
      if (!slice) return;
      // The first later statement that mentions the slice must be the filling loop.
      const filling = fillingLoop(decl, slice.name);
      if (!filling) return;
      const { loop, between } = filling;
      const body = loop.childForFieldName('body');
      const append = body ? singleAppend(body, slice.name) : null;
      if (!append) return;
      const count = iterationCount(loop);
      if (!count) return;
      const header = loopClause(loop);
      if (header && mentions(header, slice.name)) return;
      const declared = `${slice.name} := make(${slice.type.text}, 0, ${count.text})`;
      const bound = `\`${count.text}\``;
      if (!fillsEveryIteration(loop, append)) {
        // An error list filled on failure: presizing allocates on the success path and turns
        // "no errors" (nil) into an empty list. A string ranged by rune and cut at delimiters
        // holds far fewer elements than its length in bytes.
        if (collectsErrors(slice.type, append) || count.capacity.type === 'interpreted_string_literal' || typeOfExpression(count.capacity)?.kind === 'string') return;
        context.report({
          node: decl,
          message: `\`${slice.name}\` grows by append in a loop that can skip elements or stop early: ${bound} is an upper bound; \`${declared}\` avoids regrowth if most elements are kept.`,
          tier: 'advisory',
        });
        return;
      }
      const fix = capacityInScope(count.capacity, decl, between) ? [{ start: decl.startIndex, end: decl.endIndex, text: declared }] : undefined;
      const later = nextUse(loop, slice.name);
      if (later && appendsTo(later, slice.name)) {
        context.report({
          node: decl,
          message: `\`${slice.name}\` grows by one append per iteration, and more appends follow the loop: ${bound} is a lower bound; \`${declared}\` (plus the later elements) saves most reallocations.`,
          tier: 'advisory',
          fix,
        });
        return;
      }
      if (later && feedsErrorMessage(later, slice.name)) {
        context.report({
          node: decl,
          message: `\`${slice.name}\` grows by one append per iteration, but it only feeds an error message: \`${declared}\` would allocate once on a failure path.`,
          tier: 'advisory',
          fix,
        });
        return;
      }
      // `var s []T` is nil until the first append; made with a capacity it is empty but not nil.
      const nilCheck = decl.type === 'var_declaration' && comparesWithNil(decl, slice.name);
      const marshalled = decl.type === 'var_declaration' && context.imports().has('encoding/json') && storedInLiteral(decl, slice.name);
      const nilMatters = nilCheck || marshalled;
      const why = nilCheck ? 'this function compares it with nil' : 'a struct it is stored in may be marshalled (JSON `[]` instead of `null`)';
      context.report({
        node: decl,
        message: nilMatters
          ? `\`${slice.name}\` grows by one append per iteration: \`${declared}\` allocates once, but \`${slice.name}\` is then non-nil even when the loop does not run, and ${why}.`
          : `\`${slice.name}\` grows by one append per iteration: \`${declared}\` allocates once instead of about log2(n) reallocations.`,
        ...(nilMatters ? { tier: 'advisory' as const } : {}),
        fix,
      });
    };
    return {
      // Every declaration this rule reads writes `[]` right after `var x` or `:=`.
      $find: {
        var_declaration: new RegExp(
          String.raw`\bvar\s+[\p{L}_][\p{L}\p{N}_]*\s*(?:=\s*(?:make\(\s*)?)?(?:\[\]|${NAMED_EMPTY})|\bvar\s+[\p{L}_][\p{L}\p{N}_]*\s+[\p{L}_][\p{L}\p{N}_]*(?=[ \t]*(?:$|//))`,
          'gmu',
        ),
        short_var_declaration: new RegExp(String.raw`:=\s*(?:make\(\s*)?(?:\[\]|${NAMED_EMPTY})`, 'gu'),
      },
      var_declaration: check,
      short_var_declaration: check,
    };
  },
});
