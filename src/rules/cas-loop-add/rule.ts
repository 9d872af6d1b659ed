import { FUNCTION_TYPES } from '../../core/go/functions.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { selectorParts, typeOfChain } from '../../core/go/selectors.js';
import { aloneOnLines, blockStatements, callArguments, compactText, indentationOf, mentions, negatedText, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

/** How the atomic is accessed: `x.Load()` (typed) or `atomic.LoadInt64(&x)` (function form). */
interface Access {
  /** `x` for the typed form, `&x` for the function form. */
  target: string;
  /** `Int64`… for the function form; null for the typed form. */
  kind: string | null;
}

/** `x.Load()` or `atomic.LoadInt64(&x)`. */
function loadOf(call: SyntaxNode, atomicName: string | undefined): Access | null {
  if (call.type !== 'call_expression') return null;
  const sel = selectorParts(call.childForFieldName('function'));
  if (!sel) return null;
  const args = callArguments(call);
  if (sel.field === 'Load' && args.length === 0) return { target: compactText(sel.operand), kind: null };
  const m = /^Load(Int32|Int64|Uint32|Uint64|Uintptr)$/.exec(sel.field);
  if (!m || !atomicName || sel.operand.text !== atomicName || args.length !== 1 || !args[0]!.text.startsWith('&')) return null;
  return { target: compactText(args[0]!), kind: m[1]! };
}

/** The `old` and `new` arguments of `x.CompareAndSwap(old, new)` on the same atomic as the load. */
function casOf(call: SyntaxNode, access: Access, atomicName: string | undefined): [SyntaxNode, SyntaxNode] | null {
  if (call.type !== 'call_expression') return null;
  const sel = selectorParts(call.childForFieldName('function'));
  if (!sel) return null;
  const args = callArguments(call);
  if (access.kind === null) {
    if (sel.field !== 'CompareAndSwap' || compactText(sel.operand) !== access.target || args.length !== 2) return null;
    return [args[0]!, args[1]!];
  }
  if (sel.field !== `CompareAndSwap${access.kind}` || sel.operand.text !== atomicName) return null;
  if (args.length !== 3 || compactText(args[0]!) !== access.target) return null;
  return [args[1]!, args[2]!];
}

/** `old + d`, `d + old` or `old - d`: the delta and its sign. */
function deltaOf(value: SyntaxNode, old: string): { delta: SyntaxNode; minus: boolean } | null {
  const v = unparen(value);
  if (v.type !== 'binary_expression') return null;
  const op = v.childForFieldName('operator')?.text;
  const l = v.childForFieldName('left');
  const r = v.childForFieldName('right');
  if (!l || !r) return null;
  if ((op === '+' || op === '-') && unparen(l).text === old && !mentions(r, old)) return { delta: r, minus: op === '-' };
  if (op === '+' && unparen(r).text === old && !mentions(l, old)) return { delta: l, minus: false };
  return null;
}

/** `name := value` with one name, or `name = value` (then `declared` is false). */
function singleAssignment(stmt: SyntaxNode): { name: string; value: SyntaxNode; declared: boolean } | null {
  if (stmt.type !== 'short_var_declaration' && stmt.type !== 'assignment_statement') return null;
  if (stmt.type === 'assignment_statement' && stmt.childForFieldName('operator')?.text !== '=') return null;
  const left = stmt.childForFieldName('left')?.namedChildren ?? [];
  const right = stmt.childForFieldName('right')?.namedChildren ?? [];
  if (left.length !== 1 || right.length !== 1 || left[0]!.type !== 'identifier') return null;
  return { name: left[0]!.text, value: right[0]!, declared: stmt.type === 'short_var_declaration' };
}

const EXITS = new Set(['return_statement', 'break_statement', 'continue_statement', 'goto_statement', 'fallthrough_statement']);

/** Whether a statement may leave the loop or the function (or panic). */
function mayExit(stmt: SyntaxNode): boolean {
  if (EXITS.has(stmt.type)) return true;
  if (/\b(return|break|continue|goto|panic)\b/.test(stmt.text)) return true;
  return false;
}

interface CasLoop {
  access: Access;
  /** The receiver written in the typed form, for resolving its type. */
  receiver: SyntaxNode | null;
  delta: SyntaxNode;
  minus: boolean;
  exit: SyntaxNode;
  /** Whether the loop holds only the load, the new value, and the CAS. */
  bare: boolean;
  /** Loop-local names (`old`, `new`) that the exit may mention. */
  locals: string[];
}

function matchLoop(loop: SyntaxNode, atomicName: string | undefined): CasLoop | null {
  const body = loop.childForFieldName('body');
  if (!body || loop.namedChildren.some((c) => c.type !== 'block' && c.type !== 'comment')) return null;
  const stmts = blockStatements(body);
  if (stmts.length < 2 || !stmts[0]!.text.includes('Load')) return null;
  const load = singleAssignment(stmts[0]!);
  const access = load && loadOf(unparen(load.value), atomicName);
  if (!load || !access) return null;
  const old = load.name;
  const locals = [old];
  let i = 1;
  let computed: { delta: SyntaxNode; minus: boolean; name: string } | null = null;
  const next = singleAssignment(stmts[1]!);
  if (next?.declared) {
    const d = deltaOf(next.value, old);
    if (d) {
      computed = { ...d, name: next.name };
      locals.push(next.name);
      i = 2;
    }
  }
  const ifIndex = stmts.findIndex((s, k) => k >= i && s.type === 'if_statement');
  if (ifIndex < 0) return null;
  const ifStmt = stmts[ifIndex]!;
  if (ifStmt.childForFieldName('initializer') || ifStmt.childForFieldName('alternative')) return null;
  const cond = ifStmt.childForFieldName('condition');
  const pair = cond && casOf(unparen(cond), access, atomicName);
  if (!pair || unparen(pair[0]).text !== old) return null;
  let delta: { delta: SyntaxNode; minus: boolean } | null;
  if (computed && unparen(pair[1]).text === computed.name) delta = computed;
  else delta = deltaOf(pair[1], old);
  if (!delta) return null;
  // The delta must be the same on every try: nothing computed in the loop.
  if (locals.some((n) => mentions(delta!.delta, n))) return null;
  const inner = blockStatements(ifStmt.childForFieldName('consequence'));
  if (inner.length !== 1) return null;
  const exit = inner[0]!;
  if (exit.type === 'break_statement' ? exit.namedChildCount > 0 : exit.type !== 'return_statement') return null;
  // Anything else in the loop must not leave it, nor use the values read.
  const others = stmts.filter((s, k) => k >= i && k !== ifIndex);
  for (const s of others) {
    if (mayExit(s) || locals.some((n) => mentions(s, n))) return null;
    if (s.type === 'short_var_declaration' || s.type === 'var_declaration') return null;
  }
  const receiver = access.kind === null ? selectorParts(unparen(load.value).childForFieldName('function'))!.operand : null;
  return {
    access,
    receiver,
    delta: delta.delta,
    minus: delta.minus,
    exit,
    bare: others.length === 0 && load.declared,
    locals,
  };
}

/** The atomic type of a typed receiver (`Int64`…), `unknown`, or null when it is not an integer atomic. */
function typedKind(receiver: SyntaxNode, atomicName: string | undefined): string | 'unknown' | null {
  const type = typeOfChain(receiver);
  if (!type) return 'unknown';
  const text = type.text.replace(/\s/g, '').replace(/^\*/, '');
  const m = /^(\w+)\.(Int32|Int64|Uint32|Uint64|Uintptr)$/.exec(text);
  return m && m[1] === atomicName ? m[2]! : null;
}

/** Whether the statement is the last of its function's body. */
function lastInFunction(stmt: SyntaxNode): boolean {
  const list = stmt.parent;
  const fn = list?.parent?.parent;
  if (list?.type !== 'statement_list' || !fn || !FUNCTION_TYPES.has(fn.type)) return false;
  let next = stmt.nextNamedSibling;
  while (next?.type === 'comment') next = next.nextNamedSibling;
  return next === null;
}

export default defineRule({
  id: 'cas-loop-add',
  title: 'Replace a compare-and-swap loop that adds with `Add`',
  section: 'Atomic Operations (Mandatory)',
  severity: 'notice',
  minGo: '1.19',
  fixable: true,
  subjects: ['compare-and-swap', 'compareandswap', 'cas loop', 'retry loop'],
  description:
    'A loop that loads an atomic integer, computes `old + d` and retries `CompareAndSwap` until it succeeds does ' +
    'what `Add(d)` does in one atomic instruction, but retries (and burns CPU) under contention, and is longer to ' +
    'read. Use `x.Add(d)` (typed atomics) or `atomic.AddInt64(&x, d)`; both return the new value. CAS loops that ' +
    'check a bound or compute anything else from the old value stay as they are.',
  examples: {
    incorrect: `
import "sync/atomic"

var counter atomic.Int64

func add(delta int64) {
	for {
		old := counter.Load()
		next := old + delta
		if counter.CompareAndSwap(old, next) {
			break
		}
	}
}
`,
    correct: `
import "sync/atomic"

var counter atomic.Int64

func add(delta int64) {
	counter.Add(delta)
}
`,
  },
  notes:
    'The compare-and-swap example in the standard\'s section "Atomic Operations (Mandatory)" is exactly such a loop: it is a correct CAS skeleton, but ' +
    'when the new value is only `old + delta`, write `counter.Add(delta)`. Keep a CAS loop for updates `Add` cannot ' +
    'express (a capped counter, a maximum, a flag combined with a count).',
  create(context) {
    const relevant = /CompareAndSwap(Int32|Int64|Uint32|Uint64|Uintptr)?\(/.test(context.source);
    return {
      for_statement(loop) {
        if (!relevant || loop.namedChildCount > 2) return;
        const atomicName = context.imports().get('sync/atomic');
        const cas = matchLoop(loop, atomicName);
        if (!cas) return;
        let kind: string | null = cas.access.kind;
        let fixable = cas.bare;
        if (cas.receiver) {
          const typed = typedKind(cas.receiver, atomicName);
          if (typed === null) return;
          if (typed === 'unknown') fixable = false;
          else kind = typed;
        }
        const unsigned = kind?.startsWith('Uint') ?? false;
        const d = cas.delta.text;
        let amount = d;
        if (cas.minus) {
          if (unsigned) {
            amount = `^${kind!.toLowerCase()}(${d}-1)`;
            fixable = false;
          } else {
            amount = negatedText(cas.delta);
            if (kind === null) fixable = false;
          }
        }
        const add =
          cas.access.kind === null ? `${cas.access.target}.Add(${amount})` : `${atomicName}.Add${cas.access.kind}(${cas.access.target}, ${amount})`;
        const replacement = fixable ? replacementFor(cas, add, loop, context.source) : null;
        context.report({
          node: loop,
          message: `This CAS loop only ${cas.minus ? 'subtracts' : 'adds'} \`${d}\`: it retries under contention where \`${add}\` is one atomic instruction; replace the loop with it.`,
          fix: replacement === null ? undefined : [{ start: loop.startIndex, end: loop.endIndex, text: replacement }],
          anchor: loop,
        });
      },
    };
  },
});

/** The statement(s) replacing the loop, or null when the exit cannot be kept exactly. */
function replacementFor(cas: CasLoop, add: string, loop: SyntaxNode, source: string): string | null {
  if (loop.parent?.type !== 'statement_list' || !aloneOnLines(source, loop)) return null;
  if (cas.exit.type === 'break_statement') return add;
  const values = cas.exit.namedChildren[0];
  if (!values) return lastInFunction(loop) ? add : `${add}\n${indentationOf(source, loop)}return`;
  const list = values.type === 'expression_list' ? values.namedChildren : [values];
  const newName = cas.locals[1];
  if (list.length === 1 && (unparen(list[0]!).text === newName || deltaOf(list[0]!, cas.locals[0]!)?.delta.text === cas.delta.text)) {
    const d = deltaOf(list[0]!, cas.locals[0]!);
    if (unparen(list[0]!).text === newName || (d && d.minus === cas.minus)) return `return ${add}`;
  }
  if (cas.locals.some((n) => mentions(values, n))) return null;
  return `${add}\n${indentationOf(source, loop)}return ${values.text}`;
}
