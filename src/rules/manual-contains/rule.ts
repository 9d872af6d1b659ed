import { FUNCTION_TYPES } from '../../core/go/functions.js';
import { loopHeader } from '../../core/go/loops.js';
import { packageCall, shadowed } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, topLevelDeclarations, type TypeInfo, typeOfExpression, typeOfValue } from '../../core/go/scope.js';
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
  /** `slices.Contains`, `slices.ContainsFunc` or `slices.Index`, negated for the `return false … return true` and flag-cleared forms. */
  fn: 'Contains' | 'ContainsFunc' | 'Index';
  negate: boolean;
  slice: SyntaxNode;
  /** The needle (Contains, Index) or the predicate function (ContainsFunc). */
  needle: SyntaxNode;
  /**
   * `return`: `for … { if … { return true } }; return false` → `return slices.Contains(…)`.
   * `flag`: `found := false; for … { if … { found = true; break } }` → `found := slices.Contains(…)`.
   * `guard`: a loop that runs a body once for the first match, then breaks or returns →
   * `if slices.Contains(…) { body }`.
   */
  shape: 'return' | 'flag' | 'guard';
  /** `return`: the return after the loop. `flag`: the flag's declaration before it. */
  next: SyntaxNode | null;
  flag: string | null;
}

/** `v = true` / `v = false` → the name and the constant. */
function flagAssignment(stmt: SyntaxNode | undefined): { name: string; value: boolean } | null {
  if (stmt?.type !== 'assignment_statement' || stmt.childForFieldName('operator')?.text !== '=') return null;
  const left = stmt.childForFieldName('left')?.namedChildren ?? [];
  const right = stmt.childForFieldName('right')?.namedChildren ?? [];
  if (left.length !== 1 || right.length !== 1 || left[0]!.type !== 'identifier') return null;
  const v = right[0]!.type;
  return v === 'true' || v === 'false' ? { name: left[0]!.text, value: v === 'true' } : null;
}

/** `v := false`, `var v bool`, `var v = false` (as the statement right before the loop): the constant it starts with. */
function flagDeclaration(stmt: SyntaxNode | null, name: string): boolean | null {
  if (stmt?.type === 'short_var_declaration') {
    const left = stmt.childForFieldName('left')?.namedChildren ?? [];
    const right = stmt.childForFieldName('right')?.namedChildren ?? [];
    if (left.length !== 1 || left[0]!.text !== name || right.length !== 1) return null;
    return right[0]!.type === 'true' ? true : right[0]!.type === 'false' ? false : null;
  }
  if (stmt?.type === 'var_declaration') {
    const specs = stmt.namedChildren;
    const spec = specs.length === 1 && specs[0]!.type === 'var_spec' ? specs[0]! : null;
    if (!spec || spec.childrenForFieldName('name').length !== 1 || spec.childForFieldName('name')?.text !== name) return null;
    const values = spec.childForFieldName('value')?.namedChildren ?? [];
    if (values.length === 0) return spec.childForFieldName('type')?.text === 'bool' ? false : null;
    return values.length === 1 && (values[0]!.type === 'true' || values[0]!.type === 'false') ? values[0]!.type === 'true' : null;
  }
  return null;
}

const JUMPS = ['break_statement', 'continue_statement', 'goto_statement', 'labeled_statement', 'fallthrough_statement'];

/**
 * The statements run for the first match, before the `break` or `return` that ends the loop:
 * they must not read the loop's variables nor jump (a `continue` or another `break` means the
 * loop is not a plain search).
 */
function guardBody(stmts: readonly SyntaxNode[], loopVars: readonly string[]): boolean {
  for (const st of stmts) {
    if (JUMPS.includes(st.type) || st.descendantsOfType(JUMPS).length > 0) return false;
    if (identifiersIn(st).some((id) => loopVars.includes(id.text))) return false;
  }
  return true;
}

/**
 * A hand-written membership test: a loop whose whole body is `if <element> == <needle>` (or
 * `if pred(<element>)`) and whose match branch returns or breaks out, in the forms of
 * `Search.shape`, with `s[i]` in place of the element in index loops.
 */
