import { FUNCTION_TYPES } from '../../core/go/functions.js';
import { BREAK_TARGETS } from '../../core/go/loops.js';
import { packageCall } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, typeOfDeclaration, typeOfValue } from '../../core/go/scope.js';
import { selectorParts } from '../../core/go/selectors.js';
import { callArguments, mentions, unparen } from '../../core/go/syntax.js';
import { constantIterations } from './loops.js';
import { defineRule } from '../define-rule.js';

/** Loops that run at most this many times are too short for the copying to matter. */
const SMALL_LOOP = 4;

/** A quick textual filter for `s += …` and `s = s + …` before looking at the tree. */
const CONCAT_TEXT = /^([\p{L}_][\p{L}\p{N}_]*)\s*(?:\+=|=[\s(]*\1\s*\+)/u;
/** A number, `len(…)` or `cap(…)` added: the variable is numeric (a string cannot take one). */
const NUMERIC_ADDEND = /^[\p{L}_][\p{L}\p{N}_]*\s*(?:\+=|=[\s(]*[\p{L}_][\p{L}\p{N}_]*\s*\+)\s*(?:[0-9.]|len\s*\(|cap\s*\()/u;

/** `s += x` or `s = s + x (+ …)`: the string variable's identifier, or null. */
function concatenatedVariable(stmt: SyntaxNode): SyntaxNode | null {
  const left = stmt.childForFieldName('left');
  if (left?.namedChildCount !== 1) return null;
  const target = left.namedChild(0)!;
  if (target.type !== 'identifier' || target.text === '_') return null;
  const op = stmt.childForFieldName('operator')?.text;
  if (op === '+=') return target;
  if (op !== '=') return null;
  const right = stmt.childForFieldName('right');
  if (right?.namedChildCount !== 1) return null;
  // The leftmost operand of a `+` chain: ((s + a) + b).
  let expr = unparen(right.namedChild(0)!);
  if (expr.type !== 'binary_expression') return null;
  while (expr.type === 'binary_expression' && expr.childForFieldName('operator')?.text === '+') {
    expr = unparen(expr.childForFieldName('left')!);
  }
  return expr.type === 'identifier' && expr.text === target.text ? target : null;
}

/** Library functions whose result is a string. */
const STRING_FUNCS: Record<string, ReadonlySet<string>> = {
  fmt: new Set(['Sprint', 'Sprintf', 'Sprintln']),
  strings: new Set(['Repeat', 'Join', 'ToLower', 'ToUpper', 'ToTitle', 'Title', 'TrimSpace', 'Trim', 'TrimLeft', 'TrimRight', 'TrimPrefix', 'TrimSuffix', 'Replace', 'ReplaceAll']),
  strconv: new Set(['Itoa', 'Quote', 'QuoteRune', 'QuoteToASCII', 'FormatInt', 'FormatUint', 'FormatFloat', 'FormatBool']),
};

/** Whether an expression is evidently a string: a literal, `string(x)`, a `+` with a literal, a string-returning call. */
function isStringValue(expr: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const value = unparen(expr);
  if (typeOfValue(value)?.kind === 'string') return true;
  if (value.type === 'binary_expression') {
    if (value.childForFieldName('operator')?.text !== '+') return false;
    const [a, b] = [value.childForFieldName('left'), value.childForFieldName('right')];
    return (!!a && isStringValue(a, imports)) || (!!b && isStringValue(b, imports));
  }
  if (value.type !== 'call_expression') return false;
  const fn = value.childForFieldName('function');
  if (fn?.type === 'identifier') return fn.text === 'string' && callArguments(value).length === 1;
  const target = packageCall(value, imports);
  if (target) return STRING_FUNCS[target.path]?.has(target.name) ?? false;
  // x.String(): the fmt.Stringer convention.
  return selectorParts(fn)?.field === 'String' && callArguments(value).length === 0;
}

const LEAVES = new Set(['return_statement', 'break_statement']);
/** Whether a `return` or `break` (of `loop`) follows the statement in its block: it runs once. */
function leavesLoopAfter(stmt: SyntaxNode, loop: SyntaxNode): boolean {
  for (let s = stmt.nextNamedSibling; s; s = s.nextNamedSibling) {
    if (!LEAVES.has(s.type)) continue;
    if (s.type === 'return_statement') return true;
    if (s.namedChildCount > 0) return false; // labelled break
    for (let n = stmt.parent; n && n.id !== loop.id; n = n.parent) if (BREAK_TARGETS.has(n.type)) return false;
    return true;
  }
  return false;
}

/**
 * Whether the loop body sets the variable afresh (`s = x` without `s` on the right), so the
 * string does not keep growing across the loop's iterations.
 */
function resetIn(loop: SyntaxNode, name: string): boolean {
  const body = loop.childForFieldName('body');
  if (!body) return false;
  for (const a of body.descendantsOfType('assignment_statement')) {
    if (a.childForFieldName('operator')?.text !== '=') continue;
    const left = a.childForFieldName('left')?.namedChildren ?? [];
    const index = left.findIndex((l) => l.type === 'identifier' && l.text === name);
    if (index < 0) continue;
    const right = a.childForFieldName('right')?.namedChildren ?? [];
    const value = right.length === left.length ? right[index]! : null;
    if (!value || !mentions(value, name)) return true;
  }
  return false;
}

/** Whether the loop reads `name` anywhere but in its own `name += …` / `name = name + …` statements. */
function readInLoop(loop: SyntaxNode, name: string): boolean {
  const body = loop.childForFieldName('body');
  if (!body) return false;
  for (const id of body.descendantsOfType('identifier')) {
    if (id.text !== name) continue;
    let stmt: SyntaxNode | null = id.parent;
    while (stmt && stmt.type !== 'assignment_statement' && stmt.type !== 'return_statement' && stmt.id !== body.id) stmt = stmt.parent;
    if (stmt?.type === 'return_statement') continue; // the final value, returned from inside the loop
    if (!stmt || stmt.type !== 'assignment_statement' || concatenatedVariable(stmt)?.text !== name) return true;
    // Inside its own concatenation: only as the target or the leftmost operand.
    const right = stmt.childForFieldName('right');
    if (right && id.startIndex >= right.startIndex && stmt.childForFieldName('operator')?.text === '+=') return true;
  }
  return false;
}

/** Whether the concatenated string ends in an error (`fmt.Errorf`, `errors.New`) in the same function: a failure path. */
function endsInError(fn: SyntaxNode | null, name: string, after: SyntaxNode): boolean {
  if (!fn) return false;
  return fn.descendantsOfType('call_expression').some(
    (c) => c.startIndex >= after.endIndex && /^(?:fmt\.Errorf|errors\.New)$/.test(c.childForFieldName('function')?.text ?? '') && mentions(c, name),
  );
}

/** `for sc.Scan()`, `for rows.Next()`: a loop that runs once per record of its input, however large. */
function readsInput(loop: SyntaxNode): boolean {
  const cond = loop.namedChildren.find((c) => c.type === 'call_expression');
  return cond !== undefined && /\.(?:Scan|Next)$/.test(cond.childForFieldName('function')?.text ?? '') && callArguments(cond).length === 0;
}

export default defineRule({
  id: 'string-concat-loop',
  title: 'Build strings in loops with `strings.Builder`',
  section: 'Zero-Allocation Patterns (Enforced)',
  severity: 'warning',
  minGo: '1.0',
  fixable: false,
  subjects: ['concat', 'builder'],
  description:
    'Strings are immutable: `s += x` allocates a new string and copies all of `s` into it. In a loop the ' +
    'copies add up to O(n²) bytes and one allocation per iteration. A `strings.Builder` appends into a ' +
    'growing buffer (pre-size it with `Grow` when the total is known) and `String()` returns the result ' +
    'without another copy. Loops with a constant bound of at most four iterations are not reported.',
  examples: {
    incorrect: `
func joinErrors(errs []error) string {
	msg := "errors:"
	for _, err := range errs {
		msg += " " + err.Error()
	}
	return msg
}
`,
    correct: `
import "strings"

func joinErrors(errs []error) string {
	var b strings.Builder
	b.Grow(len("errors:") + 32*len(errs)) // an estimate is enough
	b.WriteString("errors:")
	for _, err := range errs {
		b.WriteString(" ")
		b.WriteString(err.Error())
	}
	return b.String()
}
`,
  },
  create(context) {
    const reported = new Set<string>();
    return {
      // `s += x` or `s = s + x`: a `+=`, or an `=` followed by a name and `+`.
      $find: { assignment_statement: /\+=|(?<![=!<>:])=(?!=)[\s(]*[\p{L}_][\p{L}\p{N}_]*\s*\+(?![+=])/gu },
      assignment_statement(stmt) {
        const text = stmt.text; // reading .text is the cheapest rejection
        if (!CONCAT_TEXT.test(text) || NUMERIC_ADDEND.test(text)) return;
        const target = concatenatedVariable(stmt);
        if (!target) return;
        // Loops around the statement, inside its function.
        const loops: SyntaxNode[] = [];
        for (let n = stmt.parent; n && !FUNCTION_TYPES.has(n.type); n = n.parent) if (n.type === 'for_statement') loops.push(n);
        if (loops.length === 0) return;
        const name = target.text;
        const decl = findDeclaration(stmt, name);
        if (!decl || decl.kind === 'range') return;
        const type = typeOfDeclaration(decl);
        if (type ? type.kind !== 'string' : !decl.value || !isStringValue(decl.value, context.imports())) return;
        // Only loops the variable outlives make it grow; among those, the ones that never
        // reset it; and a loop with a small constant bound cannot make it grow much.
        const at = decl.id.startIndex;
        const growing = loops.filter((l) => !(l.startIndex <= at && at < l.endIndex) && !resetIn(l, name));
        if (growing.length === 0 || growing.every((l) => (constantIterations(l) ?? Infinity) <= SMALL_LOOP)) return;
        if (leavesLoopAfter(stmt, growing[0]!)) return;
        const outer = growing[growing.length - 1]!;
        // Each intermediate string is used in the loop (printed, compared, stored): a Builder
        // would have to produce it every iteration anyway.
        if (readInLoop(outer, name)) return;
        const key = `${at}:${outer.startIndex}`;
        if (reported.has(key)) return;
        reported.add(key);
        const written = stmt.childForFieldName('operator')?.text === '+=' ? `${name} += …` : `${name} = ${name} + …`;
        // A comment only for a loop over input records (a scanner, a row cursor): their number is
        // unbounded. Loops over in-memory values are mostly a few labels or an error message.
        if (growing.some(readsInput) && !endsInError(decl.statement.parent, name, outer)) {
          context.report({
            node: stmt,
            message: `\`${written}\` in a loop over input records copies the whole string every iteration (O(n²) bytes, an allocation each time): build it in a \`strings.Builder\`.`,
          });
          return;
        }
        context.report({
          node: stmt,
          message: `\`${written}\` in a loop copies the whole string every iteration (O(n²) bytes, an allocation each time): if the loop can run many times, build it in a \`strings.Builder\`.`,
          tier: 'advisory',
        });
      },
    };
  },
});
