/**
 * Goroutines: what a `go` statement runs, and what a goroutine body shows about its lifetime
 * (a call that ends it, a loop that keeps it alive).
 */
import { parentOf } from './ancestry.js';
import { namesImport } from './imports.js';
import { isBareFor, rangesOverChannel, unlabel } from './loops.js';
import type { SyntaxNode } from './parser.js';
import { selectorParts } from './selectors.js';
import { blockStatements, unparen } from './syntax.js';

/** The call a `go` statement makes. */
export function goCall(go: SyntaxNode): SyntaxNode | null {
  const expr = go.namedChildren.find((c) => c.type !== 'comment');
  if (!expr) return null;
  const call = unparen(expr);
  return call.type === 'call_expression' ? call : null;
}

/** The `go` statement a function literal is started by (`go func() { … }()`), or null. */
export function goStatementOfLiteral(literal: SyntaxNode): SyntaxNode | null {
  let call = parentOf(literal);
  while (call?.type === 'parenthesized_expression') call = parentOf(call);
  if (call?.type !== 'call_expression' || unparen(call.childForFieldName('function')!).id !== literal.id) return null;
  let go = parentOf(call);
  while (go?.type === 'parenthesized_expression') go = parentOf(go);
  return go?.type === 'go_statement' ? go : null;
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

/** A statement of the function body that keeps the goroutine alive: `for { … }` or `for … range ch`. */
export function longRunningLoop(body: SyntaxNode, imports: ReadonlyMap<string, string>): SyntaxNode | null {
  for (const stmt of blockStatements(body)) {
    const loop = unlabel(stmt);
    if (loop.type !== 'for_statement') continue;
    if (isBareFor(loop) || rangesOverChannel(loop, imports)) return loop;
  }
  return null;
}
