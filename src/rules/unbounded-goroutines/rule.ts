import { calledFunction, enclosingFunction, fileFunctions, type FileFunctions, FUNCTION_TYPES } from '../../core/go/functions.js';
import { goCall, longRunningLoop } from '../../core/go/goroutines.js';
import { isBareFor } from '../../core/go/loops.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, typeOfExpression } from '../../core/go/scope.js';
import { lastName, selectorParts } from '../../core/go/selectors.js';
import { blockStatements, callArguments, hasAncestorBefore, mentions, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

/** Collections whose size is the number of workers, not of work items: `workers`, `shards`, `numCPU`… */
const WORKERS_NAME = /(worker|goroutine|thread|proc|cpu|shard|partition|replica|consumer|producer|parallel|concurren|runner|poller|listener|server|lane|slot)s?$/i;
const UNBOUNDED_KINDS = new Set(['slice', 'map', 'chan']);

interface Input {
  /** What the loop iterates over, for the message. */
  what: string;
  /** The collection or channel expression. */
  collection: SyntaxNode;
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
        return { what: `\`${x.text}\``, collection: x };
      }
    }
    // Two loop variables: a slice, map, string or iterator; only a slice or map is likely.
    if (vars === 2 && x.type !== 'interpreted_string_literal' && x.type !== 'raw_string_literal') return { what: `\`${x.text}\``, collection: x };
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
    return { what: `\`${a.text}\``, collection: a };
  }
  if (isBareFor(loop)) {
    // for { select { case job := <-jobs: go handle(job) } }
    for (let n = go.parent; n && n.id !== loop.id; n = n.parent) {
      if (n.type !== 'communication_case') continue;
      const comm = n.childForFieldName('communication');
      if (comm?.type !== 'receive_statement' || !comm.childForFieldName('left')) return null;
      const ch = unparen(comm.childForFieldName('right')!).childForFieldName('operand');
      return ch ? { what: `channel \`${ch.text}\``, collection: ch } : null;
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
    if (hasAncestorBefore(n, FUNCTION_TYPES, loop)) continue;
    if (n.type === 'send_statement') return true;
    const field = selectorParts(n.childForFieldName('function'))?.field;
    if (field === 'Acquire' || field === 'TryAcquire' || field === 'Wait' || field === 'Take') return true;
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
  subjects: ['unbounded', 'bounded', 'limit', 'concurren', 'fan-out', 'fan out', 'in parallel', 'one goroutine per'],
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

Following the signal policy's amendment, it is a comment only when the file shows that the collection
grows with the caller's input: a parameter of the function (or a field of one), a value decoded into
(\`json.Unmarshal(…, &items)\`, \`Decode(&items)\`), or the result of a call given a parameter, and its
name is not one of the deployment's (\`peers\`, \`clients\`, \`disks\`, \`pools\`, \`targets\`…, sized by the
cluster rather than the request); otherwise it is advisory. A \`Take()\` before the \`go\` (a worker
pool's token) bounds it like a semaphore. Never reported: goroutines that do not use the element (a one-off under a condition),
long-lived per-element goroutines (a body that loops forever or over a channel; \`Serve\`, \`Run\`,
\`Launch\`, \`…Loop\`, \`watch…\`, \`monitor…\`), and shutdown fan-out (\`Stop\`/\`Close\`/\`Shutdown\` per
element). Goroutines that wait on one another (a DAG walk, a start barrier in a stress test) must all
run at once: a limit there deadlocks, so read the advice with that in mind.
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
        // A goroutine that does not use the element is not started per element (a one-off under a condition).
        const elements = elementNames(loop, go);
        if (!elements.some((name) => mentions(go, name))) return;
        const imports = context.imports();
        if (call && (longLived(call, () => fileFunctions(context.root), imports) || shutsDown(call, elements))) return;
        const fromInput = growsWithInput(input.collection, fn) && !TOPOLOGY_NAME.test(lastName(input.collection));
        context.report({
          node: go,
          anchor: call ?? go,
          // Signal policy amendment: a comment only when the file shows that the input can grow with the caller's data.
          ...(fromInput ? {} : { tier: 'advisory' as const }),
          message: fromInput
            ? `one goroutine per element of ${input.what} with no limit: ${input.what} comes from the caller, so a large input starts that many at once (memory, scheduler, downstream overload); use a fixed worker pool or errgroup with SetLimit.`
            : `one goroutine per element of ${input.what} with no limit: if ${input.what} can grow with the input, that many start at once (memory, scheduler, downstream overload); use a fixed worker pool or errgroup with SetLimit.`,
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
        if (hasAncestorBefore(x, FUNCTION_TYPES, loop)) continue;
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

/** The names the loop binds for each element: its clause's variables and what the body declares before the `go`. */
function elementNames(loop: SyntaxNode, go: SyntaxNode): string[] {
  const names: string[] = [];
  const header = loop.namedChildren.find((c) => c.type === 'for_clause' || c.type === 'range_clause');
  if (header?.type === 'range_clause') {
    for (const id of header.childForFieldName('left')?.namedChildren ?? []) if (id.type === 'identifier') names.push(id.text);
  } else if (header?.type === 'for_clause') {
    const init = header.childForFieldName('initializer');
    for (const id of init?.childForFieldName('left')?.namedChildren ?? []) if (id.type === 'identifier') names.push(id.text);
  }
  const body = loop.childForFieldName('body');
  for (const d of body?.descendantsOfType(['short_var_declaration', 'var_spec', 'receive_statement']) ?? []) {
    if (d.startIndex >= go.startIndex || hasAncestorBefore(d, FUNCTION_TYPES, loop)) continue;
    const ids = d.type === 'var_spec' ? d.childrenForFieldName('name') : (d.childForFieldName('left')?.namedChildren ?? []);
    for (const id of ids) {
      if (id.type === 'identifier' && id.text !== '_') names.push(id.text);
    }
  }
  return names;
}

/** Goroutines that live as long as their element: servers, run loops, watchers, health checks. */
const LONG_LIVED_NAME = /^(Serve|serve|Run|run|Start|start|Launch|launch|Listen\w*|ListenAndServe\w*)$|^(serve|watch|monitor|maintain|heartbeat|keepAlive|keepalive|poll|supervise)|(Loop|loop|Serve|Watch|Watcher|Monitor|Daemon)$/;
const SHUTDOWN_NAME = /^(Stop|stop|Close|close|Shutdown|shutdown|Cancel|Kill|Terminate|Drain|Disconnect|Unsubscribe)\w*$/;

/** The name of a call's function (`f` of `x.f(…)` or `f(…)`). */
function calleeName(call: SyntaxNode): string {
  const fn = call.childForFieldName('function');
  if (!fn) return '';
  const f = unparen(fn);
  return f.type === 'identifier' ? f.text : (selectorParts(f)?.field ?? '');
}

/** The calls a goroutine makes: the `go` call itself, or the statements of a literal's body. */
function goroutineCalls(call: SyntaxNode): SyntaxNode[] {
  const fn = call.childForFieldName('function');
  const literal = fn ? unparen(fn) : null;
  if (literal?.type !== 'func_literal') return [call];
  return literal.childForFieldName('body')?.descendantsOfType('call_expression') ?? [];
}

function longLived(call: SyntaxNode, index: () => FileFunctions, imports: ReadonlyMap<string, string>): boolean {
  const fn = calledFunction(call, index, imports);
  const body = fn?.childForFieldName('body');
  if (body && longRunningLoop(body, imports)) return true;
  const literal = fn?.type === 'func_literal';
  // In a literal, only a call that is a statement of its own (`srv.Serve(l)`, not `check(x.Run())`) counts.
  return goroutineCalls(call).some((c) => LONG_LIVED_NAME.test(calleeName(c)) && (!literal || c.parent?.type === 'expression_statement'));
}

/** Shutdown fan-out: the goroutine stops or closes the element (`go c.Close()`, `go func(s *Srv) { s.Shutdown(ctx) }(s)`). */
function shutsDown(call: SyntaxNode, elements: readonly string[]): boolean {
  const fn = call.childForFieldName('function');
  const literal = fn ? unparen(fn) : null;
  const names = [...elements];
  if (literal?.type === 'func_literal') {
    for (const p of literal.childForFieldName('parameters')?.namedChildren ?? []) names.push(...p.childrenForFieldName('name').map((n) => n.text));
  }
  return goroutineCalls(call).some((c) => {
    if (!SHUTDOWN_NAME.test(calleeName(c)) || c.parent?.type === 'defer_statement') return false;
    const sel = selectorParts(c.childForFieldName('function'));
    let root = sel?.operand ?? null;
    while (root?.type === 'selector_expression' || root?.type === 'index_expression') root = root.childForFieldName('operand');
    return root?.type === 'identifier' && names.includes(root.text);
  });
}

/** Collections sized by the deployment, not the request: peers, clients, disks, pools, targets… */
const TOPOLOGY_NAME = /(peer|node|cl(ie)?nt|target|endpoint|host|disk|drive|pool|set|server|replica|member|cluster|backend|upstream|shard|remote)(s|Map|List|Indices|Index)?$/i;

const DECODES = /^(Unmarshal|Decode|DecodeElement|Scan|ReadJSON|Bind\w*)$/;

/**
 * Whether a collection visibly grows with the caller's data: a parameter (not the receiver) or a
 * field of one, a variable decoded into, or a variable set from a call given such a parameter.
 */
function growsWithInput(collection: SyntaxNode, fn: SyntaxNode): boolean {
  let root = unparen(collection);
  while (root.type === 'selector_expression' || root.type === 'index_expression') root = unparen(root.childForFieldName('operand')!);
  if (root.type !== 'identifier') return false;
  const decl = findDeclaration(root, root.text);
  if (!decl) return false;
  if (decl.kind === 'param') return !isContextParam(decl.type);
  if (decl.kind !== 'short' && decl.kind !== 'var') return false;
  const value = decl.value ? unparen(decl.value) : decl.statement.childForFieldName('right')?.namedChildren[0] ?? null;
  if (value?.type === 'call_expression' && callArguments(value).some((a) => isInputParameter(a))) return true;
  // json.Unmarshal(data, &items), dec.Decode(&items)
  const body = fn.childForFieldName('body');
  for (const call of body?.descendantsOfType('call_expression') ?? []) {
    if (call.endIndex > collection.startIndex || !DECODES.test(calleeName(call))) continue;
    if (callArguments(call).some((a) => a.type === 'unary_expression' && a.text.replace(/\s/g, '') === `&${root.text}`)) return true;
  }
  return false;
}

function isContextParam(type: SyntaxNode | null): boolean {
  return !!type && /(^|\.)Context$/.test(type.text);
}

/** An argument built from a parameter (not a context, not the receiver): `opts`, `opts.Names`, `filepath.Join(dir, "*")`. */
function isInputParameter(arg: SyntaxNode): boolean {
  for (const id of [arg, ...arg.descendantsOfType('identifier')]) {
    if (id.type !== 'identifier') continue;
    if (id.parent?.type === 'selector_expression' && id.parent.childForFieldName('field')?.id === id.id) continue;
    const decl = findDeclaration(id, id.text);
    if (decl?.kind === 'param' && !isContextParam(decl.type)) return true;
  }
  return false;
}
