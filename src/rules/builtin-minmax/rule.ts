import type { Edit } from '../../core/model.js';
import { constness } from '../../core/go/constants.js';
import { packageCall, qualifiedCallee } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, topLevelDeclarations, typeSpecNamed } from '../../core/go/scope.js';
import { rootIdentifier } from '../../core/go/selectors.js';
import { blockStatements, callArguments, mentions, unparen } from '../../core/go/syntax.js';
import { argumentText, assignableTarget, isFloatType, expressionComparer, knownFloat, ORDERINGS, sideEffectFree } from './expressions.js';
import { defineRule } from '../define-rule.js';

/** An assignment target's root variable: `x`, `x.f`, `x[i]`, `*x`. */
const TARGET_PARTS: ReadonlySet<string> = new Set(['selector_expression', 'index_expression', 'unary_expression']);

type Builtin = 'min' | 'max';

/** `x = v` alone in a block: the target and the value. */
function soleAssignment(block: SyntaxNode | null): { target: SyntaxNode; value: SyntaxNode } | null {
  if (block?.type !== 'block') return null;
  const stmts = blockStatements(block);
  if (stmts.length !== 1 || stmts[0]!.type !== 'assignment_statement') return null;
  const a = stmts[0]!;
  if (a.childForFieldName('operator')?.text !== '=') return null;
  const left = a.childForFieldName('left')?.namedChildren ?? [];
  const right = a.childForFieldName('right')?.namedChildren ?? [];
  if (left.length !== 1 || right.length !== 1) return null;
  return { target: left[0]!, value: right[0]! };
}

/** The statement before `x`, as `x := a`, `x = a` or `var x [T] = a`: its target and value. */
function initialAssignment(stmt: SyntaxNode | null): { target: SyntaxNode; value: SyntaxNode } | null {
  if (!stmt) return null;
  if (stmt.type === 'short_var_declaration' || stmt.type === 'assignment_statement') {
    if (stmt.type === 'assignment_statement' && stmt.childForFieldName('operator')?.text !== '=') return null;
    const left = stmt.childForFieldName('left')?.namedChildren ?? [];
    const right = stmt.childForFieldName('right')?.namedChildren ?? [];
    return left.length === 1 && right.length === 1 ? { target: left[0]!, value: right[0]! } : null;
  }
  if (stmt.type === 'var_declaration') {
    const specs = stmt.namedChildren;
    if (specs.length !== 1 || specs[0]!.type !== 'var_spec') return null;
    const names = specs[0]!.childrenForFieldName('name');
    const values = specs[0]!.childForFieldName('value')?.namedChildren ?? [];
    return names.length === 1 && values.length === 1 ? { target: names[0]!, value: values[0]! } : null;
  }
  return null;
}

/** Which built-in `cond ? picked : other` computes, for `left op right`. */
function builtinFor(op: string, picksLeft: boolean): Builtin {
  const less = op === '<' || op === '<=';
  return less === picksLeft ? 'min' : 'max';
}

/**
 * Cheap look at the source before touching the tree: `if <a op b> {` on one line, then a block
 * holding one `x = v` line (comment lines aside) and closing on the next; or the same on one line.
 */
