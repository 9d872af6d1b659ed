import { FUNCTION_TYPES } from '../../core/go/functions.js';
import { lockCallOf } from '../../core/go/locks.js';
import { rangeClause } from '../../core/go/loops.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { topLevelDeclarations } from '../../core/go/scope.js';
import { isVariableChain, rootIdentifier, typeOfChain } from '../../core/go/selectors.js';
import { blockStatements, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

const HEADER = /func\s*(\([^)]*\)\s*)?([\p{L}_][\p{L}\p{N}_]*)/uy;
const CALLBACK_NAME = /^(ForEach|Each|Range|Walk|Visit)([A-Z0-9_]\w*)?$/;
const LOCK_WARNING =
  'an iterator that yields while holding a lock deadlocks if the loop body calls back into the type: snapshot first, or document it';

function parameterList(fn: SyntaxNode): SyntaxNode[] {
  return fn.childForFieldName('parameters')?.namedChildren.filter((p) => p.type === 'parameter_declaration' || p.type === 'variadic_parameter_declaration') ?? [];
}

/** The element types of a callback `func(K, V)` / `func(V) bool`: one or two, or null. */
function callbackTypes(type: SyntaxNode | null): string[] | null {
  if (type?.type !== 'function_type') return null;
  const result = type.childForFieldName('result');
  // No result, `bool`, or a named `(ok bool)`.
  const named = result?.type === 'parameter_list' ? result.namedChildren : [];
  if (result && result.text !== 'bool' && !(named.length === 1 && named[0]!.childForFieldName('type')?.text === 'bool')) return null;
  const types: string[] = [];
  for (const p of type.childForFieldName('parameters')?.namedChildren ?? []) {
    if (p.type !== 'parameter_declaration') return null;
    const t = p.childForFieldName('type');
    if (!t) return null;
    const n = Math.max(1, p.childrenForFieldName('name').length);
    for (let i = 0; i < n; i++) types.push(t.text);
  }
  return types.length === 1 || types.length === 2 ? types : null;
}

/** Whether a call to `name` sits in a loop of the function (not in a nested function literal). */
function loopCalls(body: SyntaxNode, name: string): boolean {
  for (const loop of body.descendantsOfType('for_statement')) {
    const loopBody = loop.childForFieldName('body');
    if (!loopBody || !loopBody.text.includes(name)) continue;
    for (const call of loopBody.descendantsOfType('call_expression')) {
      if (call.childForFieldName('function')?.text !== name) continue;
      let nested = false;
      for (let n = call.parent; n && n.id !== body.id; n = n.parent) if (FUNCTION_TYPES.has(n.type)) nested = true;
      if (!nested) return true;
    }
  }
  return false;
}

function seqType(types: readonly string[], iterName: string): string {
  return types.length === 2 ? `${iterName}.Seq2[${types[0]}, ${types[1]}]` : `${iterName}.Seq[${types[0]}]`;
}

/** (a) `ForEach(fn func(K, V))` looping over a collection: the advice, or null. */
function callbackMethod(fn: SyntaxNode, name: string, iterName: string): string | null {
  if (!CALLBACK_NAME.test(name) || fn.childForFieldName('result')) return null;
  const body = fn.childForFieldName('body');
  if (!body) return null;
  for (const p of parameterList(fn)) {
    const types = callbackTypes(p.childForFieldName('type'));
    const names = p.childrenForFieldName('name');
    if (!types || names.length !== 1) continue;
    if (!loopCalls(body, names[0]!.text)) continue;
    const seq = seqType(types, iterName);
    return `\`${name}\` takes a callback: return \`${seq}\` (e.g. \`All()\`) so callers range over it with \`break\` and \`return\` (Go 1.23); ${LOCK_WARNING}.`;
  }
  return null;
}

const isLockStatement = (s: SyntaxNode): boolean => lockCallOf(s) !== null;

