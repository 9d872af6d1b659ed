import { isStopChannel, isStopName, receivedChannel } from '../../core/go/channels.js';
import { calledFunction, enclosingFunction, fileFunctions, type FileFunctions } from '../../core/go/functions.js';
import { goCall } from '../../core/go/goroutines.js';
import { rangesOverChannel } from '../../core/go/loops.js';
import { packageCall } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, typeOfExpression } from '../../core/go/scope.js';
import { lastName, selectorParts } from '../../core/go/selectors.js';
import { callArguments, unparen } from '../../core/go/syntax.js';
import { isProcessExit, returnsError } from './lifetime.js';
import { defineRule } from '../define-rule.js';

/** `time.Tick(d)`, which never closes. */
function isTick(x: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const sel = x.type === 'call_expression' ? selectorParts(x.childForFieldName('function')) : null;
  return !!sel && sel.operand.text === imports.get('time') && sel.field === 'Tick';
}

/** Harness calls that wait for the goroutines started in the function they are given. */
const WAITING_HARNESS = /^(synctest\.(Test|Run)|\w+\.Go)$/;

/** Whether the `go` runs inside a function handed to `synctest.Test`, `errgroup.Group.Go` or `wg.Go`. */
function insideWaitingHarness(go: SyntaxNode): boolean {
  for (let n = go.parent; n; n = n.parent) {
    if (n.type !== 'func_literal') continue;
    const args = n.parent?.type === 'argument_list' ? n.parent : null;
    const call = args?.parent;
    const callee = call?.type === 'call_expression' ? call.childForFieldName('function')?.text.replace(/\s/g, '') : undefined;
    if (callee && WAITING_HARNESS.test(callee)) return true;
  }
  return false;
}

/** Stopping a server: its blocking `Serve` returns. */
const STOP_METHODS = /^(Stop|GracefulStop|Close|Shutdown)$/;

/**
 * `go func() { … srv.Serve(l) … }()` (or `go srv.Serve(l)`) where the same function later stops
 * `srv` (directly or in a closer it returns): the server's lifetime is managed there.
 */
function stoppedLater(go: SyntaxNode, serveCalls: readonly SyntaxNode[]): boolean {
  const spawner = enclosingFunction(go);
  const body = spawner?.childForFieldName('body');
  if (!body) return false;
  const servers = new Set<string>();
  for (const call of serveCalls) {
    const sel = selectorParts(call.childForFieldName('function'));
    if (sel && /^(Serve|ServeTLS|ListenAndServe|ListenAndServeTLS|Start|Run)$/.test(sel.field)) servers.add(sel.operand.text);
  }
  if (servers.size === 0) return false;
  for (const call of body.descendantsOfType('call_expression')) {
    if (call.startIndex < go.endIndex) continue;
    const sel = selectorParts(call.childForFieldName('function'));
    if (sel && STOP_METHODS.test(sel.field) && servers.has(sel.operand.text)) return true;
  }
  return false;
}

/**
 * A goroutine-launch helper: the literal runs a function the enclosing function was given
 * (`func Go(f func()) { go func() { defer recoverPanic(); f() }() }`). Its callers decide the supervision.
 */
function launchesParameter(literal: SyntaxNode, statements: readonly SyntaxNode[]): boolean {
  const spawner = enclosingFunction(literal);
  const work = statements.filter((s) => s.type !== 'defer_statement');
  const call = work.length === 1 && work[0]!.type === 'expression_statement' ? work[0]!.namedChild(0) : null;
  const fn = call?.type === 'call_expression' ? call.childForFieldName('function') : null;
  if (!spawner || fn?.type !== 'identifier') return false;
  const decl = findDeclaration(fn, fn.text);
  return decl?.kind === 'param' && decl.type?.type === 'function_type' && enclosingFunction(decl.id)?.id === spawner.id;
}

/** Statements other than comments: a body of only a `// TODO` starts nothing worth supervising. */
function statementsOf(body: SyntaxNode): SyntaxNode[] {
  const list = body.namedChildren.find((c) => c.type === 'statement_list');
  return (list?.namedChildren ?? body.namedChildren).filter((c) => c.type !== 'comment');
}