function manualSearch(loop: SyntaxNode): Search | null {
  // A cheap look at the body first (no list of children read): most loops do not end in an
  // `if`, and a lone `if` body does (comments aside). A block holding only its statement list
  // has that list as its last named child.
  const body = loop.childForFieldName('body');
  const list = body?.namedChildCount === 1 ? body.lastNamedChild : null;
  const final = list?.type === 'statement_list' ? list.lastNamedChild : null;
  if (final && final.type !== 'if_statement' && final.type !== 'comment') return null;
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
  const loopVars = [index, value].filter((v): v is string => v !== null);

  const stmts = blockStatements(loop.childForFieldName('body'));
  const test = stmts[0];
  if (stmts.length !== 1 || test?.type !== 'if_statement' || test.childForFieldName('alternative') || test.childForFieldName('initializer')) return null;
  const cond = unparen(test.childForFieldName('condition')!);
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
  let fn: Search['fn'] = 'Contains';
  let needle: SyntaxNode | null = null;
  if (cond.type === 'binary_expression' && cond.childForFieldName('operator')?.text === '==') {
    const l = cond.childForFieldName('left')!;
    const r = cond.childForFieldName('right')!;
    needle = isElement(l) ? r : isElement(r) ? l : null;
    if (!needle || !isInvariantNeedle(needle)) return null;
  } else if (cond.type === 'call_expression') {
    // pred(elem): slices.ContainsFunc(s, pred)
    const callee = cond.childForFieldName('function');
    const args = cond.childForFieldName('arguments')?.namedChildren ?? [];
    if (callee?.type !== 'identifier' || args.length !== 1 || !isElement(args[0]!)) return null;
    needle = callee;
    fn = 'ContainsFunc';
  } else {
    return null;
  }
  if (identifiersIn(needle).some((id) => id.text === index || id.text === value)) return null;

  const inner = blockStatements(test.childForFieldName('consequence'));
  const last = inner[inner.length - 1];
  const next = loop.nextNamedSibling;
  // return true … return false (and the negated and index forms).
  const found = inner.length === 1 ? returnedValue(inner[0]) : null;
  const after = next?.type === 'return_statement' ? returnedValue(next) : null;
  if (found && after) {
    if (found.type === 'true' && after.type === 'false') return { fn, negate: false, slice, needle, shape: 'return', next, flag: null };
    if (found.type === 'false' && after.type === 'true') return { fn, negate: true, slice, needle, shape: 'return', next, flag: null };
    if (fn === 'Contains' && index !== null && found.text === index && after.text.replace(/\s/g, '') === '-1') {
      return { fn: 'Index', negate: false, slice, needle, shape: 'return', next, flag: null };
    }
  }
  if (last?.type === 'break_statement' && !last.namedChildren.some((c) => c.type === 'label_name')) {
    const body = inner.slice(0, -1);
    if (body.length === 0 || !guardBody(body, loopVars)) return null; // a loop that only breaks does nothing
    const set = body.length === 1 ? flagAssignment(body[0]) : null;
    if (set) {
      const start = flagDeclaration(loop.previousNamedSibling, set.name);
      if (start !== null && start !== set.value) return { fn, negate: !set.value, slice, needle, shape: 'flag', next: loop.previousNamedSibling, flag: set.name };
    }
    return { fn, negate: false, slice, needle, shape: 'guard', next: null, flag: null };
  }
  if (last?.type === 'return_statement' && guardBody(inner, loopVars)) {
    return { fn, negate: false, slice, needle, shape: 'guard', next: null, flag: null };
  }
  return null;
}

/**
 * For ContainsFunc: whether `pred` is a function of exactly one parameter of the element type
 * returning bool, from its declaration in the file (a function, a parameter or a variable of a
 * written func type). A variadic predicate, or one that takes an interface the element converts
 * to, is not a `func(E) bool`.
 */
function predicateFits(pred: SyntaxNode, element: string): boolean {
  const norm = (t: string): string => t.replace(/\s/g, '');
  let params: SyntaxNode | null = null;
  let result: SyntaxNode | null = null;
  const decl = findDeclaration(pred, pred.text);
  if (decl) {
    const type = decl.type ?? (decl.value && unparen(decl.value).type === 'func_literal' ? unparen(decl.value) : null);
    if (!type || (type.type !== 'function_type' && type.type !== 'func_literal')) return false;
    params = type.childForFieldName('parameters');
    result = type.childForFieldName('result');
  } else {
    let root = pred;
    while (root.parent) root = root.parent;
    const fnDecl = topLevelDeclarations(root).find((d) => d.type === 'function_declaration' && d.childForFieldName('name')?.text === pred.text);
    if (!fnDecl || fnDecl.childForFieldName('type_parameters')) return false;
    params = fnDecl.childForFieldName('parameters');
    result = fnDecl.childForFieldName('result');
  }
  const list = params?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  if (list.length !== 1 || list[0]!.type !== 'parameter_declaration' || list[0]!.childrenForFieldName('name').length > 1) return false;
  return norm(list[0]!.childForFieldName('type')?.text ?? '') === norm(element) && result?.text === 'bool';
}

const EMPTY_INTERFACE = /^(any|interface\{\})$/;
const CONCRETE_KINDS = new Set(['string', 'int', 'float', 'bool', 'pointer', 'struct', 'array']);

/**
 * Whether `slices.Contains(s, needle)` type-checks where `elem == needle` does. It does for an
 * untyped literal, a needle of the element type, and a concrete needle against concrete
 * elements (the comparison already makes it assignable). It does not for an interface needle
 * against other elements, nor for a typed needle against `any` elements: `==` compiles, the
 * argument does not infer. 'unknown' when the needle's type
 * cannot be read.
 */