/** `var out []T`, `out := make([]T, 0, n)`, `out := make([]T, 0)` or `out := []T{}`: the name. */
function freshSlice(stmt: SyntaxNode): string | null {
  if (stmt.type === 'var_declaration') {
    const spec = stmt.namedChildren[0];
    if (stmt.namedChildCount !== 1 || spec?.type !== 'var_spec' || spec.childForFieldName('value')) return null;
    const names = spec.childrenForFieldName('name');
    return names.length === 1 && spec.childForFieldName('type')?.type === 'slice_type' ? names[0]!.text : null;
  }
  if (stmt.type !== 'short_var_declaration') return null;
  const left = stmt.childForFieldName('left')?.namedChildren ?? [];
  const right = stmt.childForFieldName('right')?.namedChildren ?? [];
  if (left.length !== 1 || right.length !== 1) return null;
  const v = right[0]!;
  if (v.type === 'composite_literal') {
    const body = v.childForFieldName('body');
    return v.childForFieldName('type')?.type === 'slice_type' && body?.namedChildCount === 0 ? left[0]!.text : null;
  }
  if (v.type !== 'call_expression' || v.childForFieldName('function')?.text !== 'make') return null;
  const args = v.childForFieldName('arguments')?.namedChildren ?? [];
  return args[0]?.type === 'slice_type' && args[1]?.text === '0' ? left[0]!.text : null;
}

/** `for k, v := range recv.field { out = append(out, v) }`: the ranged field, or null. */
function copyLoop(loop: SyntaxNode, out: string, recv: string): SyntaxNode | null {
  if (loop.type !== 'for_statement') return null;
  const clause = rangeClause(loop);
  const right = clause?.childForFieldName('right');
  if (!clause || !right) return null;
  const ranged = unparen(right);
  if (ranged.type !== 'selector_expression' || !isVariableChain(ranged) || rootIdentifier(ranged)?.text !== recv) return null;
  const vars = (clause.childForFieldName('left')?.namedChildren ?? []).map((v) => v.text);
  const stmts = blockStatements(loop.childForFieldName('body'));
  if (stmts.length !== 1 || stmts[0]!.type !== 'assignment_statement') return null;
  const assign = stmts[0]!;
  const left = assign.childForFieldName('left')?.namedChildren ?? [];
  const values = assign.childForFieldName('right')?.namedChildren ?? [];
  if (left.length !== 1 || left[0]!.text !== out || values.length !== 1) return null;
  const call = values[0]!;
  if (call.type !== 'call_expression' || call.childForFieldName('function')?.text !== 'append') return null;
  if (call.childForFieldName('arguments')?.text.trimEnd().endsWith('...)')) return null;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (args.length !== 2 || args[0]!.text !== out || !vars.includes(args[1]!.text) || args[1]!.text === '_') return null;
  return ranged;
}

/** (b) an exported method that copies a whole map or slice field into a new slice and returns it. */
function copyingMethod(fn: SyntaxNode, name: string, iterName: string): string | null {
  if (fn.type !== 'method_declaration') return null;
  const result = fn.childForFieldName('result');
  if (result?.type !== 'slice_type' && !(result?.type === 'parameter_list' && result.namedChildCount === 1 && result.namedChildren[0]!.childForFieldName('type')?.type === 'slice_type' && result.namedChildren[0]!.childrenForFieldName('name').length === 0)) return null;
  const recv = fn.childForFieldName('receiver')?.namedChildren[0]?.childrenForFieldName('name')[0]?.text;
  if (!recv) return null;
  const all = blockStatements(fn.childForFieldName('body'));
  // A copy taken under a lock and returned is the safe snapshot: an iterator would hold the lock
  // across the caller's loop body (signal policy amendment).
  if (all.some(isLockStatement)) return null;
  const stmts = all;
  if (stmts.length !== 3) return null;
  const out = freshSlice(stmts[0]!);
  if (!out) return null;
  const field = copyLoop(stmts[1]!, out, recv);
  if (!field) return null;
  const ret = stmts[2]!;
  if (ret.type !== 'return_statement' || ret.namedChildren[0]?.text !== out) return null;
  const type = typeOfChain(field);
  if (type?.kind !== 'map' && type?.kind !== 'slice') return null;
  const elem = (result.type === 'slice_type' ? result : result.namedChildren[0]!.childForFieldName('type')!).childForFieldName('element')?.text ?? 'T';
  return (
    `\`${name}\` copies every element of \`${field.text}\` into a new slice on each call (O(n) allocation) just to be iterated: ` +
    `offer \`${seqType([elem], iterName)}\` for range-over-func (Go 1.23); ${LOCK_WARNING}.`
  );
}

const MOCK_TYPE = /^(mock|fake|stub|spy)|(Mock|Fake|Stub|Spy)/;

/**
 * Whether an interface of the file declares a method of this name, or the receiver is a mock or
 * fake: the signature is fixed by what it implements (signal policy amendment).
 */