const IF_SHAPE =
  /if [^{;\n]*[<>][^{;\n]*\{(?:[^\n]*\n(?:[ \t]*\/\/[^\n]*\n)*[^\n]* = [^\n]*\n(?:[ \t]*\/\/[^\n]*\n)*[ \t]*\}| [^\n{}]* = [^\n{}]* \})/y;

const IF_SHAPE_ANYWHERE = new RegExp(`\\b${IF_SHAPE.source}`, 'g');
/** Text of a function named `min` or `max` (with or without type parameters). */
const FUNC_MIN_MAX = /\bfunc\s+(?:min|max)\b/;

/** A helper is short, takes two parameters and starts comparing or shifting: `func name(a, b T) T { if a < b`. */
const HELPER_SHAPE = /^func [\p{L}_][\p{L}\p{N}_]*(?:\[[^\n]*?\])?\([^(),\n]*,[^(),\n]*\) [^\n{]*\{[ \t]*(?:\/\/[^\n]*)?\s*(?:if [^{\n]*[<>]|return [^\n]*>>)/u;
const HELPER_MAX_LENGTH = 300;

/**
 * The comment to carry over when replacing `from..to` by one line: none, or the single `//`
 * comment ending the line of `keep` (e.g. `if a < b { // why`). Null when other comments would be
 * lost.
 */
function carriedComment(comments: readonly SyntaxNode[], keepRows: readonly number[]): string | null {
  if (comments.length === 0) return '';
  if (comments.length > 1) return null;
  const c = comments[0]!;
  if (!c.text.startsWith('//') || !keepRows.includes(c.startPosition.row)) return null;
  const next = c.nextSibling;
  return next && next.startPosition.row === c.startPosition.row ? null : ` ${c.text}`;
}

interface FunctionShape {
  builtin: Builtin;
  branchless: boolean;
  params: [string, string];
}

/** Parameters and result of `func f(a, b T) T`: the two names and the type, or null. */
function twoParameters(fn: SyntaxNode): { names: [string, string]; type: SyntaxNode } | null {
  const params = fn.childForFieldName('parameters')?.namedChildren.filter((p) => p.type !== 'comment') ?? [];
  const pairs: Array<{ name: string; type: SyntaxNode }> = [];
  for (const p of params) {
    if (p.type !== 'parameter_declaration') return null;
    const type = p.childForFieldName('type');
    if (!type) return null;
    for (const n of p.childrenForFieldName('name')) pairs.push({ name: n.text, type });
  }
  if (pairs.length !== 2 || pairs[0]!.type.text !== pairs[1]!.type.text || pairs[0]!.name === pairs[1]!.name) return null;
  let result = fn.childForFieldName('result');
  if (result?.type === 'parameter_list') {
    const rs = result.namedChildren.filter((c) => c.type !== 'comment');
    if (rs.length !== 1 || rs[0]!.type !== 'parameter_declaration' || rs[0]!.childrenForFieldName('name').length > 1) return null;
    result = rs[0]!.childForFieldName('type');
  }
  if (!result || result.text !== pairs[0]!.type.text) return null;
  return { names: [pairs[0]!.name, pairs[1]!.name], type: pairs[0]!.type };
}

/** The single identifier a `return x` returns, or null. */
function returned(stmt: SyntaxNode | undefined): string | null {
  if (stmt?.type !== 'return_statement') return null;
  const list = stmt.namedChildren[0];
  const values = list?.type === 'expression_list' ? list.namedChildren : list ? [list] : [];
  if (values.length !== 1) return null;
  const v = unparen(values[0]!);
  return v.type === 'identifier' ? v.text : null;
}

/** `P + ((Q-P)&((Q-P)>>k))` is min(P, Q); `P - ((P-Q)&((P-Q)>>k))` is max(P, Q). */
const BRANCHLESS = /^\(?([\p{L}_][\p{L}\p{N}_]*)([+-])\(\(([\p{L}_][\p{L}\p{N}_]*)-([\p{L}_][\p{L}\p{N}_]*)\)&\(\(([\p{L}_][\p{L}\p{N}_]*)-([\p{L}_][\p{L}\p{N}_]*)\)>>\d+\)\)\)?$/u;

/** A function whose whole body returns the smaller or larger of its two parameters. */
function minMaxFunction(fn: SyntaxNode): FunctionShape | null {
  const sig = twoParameters(fn);
  if (!sig) return null;
  const [a, b] = sig.names;
  const isParam = (x: string | null): boolean => x === a || x === b;
  const stmts = blockStatements(fn.childForFieldName('body'));
  if (stmts.length === 1 && stmts[0]!.type === 'return_statement') {
    const list = stmts[0]!.namedChildren[0];
    if (!list) return null;
    const m = BRANCHLESS.exec(list.text.replace(/\s+/g, ''));
    if (!m) return null;
    const [, p, op, s1, s2, s3, s4] = m;
    if (!isParam(p!) || s1 !== s3 || s2 !== s4) return null;
    const q = p === a ? b : a;
    if (op === '+' && s1 === q && s2 === p) return { builtin: 'min', branchless: true, params: [a, b] };
    if (op === '-' && s1 === p && s2 === q) return { builtin: 'max', branchless: true, params: [a, b] };
    return null;
  }
  const ifs = stmts[0];
  if (ifs?.type !== 'if_statement' || ifs.childForFieldName('initializer')) return null;
  const alternative = ifs.childForFieldName('alternative');
  let other: string | null;
  if (alternative) {
    if (stmts.length !== 1 || alternative.type !== 'block') return null;
    const alt = blockStatements(alternative);
    other = alt.length === 1 ? returned(alt[0]) : null;
  } else {
    if (stmts.length !== 2) return null;
    other = returned(stmts[1]);
  }
  const cond = unparen(ifs.childForFieldName('condition')!);
  if (cond.type !== 'binary_expression') return null;
  const op = cond.childForFieldName('operator')?.text ?? '';
  const left = cond.childForFieldName('left');
  const right = cond.childForFieldName('right');
  if (!ORDERINGS.has(op) || !left || !right) return null;
  const l = unparen(left).text;
  const r = unparen(right).text;
  if (!isParam(l) || !isParam(r) || l === r) return null;
  const then = blockStatements(ifs.childForFieldName('consequence'));
  const picked = then.length === 1 ? returned(then[0]) : null;
  if (!isParam(picked) || !isParam(other) || picked === other) return null;
  // Floats: NaN makes the comparison differ from the built-in.
  if (isFloatType(sig.type, fn.childForFieldName('body')!)) return null;
  return { builtin: builtinFor(op, picked === l), branchless: false, params: [a, b] };
}

export default defineRule({
  id: 'builtin-minmax',
  title: 'Use the built-in `min` and `max`',
  section: 'Go 1.24 Core Features (Mandatory)',
  severity: 'notice',
  minGo: '1.21',
  fixable: true,
  subjects: ['nan', 'math.min', 'math.max'],
  description:
    'Go 1.21 has built-in `min` and `max` for every ordered type. An `if`/`else` that assigns the smaller ' +
    'or larger of two values, `math.Min`/`math.Max` (a function call; the built-ins treat NaN and ±0 the ' +
    'same way), and hand-written `min`/`max` helpers are boilerplate the built-ins replace; the helpers also ' +
    'shadow the built-ins. The suggestion rewrites an `if`/`else` to `x = min(a, b)` and `math.Max(x, y)` ' +
    'to `max(x, y)` when the result compiles as it stands; helpers are reported without one (their callers ' +
    'are elsewhere).',
  notes: `
Not reported: comparisons whose operands call functions or receive from channels (the \`if\` evaluates
them twice, the built-in once), branches that assign different variables or values other than the
compared ones, methods, and \`if\`/\`else\` forms over values the file shows to be floats (with a NaN
operand \`if a < b { x = a } else { x = b }\` yields \`b\`, the built-in yields NaN; \`math.Min\` and
\`math.Max\` behave like the built-ins and are reported), and code where \`min\` or \`max\` is a
name declared in the file or the function (a variable, a parameter, a function of the file): the
advice would not compile there, or would call that function. No suggestion is offered where
\`math.Min\`/\`math.Max\` is the file's last use of \`math\` (the import would become unused:
remove it with the change). A lone \`if v > m { m = v }\` without the
assignment to \`m\` just before it is not one of the reported forms.

The standard's branchless \`max\` in "Big-O Awareness and Algorithm Selection (go-perfbook)",
\`a + ((b-a)&((b-a)>>63))\`, returns the smaller value (it is a min), overflows when \`b-a\` does, and
shadows the built-in: use the built-in \`max\`, available since Go 1.21.
`,
  examples: {
    incorrect: `
import "math"

func clamp(v, lo, hi int) int {
	r := v
	if hi < r {
		r = hi
	}
	return maxInt(r, lo)
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func ratio(hits, total float64) float64 {
	return math.Min(hits/total, 1)
}
`,
    correct: `
func clamp(v, lo, hi int) int {
	return max(min(v, hi), lo)
}

func ratio(hits, total float64) float64 {
	return min(hits/total, 1)
}
`,
  },
  create(context) {
    let shadowed: Set<string> | undefined;
    /** Whether `name` means the built-in at `at`: no file-level or local declaration hides it. */
    const builtinVisible = (name: Builtin, at: SyntaxNode): boolean => {
      if (!shadowed) {
        shadowed = new Set();
        // A top-level function or type named min or max (functions only where the text has one).
        if (FUNC_MIN_MAX.test(context.source)) {
          for (const decl of topLevelDeclarations(context.root)) {
            if (decl.type !== 'function_declaration') continue;
            const n = decl.childForFieldName('name')?.text;
            if (n === 'min' || n === 'max') shadowed.add(n);
          }
        }
        for (const n of ['min', 'max'] as const) if (typeSpecNamed(context.root, n)) shadowed.add(n);
      }
      return !shadowed.has(name) && !findDeclaration(at, name);
    };
    let mathName: string | null | undefined = context.source.includes('"math"') ? undefined : null;
    const math = (): string | undefined => {
      if (mathName === undefined) mathName = context.imports().get('math') ?? null;
      return mathName ?? undefined;
    };
    const mathCalls: Array<{ call: SyntaxNode; builtin: Builtin; fixable: boolean; message: string; unwrap: string }> = [];


    return {
      // Only `if`s of IF_SHAPE are read: the engine finds them in the text.
      $find: { if_statement: IF_SHAPE_ANYWHERE },
      if_statement(ifs) {
        IF_SHAPE.lastIndex = ifs.startIndex;
        if (!IF_SHAPE.test(context.source)) return;
        if (ifs.parent?.type !== 'statement_list' || ifs.childForFieldName('initializer')) return;
        const cond = ifs.childForFieldName('condition');
        if (cond?.type !== 'binary_expression') return;
        const op = cond.childForFieldName('operator')?.text ?? '';
        if (!ORDERINGS.has(op)) return;
        const then = soleAssignment(ifs.childForFieldName('consequence'));
        if (!then) return;
        const left = cond.childForFieldName('left')!;
        const right = cond.childForFieldName('right')!;
        const same = expressionComparer();
        // The assigned value is one of the compared operands (cheap text comparison first).
        if (!same(then.value, left) && !same(then.value, right)) return;
        if (!assignableTarget(then.target) || !sideEffectFree(left) || !sideEffectFree(right)) return;
        const alternative = ifs.childForFieldName('alternative');
        const m = math();
        const floats = (...xs: SyntaxNode[]): boolean => xs.some((x) => knownFloat(x, m));

        if (alternative) {
          // if a < b { x = a } else { x = b }
          const other = soleAssignment(alternative);
          if (!other || !same(then.target, other.target)) return;
          let picksLeft: boolean;
          if (same(then.value, left) && same(other.value, right)) picksLeft = true;
          else if (same(then.value, right) && same(other.value, left)) picksLeft = false;
          else return;
          if (floats(left, right, then.target)) return;
          const builtin = builtinFor(op, picksLeft);
          const a = argumentText(unparen(left));
          const b = argumentText(unparen(right));
          // A local `min`/`max` hides the built-in: the advice would not compile there.
          if (!builtinVisible(builtin, ifs)) return;
          const replacement = `${then.target.text} = ${builtin}(${a ?? unparen(left).text}, ${b ?? unparen(right).text})`;
          const comment = carriedComment(ifs.descendantsOfType('comment'), [ifs.startPosition.row]);
          const fix: Edit[] | undefined =
            a !== null && b !== null && comment !== null && !then.target.text.includes('\n')
              ? [{ start: ifs.startIndex, end: ifs.endIndex, text: replacement + comment }]
              : undefined;
          context.report({
            node: ifs,
            // An operand that cannot be written on one line (a comment inside it) is not quoted.
            message: `This \`if\`/\`else\` picks the ${builtin === 'min' ? 'smaller' : 'larger'} value: \`${a !== null && b !== null ? replacement : `${then.target.text} = ${builtin}(…)`}\` (built-in since Go 1.21) says it in one line.`,
            fix,
          });
          return;
        }

        // x := a; if b > x { x = b }
        let prev = ifs.previousNamedSibling;
        while (prev?.type === 'comment') prev = prev.previousNamedSibling;
        const init = initialAssignment(prev);
        if (!prev || !init || !same(init.target, then.target)) return;
        const x = init.target;
        let a: SyntaxNode;
        let b: SyntaxNode;
        let picksLeft: boolean;
        if (same(then.value, left) && (same(right, init.value) || same(right, x))) {
          [a, b, picksLeft] = [left, right, true];
        } else if (same(then.value, right) && (same(left, init.value) || same(left, x))) {
          [a, b, picksLeft] = [left, right, false];
        } else {
          return;
        }
        // The operand that is not x must not read x: it sees x after the first assignment.
        const root = rootIdentifier(x, TARGET_PARTS);
        const value = picksLeft ? a : b;
        if (!root || mentions(value, root.text)) return;
        if (floats(a, b, x, then.target, init.value)) return;
        const builtin = builtinFor(op, picksLeft);
        // Use the initial value where the comparison reads x.
        const first = same(a, x) ? init.value : a;
        const second = same(b, x) ? init.value : b;
        const ta = argumentText(unparen(first));
        const tb = argumentText(unparen(second));
        if (!builtinVisible(builtin, ifs)) return;
        const head = context.source.slice(prev.startIndex, init.value.startIndex);
        const replacement = `${head}${builtin}(${ta ?? unparen(first).text}, ${tb ?? unparen(second).text})`;
        const comments = [...prev.descendantsOfType('comment'), ...ifs.descendantsOfType('comment')];
        for (let n = prev.nextSibling; n && n.id !== ifs.id; n = n.nextSibling) if (n.type === 'comment') comments.push(n);
        const comment = carriedComment(comments, [prev.startPosition.row, ifs.startPosition.row]);
        const fix: Edit[] | undefined =
          ta !== null && tb !== null && comment !== null && !head.includes('\n')
            ? [{ start: prev.startIndex, end: ifs.endIndex, text: replacement + comment }]
            : undefined;
        context.report({
          node: ifs,
          message: `This \`if\` keeps the ${builtin === 'min' ? 'smaller' : 'larger'} value: \`${(ta !== null && tb !== null ? replacement : `${head}${builtin}(…)`).replace(/\s+/g, ' ')}\` (built-in since Go 1.21) says it in one line.`,
          fix,
          anchor: ifs,
        });
      },

      $calls: ['Min', 'Max'],
      call_expression(call) {
        const m = math();
        if (!m || m === '_' || m === '.') return;
        const name = qualifiedCallee(context.source, call, m);
        if (name !== 'Min' && name !== 'Max') return;
        if (packageCall(call, context.imports())?.path !== 'math' || findDeclaration(call, m)) return;
        const args = callArguments(call);
        if (args.length !== 2 || call.childForFieldName('arguments')!.text.includes('...')) return;
        const builtin: Builtin = name === 'Min' ? 'min' : 'max';
        const kinds = args.map((x) => constness(x));
        // With constant arguments only, the built-in's result is an untyped constant (maybe an int).
        const typed = kinds.includes('variable') || (kinds.every((k) => k === 'constant') && args.some((x) => x.descendantsOfType('float_literal').length > 0 || x.type === 'float_literal'));
        if (!builtinVisible(builtin, call)) return;
        // `int(math.Min(float64(a), float64(b)))`: the built-in takes the integers themselves.
        const converted = args.map((x) => /^float64\s*\(/.test(unparen(x).text));
        const roundTrip = converted.every(Boolean) && /^\w+$/.test(call.parent?.parent?.childForFieldName('function')?.text ?? '') && call.parent?.type === 'argument_list' && call.parent.parent?.type === 'call_expression' && call.parent.parent.childForFieldName('function')?.text !== 'float64';
        const unwrap = roundTrip ? ` If the converted values share one type, \`${builtin}\` takes them directly: drop the \`float64(…)\` conversions and the one around the result.` : '';
        mathCalls.push({
          call,
          builtin,
          fixable: typed,
          message: `\`${m}.${name}\` → the built-in \`${builtin}\` (Go 1.21): the same result for NaN and ±0, without a function call.`,
          unwrap,
        });
      },

      function_declaration(fn) {
        const start = fn.startIndex;
        const end = fn.endIndex;
        if (end - start > HELPER_MAX_LENGTH || !HELPER_SHAPE.test(context.source.slice(start, end))) return;
        const shape = minMaxFunction(fn);
        if (!shape) return;
        const name = fn.childForFieldName('name')!.text;
        const [a, b] = shape.params;
        const message = shape.branchless
          ? `\`${name}\` is the branchless trick, which returns the ${shape.builtin === 'min' ? 'smaller' : 'larger'} value and overflows when the difference does: delete it and call the built-in \`${shape.builtin}(${a}, ${b})\` (Go 1.21).`
          : name === shape.builtin
            ? `\`${name}\` shadows the built-in \`${shape.builtin}\` (Go 1.21), which does the same for any ordered type: delete it.`
            : `\`${name}\` reimplements the built-in \`${shape.builtin}\` (Go 1.21): delete it and call \`${shape.builtin}(${a}, ${b})\` at its call sites.`;
        context.report({ node: fn, message, anchor: fn.childForFieldName('name')! });
      },

      $end() {
        if (mathCalls.length === 0) return;
        const m = math()!;
        // The change must leave `math` imported and used: count its uses besides the rewritten calls.
        const uses = context.root.descendantsOfType('selector_expression').filter((s) => s.childForFieldName('operand')?.text === m).length;
        // One finding per line: GitHub suggestions replace whole lines, so calls sharing a line share one.
        const byLine = new Map<number, typeof mathCalls>();
        for (const c of mathCalls) {
          const row = c.call.startPosition.row;
          const list = byLine.get(row);
          if (list) list.push(c);
          else byLine.set(row, [c]);
        }
        const lines = [...byLine.values()].map((calls) => ({ calls, fixable: calls.every((c) => c.fixable) }));
        const rewritten = lines.reduce((n, l) => n + (l.fixable ? l.calls.length : 0), 0);
        const importStays = uses > rewritten;
        for (const { calls, fixable } of lines) {
          const first = calls[0]!;
          const names = [...new Set(calls.map((c) => c.call.childForFieldName('function')!.text))];
          const message =
            calls.length === 1 ? first.message : `${calls.length} calls of ${names.map((n) => `\`${n}\``).join(' and ')} on this line → the built-in ${[...new Set(calls.map((c) => `\`${c.builtin}\``))].join(' and ')} (Go 1.21): the same results for NaN and ±0, without function calls.`;
          context.report({
            node: first.call,
            message: (fixable && !importStays
              ? lines.length === 1
                ? `${message.replace(/\.$/, '')}; then drop the unused \`math\` import.`
                : `${message.replace(/\.$/, '')}; once all ${rewritten} \`math.Min\`/\`math.Max\` calls of this file are changed, drop the \`math\` import.`
              : message) + (calls.length === 1 ? first.unwrap : ''),
            fix: fixable && importStays
              ? calls.map((c) => {
                  const fnNode = c.call.childForFieldName('function')!;
                  return { start: fnNode.startIndex, end: fnNode.endIndex, text: c.builtin };
                })
              : undefined,
          });
        }
      },
    };
  },
});
