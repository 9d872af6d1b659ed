/** Loop shapes that several rules recognise. */
import type { SyntaxNode } from './parser.js';

/** The `for_clause` or `range_clause` of a for statement, if it has one. */
export function loopHeader(loop: SyntaxNode): SyntaxNode | null {
  return loop.namedChildren.find((c) => c.type === 'for_clause' || c.type === 'range_clause') ?? null;
}

/**
 * `for v := 0; v < bound; v++` (or `v += 1`): the counter's name and the bound expression;
 * null for any other clause.
 */
export function countedLoop(clause: SyntaxNode): { variable: string; bound: SyntaxNode } | null {
  if (clause.type !== 'for_clause') return null;
  const init = clause.childForFieldName('initializer');
  const cond = clause.childForFieldName('condition');
  const update = clause.childForFieldName('update');
  if (init?.type !== 'short_var_declaration' || cond?.type !== 'binary_expression' || !update) return null;
  const left = init.childForFieldName('left')?.namedChildren ?? [];
  const right = init.childForFieldName('right')?.namedChildren ?? [];
  if (left.length !== 1 || right.length !== 1 || right[0]!.text !== '0') return null;
  const variable = left[0]!.text;
  if (cond.childForFieldName('left')?.text !== variable || cond.childForFieldName('operator')?.text !== '<') return null;
  const step = update.text.replace(/\s/g, '');
  if (step !== `${variable}++` && step !== `${variable}+=1`) return null;
  const bound = cond.childForFieldName('right');
  return bound ? { variable, bound } : null;
}