function needleFits(needle: SyntaxNode, element: string): 'yes' | 'no' | 'unknown' {
  const n = unparen(needle);
  if (LITERALS.has(n.type) || (n.type === 'unary_expression' && LITERALS.has(unparen(n.childForFieldName('operand')!).type))) return 'yes';
  const t: TypeInfo | null = n.type === 'identifier' || n.type === 'selector_expression' ? typeOfExpression(n) : typeOfValue(n);
  if (!t) return 'unknown';
  const norm = (x: string): string => (EMPTY_INTERFACE.test(x.replace(/\s/g, '')) ? 'any' : x.replace(/\s/g, ''));
  const elem = norm(element);
  const needleType = norm(t.text);
  if (needleType === elem) return 'yes';
  // Against `any` elements, a typed needle of another type does not infer: `slices.Contains`
  // takes the element type from the slice, and the needle must be exactly that type.
  if (elem === 'any') return 'no';
  if (t.kind === 'interface' || needleType === 'error') return 'no';
  return CONCRETE_KINDS.has(t.kind) ? 'yes' : 'unknown';
}

/**
 * Comments the rewrite would delete: a trailing comment on the `for` line moves to the new
 * line (returned as text to append); any other comment in the replaced range means no
 * suggestion (null).
 */
function keptComments(loop: SyntaxNode, from: SyntaxNode, to: SyntaxNode): string | null {
  const row = loop.startPosition.row;
  let kept = '';
  for (const c of loop.descendantsOfType('comment')) {
    if (c.startPosition.row !== row) return null;
    kept += ` ${c.text}`;
  }
  // Between the statements the fix joins.
  for (let s = from.nextSibling; s && s.id !== to.id; s = s.nextSibling) if (s.type === 'comment' && s.id !== loop.id) return null;
  if (from.id !== loop.id && from.descendantsOfType('comment').length > 0) return null;
  if (to.id !== loop.id && to.descendantsOfType('comment').length > 0) return null;
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
    '(Go 1.21). So is a flag set on the first match before `break` (`found := slices.Contains(s, x)`), a ' +
    'loop that runs a body once for the first match and then breaks or returns (`if slices.Contains(s, x) ' +
    '{ … }`), and a test with a predicate of the element type (`slices.ContainsFunc(s, pred)`). ' +
    'The call says what the loop does in one line and makes the O(n) scan visible where it ' +
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
        // Cheapest tests first (text scans, few native calls): a way out of the loop inside.
        if (!textContains(context.source, loop, 'return') && !textContains(context.source, loop, 'break')) return;

        const search = manualSearch(loop);
        if (!search) return;
        // A map, string or channel ranges the same way: only a slice whose element type is known.
        const element = search.slice.type === 'call_expression' ? stringsResult(search.slice, context.imports()) : sliceElementType(search.slice)?.text;
        if (!element) return;
        if (search.fn === 'ContainsFunc' ? !predicateFits(search.needle, element) : needleFits(search.needle, element) === 'no') return;
        slicesName ??= context.imports().get('slices') ?? null;
        const usable = slicesName !== null && !shadowed(slicesName, loop);
        const not = search.negate ? '!' : '';
        const call = (pkg: string): string => `${not}${pkg}.${search.fn}(${search.slice.text}, ${search.needle.text})`;
        const fits = search.fn === 'ContainsFunc' ? 'yes' : needleFits(search.needle, element);
        const advice = slicesName === null ? ' (add import "slices")' : !usable ? ' (a local name hides `slices`)' : '';
        const rewrite = (pkg: string): string =>
          search.shape === 'return' ? `return ${call(pkg)}` : search.shape === 'flag' ? `${search.flag} := ${call(pkg)}` : `if ${call(pkg)} { … }`;
        let fix;
        if (usable && fits === 'yes' && search.shape !== 'guard') {
          // return: the loop and the return after it; flag: the flag's declaration and the loop.
          const [from, to] = search.shape === 'return' ? [loop, search.next!] : [search.next!, loop];
          const kept = keptComments(loop, from, to);
          if (kept !== null) fix = [{ start: from.startIndex, end: to.endIndex, text: `${rewrite(slicesName!)}${kept}` }];
        }
        const what = search.shape === 'guard' ? 'the first match runs the body once' : 'it says so in one line';
        // An exported helper is API: callers elsewhere keep it, so only its body changes.
        const helper = search.shape === 'return' && search.fn !== 'ContainsFunc' ? wholeHelper(loop, search.slice.text, search.needle.text) : null;
        const deletable = helper !== null && !/^\p{Lu}/u.test(helper) ? helper : null;
        context.report({
          node: loop,
          anchor: loop,
          message: deletable
            ? `\`${deletable}\` is a hand-written \`slices.${search.fn}\`: delete it and call \`slices.${search.fn}\` where it is used${advice}; until then its body can be \`return ${call('slices')}\`.`
            : `This loop is a hand-written \`${call('slices')}\`, an O(n) scan: \`${rewrite('slices')}\` (${what})${advice}.`,
          fix,
        });
      },
    };
  },
});
