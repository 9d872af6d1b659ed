/**
 * Loops: a for statement's clause and header (counted or range), the enclosing loop, bare
 * `for {}` and channel loops, and how many times a loop runs as a capacity expression.
 */
import { ancestors } from './ancestry.js';
import { FUNCTION_TYPES } from './functions.js';
import { namesImport } from './imports.js';
import type { SyntaxNode } from './parser.js';
import { findDeclaration, typeOfExpression } from './scope.js';
import { lastName, selectorParts } from './selectors.js';
import { callArguments, expressionListItems, mentions, unparen } from './syntax.js';

/** The `for_clause` or `range_clause` of a for statement, if it has one. */
export function loopClause(loop: SyntaxNode): SyntaxNode | null {
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

const LOOP_TYPES = new Set(['for_statement']);

/**
 * The nearest loop around the node inside its own function (a loop outside an enclosing
 * function literal does not count: the literal may run once).
 */
export function enclosingLoop(node: SyntaxNode): SyntaxNode | null {
  for (const n of ancestors(node)) {
    if (LOOP_TYPES.has(n.type)) return n;
    if (FUNCTION_TYPES.has(n.type)) return null;
  }
  return null;
}

export interface LoopHeader {
  kind: 'range' | 'counted';
  clause: SyntaxNode;
  /** The index variable (`i` of `for i := …` or `for i, v := range`), unless blank or absent. */
  index: SyntaxNode | null;
  /** The value variable of a range loop, unless blank or absent. */
  value: SyntaxNode | null;
  /** What a range loop ranges over. */
  collection: SyntaxNode | null;
  /** Counted loops: the initial value, the comparison and the bound (`i < bound`). */
  init: SyntaxNode | null;
  operator: string;
  bound: SyntaxNode | null;
}

function named(id: SyntaxNode | undefined): SyntaxNode | null {
  return id && id.type === 'identifier' && id.text !== '_' ? id : null;
}

/**
 * `for i, v := range x` (declaring, not assigning) or `for i := init; i < bound; i++`;
 * null for other headers. With `steppedInBody`, `for i := init; i < bound; {` (the body
 * advances `i`) counts too.
 */
export function loopHeader(loop: SyntaxNode, steppedInBody = false): LoopHeader | null {
  const clause = loopClause(loop);
  if (!clause) return null;
  if (clause.type === 'range_clause') {
    const collection = clause.childForFieldName('right');
    const left = clause.childForFieldName('left');
    if (!collection) return null;
    if (left && !clause.text.slice(left.endIndex - clause.startIndex).trimStart().startsWith(':=')) return null;
    const ids = expressionListItems(left);
    return {
      kind: 'range',
      clause,
      index: named(ids[0]),
      value: named(ids[1]),
      collection: unparen(collection),
      init: null,
      operator: '',
      bound: null,
    };
  }
  const init = clause.childForFieldName('initializer');
  const cond = clause.childForFieldName('condition');
  const update = clause.childForFieldName('update');
  if (init?.type !== 'short_var_declaration' || cond?.type !== 'binary_expression' || (!update && !steppedInBody)) return null;
  const left = expressionListItems(init.childForFieldName('left'));
  const right = expressionListItems(init.childForFieldName('right'));
  if (left.length !== 1 || right.length !== 1 || left[0]!.type !== 'identifier') return null;
  const v = left[0]!.text;
  const operator = cond.childForFieldName('operator')?.text ?? '';
  if (cond.childForFieldName('left')?.text !== v || !['<', '<=', '!='].includes(operator)) return null;
  const u = update ? update.text.replace(/\s/g, '') : `${v}++`;
  if (u !== `${v}++` && u !== `${v}+=1`) return null;
  return {
    kind: 'counted',
    clause,
    index: left[0]!,
    value: null,
    collection: null,
    init: right[0]!,
    operator,
    bound: cond.childForFieldName('right'),
  };
}

/** A `for { … }` loop: no clause, no condition. */
export function isBareFor(loop: SyntaxNode): boolean {
  if (loop.type !== 'for_statement') return false;
  const body = loop.childForFieldName('body');
  return loop.namedChildren.every((c) => c.type === 'comment' || c.id === body?.id);
}

/** The loop a statement is, looking through a label (`L: for { … }`). */
export function unlabel(stmt: SyntaxNode): SyntaxNode {
  if (stmt.type !== 'labeled_statement') return stmt;
  return stmt.namedChildren.find((c) => c.type !== 'label_name' && c.type !== 'comment') ?? stmt;
}

const SIMPLE_OPERAND = new Set(['identifier', 'selector_expression', 'int_literal']);

const RANGE_KINDS = new Set(['slice', 'array', 'map', 'string']);

/** How many iterations a loop makes, as an expression valid before the loop, or null. */
export function iterationCount(loop: SyntaxNode): { capacity: SyntaxNode; text: string } | null {
  const header = loopClause(loop);
  if (!header) return null;
  if (header.type === 'range_clause') {
    const right = header.childForFieldName('right');
    if (!right) return null;
    const x = unparen(right);
    if (x.type === 'int_literal') return { capacity: x, text: x.text };
    // A string literal runs at most `len` of it times (once per rune).
    if (x.type === 'interpreted_string_literal' || x.type === 'raw_string_literal') return { capacity: x, text: `len(${x.text})` };
    if (x.type !== 'identifier' && x.type !== 'selector_expression') return null;
    const type = typeOfExpression(x);
    if (!type) return null;
    if (type.kind === 'int') return { capacity: x, text: x.text };
    return RANGE_KINDS.has(type.kind) ? { capacity: x, text: `len(${x.text})` } : null;
  }
  // for i := 0; i < n; i++  (n: identifier, field, literal or len(x))
  const counted = countedLoop(header);
  if (!counted) return null;
  const bound = counted.bound;
  if (SIMPLE_OPERAND.has(bound.type)) return { capacity: bound, text: bound.text };
  if (bound.type === 'call_expression' && bound.childForFieldName('function')?.text === 'len') {
    const args = callArguments(bound);
    if (args.length === 1 && SIMPLE_OPERAND.has(args[0]!.type)) return { capacity: args[0]!, text: bound.text };
  }
  return null;
}

/**
 * Whether a capacity expression can be evaluated at the declaration: its root identifier is
 * declared before it, and no statement between the declaration and the loop touches it.
 * Shared by prealloc-slice and prealloc-map.
 */
export function capacityInScope(capacity: SyntaxNode, decl: SyntaxNode, between: readonly SyntaxNode[]): boolean {
  if (capacity.type === 'int_literal' || capacity.type === 'interpreted_string_literal' || capacity.type === 'raw_string_literal') return true;
  let root: SyntaxNode = capacity;
  while (root.type === 'selector_expression') root = root.childForFieldName('operand')!;
  if (root.type !== 'identifier') return false;
  const found = findDeclaration(decl, root.text);
  if (!found || (found.kind !== 'package' && found.id.startIndex >= decl.startIndex)) return false;
  return !between.some((s) => mentions(s, root.text));
}

const CHANNEL_FIELD_C = /^(ticker|tick|t|tk|timer)$/i;

/** Whether `for … range x` loops over a channel the file shows (typed chan, `time.Tick`, `ticker.C`). */
export function rangesOverChannel(loop: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const clause = rangeClause(loop);
  const right = clause?.childForFieldName('right');
  if (!right) return false;
  const x = unparen(right);
  if (x.type === 'call_expression') {
    const sel = selectorParts(x.childForFieldName('function'));
    return !!sel && namesImport(imports, 'time', sel.operand.text) && sel.field === 'Tick';
  }
  if (x.type === 'selector_expression') {
    const sel = selectorParts(x)!;
    if (sel.field === 'C' && CHANNEL_FIELD_C.test(lastName(sel.operand))) return true;
  }
  if (x.type !== 'identifier' && x.type !== 'selector_expression') return false;
  return typeOfExpression(x)?.kind === 'chan';
}

/** The `range_clause` of a for statement, or null when it is not a range loop. */
export function rangeClause(loop: SyntaxNode): SyntaxNode | null {
  const clause = loopClause(loop);
  return clause?.type === 'range_clause' ? clause : null;
}

/**
 * The loop that fills a variable declared just before it: the first later statement of the
 * block that mentions `name`, when it is a for statement, and the statements in between.
 */
export function fillingLoop(decl: SyntaxNode, name: string): { loop: SyntaxNode; between: SyntaxNode[] } | null {
  const between: SyntaxNode[] = [];
  for (let s = decl.nextNamedSibling; s; s = s.nextNamedSibling) {
    if (s.type === 'comment') continue;
    if (mentions(s, name)) return s.type === 'for_statement' ? { loop: s, between } : null;
    between.push(s);
  }
  return null;
}

/** The statements a bare `break` ends: loops, switches and selects. */
export const BREAK_TARGETS: ReadonlySet<string> = new Set(['for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement']);
