import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { FUNCTION_TYPES, mentions, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';
import { lockCallOf, nextStatement, previousStatement } from './locks.js';
import { atomicTypeFor, chainName, chainRoot, isUnsignedAtomic, isVariableChain, typeOfChain, valueTypeOf } from './types.js';

interface Update {
  target: SyntaxNode;
  /** The typed-atomic call that replaces the statement, given the atomic type. */
  call: (atomicName: string) => string;
  /** Whether the statement stores a constant (the only update a bool allows). */
  store: boolean;
}

const SIMPLE = new Set(['identifier', 'int_literal', 'selector_expression', 'call_expression', 'parenthesized_expression']);

function negated(value: SyntaxNode, atomicName: string): string {
  if (isUnsignedAtomic(atomicName)) return `^${valueTypeOf(atomicName)}(${value.text}-1)`;
  return SIMPLE.has(value.type) ? `-${value.text}` : `-(${value.text})`;
}

/** Whether a value is a constant: a literal, `true`/`false`, `-1`, or a constant declared in the file. */
function isConstant(value: SyntaxNode): boolean {
  const v = unparen(value);
  if (v.type === 'int_literal' || v.type === 'true' || v.type === 'false') return true;
  if (v.type === 'unary_expression' && v.text.startsWith('-')) return v.childForFieldName('operand')?.type === 'int_literal';
  if (v.type !== 'identifier') return false;
  const decl = findDeclaration(v, v.text);
  return decl?.statement.type === 'const_declaration';
}

/** `x++`, `x--`, `x += e`, `x -= e`, `x = x ± e`, `x = constant`: the update of one variable. */
function updateOf(stmt: SyntaxNode): Update | null {
  if (stmt.type === 'inc_statement' || stmt.type === 'dec_statement') {
    const target = stmt.namedChildren[0];
    if (!target) return null;
    const inc = stmt.type === 'inc_statement';
    return {
      target,
      store: false,
      call: (a) => `${target.text}.Add(${inc ? '1' : isUnsignedAtomic(a) ? `^${valueTypeOf(a)}(0)` : '-1'})`,
    };
  }
  if (stmt.type !== 'assignment_statement') return null;
  const left = stmt.childForFieldName('left')?.namedChildren ?? [];
  const right = stmt.childForFieldName('right')?.namedChildren ?? [];
  if (left.length !== 1 || right.length !== 1) return null;
  const target = left[0]!;
  const value = right[0]!;
  const op = stmt.childForFieldName('operator')?.text;
  const root = chainRoot(target);
  // The value must not read the guarded state itself (`c.total += c.pending` reads two fields).
  if (root.type === 'identifier' && mentions(value, root.text)) {
    if (op !== '=' || unparen(value).type !== 'binary_expression') return null;
  }
  if (op === '+=') return { target, store: false, call: () => `${target.text}.Add(${value.text})` };
  if (op === '-=') return { target, store: false, call: (a) => `${target.text}.Add(${negated(value, a)})` };
  if (op !== '=') return null;
  if (isConstant(value)) return { target, store: true, call: () => `${target.text}.Store(${unparen(value).text})` };
  // x = x + e, x = x - e, x = e + x
  const bin = unparen(value);
  if (bin.type !== 'binary_expression') return null;
  const binOp = bin.childForFieldName('operator')?.text;
  const l = bin.childForFieldName('left');
  const r = bin.childForFieldName('right');
  if (!l || !r) return null;
  const same = (n: SyntaxNode): boolean => unparen(n).text.replace(/\s/g, '') === target.text.replace(/\s/g, '');
  let delta: SyntaxNode | null = null;
  if (binOp === '+' && same(l)) delta = r;
  else if (binOp === '+' && same(r)) delta = l;
  else if (binOp === '-' && same(l)) delta = r;
  if (!delta || (root.type === 'identifier' && mentions(delta, root.text))) return null;
  const d = delta;
  return binOp === '-'
    ? { target, store: false, call: (a) => `${target.text}.Add(${negated(d, a)})` }
    : { target, store: false, call: () => `${target.text}.Add(${d.text})` };
}

/** Whether a statement list is the body of a function (declaration, method or literal). */
function isFunctionBody(list: SyntaxNode): boolean {
  const block = list.parent;
  return block?.type === 'block' && block.parent !== null && FUNCTION_TYPES.has(block.parent.type);
}

/**
 * The one statement a lock guards: `mu.Lock(); S; mu.Unlock()`, or
 * `mu.Lock(); defer mu.Unlock(); S` closing the function body.
 */
function guardedStatement(lockStmt: SyntaxNode, receiver: string): SyntaxNode | null {
  const next = nextStatement(lockStmt);
  if (!next) return null;
  const deferred = lockCallOf(next);
  if (deferred?.deferred && deferred.method === 'Unlock' && deferred.receiver === receiver) {
    const stmt = nextStatement(next);
    if (!stmt || nextStatement(stmt) || !isFunctionBody(lockStmt.parent!)) return null;
    return stmt;
  }
  const unlock = lockCallOf(nextStatement(next));
  if (!unlock || unlock.deferred || unlock.method !== 'Unlock' || unlock.receiver !== receiver) return null;
  return next;
}

/**
 * Whether the mutex backs a `sync.Cond` in this file: the condition it guards must change
 * under the lock, or a waiter can miss the wake-up.
 */
function backsCondition(source: string, receiver: string): boolean {
  if (!source.includes('Cond')) return false;
  const last = receiver.slice(receiver.lastIndexOf('.') + 1);
  const re = new RegExp(`(NewCond\\(|\\bL:|\\.L =)\\s*&?[\\w.]*\\b${last}\\s*[),}\\n]`);
  return re.test(source);
}

export default defineRule({
  id: 'atomic-counter',
  title: 'Use an atomic for a counter or flag guarded by a mutex',
  section: 'Atomic Operations (Mandatory)',
  severity: 'warning',
  minGo: '1.19',
  fixable: false,
  description:
    'A mutex taken for a single increment, addition or constant store to one integer or bool costs a lock ' +
    'and an unlock per update, and under load every caller queues on the same lock. A typed atomic ' +
    '(`atomic.Int64`, `atomic.Uint64`, `atomic.Bool`, Go 1.19) does the same update in one instruction and ' +
    'cannot be read or written non-atomically by mistake. Critical sections that update several fields ' +
    'together, or do anything else, keep their mutex.',
  examples: {
    incorrect: `
import "sync"

type Stats struct {
	mu       sync.Mutex
	requests int64
}

func (s *Stats) Hit() {
	s.mu.Lock()
	s.requests++
	s.mu.Unlock()
}
`,
    correct: `
import "sync/atomic"

type Stats struct {
	requests atomic.Int64
}

func (s *Stats) Hit() {
	s.requests.Add(1)
}
`,
  },
  create(context) {
    const lockStatement = (stmt: SyntaxNode): void => {
      if (!context.source.startsWith('Lock()', stmt.endIndex - 6)) return;
      const lock = lockCallOf(stmt);
      if (!lock || lock.method !== 'Lock' || stmt.parent?.type !== 'statement_list') return;
      // A second lock right before (`a.Lock(); b.Lock()`) guards more than one thing.
      if (lockCallOf(previousStatement(stmt))?.method === 'Lock') return;
      const guarded = guardedStatement(stmt, lock.receiver);
      if (!guarded || backsCondition(context.source, lock.receiver)) return;
      const update = updateOf(guarded);
      if (!update || !isVariableChain(update.target)) return;
      const type = typeOfChain(update.target);
      if (!type) return;
      const atomicName = atomicTypeFor(type);
      if (!atomicName || (atomicName === 'Bool' && !update.store)) return;
      const target = update.target.text;
      context.report({
        node: stmt,
        message:
          `\`${lock.receiver}\` is locked only to update \`${target}\`: a lock round trip per update, and callers queue on it under load; ` +
          `make \`${chainName(update.target)}\` an \`atomic.${atomicName}\` and write \`${update.call(atomicName)}\`.`,
        anchor: guarded,
      });
    };
    return {
      // Only `x.Lock()` calls matter: the engine finds them by name instead of visiting every
      // expression statement.
      $calls: ['Lock'],
      call_expression(call) {
        if (call.parent?.type === 'expression_statement') lockStatement(call.parent);
      },
    };
  },
});
