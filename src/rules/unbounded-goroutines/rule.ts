import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, typeOfExpression } from '../../core/go/scope.js';
import { FUNCTION_TYPES, blockStatements, callArguments, mentions, enclosingFunction, selectorParts, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';
import { goCall, insideNestedFunction, isBareFor, lastName } from '../unsupervised-goroutine/goroutines.js';

/** Collections whose size is the number of workers, not of work items: `workers`, `shards`, `numCPU`… */
const WORKERS_NAME = /(worker|goroutine|thread|proc|cpu|shard|partition|replica|consumer|producer|parallel|concurren|runner|poller|listener|server|lane|slot)s?$/i;
const UNBOUNDED_KINDS = new Set(['slice', 'map', 'chan']);

interface Input {
  /** What the loop iterates over, for the message. */
  what: string;
}

/** A literal with its elements written out: its length is fixed in the source. */
function isWrittenOutLiteral(node: SyntaxNode | null): boolean {
  return !!node && unparen(node).type === 'composite_literal';
}

/** Whether a ranged expression's size is fixed (literal, workers-like name, array, integer). */
function fixedSize(x: SyntaxNode): boolean {
  if (x.type === 'composite_literal' || x.type === 'int_literal') return true;
  const name = lastName(x);
  if (name && WORKERS_NAME.test(name)) return true;
  if (x.type === 'call_expression') {
    const fn = x.childForFieldName('function');
    if (fn?.type === 'identifier' && fn.text === 'len') return callArguments(x).some((a) => fixedSize(unparen(a)));
  }
  if (x.type === 'binary_expression') {
    const l = x.childForFieldName('left');
    const r = x.childForFieldName('right');
    return !!l && !!r && fixedSize(unparen(l)) && fixedSize(unparen(r));
  }
  return false;
}

/** A slice declared `make([]T, n)` with a fixed `n` (`runtime.GOMAXPROCS(0)`, `workers`, `8`). */
function madeWithFixedLength(value: SyntaxNode | null): boolean {
  if (value?.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'make') return false;
  const length = callArguments(value)[1];
  return !!length && fixedSize(unparen(length));
}

/** The collection a loop runs over when it is a slice, map or channel of unbounded size; else null. */
function unboundedInput(loop: SyntaxNode, go: SyntaxNode): Input | null {
  const header = loop.namedChildren.find((c) => c.type === 'for_clause' || c.type === 'range_clause');
  if (header?.type === 'range_clause') {
    const right = header.childForFieldName('right');
    if (!right) return null;
    const x = unparen(right);
    if (fixedSize(x)) return null;
    const left = header.childForFieldName('left');
    const vars = left ? left.namedChildren.filter((c) => c.type !== 'comment').length : 0;
    if (x.type === 'identifier' || x.type === 'selector_expression') {
      const t = typeOfExpression(x);
      if (t) {
        if (!UNBOUNDED_KINDS.has(t.kind)) return null;
        if (x.type === 'identifier') {
          const decl = findDeclaration(x, x.text);
          if (decl && (isWrittenOutLiteral(decl.value) || madeWithFixedLength(decl.value))) return null;
        }
        return { what: `\`${x.text}\`` };
      }
    }
    // Two loop variables: a slice, map, string or iterator; only a slice or map is likely.
    if (vars === 2 && x.type !== 'interpreted_string_literal' && x.type !== 'raw_string_literal') return { what: `\`${x.text}\`` };
    return null;
  }
  if (header?.type === 'for_clause') {
    // for i := 0; i < len(xs); i++
    const cond = header.childForFieldName('condition');
    if (cond?.type !== 'binary_expression') return null;
    const op = cond.childForFieldName('operator')?.text;
    const bound = cond.childForFieldName('right');
    if ((op !== '<' && op !== '<=') || bound?.type !== 'call_expression') return null;
    if (bound.childForFieldName('function')?.text !== 'len' || fixedSize(bound)) return null;
    const arg = callArguments(bound)[0];
    if (!arg) return null;
    const a = unparen(arg);
    if (a.type === 'identifier' || a.type === 'selector_expression') {
      const t = typeOfExpression(a);
      if (t && !UNBOUNDED_KINDS.has(t.kind)) return null;
      const value = a.type === 'identifier' ? (findDeclaration(a, a.text)?.value ?? null) : null;
      if (isWrittenOutLiteral(value) || madeWithFixedLength(value)) return null;
    }
    return { what: `\`${a.text}\`` };
  }
  if (isBareFor(loop)) {
    // for { select { case job := <-jobs: go handle(job) } }
    for (let n = go.parent; n && n.id !== loop.id; n = n.parent) {
      if (n.type !== 'communication_case') continue;
      const comm = n.childForFieldName('communication');
      if (comm?.type !== 'receive_statement' || !comm.childForFieldName('left')) return null;
      const ch = unparen(comm.childForFieldName('right')!).childForFieldName('operand');
      return ch ? { what: `channel \`${ch.text}\`` } : null;
    }
  }
  return null;
}

const SEMAPHORE_CHANNEL = /sem|limit|token|throttle|slot|guard|gate|concurren|parallel|pool|worker|bound/i;

/** Whether the loop body bounds the goroutines: a send or `Acquire` before the `go`, or a semaphore inside it. */
function boundedByLoop(loop: SyntaxNode, go: SyntaxNode): boolean {
  const body = loop.childForFieldName('body');
  if (!body) return false;
  for (const n of body.descendantsOfType(['send_statement', 'call_expression'])) {
    if (n.startIndex >= go.startIndex && n.endIndex <= go.endIndex) {
      // Inside the goroutine: only a semaphore acquire counts.
      if (n.type === 'send_statement' && SEMAPHORE_CHANNEL.test(lastName(n.childForFieldName('channel')!))) return true;
      if (n.type === 'call_expression' && /^(Acquire|TryAcquire)$/.test(selectorParts(n.childForFieldName('function'))?.field ?? '')) return true;
      continue;
    }
    if (n.startIndex > go.startIndex) continue;
    if (insideNestedFunction(n, loop)) continue;
    if (n.type === 'send_statement') return true;
    const field = selectorParts(n.childForFieldName('function'))?.field;
    if (field === 'Acquire' || field === 'TryAcquire' || field === 'Wait') return true;
  }
  return false;
}

/** Whether the statements after the `go` in its block leave the loop (only one goroutine is started). */
function leavesLoopAfter(go: SyntaxNode): boolean {
  for (let s = go.nextNamedSibling; s; s = s.nextNamedSibling) {
    if (s.type === 'return_statement' || (s.type === 'break_statement' && go.parent?.parent?.type !== 'communication_case')) return true;
  }
  return false;
}

export default defineRule({
  id: 'unbounded-goroutines',
  title: 'Bound the number of goroutines started per input element',
  section: 'Structured Concurrency Patterns (Anti-Fire-and-Forget)',
  severity: 'warning',
  minGo: '1.0',
  fixable: false,
  description:
    'A `go` statement inside a loop over a slice, map or channel starts one goroutine per element with no ' +
    'upper bound: a large input (or a burst on the channel) creates that many goroutines at once, each with ' +
    'its own stack, and overwhelms memory, the scheduler and whatever they call downstream. Use a fixed ' +
    'pool of workers reading from a channel, `errgroup.Group` with `SetLimit(n)`, or a semaphore ' +
    '(a send on a buffered channel before the `go`).',
  examples: {
    incorrect: `
func fetchAll(urls []string) {
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			fetch(u)
		}(u)
	}
	wg.Wait()
}
`,
    correct: `
import (
	"context"

	"golang.org/x/sync/errgroup"
)

func fetchAll(ctx context.Context, urls []string) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, u := range urls {
		g.Go(func() error { return fetch(ctx, u) })
	}
	return g.Wait()
}
`,
  },
  notes: `
Not reported: loops with a fixed count (\`for i := 0; i < workers; i++\`, \`for range 4\`, a loop over a
slice written out in the source or named like \`workers\` / \`shards\`), loops that acquire a semaphore
before the \`go\` (a send on a channel, \`sem.Acquire\`) or inside the goroutine, and functions that use
\`errgroup\`'s \`SetLimit\`. A loop that accepts connections (\`for { conn, _ := ln.Accept(); go serve(conn) }\`)
is not a loop over a collection and is not reported.
`,
  create(context) {
    return {
      go_statement(go) {
        const fn = enclosingFunction(go);
        if (!fn) return;
        // Only the innermost loop counts: a fixed inner loop under an outer one usually waits per round.
        let loop: SyntaxNode | null = null;
        for (let n = go.parent; n && n.id !== fn.id; n = n.parent) {
          if (FUNCTION_TYPES.has(n.type)) return;
          if (n.type === 'for_statement') {
            loop = n;
            break;
          }
        }
        if (!loop) return;
        const input = unboundedInput(loop, go);
        if (!input) return;
        if (boundedByLoop(loop, go) || leavesLoopAfter(go) || waitsInIteration(loop, go) || usesSetLimit(fn)) return;
        const call = goCall(go);
        if (handsOffPipe(go, loop)) return;
        context.report({
          node: go,
          anchor: call ?? go,
          message: `one goroutine per element of ${input.what} with no limit: a large input starts that many at once (memory, scheduler, downstream overload); use a fixed worker pool or errgroup with SetLimit.`,
        });
      },
    };
  },
});

/**
 * Whether the iteration waits for the goroutine it started: a receive or `Wait()` in a statement
 * that runs after the `go` in the same iteration (other select cases do not count).
 */
function waitsInIteration(loop: SyntaxNode, go: SyntaxNode): boolean {
  for (let n: SyntaxNode = go; n.parent && n.id !== loop.id; n = n.parent) {
    if (n.parent.type !== 'statement_list') continue;
    for (let s = n.nextNamedSibling; s; s = s.nextNamedSibling) {
      for (const x of [s, ...s.descendantsOfType(['unary_expression', 'call_expression'])]) {
        if (insideNestedFunction(x, loop)) continue;
        if (x.type === 'unary_expression' && x.childForFieldName('operator')?.text === '<-') return true;
        if (x.type === 'call_expression' && selectorParts(x.childForFieldName('function'))?.field === 'Wait') return true;
      }
    }
  }
  return false;
}

/** `go produce(pw, …)` with `pr, pw := io.Pipe()` made in the loop: the iteration reads the other end. */
function handsOffPipe(go: SyntaxNode, loop: SyntaxNode): boolean {
  const body = loop.childForFieldName('body');
  for (const stmt of blockStatements(body)) {
    if (stmt.startIndex >= go.startIndex) break;
    if (stmt.type !== 'short_var_declaration' || !/Pipe\(/.test(stmt.childForFieldName('right')?.text ?? '')) continue;
    const names = stmt.childForFieldName('left')?.namedChildren ?? [];
    if (names.some((n) => n.text !== '_' && mentions(go, n.text))) return true;
  }
  return false;
}

function usesSetLimit(fn: SyntaxNode): boolean {
  const body = fn.childForFieldName('body');
  return !!body && body.text.includes('.SetLimit(');
}
