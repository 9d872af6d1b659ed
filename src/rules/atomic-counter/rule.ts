import { FUNCTION_TYPES } from '../../core/go/functions.js';
import { lockCallOf, lockCallParts } from '../../core/go/locks.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { chainName, isVariableChain, rootIdentifier, typeOfChain } from '../../core/go/selectors.js';
import { mentions, negatedText, nextStatement, previousStatement, unparen } from '../../core/go/syntax.js';
import { hasTaggedFields, isValueStruct, structsWithField } from '../../core/go/value-structs.js';
import { atomicTypeFor, isUnsignedAtomic, valueTypeOf } from './atomic-types.js';
import { defineRule } from '../define-rule.js';

interface Update {
  target: SyntaxNode;
  /** The typed-atomic call that replaces the statement, given the atomic type. */
  call: (atomicName: string) => string;
  /** Whether the statement stores a constant (the only update a bool allows). */
  store: boolean;
}

function negated(value: SyntaxNode, atomicName: string): string {
  if (isUnsignedAtomic(atomicName)) return `^${valueTypeOf(atomicName)}(${value.text}-1)`;
  return negatedText(value);
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
  const root = rootIdentifier(target);
  // The value must not read the guarded state itself (`c.total += c.pending` reads two fields).
  if (root && mentions(value, root.text)) {
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
  if (!delta || (root && mentions(delta, root.text))) return null;
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

/** A chain with its root left out (`.stats.hits` for `s.stats.hits`): the same field whatever the receiver is called. */
function pathOf(chain: string): string {
  const dot = chain.indexOf('.');
  return dot < 0 ? chain : chain.slice(dot);
}

/**
 * Which lock calls take the same mutex: `x.mu` is `T.mu` when `x`'s type `T` is known (`?.mu`
 * when not, which may be any of them); an embedded mutex is its receiver's type; a variable is
 * its declaration.
 */
function mutexKey(lockCall: SyntaxNode): { type: string; path: string } {
  const operand = lockCall.childForFieldName('function')!.childForFieldName('operand')!;
  const root = rootIdentifier(operand);
  const path = pathOf(operand.text.replace(/\s/g, ''));
  if (!root) return { type: '?', path };
  const decl = findDeclaration(root, root.text);
  if (decl && decl.kind !== 'package' && decl.kind !== 'receiver' && decl.kind !== 'param' && operand.type === 'identifier') {
    return { type: `@${decl.id.startIndex}`, path };
  }
  const type = typeOfChain(root);
  const name = type ? /^\*?\s*([\p{L}_][\p{L}\p{N}_]*)$/u.exec(type.text)?.[1] : undefined;
  if (operand.type === 'identifier' && !name) return decl?.kind === 'package' ? { type: 'package', path } : { type: '?', path: '' };
  return { type: name ?? '?', path: operand.type === 'identifier' ? '' : path };
}

function sameMutex(a: { type: string; path: string }, b: { type: string; path: string }): boolean {
  return a.path === b.path && (a.type === b.type || a.type === '?' || b.type === '?');
}

/**
 * The statements a lock guards: after `defer x.Unlock()`, the rest of the block; otherwise up to
 * the matching `x.Unlock()` (the rest of the block when that is not a sibling).
 */
function criticalSection(lockStmt: SyntaxNode, receiver: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const next = nextStatement(lockStmt);
  const deferred = lockCallOf(next);
  const start = deferred?.deferred && deferred.receiver === receiver ? (next ? nextStatement(next) : null) : next;
  for (let s = start; s; s = nextStatement(s)) {
    const call = lockCallOf(s);
    if (call && !call.deferred && call.receiver === receiver && (call.method === 'Unlock' || call.method === 'RUnlock')) break;
    out.push(s);
  }
  return out;
}

/** `return c.n`, `v := c.n`, `v = c.n`: a plain read of the counter into a local or result. */
function readsOnly(stmt: SyntaxNode, path: string): boolean {
  const same = (n: SyntaxNode | undefined): boolean => !!n && isVariableChain(n) && pathOf(unparen(n).text.replace(/\s/g, '')) === path;
  if (stmt.type === 'return_statement') {
    const values = stmt.namedChildren[0]?.namedChildren ?? [];
    return values.length === 1 && same(values[0]);
  }
  if (stmt.type !== 'short_var_declaration' && stmt.type !== 'assignment_statement') return false;
  const left = stmt.childForFieldName('left')?.namedChildren ?? [];
  const right = stmt.childForFieldName('right')?.namedChildren ?? [];
  return left.length === 1 && left[0]!.type === 'identifier' && right.length === 1 && same(right[0]);
}

/** Whether a statement updates or reads the counter and nothing else. */
function touchesOnly(stmt: SyntaxNode, path: string): boolean {
  const update = updateOf(stmt);
  if (update && isVariableChain(update.target) && pathOf(update.target.text.replace(/\s/g, '')) === path) return true;
  return readsOnly(stmt, path);
}

interface LockSite {
  statement: SyntaxNode;
  receiver: string;
  key: { type: string; path: string };
}

/** Every `x.Lock()` / `x.RLock()` statement of the file. */
function lockStatements(root: SyntaxNode, source: string): LockSite[] {
  const out: LockSite[] = [];
  for (const m of source.matchAll(/\.R?Lock\(\)/g)) {
    const at = m.index + 1;
    let call: SyntaxNode | null = root.descendantForIndex(at, at + 4);
    while (call && call.type !== 'call_expression') call = call.parent;
    const parts = lockCallParts(call);
    const stmt = call?.parent;
    if (!call || !parts || (parts.method !== 'Lock' && parts.method !== 'RLock') || stmt?.type !== 'expression_statement') continue;
    out.push({ statement: stmt, receiver: parts.receiver, key: mutexKey(call) });
  }
  return out;
}

/** Whether the counter's struct is copied, built by literals, or (for an exported field) marshalled. */
function inValueStruct(root: SyntaxNode, field: string): boolean {
  const exported = /^\p{Lu}/u.test(field);
  return structsWithField(root, field).some(({ name, struct }) => (exported && hasTaggedFields(struct)) || isValueStruct(root, name));
}

export default defineRule({
  id: 'atomic-counter',
  title: 'Use an atomic for a counter or flag guarded by a mutex',
  section: 'Atomic Operations (Mandatory)',
  severity: 'warning',
  minGo: '1.19',
  fixable: false,
  subjects: ['mutex', 'lock', 'guard', 'contention'],
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
  notes: `
Reported only when every critical section of that mutex in the file (\`Lock\` or \`RLock\` up to the
matching unlock, or to the end of the block after a deferred one) updates or reads that one counter and
nothing else. A lock that also guards another field, a callback, a \`sync.Cond\` or a read of other state
orders those with the counter: replacing it would add races. Not reported either for a field of a
struct the file copies or builds with literals, or an exported field of a struct with tags (marshalled).
`,
  create(context) {
    let locks: LockSite[] | undefined;
    /** Signal policy amendment: every critical section of the mutex in the file touches this counter alone. */
    const guardsCounterAlone = (lockCall: SyntaxNode, path: string): boolean => {
      locks ??= lockStatements(context.root, context.source);
      const key = mutexKey(lockCall);
      return locks
        .filter((site) => sameMutex(site.key, key))
        .every(({ statement, receiver }) => {
          const section = criticalSection(statement, receiver);
          return section.length > 0 && section.every((s) => touchesOnly(s, path));
        });
    };
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
      if (!guardsCounterAlone(stmt.namedChildren[0]!, pathOf(target.replace(/\s/g, '')))) return;
      if (update.target.type === 'selector_expression' && inValueStruct(context.root, chainName(update.target))) return;
      context.report({
        node: stmt,
        message:
          `\`${lock.receiver}\` guards only \`${target}\` in this file: each update costs a lock round trip (and contention, if it runs often); ` +
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