/** Names that say "context": `ctx`, `reqCtx`, `ctxTimeout`, a `context` field. */
const CONTEXT_NAME = /^(ctx|context)$|Ctx$|^ctx[A-Z_]/;
/** Methods that return an error and run until the server stops, whatever their receiver. */
const SERVE_METHODS = new Set(['ListenAndServe', 'ListenAndServeTLS']);
/** net/http functions that block serving and return an error. */
const HTTP_SERVE_FUNCS = new Set(['ListenAndServe', 'ListenAndServeTLS', 'Serve', 'ServeTLS']);
/** Standard-library functions whose only way to report failure is the returned error. */
const ERROR_FUNCS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['net/http', HTTP_SERVE_FUNCS],
  ['io', new Set(['Copy', 'CopyN', 'CopyBuffer', 'WriteString', 'ReadFull'])],
  ['os', new Set(['Remove', 'RemoveAll', 'WriteFile', 'Rename', 'MkdirAll'])],
]);
/** `*exec.Cmd` methods that return an error. */
const CMD_METHODS = new Set(['Run', 'Start', 'Wait', 'Output', 'CombinedOutput']);
/** `*http.Server` methods that return an error. */
const HTTP_SERVER_METHODS = new Set(['Serve', 'ServeTLS', 'ListenAndServe', 'ListenAndServeTLS', 'Shutdown']);
const WAITGROUP_NAME = /^(wg|waitGroup|waitgroup)$|(wg|WG|WaitGroup|Group)$/;

const BODY_TYPES = ['call_expression', 'send_statement', 'unary_expression', 'identifier', 'field_identifier', 'qualified_type', 'range_clause'];
/** Channels a finished goroutine releases (`<-sem`): the spawner waits by filling the semaphore. */
const SEMAPHORE_NAME = /sem|token|limit|slot|throttle|gate/i;
/** Calls that hand control back: a condition variable, a cancel function, a semaphore release. */
const SIGNAL_METHODS = new Set(['Signal', 'Broadcast', 'Release']);

/**
 * Whether a goroutine body shows a way to wait for it or stop it: a `Done()` call, a send or
 * `close`, a context or cancel function, a receive from a stop or semaphore channel, a channel
 * or WaitGroup handed to a call, closing one end of a pipe (the reader sees EOF), a condition
 * variable signal, an unlock of a mutex the spawner holds, an atomic store, or a process exit
 * (a signal handler).
 */
function showsSupervision(literal: SyntaxNode, body: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const contextPkg = imports.get('context');
  const signalPkg = imports.get('os/signal');
  const atomicPkg = imports.get('sync/atomic');
  const received: SyntaxNode[] = [];
  const locked = new Set<string>();
  const unlocked: string[] = [];
  for (const n of body.descendantsOfType(BODY_TYPES)) {
    switch (n.type) {
      case 'send_statement':
        return true;
      case 'identifier':
      case 'field_identifier':
        if (CONTEXT_NAME.test(n.text)) return true;
        if (isStopName(n.text) && !isMethodName(n)) return true;
        break;
      case 'qualified_type':
        if (contextPkg && n.text.replace(/\s/g, '') === `${contextPkg}.Context`) return true;
        break;
      case 'range_clause': {
        const right = n.childForFieldName('right');
        if (!right) break;
        // `for v := range ch` ends when the channel is closed: whoever closes it stops the goroutine.
        if (rangesOverChannel(n.parent!, imports) && !isTick(unparen(right), imports)) return true;
        received.push(unparen(right));
        break;
      }
      case 'unary_expression': {
        const ch = receivedChannel(n);
        if (!ch) break;
        if (isStopChannel(ch) || SEMAPHORE_NAME.test(lastName(ch))) return true;
        received.push(unparen(ch));
        break;
      }
      case 'call_expression': {
        const fn = n.childForFieldName('function');
        if (fn?.type === 'identifier' && (fn.text === 'close' || /^cancel/i.test(fn.text))) return true;
        const sel = selectorParts(fn);
        if (sel) {
          if (sel.field === 'Done' || sel.field === 'Context' || SIGNAL_METHODS.has(sel.field)) return true;
          const pkg = sel.operand.type === 'identifier' ? sel.operand.text : null;
          if (pkg && pkg === signalPkg && sel.field === 'Notify') return true;
          if (pkg && pkg === atomicPkg) return true;
          if ((sel.field === 'Close' && isPipeEnd(sel.operand)) || sel.field === 'CloseWithError') return true;
          if (sel.field === 'Lock') locked.add(sel.operand.text);
          if (sel.field === 'Unlock') unlocked.push(sel.operand.text);
        }
        if (isProcessExit(n, imports)) return true;
        if (handsOffSynchronisation(n)) return true;
        break;
      }
    }
  }
  if (unlocked.some((m) => !locked.has(m))) return true;
  return received.some((ch) => isSignalChannel(ch, imports) || closedBySpawner(ch, literal));
}

