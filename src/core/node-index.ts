/**
 * Finds the nodes rules subscribed to from the source text instead of walking the whole tree:
 * keyword-led statements and types, calls by callee name (`$calls`), nodes around a rule's text
 * pattern (`$find`). Every text match is confirmed on the tree; a match on a comment line, in a
 * string, or not in the expected position finds nothing. Types with no text to find them by
 * are left to one native walk. `walkAll` is the plain walk the shortcuts must agree with.
 */
import type { SyntaxNode } from './go/parser.js';
import type { LineIndex } from './fix.js';
import { topLevelDeclarations } from './go/scope.js';

/**
 * Node types found from a keyword in the source: the smallest named node around the keyword
 * token is the node. A keyword in a comment or string finds nothing.
 */
interface Keyword {
  word: string;
  /**
   * A statement's keyword follows a line break, blank, `{`, `;` or a label's `:`, never a
   * quote or a slash (an import path such as "go/ast", a comment's text).
   */
  leadsStatement: boolean;
}
const FUNC_KEYWORD: Keyword = { word: 'func', leadsStatement: false };
const KEYWORD_TYPES: Readonly<Record<string, Keyword>> = {
  for_statement: { word: 'for', leadsStatement: true },
  range_clause: { word: 'range', leadsStatement: false },
  go_statement: { word: 'go', leadsStatement: true },
  select_statement: { word: 'select', leadsStatement: true },
  function_declaration: FUNC_KEYWORD,
  method_declaration: FUNC_KEYWORD,
  func_literal: FUNC_KEYWORD,
  interface_type: { word: 'interface', leadsStatement: false },
  map_type: { word: 'map', leadsStatement: false },
  channel_type: { word: 'chan', leadsStatement: false },
};

/** `[A-Za-z0-9_]`: the characters a regular expression's `\b` sees as a word's. */
function isAsciiWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Whether a character may stand before a statement's keyword: white space, `{`, `;` or `:`. */
function mayLeadStatement(source: string, i: number): boolean {
  const c = source.charCodeAt(i);
  return c === 123 || c === 59 || c === 58 || /\s/.test(source[i]!);
}

/**
 * The offsets of the keyword as a whole word (`\bword\b`; for a statement's keyword, after
 * what may lead a statement): found with `indexOf`, far cheaper than a pattern scan per keyword.
 */
function keywordOffsets(source: string, { word, leadsStatement }: Keyword): number[] {
  const out: number[] = [];
  for (let i = source.indexOf(word); i >= 0; i = source.indexOf(word, i + 1)) {
    if (isAsciiWordChar(source.charCodeAt(i + word.length))) continue;
    if (i > 0 && (leadsStatement ? !mayLeadStatement(source, i - 1) : isAsciiWordChar(source.charCodeAt(i - 1)))) continue;
    out.push(i);
  }
  return out;
}

/** Whether nodes of the type are found from a keyword (no walk). */
export function foundByKeyword(type: string): boolean {
  return KEYWORD_TYPES[type] !== undefined;
}

/** Keyword-led types that only occur as top-level declarations (taken from the declarations index). */
const FUNCTION_DECLARATIONS: ReadonlySet<string> = new Set(['function_declaration', 'method_declaration']);

/** The file's import specs, read from its import declarations (they precede every other declaration). */
export function importSpecs(root: SyntaxNode): SyntaxNode[] {
  return topLevelDeclarations(root)
    .filter((d) => d.type === 'import_declaration')
    .flatMap((d) => d.descendantsOfType('import_spec'));
}

/**
 * The nodes of the wanted types in document order: found from their keywords where the index
 * knows one (`byKeyword`), by the native walk for the rest (`walked`).
 */
