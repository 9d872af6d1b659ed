import { FUNCTION_TYPES } from '../../core/go/functions.js';
import { loopHeader } from '../../core/go/loops.js';
import { packageCall, shadowed } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { type TypeInfo, typeOfExpression, typeOfValue } from '../../core/go/scope.js';
import { sliceElementType } from '../../core/go/slice-types.js';
import { blockStatements, identifiersIn, textContains, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

const LITERALS = new Set(['interpreted_string_literal', 'raw_string_literal', 'int_literal', 'float_literal', 'rune_literal', 'true', 'false']);

/** A needle evaluated once is the same as evaluated per iteration: names, fields and literals, no calls. */
function isInvariantNeedle(node: SyntaxNode): boolean {
  const n = unparen(node);
  if (n.type === 'identifier' || LITERALS.has(n.type)) return true;
  if (n.type === 'selector_expression') return isInvariantNeedle(n.childForFieldName('operand')!);
  if (n.type === 'unary_expression' && n.text.startsWith('-')) return isInvariantNeedle(n.childForFieldName('operand')!);
  return false;
}

/** `return <single value>` → that value's node. */
function returnedValue(stmt: SyntaxNode | undefined): SyntaxNode | null {
  if (stmt?.type !== 'return_statement') return null;
  const values = stmt.namedChildren[0]?.type === 'expression_list' ? stmt.namedChildren[0].namedChildren : stmt.namedChildren;
  return values.length === 1 ? values[0]! : null;
}

interface Search {
  /** `slices.Contains`, `!slices.Contains` or `slices.Index`. */
  call: 'Contains' | 'NotContains' | 'Index';
  slice: SyntaxNode;
  needle: SyntaxNode;
  next: SyntaxNode;
}

/**
 * `for _, v := range s { if v == x { return true } }; return false` and its index and
 * negated forms, with `s[i]` in place of `v` in index loops.
 */
function manualSearch(loop: SyntaxNode): Search | null {
  const h = loopHeader(loop);
  if (!h) return null;
  let slice: SyntaxNode;
  if (h.kind === 'range') {
    slice = h.collection!;
  } else {
    // for i := 0; i < len(s); i++
    const bound = h.bound ? unparen(h.bound) : null;
    if (h.init?.text !== '0' || h.operator !== '<' || bound?.type !== 'call_expression' || bound.childForFieldName('function')?.text !== 'len') return null;
    const arg = bound.childForFieldName('arguments')?.namedChildren[0];
    if (!arg) return null;
    slice = unparen(arg);
  }
  if (slice.type !== 'identifier' && slice.type !== 'selector_expression' && slice.type !== 'call_expression') return null;
  const index = h.index?.text ?? null;
  const value = h.value?.text ?? null;

  const stmts = blockStatements(loop.childForFieldName('body'));
  const test = stmts[0];
  if (stmts.length !== 1 || test?.type !== 'if_statement' || test.childForFieldName('alternative') || test.childForFieldName('initializer')) return null;
  const cond = unparen(test.childForFieldName('condition')!);
  if (cond.type !== 'binary_expression' || cond.childForFieldName('operator')?.text !== '==') return null;
  const isElement = (n: SyntaxNode): boolean => {
    const x = unparen(n);
    if (value !== null && x.type === 'identifier' && x.text === value) return true;
    return (
      index !== null &&
      x.type === 'index_expression' &&
      x.childForFieldName('operand')?.text === slice.text &&
      x.childForFieldName('index')?.text === index
    );
  };
  const l = cond.childForFieldName('left')!;
  const r = cond.childForFieldName('right')!;
  const needle = isElement(l) ? r : isElement(r) ? l : null;
  if (!needle || !isInvariantNeedle(needle)) return null;
  if (identifiersIn(needle).some((id) => id.text === index || id.text === value)) return null;

  const inner = blockStatements(test.childForFieldName('consequence'));
  const found = inner.length === 1 ? returnedValue(inner[0]) : null;
  const next = loop.nextNamedSibling;
  const after = returnedValue(next ?? undefined);
  if (!found || !after || !next) return null;
  if (found.type === 'true' && after.type === 'false') return { call: 'Contains', slice, needle, next };
  if (found.type === 'false' && after.type === 'true') return { call: 'NotContains', slice, needle, next };
  if (index !== null && found.text === index && after.text.replace(/\s/g, '') === '-1') return { call: 'Index', slice, needle, next };
  return null;
}

const EMPTY_INTERFACE = /^(any|interface\{\})$/;
const CONCRETE_KINDS = new Set(['string', 'int', 'float', 'bool', 'pointer', 'struct', 'array']);

/**
 * Whether `slices.Contains(s, needle)` type-checks where `elem == needle` does. It does for an
 * untyped literal, a needle of the element type, any needle against `any` elements, and a concrete
 * needle (the comparison already makes it assignable). It does not for an interface needle
 * against other elements: `==` compiles, the argument does not. 'unknown' when the needle's type
 * cannot be read.
 */
function needleFits(needle: SyntaxNode, element: string): 'yes' | 'no' | 'unknown' {
  const n = unparen(needle);
  if (LITERALS.has(n.type) || (n.type === 'unary_expression' && LITERALS.has(unparen(n.childForFieldName('operand')!).type))) return 'yes';
  const t: TypeInfo | null = n.type === 'identifier' || n.type === 'selector_expression' ? typeOfExpression(n) : typeOfValue(n);
  if (!t) return 'unknown';
  const elem = element.replace(/\s/g, '');
  const needleType = t.text.replace(/\s/g, '');
  if (needleType === elem || EMPTY_INTERFACE.test(elem)) return 'yes';
  if (t.kind === 'interface' || needleType === 'error') return 'no';
  return CONCRETE_KINDS.has(t.kind) ? 'yes' : 'unknown';
}

/**
 * Comments the rewrite would delete: a trailing comment on the `for` line moves to the new
 * line (returned as text to append); any other comment in the loop means no suggestion (null).
 */
function keptComments(loop: SyntaxNode, next: SyntaxNode): string | null {
  const row = loop.startPosition.row;
  let kept = '';
  for (const c of loop.descendantsOfType('comment')) {
    if (c.startPosition.row !== row) return null;
    kept += ` ${c.text}`;
  }
  // Between the loop and the return.
  for (let s = loop.nextSibling; s && s.id !== next.id; s = s.nextSibling) if (s.type === 'comment') return null;
  return kept;
}

const STRING_SLICES = new Set(['Split', 'SplitN', 'SplitAfter', 'SplitAfterN', 'Fields', 'FieldsFunc']);

/** `strings.Split(…)` and friends return `[]string`: the element type, or null for other calls. */
function stringsResult(call: SyntaxNode, imports: ReadonlyMap<string, string>): string | null {
  const target = packageCall(call, imports);
  return target?.path === 'strings' && STRING_SLICES.has(target.name) && !shadowed(imports.get('strings')!, call) ? 'string' : null;
}

/**
 * The name of a function (or a local `name := func…`) whose whole body is the search over its
 * two parameters: a helper that only re-spells `slices.Contains`. Null otherwise.
 */
function wholeHelper(loop: SyntaxNode, slice: string, needle: string): string | null {
  const body = loop.parent?.parent;
  const fn = body?.type === 'block' ? body.parent : null;
  if (!fn || !FUNCTION_TYPES.has(fn.type) || blockStatements(body!).length !== 2) return null;
  const params = (fn.childForFieldName('parameters')?.namedChildren ?? []).flatMap((p) => p.childrenForFieldName('name').map((n) => n.text));
  if (params.length !== 2 || !params.includes(slice) || !params.includes(needle)) return null;
  if (fn.type === 'function_declaration') return fn.childForFieldName('name')?.text ?? null;
  const holder = fn.parent?.parent;
  if (fn.type === 'func_literal' && holder?.type === 'short_var_declaration') {
    const left = holder.childForFieldName('left')?.namedChildren ?? [];
    return left.length === 1 ? left[0]!.text : null;
  }
  return null;
}

export default defineRule({
  id: 'manual-contains',
  title: 'Use `slices.Contains` / `slices.Index` instead of a hand-written search',
  section: 'Big-O Awareness and Algorithm Selection (go-perfbook)',
  severity: 'notice',
  minGo: '1.21',
  fixable: true,
  subjects: ['slices.contains', 'slices.index', 'unroll'],
  description:
    'A loop that returns `true` when an element equals the needle and `false` after the loop is ' +
    '`slices.Contains(s, x)` written out by hand; returning the index and `-1` is `slices.Index(s, x)` ' +
    '(Go 1.21). The call says what the loop does in one line and makes the O(n) scan visible where it ' +
    'is used — the first step to noticing it inside another loop, where a map is the real fix. ' +
    'The slice must be known to be a slice from a declaration in the file (a map, string or channel ' +
    'ranges the same way); a suggestion is offered when `slices` is already imported.',
  examples: {
    incorrect: `
import "slices"

func hasRole(roles []string, want string) bool {
	for _, r := range roles {
		if r == want {
			return true
		}
	}
	return false
}

var _ = slices.Max[[]int]
`,
    correct: `
import "slices"

func hasRole(roles []string, want string) bool {
	return slices.Contains(roles, want)
}
`,
  },
  notes: `The standard's \`fastContains\` unrolls the first three comparisons before falling back to the
loop; \`slices.Contains\` is the simpler form, and for repeated membership tests over the same data a
\`map[T]struct{}\` is what changes the cost (see nested-linear-search).`,
  create(context) {
    let slicesName: string | null | undefined;
    return {
      for_statement(loop) {
        // Cheapest tests first (text scans, few native calls): `==` and `return` inside, a return after.
        if (!textContains(context.source, loop, '==') || !textContains(context.source, loop, 'return')) return;
        if (loop.nextNamedSibling?.type !== 'return_statement') return;

        const search = manualSearch(loop);
        if (!search) return;
        // A map, string or channel ranges the same way: only a slice whose element type is known.
        const element = search.slice.type === 'call_expression' ? stringsResult(search.slice, context.imports()) : sliceElementType(search.slice)?.text;
        if (!element) return;
        slicesName ??= context.imports().get('slices') ?? null;
        const usable = slicesName !== null && !shadowed(slicesName, loop);
        const fn = search.call === 'Index' ? 'Index' : 'Contains';
        const not = search.call === 'NotContains' ? '!' : '';
        const call = (pkg: string): string => `${not}${pkg}.${fn}(${search.slice.text}, ${search.needle.text})`;
        const fits = needleFits(search.needle, element);
        if (fits === 'no') return;
        const kept = keptComments(loop, search.next);
        const fix =
          usable && kept !== null && fits === 'yes'
            ? [{ start: loop.startIndex, end: search.next.endIndex, text: `return ${call(slicesName!)}${kept}` }]
            : undefined;
        const advice = slicesName === null ? ' (add import "slices")' : !usable ? ' (a local name hides `slices`)' : '';
        // An exported helper is API: callers elsewhere keep it, so only its body changes.
        const helper = wholeHelper(loop, search.slice.text, search.needle.text);
        const deletable = helper !== null && !/^\p{Lu}/u.test(helper) ? helper : null;
        context.report({
          node: loop,
          anchor: loop,
          message: deletable
            ? `\`${deletable}\` is a hand-written \`slices.${fn}\`: delete it and call \`slices.${fn}\` where it is used${advice}; until then its body can be \`return ${call('slices')}\`.`
            : `This loop is a hand-written \`${call('slices')}\`, an O(n) scan: \`return ${call('slices')}\` says so in one line${advice}.`,
          fix,
        });
      },
    };
  },
});
