import { stringLiteralValue } from '../../core/go/constants.js';
import { fillsEveryIteration } from '../../core/go/fill.js';
import { FUNCTION_TYPES } from '../../core/go/functions.js';
import { rangeClause } from '../../core/go/loops.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, typeOfExpression } from '../../core/go/scope.js';
import { selectorParts } from '../../core/go/selectors.js';
import { callArguments, mentions, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

const WRITES = new Set(['WriteString', 'WriteByte', 'WriteRune', 'Write']);
/** Calls after which growing before the loop is moot: the loop reuses or drops the buffer. */
const RESETS = new Set(['Reset', 'Truncate']);
const FPRINT = new Set(['Fprint', 'Fprintf', 'Fprintln']);
/** A buffer that is also read from is a queue: it drains as it fills, and its size is not the total. */
const READS = new Set(['Read', 'ReadByte', 'ReadRune', 'ReadString', 'ReadBytes', 'Next', 'UnreadByte', 'UnreadRune', 'WriteTo']);

interface Builder {
  name: string;
  /** The statement declaring it, directly in a block. */
  decl: SyntaxNode;
  /** Where to report: the declaration, or its spec inside `var ( … )`. */
  node: SyntaxNode;
  type: string;
}

/**
 * The local variable a `strings.Builder` / `bytes.Buffer` type belongs to: `var b T`,
 * `b := T{}`, `b := &T{}`, `b := new(T)`.
 */
function declaredBuilder(type: SyntaxNode): Builder | null {
  let n = type.parent;
  if (n?.type === 'var_spec') {
    if (n.childForFieldName('value')) return null;
    const names = n.childrenForFieldName('name');
    let decl = n.parent;
    if (decl?.type === 'var_spec_list') decl = decl.parent;
    if (names.length !== 1 || decl?.type !== 'var_declaration') return null;
    return decl.parent?.type === 'statement_list' ? { name: names[0]!.text, decl, node: n, type: type.text } : null;
  }
  if (n?.type === 'composite_literal') {
    if ((n.childForFieldName('body')?.namedChildCount ?? 1) > 0) return null;
    if (n.parent?.type === 'unary_expression') n = n.parent;
  } else if (n?.type === 'argument_list') {
    const call = n.parent;
    if (call?.type !== 'call_expression' || call.childForFieldName('function')?.text !== 'new') return null;
    n = call;
  } else {
    return null;
  }
  const list = n.parent;
  const decl = list?.parent;
  if (list?.type !== 'expression_list' || list.namedChildCount !== 1 || decl?.type !== 'short_var_declaration') return null;
  const left = decl.childForFieldName('left')?.namedChildren ?? [];
  if (left.length !== 1 || decl.parent?.type !== 'statement_list') return null;
  return { name: left[0]!.text, decl, node: decl, type: type.text };
}

/** `b := bytes.NewBuffer(nil)` (one name, one value, directly in a block). */
function declaredByCall(call: SyntaxNode, type: string): Builder | null {
  const list = call.parent;
  const decl = list?.parent;
  if (list?.type !== 'expression_list' || list.namedChildCount !== 1 || decl?.type !== 'short_var_declaration') return null;
  if (decl.childForFieldName('right')?.id !== list.id || decl.parent?.type !== 'statement_list') return null;
  const left = decl.childForFieldName('left')?.namedChildren ?? [];
  return left.length === 1 && left[0]!.type === 'identifier' ? { name: left[0]!.text, decl, node: decl, type } : null;
}

interface Use {
  call: SyntaxNode;
  method: string;
  /** The identifier naming the builder in the call. */
  id: SyntaxNode;
}

/** Calls on the builder: `b.M(…)`, and `fmt.Fprint*(&b, …)` / `fmt.Fprint*(b, …)` as `Write`. */
function usesOf(scope: SyntaxNode, name: string, fmtName: string | undefined): Use[] {
  const uses: Use[] = [];
  const own = `${name}.`;
  const fprint = `${fmtName}.Fprint`;
  for (const call of scope.descendantsOfType('call_expression')) {
    const text = call.text; // cheap: reject most calls before touching their children
    if (!text.startsWith(own) && !(fmtName && text.startsWith(fprint))) continue;
    const sel = selectorParts(call.childForFieldName('function'));
    if (!sel || sel.operand.type !== 'identifier') continue;
    if (sel.operand.text === name) {
      uses.push({ call, method: sel.field, id: sel.operand });
    } else if (fmtName && sel.operand.text === fmtName && FPRINT.has(sel.field)) {
      const first = callArguments(call)[0];
      const w = first && first.type === 'unary_expression' && first.text.startsWith('&') ? first.childForFieldName('operand') : first;
      const id = w ? unparen(w) : null;
      if (id?.type === 'identifier' && id.text === name) uses.push({ call, method: 'Write', id });
    }
  }
  return uses;
}

/** The nearest loop around the node that lies inside `stop` and in the same function. */
function loopWithin(node: SyntaxNode, stop: SyntaxNode): SyntaxNode | null {
  for (let n = node.parent; n && n.id !== stop.id; n = n.parent) {
    if (FUNCTION_TYPES.has(n.type)) return null;
    if (n.type === 'for_statement') {
      // Keep climbing to the outermost loop below `stop`: Grow belongs before it.
      let outer = n;
      for (let m = n.parent; m && m.id !== stop.id && !FUNCTION_TYPES.has(m.type); m = m.parent) if (m.type === 'for_statement') outer = m;
      return outer;
    }
  }
  return null;
}

/** For `for _, p := range parts { b.WriteString(p) }` with `parts []string`: `parts`. */
function summedSource(loop: SyntaxNode, write: Use): string | null {
  if (write.method !== 'WriteString') return null;
  const clause = rangeClause(loop);
  const vars = clause?.childForFieldName('left')?.namedChildren ?? [];
  const over = clause?.childForFieldName('right');
  const arg = callArguments(write.call)[0];
  if (vars.length !== 2 || !over || !arg || arg.text !== vars[1]!.text) return null;
  if (over.type !== 'identifier' && over.type !== 'selector_expression') return null;
  const type = typeOfExpression(over);
  return type?.kind === 'slice' && type.text.replace(/\s/g, '') === '[]string' ? over.text : null;
}

/** Expressions whose length can be taken again before the loop: no calls, no side effects. */
const PURE = new Set(['identifier', 'field_identifier', 'selector_expression', 'index_expression', 'slice_expression', 'int_literal', 'binary_expression', 'parenthesized_expression']);

function isPure(node: SyntaxNode): boolean {
  return PURE.has(node.type) && node.namedChildren.every((c) => c.type === 'comment' || isPure(c));
}

/**
 * The `Grow` the loop's size calls for, as code, when the loop ranges over a named value and
 * its body's only use of the builder is one unconditional write whose length follows from the
 * element: `WriteByte` (one byte each: `Grow(len(x))`), or `Write`/`WriteString` of a
 * side-effect-free expression of the loop variables (the summed lengths). Null otherwise.
 */
function computedGrow(loop: SyntaxNode, name: string): string | null {
  const clause = loop.namedChildren.find((c) => c.type === 'range_clause');
  const over = clause?.childForFieldName('right');
  const body = loop.childForFieldName('body');
  if (!clause || !over || !body || (over.type !== 'identifier' && over.type !== 'selector_expression')) return null;
  const writes = usesOf(body, name, undefined);
  // Every mention of the builder in the body is one of these writes.
  if (writes.length === 0 || body.descendantsOfType('identifier').filter((id) => id.text === name).length !== writes.length) return null;
  const vars = (clause.childForFieldName('left')?.namedChildren ?? []).map((v) => v.text);
  const used = vars.map(() => false);
  let bytes = 0;
  const lengths: string[] = [];
  for (const w of writes) {
    const statement = w.call.parent;
    if (statement?.type !== 'expression_statement' || !fillsEveryIteration(loop, statement)) return null;
    const args = callArguments(w.call);
    if (args.length !== 1) return null;
    const arg = args[0]!;
    const literal = w.method === 'WriteString' ? stringLiteralValue(arg) : null;
    if (w.method === 'WriteByte') bytes += 1;
    else if (literal !== null) bytes += Buffer.byteLength(literal);
    else if ((w.method === 'WriteString' || w.method === 'Write') && isPure(arg)) {
      const mentioned = vars.map((v) => v !== '_' && mentions(arg, v));
      if (!mentioned.some(Boolean)) return null;
      mentioned.forEach((m, i) => (used[i] ||= m));
      lengths.push(`len(${arg.text})`);
    } else return null;
  }
  if (lengths.length === 0) return bytes > 0 && bytes <= 64 ? `\`${name}.Grow(${bytes === 1 ? '' : `${bytes}*`}len(${over.text}))\`` : null;
  const header = used[1] ? `${used[0] ? vars[0] : '_'}, ${vars[1]}` : vars[0]!;
  const n = ['n', 'size', 'total'].find((c) => !mentions(loop, c) && !vars.includes(c));
  if (!n) return null;
  const sum = [...lengths, ...(bytes > 0 ? [String(bytes)] : [])].join(' + ');
  return `so sum it first: \`${n} := 0; for ${header} := range ${over.text} { ${n} += ${sum} }; ${name}.Grow(${n})\``;
}

export default defineRule({
  id: 'builder-grow',
  title: 'Grow a `strings.Builder` or `bytes.Buffer` before writing to it in a loop',
  section: 'Zero-Allocation Patterns (Enforced)',
  severity: 'notice',
  minGo: '1.0',
  fixable: false,
  subjects: ['grow', 'capacity', 'presiz', 'pre-siz'],
  description:
    'A `strings.Builder` or `bytes.Buffer` written in a loop starts empty and doubles its buffer whenever ' +
    'it fills: each growth allocates and copies everything written so far. When the final size can be ' +
    'estimated (the summed lengths of the parts, or a per-item size times the count), call `Grow` once ' +
    'before the loop. Builders received as parameters or held in fields are not reported: their capacity ' +
    'is the owner\'s business.',
  examples: {
    incorrect: `
import "strings"

func join(parts []string, sep string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}
`,
    correct: `
import "strings"

func join(parts []string, sep string) string {
	var b strings.Builder
	n := len(sep) * len(parts)
	for _, p := range parts {
		n += len(p)
	}
	b.Grow(n)
	for i, p := range parts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}
`,
  },
  // Builders are `strings.Builder` and `bytes.Buffer`.
  requires: ['"strings"', '"bytes"'],
  create(context) {
    const analyse = (builder: Builder): void => {
      const { name, decl } = builder;
      const fmtName = context.imports().get('fmt');
      let firstLoop: { loop: SyntaxNode; write: Use } | null = null;
      for (let s = decl.nextNamedSibling; s; s = s.nextNamedSibling) {
        if (!mentions(s, name)) continue;
        for (const use of usesOf(s, name, fmtName)) {
          if (use.method === 'Grow' || READS.has(use.method)) return;
          const reset = RESETS.has(use.method);
          if (!reset && (firstLoop || !WRITES.has(use.method))) continue;
          const loop = loopWithin(use.call, decl.parent!);
          if (!loop || findDeclaration(use.id, name)?.statement.id !== decl.id) continue; // not in a loop, or shadowed
          if (reset) return;
          firstLoop = { loop, write: use };
        }
      }
      if (!firstLoop) return;
      const base = `\`${name}\` (${builder.type}) is written in a loop without \`Grow\`, so it reallocates and copies its buffer each time it doubles`;
      // A comment only when the final size follows from what the loop ranges over.
      const grow = computedGrow(firstLoop.loop, name);
      if (grow) {
        context.report({ node: builder.node, message: `${base}: the size is known before the loop, ${grow}.` });
        return;
      }
      const sum = summedSource(firstLoop.loop, firstLoop.write);
      const estimate = sum ? `at least the summed lengths of \`${sum}\`` : 'an estimate of the final size, if one is known';
      context.report({
        node: builder.node,
        message: `${base}: call \`${name}.Grow(n)\` before the loop with ${estimate}.`,
        tier: 'advisory',
      });
    };
    return {
      // `strings.Builder` / `bytes.Buffer` as written with the file's import names.
      $find: {
        qualified_type: () => {
          const imports = context.imports();
          const names = [
            imports.has('strings') ? `${imports.get('strings')}\\.Builder` : null,
            imports.has('bytes') ? `${imports.get('bytes')}\\.Buffer` : null,
          ].filter((n): n is string => n !== null);
          return names.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}_.])(?:${names.join('|')})(?![\\p{L}\\p{N}_])`, 'gu') : null;
        },
      },
      qualified_type(type) {
        const text = type.text;
        if (!text.endsWith('.Builder') && !text.endsWith('.Buffer')) return;
        const imports = context.imports();
        if (text !== `${imports.get('strings')}.Builder` && text !== `${imports.get('bytes')}.Buffer`) return;
        const builder = declaredBuilder(type);
        if (builder) analyse(builder);
      },
      // `b := bytes.NewBuffer(nil)` has no type node to visit: find it by text once per file.
      $end() {
        if (!context.source.includes('.NewBuffer')) return;
        const bytes = context.imports().get('bytes');
        if (!bytes || !/^\w+$/.test(bytes)) return;
        const pattern = new RegExp(`\\b${bytes}\\.NewBuffer(?:\\(\\s*nil\\s*\\)|String\\(\\s*""\\s*\\))`, 'g');
        for (const match of context.source.matchAll(pattern)) {
          let call: SyntaxNode | null = context.root.descendantForIndex(match.index);
          while (call && call.type !== 'call_expression' && call.startIndex === match.index) call = call.parent;
          if (call?.type !== 'call_expression' || call.startIndex !== match.index) continue;
          const builder = declaredByCall(call, `${bytes}.Buffer`);
          if (builder) analyse(builder);
        }
      },
    };
  },
});