export function collectNodes(root: SyntaxNode, lines: LineIndex, byKeyword: readonly string[], walked: string[]): SyntaxNode[] {
  const source = lines.text;
  const wanted = new Set(byKeyword);
  const found = new Map<number, SyntaxNode>();
  const searched = byKeyword.filter((t) => !FUNCTION_DECLARATIONS.has(t));
  const keywords = new Set(searched.map((t) => KEYWORD_TYPES[t]!));
  // Function and method declarations are top-level declarations: no search of their own.
  let declarationStarts: Set<number> | undefined;
  if (keywords.has(FUNC_KEYWORD) || [...FUNCTION_DECLARATIONS].some((t) => wanted.has(t))) {
    declarationStarts = new Set();
    for (const decl of topLevelDeclarations(root)) {
      if (!FUNCTION_DECLARATIONS.has(decl.type)) continue;
      const at = decl.startIndex;
      declarationStarts.add(at);
      if (wanted.has(decl.type)) found.set(at, decl);
    }
  }
  for (const keyword of keywords) {
    for (const at of keywordOffsets(source, keyword)) {
      if (onCommentLine(lines, at) || declarationStarts?.has(at)) continue;
      // The keyword token is anonymous: the smallest named node around it is the node it
      // leads (or a comment or string holding the word, which is not wanted).
      const node = root.namedDescendantForIndex(at, at + keyword.word.length);
      if (wanted.has(node.type)) found.set(node.startIndex, node);
    }
  }
  const keyed = [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
  if (walked.length === 0) return keyed;
  return [...root.descendantsOfType(walked), ...keyed].sort((a, b) => a.startIndex - b.startIndex);
}

/** Every node of the types, by the native walk alone, in document order. */
export function walkAll(root: SyntaxNode, types: string[]): SyntaxNode[] {
  return types.length === 0 ? [] : root.descendantsOfType(types);
}

/**
 * Whether the position is on a line whose text starts with `//`: a comment line, or a line of a
 * raw string or block comment. No code token is there, so no tree lookup is needed. The line's
 * start comes from the line index (a binary search): scanning back for the line break would
 * make every match on one very long line cost the line's length.
 */
function onCommentLine(lines: LineIndex, index: number): boolean {
  const source = lines.text;
  let i = lines.startOf(lines.lineOf(index));
  while (i < index && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  return source.charCodeAt(i) === 47 && source.charCodeAt(i + 1) === 47;
}

/** A pattern matching any of the callee names followed by `(`; group 1 is the name. */
export function calleePattern(names: ReadonlySet<string>): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(${[...names].sort().join('|')})\\s*\\(`, 'gu');
}

/**
 * The call expressions whose callee name matches (a `calleePattern`): found in the source text,
 * then confirmed on the tree (a name in a comment or string, or not in callee position, is
 * dropped). Document order.
 */
export function* callsNamed(root: SyntaxNode, lines: LineIndex, pattern: RegExp): Generator<{ call: SyntaxNode; name: string }> {
  const source = lines.text;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    if (onCommentLine(lines, m.index)) continue;
    const name = m[1]!;
    // The smallest named node holding both the name and the `(` after it: the call, when the
    // name is its callee (`name(` or `x.name(`) and the parenthesis opens its arguments. One
    // lookup, no walk up (the binding finds a parent from the root).
    const paren = m.index + m[0].length - 1;
    const call = root.namedDescendantForIndex(m.index, paren + 1);
    if (call.type !== 'call_expression') continue;
    const callee = call.childForFieldName('function');
    const named = callee?.type === 'selector_expression' ? callee.childForFieldName('field') : callee;
    if (!named || (named.type !== 'identifier' && named.type !== 'field_identifier') || named.startIndex !== m.index) continue;
    const args = call.childForFieldName('arguments');
    if (args?.startIndex !== paren) continue;
    yield { call, name };
  }
}

/** How far above a match's smallest named node the node of the wanted type may be. */
const FIND_DEPTH = 4;

/**
 * The nearest node of `type` around each match of the pattern (at most FIND_DEPTH levels up),
 * once each, in document order.
 */
export function nodesAround(root: SyntaxNode, lines: LineIndex, pattern: RegExp, type: string): SyntaxNode[] {
  const source = lines.text;
  const out: SyntaxNode[] = [];
  const seen = new Set<number>();
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    if (m[0].length === 0) pattern.lastIndex++;
    if (onCommentLine(lines, m.index)) continue; // a token of the node is never on a comment line
    let n: SyntaxNode | null = root.namedDescendantForIndex(m.index, m.index + Math.max(1, m[0].length));
    for (let depth = 0; n && n.type !== type; depth++) n = depth < FIND_DEPTH ? n.parent : null;
    if (n && !seen.has(n.id)) {
      seen.add(n.id);
      out.push(n);
    }
  }
  return out;
}
