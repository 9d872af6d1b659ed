/**
 * What a `go` statement runs, and what a goroutine body shows about its lifetime: shared by
 * the structured-concurrency and channel-safety rules.
 */
import type { SyntaxNode } from '../../core/go/parser.js';
import { namesImport } from '../../core/go/imports.js';
import { topLevelDeclarations, typeOfExpression } from '../../core/go/scope.js';
import { FUNCTION_TYPES, blockStatements, selectorParts, unparen } from '../../core/go/syntax.js';

/** The call a `go` statement makes. */
export function goCall(go: SyntaxNode): SyntaxNode | null {
  const expr = go.namedChildren.find((c) => c.type !== 'comment');
  if (!expr) return null;
  const call = unparen(expr);
  return call.type === 'call_expression' ? call : null;
}

/** The `go` statement a function literal is started by (`go func() { … }()`), or null. */
export function goStatementOfLiteral(literal: SyntaxNode): SyntaxNode | null {
  let call = literal.parent;
  while (call?.type === 'parenthesized_expression') call = call.parent;
  if (call?.type !== 'call_expression' || unparen(call.childForFieldName('function')!).id !== literal.id) return null;
  let go = call.parent;
  while (go?.type === 'parenthesized_expression') go = go.parent;
  return go?.type === 'go_statement' ? go : null;
}

/** The file's top-level functions by name and methods by name. */
export interface FileFunctions {
  functions: Map<string, SyntaxNode>;
  methods: Map<string, SyntaxNode[]>;
}

export function fileFunctions(root: SyntaxNode): FileFunctions {
  const functions = new Map<string, SyntaxNode>();
  const methods = new Map<string, SyntaxNode[]>();
  for (const decl of topLevelDeclarations(root)) {
    if (decl.type !== 'function_declaration' && decl.type !== 'method_declaration') continue;
    const name = decl.childForFieldName('name')?.text;
    if (!name) continue;
    if (decl.type === 'function_declaration') functions.set(name, decl);
    else if (decl.type === 'method_declaration') {
      const list = methods.get(name);
      if (list) list.push(decl);
      else methods.set(name, [decl]);
    }
  }
  return { functions, methods };
}

/** `T` for a receiver `(r *T)`, `(r T)` or `(r *T[K])`. */
export function receiverTypeName(method: SyntaxNode): string | null {
  const param = method.childForFieldName('receiver')?.namedChildren.find((c) => c.type === 'parameter_declaration');
  const type = param?.childForFieldName('type');
  if (!type) return null;
  const m = /^\*?\s*([A-Za-z_]\w*)/.exec(type.text);
  return m ? m[1]! : null;
}

/** The base type name of an expression's known type (`*Server` → `Server`), or null. */
function baseTypeName(expr: SyntaxNode): string | null {
  const t = typeOfExpression(expr);
  if (!t || (t.kind !== 'pointer' && t.kind !== 'named')) return null;
  const m = /^\*?\s*([A-Za-z_]\w*)$/.exec(t.text.replace(/\[.*\]$/, ''));
  return m ? m[1]! : null;
}

/**
 * The function a `go` call runs when the file shows it: the literal itself, a function
 * declared in the file, or a method declared in the file on the operand's known type.
 */
export function calledFunction(
  call: SyntaxNode,
  index: () => FileFunctions,
  imports: ReadonlyMap<string, string>,
): SyntaxNode | null {
  const fnNode = call.childForFieldName('function');
  if (!fnNode) return null;
  const fn = unparen(fnNode);
  if (fn.type === 'func_literal') return fn;
  if (fn.type === 'identifier') return index().functions.get(fn.text) ?? null;
  const sel = selectorParts(fn);
  if (!sel) return null;
  if (sel.operand.type === 'identifier' && [...imports.values()].includes(sel.operand.text)) return null;
  const candidates = index().methods.get(sel.field);
  if (!candidates) return null;
  const base = sel.operand.type === 'identifier' || sel.operand.type === 'selector_expression' ? baseTypeName(sel.operand) : null;
  return base ? (candidates.find((m) => receiverTypeName(m) === base) ?? null) : null;
}

/** Whether a function's last result is `error`. */
export function returnsError(fn: SyntaxNode): boolean {
  const result = fn.childForFieldName('result');
  if (!result) return false;
  if (result.type === 'type_identifier') return result.text === 'error';
  if (result.type !== 'parameter_list') return false;
  const params = result.namedChildren.filter((c) => c.type === 'parameter_declaration');
  const last = params[params.length - 1];
  return last?.childForFieldName('type')?.text === 'error';
}

/** Whether `node` lies inside a function literal nested in `outer` (so it runs elsewhere). */
export function insideNestedFunction(node: SyntaxNode, outer: SyntaxNode): boolean {
  for (let n = node.parent; n && n.id !== outer.id; n = n.parent) if (FUNCTION_TYPES.has(n.type)) return true;
  return false;
}

