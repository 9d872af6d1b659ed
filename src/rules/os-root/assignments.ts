/**
 * The assignment statements of a function body, read once per body and file: the rule asks
 * "is `name` assigned in this function before here?" for every name a joined path mentions,
 * often many times per function (each component, each declaration followed back), and walking
 * the body's assignments each time cost more than the rest of the rule.
 */
import { fileMemo } from '../../core/go/file-memo.js';
import type { SyntaxNode } from '../../core/go/parser.js';

export interface Assignment {
  statement: SyntaxNode;
  start: number;
  /**
   * The text of each named child of the left-hand side that is an identifier, null for the
   * other named children (so indexes line up with the right-hand side's named children).
   */
  left: readonly (string | null)[];
}

/** The assignment statements under `body` (a function body, nested function literals included, or the file root), in document order. */
export function assignmentsIn(body: SyntaxNode): readonly Assignment[] {
  const byBody = fileMemo(body, 'os-root:assignments', () => new Map<number, Assignment[]>());
  const start = body.startIndex;
  let found = byBody.get(start);
  if (!found) {
    found = body.descendantsOfType('assignment_statement').map((statement) => ({
      statement,
      start: statement.startIndex,
      left: (statement.childForFieldName('left')?.namedChildren ?? []).map((l) => (l.type === 'identifier' ? l.text : null)),
    }));
    byBody.set(start, found);
  }
  return found;
}