/** `Close` in `c.Close()`: a method's name, not a value that could be a stop flag or channel. */
function isMethodName(id: SyntaxNode): boolean {
  const sel = id.parent;
  if (id.type !== 'field_identifier' || sel?.type !== 'selector_expression') return false;
  return sel.parent?.type === 'call_expression' && sel.parent.childForFieldName('function')?.id === sel.id;
}

/** `r, w := io.Pipe()`, `c, s := net.Pipe()`, `stdin, _ := cmd.StdinPipe()`: closing one end signals the other. */
function isPipeEnd(expr: SyntaxNode): boolean {
  if (expr.type !== 'identifier') return false;
  const decl = findDeclaration(expr, expr.text);
  if (!decl || decl.kind !== 'short' && decl.kind !== 'var') return false;
  const right = decl.statement.childForFieldName('right') ?? decl.statement.namedChildren.find((c) => c.type === 'var_spec')?.childForFieldName('value');
  return !!right && /Pipe\(/.test(right.text);
}

/** A channel declared `chan os.Signal` (or made so): the goroutine is a signal handler. */
function isSignalChannel(ch: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const os = imports.get('os');
  if (!os || (ch.type !== 'identifier' && ch.type !== 'selector_expression')) return false;
  const t = typeOfExpression(ch);
  return !!t && t.kind === 'chan' && t.text.replace(/\s/g, '').endsWith(`${os}.Signal`);
}

/** Whether the function that starts the goroutine closes `ch` itself (outside the goroutine): that stops it. */
function closedBySpawner(ch: SyntaxNode, literal: SyntaxNode): boolean {
  if (ch.type !== 'identifier' && ch.type !== 'selector_expression') return false;
  const spawner = enclosingFunction(literal);
  const body = spawner?.childForFieldName('body');
  if (!body) return false;
  const name = ch.text;
  for (const call of body.descendantsOfType('call_expression')) {
    if (call.startIndex >= literal.startIndex && call.endIndex <= literal.endIndex) continue;
    if (call.childForFieldName('function')?.text !== 'close') continue;
    const args = callArguments(call);
    if (args.length === 1 && args[0]!.text === name) return true;
  }
  return false;
}

/** `go func(ctx context.Context) { … }(ctx)`: the goroutine is handed a context. */
function takesContext(literal: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const context = imports.get('context');
  const params = literal.childForFieldName('parameters');
  return !!context && !!params && params.text.replace(/\s/g, '').includes(`${context}.Context`);
}

/** A call that is given a channel or a WaitGroup (`worker(jobs, &wg)`): the callee may signal. */
function handsOffSynchronisation(call: SyntaxNode): boolean {
  for (const arg of callArguments(call)) {
    const a = unparen(arg);
    if (a.type === 'unary_expression' && a.text.startsWith('&')) {
      const operand = a.childForFieldName('operand');
      if (operand && WAITGROUP_NAME.test(operand.text.replace(/^.*\./, ''))) return true;
      continue;
    }
    if (a.type !== 'identifier' && a.type !== 'selector_expression') continue;
    if (WAITGROUP_NAME.test(a.text.replace(/^.*\./, ''))) return true;
    const t = typeOfExpression(a);
    if (t && (t.kind === 'chan' || /WaitGroup|errgroup\.Group|\bContext$/.test(t.text))) return true;
  }
  return false;
}

export default defineRule({
  id: 'unsupervised-goroutine',
  title: 'Supervise goroutines: someone must be able to wait for them and see their errors',
  section: 'Structured Concurrency Patterns (Anti-Fire-and-Forget)',
  severity: 'warning',
  minGo: '1.0',
  fixable: false,
  subjects: [
    'fire-and-forget',
    'fire and forget',
    'supervis',
    'detached',
    'lifetime',
    'outlive',
    'async',
    'background',
    'own goroutine',
    'own go routine',
    'separate goroutine',
    'separate go routine',
    'non-blocking',
    'not block',
  ],
  description:
    'A fire-and-forget goroutine — `go func() { … }()` whose body never signals a WaitGroup, never sends ' +
    'on or closes a channel, takes no context and never waits on a done channel — cannot be waited for ' +
    'or stopped: its errors vanish, a panic in it kills the process with nobody watching, and it can ' +
    'outlive the request or test that started it. `go srv.ListenAndServe()` and other calls of a function ' +
    'returning an error throw the error away, so a failed listen goes unnoticed. Run goroutines under ' +
    '`errgroup.Group`, a `sync.WaitGroup` with an error channel, or a worker that takes a `context.Context`.',
  examples: {
    incorrect: `
import "net/http"

func start(srv *http.Server, jobs []Job) {
	go srv.ListenAndServe()
	go func() {
		for _, j := range jobs {
			j.Run()
		}
	}()
}
`,
    correct: `
import (
	"context"
	"net/http"

	"golang.org/x/sync/errgroup"
)

func start(ctx context.Context, srv *http.Server, jobs []Job) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(srv.ListenAndServe)
	g.Go(func() error {
		for _, j := range jobs {
			if err := j.Run(ctx); err != nil {
				return err
			}
		}
		return nil
	})
	return g.Wait()
}
`,
  },
  notes: `
The standard's own \`BadAsyncOperation\` is the shape this rule reports; its \`GoodAsyncOperation\`
(an error channel plus \`ctx.Done()\`) and the worker pool (\`wg.Done()\`, \`ctx.Done()\`) are not.
A signal handler started in \`main\` that ends the process with \`os.Exit\` is not reported, nor a
body that calls \`wg.Done\` (directly or through \`defer\`), sends a result, closes a channel, takes a
context or hands a channel or WaitGroup to the function it calls. \`go f(…)\` of a named function is
reported only when \`f\` visibly returns an error (\`http.ListenAndServe\`, \`srv.ListenAndServe\`,
\`(*http.Server).Serve\`, or a function or method declared in the same file).

Also not reported (the code shows supervision): a body that ranges over a channel (it ends when the
channel is closed); a stop channel or context handed to the call it makes (\`o.process(qch)\`); a
server whose \`Serve\` runs in the goroutine and that the same function stops later (\`srv.Stop()\`,
\`Close\`, \`Shutdown\`, also inside a closer it returns); a goroutine-launch helper that runs a
function it was given; a \`go\` inside a harness that waits for it (\`synctest.Test\`, \`errgroup.Group.Go\`,
\`wg.Go\`); a body that reports through \`CloseWithError\`; an empty body.

A function literal the file shows no supervision for is advisory: on real code most were deliberate
background tasks, whose intended lifetime the file does not show. \`go f(…)\` that loses a server's
error (\`srv.ListenAndServe()\`, \`http.Serve\`) or a command's (\`cmd.Run()\`) is a comment; for other
functions (\`os.RemoveAll\`, \`io.Copy\`, a function of the file returning an error, often a deliberate
background cleanup or shutdown) it is advisory.
`,
  create(context) {
    const functions = (): FileFunctions => fileFunctions(context.root);
    return {
      go_statement(go) {
        const call = goCall(go);
        if (!call) return;
        const fnNode = call.childForFieldName('function');
        if (!fnNode) return;
        const fn = unparen(fnNode);
        const imports = context.imports();
        if (insideWaitingHarness(go)) return;
        if (fn.type === 'func_literal') {
          const body = fn.childForFieldName('body');
          if (!body) return;
          const statements = statementsOf(body);
          if (statements.length === 0 || takesContext(fn, imports) || showsSupervision(fn, body, imports)) return;
          if (launchesParameter(fn, statements) || stoppedLater(go, body.descendantsOfType('call_expression'))) return;
          context.report({
            node: go,
            // What a goroutine's lifetime should be is a design choice the file rarely shows (a
            // deliberate background task looks the same as a leak): advisory.
            tier: 'advisory',
            message: returnsError(fn)
              ? 'the goroutine\'s returned error is discarded and the file shows no way to wait for it: failures go unnoticed; use `errgroup.Group.Go` or send the error on a channel someone reads.'
              : 'fire-and-forget goroutine: the file shows no way to wait for it or stop it (no WaitGroup, context, done channel, send or close), so its errors and panics go unseen and it can outlive its caller; run it under errgroup, a WaitGroup with an error channel, or give it a context.',
            anchor: call,
          });
          return;
        }
        const name = lostErrorCall(call, fn, imports, functions);
        if (!name || stoppedLater(go, [call])) return;
        // A server's or a command's lost error (a failed listen goes unnoticed) is a comment; a
        // cleanup, copy or a function of the file run in the background is advisory.
        const background = !losesServerError(call, fn, imports);
        context.report({
          node: go,
          ...(background ? { tier: 'advisory' as const } : {}),
          message: `\`go ${name}(…)\` discards the returned error, so a failure goes unnoticed and nobody can wait for it; send it on an error channel (\`errc <- ${name}(…)\`) or use \`errgroup.Group.Go\`.`,
          anchor: call,
        });
      },
    };
  },
});

/** `go http.ListenAndServe(…)`, `go srv.Serve(l)`, `go cmd.Run()`: a server or command whose failure is its error. */
function losesServerError(call: SyntaxNode, fn: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const pkg = packageCall(call, imports);
  if (pkg) return pkg.path === 'net/http';
  const sel = selectorParts(fn);
  if (!sel) return false;
  if (SERVE_METHODS.has(sel.field)) return true;
  if (HTTP_SERVER_METHODS.has(sel.field) && isHttpServer(sel.operand, imports)) return true;
  return CMD_METHODS.has(sel.field) && isExecCommand(sel.operand, imports);
}

/** For `go f(…)` where `f` visibly returns an error: the callee as written; else null. */
function lostErrorCall(
  call: SyntaxNode,
  fn: SyntaxNode,
  imports: ReadonlyMap<string, string>,
  functions: () => FileFunctions,
): string | null {
  const pkg = packageCall(call, imports);
  if (pkg) return ERROR_FUNCS.get(pkg.path)?.has(pkg.name) ? fn.text : null;
  const sel = selectorParts(fn);
  if (sel && SERVE_METHODS.has(sel.field)) return fn.text;
  if (sel && HTTP_SERVER_METHODS.has(sel.field) && isHttpServer(sel.operand, imports)) return fn.text;
  if (sel && CMD_METHODS.has(sel.field) && isExecCommand(sel.operand, imports)) return fn.text;
  const declared = calledFunction(call, functions, imports);
  return declared && declared.type !== 'func_literal' && returnsError(declared) ? fn.text : null;
}

/** `exec.Command(…)` itself, or a variable made by it. */
function isExecCommand(expr: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  let value: SyntaxNode | null = expr;
  if (expr.type === 'identifier') value = findDeclaration(expr, expr.text)?.value ?? null;
  if (value?.type !== 'call_expression') return false;
  const pkg = packageCall(value, imports);
  return pkg?.path === 'os/exec' && (pkg.name === 'Command' || pkg.name === 'CommandContext');
}

function isHttpServer(expr: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const http = imports.get('net/http');
  if (!http || (expr.type !== 'identifier' && expr.type !== 'selector_expression')) return false;
  const t = typeOfExpression(expr);
  return !!t && t.text.replace(/[\s*&]/g, '') === `${http}.Server`;
}
