/**
 * A cheap first look at a call: reads `pkg.Name(` straight from the source at the call's start,
 * so a rule visiting every call crosses into the native binding once (`startIndex`) for the
 * calls it does not want. The caller confirms a match on the tree.
 */
import type { SyntaxNode } from '../../core/go/parser.js';

const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;

/** `Name` when the source at the call reads `pkg.Name(`, else null. */
export function qualifiedCallee(source: string, call: SyntaxNode, pkg: string): string | null {
  const start = call.startIndex;
  if (!source.startsWith(pkg, start) || source.charCodeAt(start + pkg.length) !== 46 /* . */) return null;
  NAME.lastIndex = start + pkg.length + 1;
  const m = NAME.exec(source);
  if (!m) return null;
  let i = NAME.lastIndex;
  while (source[i] === ' ' || source[i] === '\t') i++;
  return source[i] === '(' ? m[0] : null;
}