const TEST_STOPS = new Set(['Fatal', 'Fatalf', 'FailNow', 'Skip', 'Skipf', 'SkipNow']);
const LOG_STOPS = new Set(['Fatal', 'Fatalf', 'Fatalln', 'Panic', 'Panicf', 'Panicln']);

/**
 * Whether a call ends the goroutine or the process: `panic`, `os.Exit`, `log.Fatal…`,
 * `runtime.Goexit`, `t.Fatal…` / `t.Skip…`.
 */
export function isTerminatingCall(call: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const fn = call.childForFieldName('function');
  if (!fn) return false;
  if (fn.type === 'identifier') return fn.text === 'panic';
  const sel = selectorParts(fn);
  if (!sel) return false;
  const pkg = sel.operand.type === 'identifier' ? sel.operand.text : null;
  if (namesImport(imports, 'os', pkg)) return sel.field === 'Exit';
  if (namesImport(imports, 'log', pkg)) return LOG_STOPS.has(sel.field);
  if (namesImport(imports, 'runtime', pkg)) return sel.field === 'Goexit';
  return TEST_STOPS.has(sel.field);
}

/** Whether a call ends the process (`os.Exit`, `log.Fatal…`). */
export function isProcessExit(call: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const sel = selectorParts(call.childForFieldName('function'));
  if (!sel || sel.operand.type !== 'identifier') return false;
  if (namesImport(imports, 'os', sel.operand.text)) return sel.field === 'Exit';
  if (namesImport(imports, 'log', sel.operand.text)) return sel.field.startsWith('Fatal');
  return false;
}

/** Words that name a channel which stops a goroutine: done, quit, stop, shutdown, closing, exit… */
const STOP_WORD =
  /^(done|quit|stop|stopping|stopped|shutdown|close|closed|closing|exit|exiting|cancel|canceled|cancelled|die|dying|terminate|kill|abort|finish|finished|halt)(c|ch|chan|s)?$|^q(c|ch|chan)$/;

/** Whether a name is a stop channel's: `done`, `quitCh`, `stopc`, `qch`, `workerDone`, `shutdown_ch`. */
export function isStopName(name: string): boolean {
  return name
    .split(/_|(?=[A-Z][a-z])/)
    .some((w) => STOP_WORD.test(w.toLowerCase()));
}

/** The last name of `x`, `x.y`, `x.y()`: what a reader calls the channel. */
export function lastName(node: SyntaxNode): string {
  const n = unparen(node);
  if (n.type === 'identifier' || n.type === 'field_identifier') return n.text;
  if (n.type === 'selector_expression') return n.childForFieldName('field')?.text ?? '';
  if (n.type === 'call_expression') return lastName(n.childForFieldName('function') ?? n);
  if (n.type === 'index_expression') return lastName(n.childForFieldName('operand') ?? n);
  return '';
}

/** Whether receiving from `channel` waits for cancellation: `ctx.Done()` or a done/quit/stop channel. */
export function isStopChannel(channel: SyntaxNode): boolean {
  const n = unparen(channel);
  if (n.type === 'call_expression') {
    const sel = selectorParts(n.childForFieldName('function'));
    return sel?.field === 'Done' || sel?.field === 'Dying' || sel?.field === 'Closed';
  }
  const name = lastName(n);
  return name !== '' && isStopName(name);
}

/** The channel a `<-x` unary expression receives from, or null when it is not a receive. */
export function receivedChannel(unary: SyntaxNode): SyntaxNode | null {
  if (unary.type !== 'unary_expression') return null;
  const op = unary.childForFieldName('operator');
  if (op?.text !== '<-') return null;
  return unary.childForFieldName('operand');
}

/** The channel of a select case's communication when it receives, else null. */
export function caseReceive(commCase: SyntaxNode): SyntaxNode | null {
  const comm = commCase.childForFieldName('communication');
  if (!comm) return null;
  const unary = comm.type === 'receive_statement' ? comm.childForFieldName('right') : comm.type === 'expression_statement' ? comm.namedChild(0) : comm;
  return unary ? receivedChannel(unparen(unary)) : null;
}

const CHANNEL_FIELD_C = /^(ticker|tick|t|tk|timer)$/i;

/** Whether `for … range x` loops over a channel the file shows (typed chan, `time.Tick`, `ticker.C`). */
export function rangesOverChannel(loop: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const clause = loop.namedChildren.find((c) => c.type === 'range_clause');
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

/** A statement of the function body that keeps the goroutine alive: `for { … }` or `for … range ch`. */
export function longRunningLoop(body: SyntaxNode, imports: ReadonlyMap<string, string>): SyntaxNode | null {
  for (const stmt of blockStatements(body)) {
    const loop = unlabel(stmt);
    if (loop.type !== 'for_statement') continue;
    if (isBareFor(loop) || rangesOverChannel(loop, imports)) return loop;
  }
  return null;
}
