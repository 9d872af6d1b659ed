/**
 * Reading an `http.Server{…}` literal's fields and writing the missing ones into it, laid out
 * as gofmt lays out keyed elements: a run of single-line `Key: value,` lines without blank or
 * comment lines between them aligns its values one space after the longest `Key:`.
 */
import type { SyntaxNode } from '../../core/go/parser.js';
import type { Edit } from '../../core/model.js';
import { indentationOf } from '../../core/go/syntax.js';

/** Either bounds how long a client may take to send its request headers (the slowloris gap). */
export const HEADER_TIMEOUTS: readonly string[] = ['ReadHeaderTimeout', 'ReadTimeout'];

/** Fields whose later assignment (`srv.ReadHeaderTimeout = …`) the rule takes into account. */
export const TIMEOUT_FIELDS = new Set([...HEADER_TIMEOUTS, 'IdleTimeout']);

interface Keyed {
  key: string;
  /** The keyed_element node. */
  node: SyntaxNode;
  value: SyntaxNode;
}

/** The literal's keyed elements, or null when it has positional elements (then nothing is known). */
export function keyedElements(body: SyntaxNode): Keyed[] | null {
  const out: Keyed[] = [];
  for (const el of body.namedChildren) {
    if (el.type === 'comment') continue;
    if (el.type !== 'keyed_element') return null;
    const key = el.childForFieldName('key') ?? el.namedChild(0);
    const value = el.childForFieldName('value') ?? el.namedChild(1);
    if (!key || !value) return null;
    out.push({ key: key.text, node: el, value });
  }
  return out;
}

/** Whether the fields set leave the request headers without a deadline. */
export function lacksHeaderTimeout(present: ReadonlySet<string>): boolean {
  return !HEADER_TIMEOUTS.some((f) => present.has(f));
}

function lineStart(source: string, index: number): number {
  return source.lastIndexOf('\n', index - 1) + 1;
}

function lineEnd(source: string, index: number): number {
  const nl = source.indexOf('\n', index);
  return nl === -1 ? source.length : nl;
}

const row = (n: SyntaxNode): number => n.startPosition.row;

function hasTrailingComment(line: string): boolean {
  const at = line.indexOf('//');
  return at > 0 && line.slice(0, at).trim() !== '';
}

/**
 * Whether a one-line literal can become a multi-line one without gofmt realigning anything
 * around it: it is the whole value of `x := …`, `x = …`, `return …` or an ungrouped `var x = …`
 * (not an aligned element of a larger literal or `var (…)` group), and a trailing comment on its
 * line is not aligned with comments on the lines next to it.
 */
function expandsAlone(source: string, literal: SyntaxNode): boolean {
  const value = literal.parent?.type === 'unary_expression' ? literal.parent : literal;
  const list = value.parent;
  const holder = list?.parent;
  if (list?.type !== 'expression_list' || !holder) return false;
  const ungroupedVar = holder.type === 'var_spec' && holder.parent?.type === 'var_declaration';
  if (!ungroupedVar && !['short_var_declaration', 'assignment_statement', 'return_statement'].includes(holder.type)) return false;
  const start = lineStart(source, literal.startIndex);
  const end = lineEnd(source, literal.startIndex);
  if (!hasTrailingComment(source.slice(start, end))) return true;
  const previous = start > 0 ? source.slice(lineStart(source, start - 1), start - 1) : '';
  const next = end < source.length ? source.slice(end + 1, lineEnd(source, end + 1)) : '';
  return !hasTrailingComment(previous) && !hasTrailingComment(next);
}

/** `Key:` padded to `width` and one space, then the value: one gofmt-aligned element line. */
function elementLine(indent: string, key: string, width: number, rest: string): string {
  return `${indent}${`${key}:`.padEnd(width)} ${rest}`;
}

/**
 * Edits that add `fields` (with `values`) at the end of the literal body, or null when the
 * literal is not laid out the way gofmt leaves it (then a suggestion could not be exact).
 */
export function addFieldsEdits(source: string, literal: SyntaxNode, body: SyntaxNode, fields: readonly [string, string][]): Edit[] | null {
  if (body.hasError || fields.length === 0) return null;
  const elements = keyedElements(body);
  if (!elements) return null;
  const comments = body.namedChildren.filter((c) => c.type === 'comment');
  const open = row(body);
  const close = body.endPosition.row;

  if (open === close) {
    // `&http.Server{Addr: a, Handler: h}` on one line becomes one element per line.
    if (comments.length > 0 || !expandsAlone(source, literal)) return null;
    const indent = indentationOf(source, literal);
    const entries: [string, string][] = [...elements.map((e): [string, string] => [e.key, e.value.text]), ...fields];
    const width = Math.max(...entries.map(([k]) => k.length + 1));
    const lines = entries.map(([k, v]) => `${elementLine(`${indent}\t`, k, width, v)},\n`);
    return [{ start: body.startIndex, end: body.endIndex, text: `{\n${lines.join('')}${indent}}` }];
  }

  // Multi-line: `{` ends its line, `}` starts its line, one element per line.
  const afterOpen = source.slice(body.startIndex + 1, lineEnd(source, body.startIndex)).trim();
  if (afterOpen !== '' && !afterOpen.startsWith('//')) return null;
  const closeAt = body.endIndex - 1;
  const closeLineStart = lineStart(source, closeAt);
  if (source.slice(closeLineStart, closeAt).trim() !== '') return null;
  const children = body.namedChildren;
  for (let i = 1; i < children.length; i++) {
    if (row(children[i]!) <= children[i - 1]!.endPosition.row && children[i]!.type !== 'comment') return null;
  }
  const first = children.find((c) => row(c) > open);
  const indent = first ? indentationOf(source, first) : `${indentationOf(source, literal)}\t`;
  if (!/^\t*$/.test(indent)) return null;

  // The run of single-line elements, one per line, that ends right before the closing brace.
  const block: Keyed[] = [];
  let expectedRow = close - 1;
  for (let i = children.length - 1; i >= 0; i--) {
    const c = children[i]!;
    if (c.type === 'comment') {
      const owner = children[i - 1];
      if (owner && owner.type !== 'comment' && owner.endPosition.row === row(c) && row(c) === c.endPosition.row) continue; // trailing
      break; // a comment line ends gofmt's alignment run
    }
    const el = elements.find((e) => e.node.id === c.id)!;
    if (row(c) !== c.endPosition.row || row(c) !== expectedRow) break;
    block.unshift(el);
    expectedRow--;
  }
  const width = Math.max(...[...block.map((e) => e.key), ...fields.map(([k]) => k)].map((k) => k.length + 1));
  const rewritten = block.map((e) => {
    const rest = source.slice(e.value.startIndex, lineEnd(source, e.value.startIndex)).trimEnd();
    return `${elementLine(indent, e.key, width, rest)}\n`;
  });
  const added = fields.map(([k, v]) => `${elementLine(indent, k, width, v)},\n`);
  const start = block.length > 0 ? lineStart(source, block[0]!.node.startIndex) : closeLineStart;
  return [{ start, end: closeLineStart, text: rewritten.join('') + added.join('') }];
}