function signatureFixed(fn: SyntaxNode, name: string): boolean {
  if (fn.type !== 'method_declaration') return false;
  const recvType = fn.childForFieldName('receiver')?.namedChildren[0]?.childForFieldName('type')?.text.replace(/^\*/, '') ?? '';
  if (MOCK_TYPE.test(recvType)) return true;
  for (const decl of topLevelDeclarations(fn)) {
    if (decl.type !== 'type_declaration' || !decl.text.includes('interface')) continue;
    for (const iface of decl.descendantsOfType('interface_type')) {
      for (const m of iface.namedChildren) {
        if ((m.type === 'method_elem' || m.type === 'method_spec') && m.childForFieldName('name')?.text === name) return true;
      }
    }
  }
  return false;
}

/** Whether the file already gives the receiver's type an iterator method (`… iter.Seq…`). */
function hasIteratorAlready(fn: SyntaxNode, iterName: string): boolean {
  if (fn.type !== 'method_declaration') return false;
  const recvType = fn.childForFieldName('receiver')?.namedChildren[0]?.childForFieldName('type')?.text.replace(/^\*/, '').replace(/\[.*$/, '');
  if (!recvType) return false;
  return topLevelDeclarations(fn).some((m) => {
    if (m.type !== 'method_declaration') return false;
    const t = m.childForFieldName('receiver')?.namedChildren[0]?.childForFieldName('type')?.text.replace(/^\*/, '').replace(/\[.*$/, '');
    return t === recvType && (m.childForFieldName('result')?.text.startsWith(`${iterName}.Seq`) ?? false);
  });
}

export default defineRule({
  id: 'prefer-iterator',
  title: 'Offer an iterator instead of a callback or a full copy',
  section: 'Go 1.24 Iterators with Yield',
  severity: 'notice',
  minGo: '1.23',
  fixable: false,
  tier: 'advisory',
  subjects: ['iterator', 'callback', 'snapshot', 'copy', 'range-over-func'],
  description:
    'Since Go 1.23 a collection can offer `All() iter.Seq[V]` or `iter.Seq2[K, V]` and callers write ' +
    '`for k, v := range c.All()` with ordinary `break`, `continue` and `return`. An exported `ForEach`/`Range`/' +
    '`Each`/`Walk`/`Visit` that takes a callback and loops over a collection calling it, or an exported method ' +
    'that copies every element of a map or slice field into a new slice just so callers can iterate (an O(n) ' +
    'allocation per call), should offer an iterator instead. Beware: an iterator that yields while holding a ' +
    'lock deadlocks if the loop body calls back into the type; yield from a snapshot, or document it.',
  examples: {
    incorrect: `
type Registry struct {
	services map[string]*Service
}

func (r *Registry) ForEach(fn func(name string, s *Service)) {
	for name, s := range r.services {
		fn(name, s)
	}
}
`,
    correct: `
import "iter"

type Registry struct {
	services map[string]*Service
}

func (r *Registry) All() iter.Seq2[string, *Service] {
	return func(yield func(string, *Service) bool) {
		for name, s := range r.services {
			if !yield(name, s) {
				return
			}
		}
	}
}
`,
  },
  notes: `
Advisory only (signal policy amendment). Never reported for a method whose signature an interface
in the file fixes (a \`Range(func(uint64) bool)\` that implements one), for methods of mocks and fakes,
nor for a copy taken under a lock and returned: that snapshot is the safe pattern, and an iterator
would hold the lock while the caller's loop body runs.
`,
  create(context) {
    const check = (fn: SyntaxNode): void => {
      // Cheap rejection on the source: the name, and whether this is a method.
      HEADER.lastIndex = fn.startIndex;
      const m = HEADER.exec(context.source);
      if (!m) return;
      const name = m[2]!;
      if (!/^[A-Z]/.test(name)) return; // unexported helpers are not API
      if (!CALLBACK_NAME.test(name) && !m[1]) return;
      const iterName = context.imports().get('iter') ?? 'iter';
      const message = callbackMethod(fn, name, iterName) ?? copyingMethod(fn, name, iterName);
      if (!message || hasIteratorAlready(fn, iterName) || signatureFixed(fn, name)) return;
      const nameNode = fn.childForFieldName('name');
      // Advisory (signal policy amendment): a callback or a copy is often what callers need.
      if (nameNode) context.report({ node: nameNode, message, anchor: nameNode, tier: 'advisory' });
    };
    return { function_declaration: check, method_declaration: check };
  },
});
