/** Mutex calls as statements: `x.Lock()`, `defer x.Unlock()`, and the like. */
import type { SyntaxNode } from './parser.js';
import { selectorParts } from './selectors.js';

export type LockMethod = 'Lock' | 'RLock' | 'Unlock' | 'RUnlock';

export interface LockCall {
  /** The mutex expression, whitespace removed (`s.mu`, `c`). */
  receiver: string;
  method: LockMethod;
  /** Whether the call is deferred (`defer x.Unlock()`). */
  deferred: boolean;
  statement: SyntaxNode;
}

const METHODS = new Set<string>(['Lock', 'RLock', 'Unlock', 'RUnlock']);

/** The unlock that releases a lock taken with `method`. */
export function unlockFor(method: LockMethod): LockMethod {
  return method === 'RLock' ? 'RUnlock' : 'Unlock';
}

/** `x.Lock()` (any of the four methods, no arguments) as a call expression, or null. */
export function lockCallParts(call: SyntaxNode | null): { receiver: string; method: LockMethod } | null {
  if (call?.type !== 'call_expression') return null;
  const sel = selectorParts(call.childForFieldName('function'));
  if (!sel || !METHODS.has(sel.field)) return null;
  if ((call.childForFieldName('arguments')?.namedChildCount ?? 1) !== 0) return null;
  return { receiver: sel.operand.text.replace(/\s/g, ''), method: sel.field as LockMethod };
}

/** A statement that is a mutex call: `x.Lock()` or `defer x.Unlock()`. */
export function lockCallOf(statement: SyntaxNode | null): LockCall | null {
  if (!statement) return null;
  const deferred = statement.type === 'defer_statement';
  if (!deferred && statement.type !== 'expression_statement') return null;
  const parts = lockCallParts(statement.namedChildren[0] ?? null);
  return parts ? { ...parts, deferred, statement } : null;
}
