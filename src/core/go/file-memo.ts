/**
 * Values computed once per analysed file and shared by the helpers and rules that need them
 * (the declarations index, channel facts…). They hold nodes of the file's tree, so the engine
 * drops them when the file's analysis ends: left to a WeakMap, the tree's native memory, which
 * V8 does not see, would wait for a full collection (the pipeline's peak memory nearly doubled).
 */
import type { SyntaxNode } from './parser.js';

const memos = new WeakMap<object, Map<string, unknown>>();

/** The value stored under `key` for the file `node` belongs to, computed on first use. */
export function fileMemo<T>(node: SyntaxNode, key: string, compute: () => T): T {
  let perFile = memos.get(node.tree);
  if (!perFile) memos.set(node.tree, (perFile = new Map()));
  if (perFile.has(key)) return perFile.get(key) as T;
  const value = compute();
  perFile.set(key, value);
  return value;
}

/** Forgets every value stored for the file (called by the engine when its analysis ends). */
export function releaseFileMemos(node: SyntaxNode): void {
  memos.delete(node.tree);
}
