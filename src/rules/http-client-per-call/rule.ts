import { enclosingFunction, FUNCTION_TYPES, functionName } from '../../core/go/functions.js';
import { importLookup, packageTypeName } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { selectorParts } from '../../core/go/selectors.js';
import { isHttpHandler } from '../../core/go/stdlib-types.js';
import { unparen } from '../../core/go/syntax.js';
import { isTestFile } from '../../core/go/test-files.js';
import { defineRule } from '../define-rule.js';
import { outlivesCall } from './reuse.js';

const TEST_FUNCTION = /^(Test|Benchmark|Example|Fuzz)([A-Z_0-9]|$)/;

/** `sync.OnceValue(f)`, `sync.OnceFunc(f)`, `once.Do(f)`: the literal runs once. */
function runsOnce(literal: SyntaxNode): boolean {
  const args = literal.parent;
  const call = args?.type === 'argument_list' ? args.parent : null;
  if (call?.type !== 'call_expression') return false;
  const fn = selectorParts(call.childForFieldName('function'));
  return fn !== null && /^(Do|OnceValues?|OnceFunc)$/.test(fn.field);
}

/** Whether a parameter list mentions `*testing.T`, `*testing.B`, `*testing.F` or `testing.TB`. */
function takesTesting(fn: SyntaxNode): boolean {
  const params = fn.childForFieldName('parameters');
  return params !== null && /\btesting\.(T|B|F|TB)\b/.test(params.text);
}

/** Whether code at `node` runs once per HTTP request: inside a handler (`func(w, r)`, `ServeHTTP`). */
function runsPerRequest(node: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (!FUNCTION_TYPES.has(n.type)) continue;
    if (isHttpHandler(n, imports) || functionName(n) === 'ServeHTTP') return true;
  }
  return false;
}

/** Whether the function assigns the client's `Transport` after the literal (`c.Transport = …`). */
function transportSetLater(value: SyntaxNode): boolean {
  const name = declaredName(value);
  const fn = enclosingFunction(value);
  return name !== null && fn !== null && new RegExp(`(?<![\\p{L}\\p{N}_.])${name}\\s*\\.\\s*Transport\\s*=[^=]`, 'u').test(fn.text);
}

/**
 * Whether code at `node` runs once per program or per constructed value rather than per call:
 * package level, `init`, `main`, a `New…`/`new…` constructor, a `sync.Once` body, or a test.
 * A function literal that is an HTTP handler runs per request whatever encloses it; other
 * literals are judged by the function they are written in.
 */
function runsPerCall(node: SyntaxNode, testFile: boolean, imports: ReadonlyMap<string, string>): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (!FUNCTION_TYPES.has(n.type)) continue;
    if (n.type === 'func_literal') {
      if (runsOnce(n)) return false;
      if (isHttpHandler(n, imports)) return true;
      continue; // invoked in place, a goroutine body, a callback: judged by its enclosing function
    }
    const name = functionName(n);
    if (name === 'init' || name === 'main' || /^[Nn]ew([A-Z0-9_]|$)/.test(name)) return false;
    if (testFile && (TEST_FUNCTION.test(name) || takesTesting(n))) return false;
    return true;
  }
  return false; // a package-level initialiser
}

/** The local variable a literal initialises (`t := &http.Transport{…}`), or null. */
function declaredName(value: SyntaxNode): string | null {
  const list = value.parent;
  const stmt = list?.parent;
  if (list?.type !== 'expression_list' || stmt?.childForFieldName('right')?.id !== list.id) return null;
  if (stmt.type !== 'short_var_declaration' && stmt.type !== 'assignment_statement') return null;
  const index = list.namedChildren.findIndex((c) => c.id === value.id);
  const target = stmt.childForFieldName('left')?.namedChildren[index];
  return target?.type === 'identifier' ? target.text : null;
}

/**
 * Whether the function closes the value's idle connections itself (`defer t.CloseIdleConnections()`):
 * a deliberately short-lived transport, such as one with a fake dialer.
 */
function closedByCaller(value: SyntaxNode): boolean {
  const name = declaredName(value);
  if (!name) return false;
  const fn = enclosingFunction(value);
  return fn !== null && fn.text.includes(`${name}.CloseIdleConnections()`);
}

/** The keyed element `Key: value` of a literal body, or null. */
function keyedValue(body: SyntaxNode | null, key: string): SyntaxNode | null {
  for (const el of body?.namedChildren ?? []) {
    if (el.type !== 'keyed_element') continue;
    if (el.childForFieldName('key')?.text !== key && el.namedChild(0)?.text !== key) continue;
    const value = el.childForFieldName('value') ?? el.namedChild(1);
    return value ? unparen(value.type === 'literal_element' ? (value.namedChild(0) ?? value) : value) : null;
  }
  return null;
}

/** Whether `expr` is `&http.Transport{…}` (or a local initialised with one). */
function isTransportLiteral(expr: SyntaxNode | null, http: string, followLocal: boolean): boolean {
  if (!expr) return false;
  if (expr.type === 'unary_expression' && expr.text.startsWith('&')) {
    const operand = expr.childForFieldName('operand');
    return operand?.type === 'composite_literal' && packageTypeName(operand.childForFieldName('type'), http) === 'Transport';
  }
  if (followLocal && expr.type === 'identifier') {
    const decl = findDeclaration(expr, expr.text);
    return decl?.value != null && decl.kind !== 'package' && isTransportLiteral(unparen(decl.value), http, false);
  }
  return false;
}

export default defineRule({
  id: 'http-client-per-call',
  title: 'Build HTTP clients and transports once, not per call',
  section: 'Production-Scale Optimization Patterns (2M+ Users)',
  severity: 'warning',
  minGo: '1.0',
  fixable: false,
  description:
    'An `http.Transport` built inside an ordinary function is built again on every call. A new ' +
    '`Transport` has an empty connection pool, so every request pays a TCP and TLS handshake, and the idle ' +
    'connections it keeps are never reused nor closed (a file-descriptor and goroutine leak). The rule ' +
    'reports a `Transport` literal, or a `Client` literal with its own `Transport`, built per call; and a ' +
    'client without one only in code that runs per request (an HTTP handler), where it allocates on every ' +
    'request. Build one client, at package level, in `init`/`main` or in a constructor, and share it: ' +
    'clients are safe for concurrent use.',
  examples: {
    incorrect: `
import (
	"net/http"
	"time"
)

func fetchInvoice(url string) (*http.Response, error) {
	client := &http.Client{
		Timeout:   5 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 10},
	}
	return client.Get(url)
}
`,
    correct: `
import (
	"net/http"
	"time"
)

var billingClient = &http.Client{
	Timeout:   5 * time.Second,
	Transport: &http.Transport{MaxIdleConnsPerHost: 10},
}

func fetchInvoice(url string) (*http.Response, error) {
	return billingClient.Get(url)
}
`,
  },
  notes:
    'Not reported: a client around a `RoundTripper` passed in or kept elsewhere (`Transport: rt`, ' +
    '`Transport: p.transport`: its connections are reused), a client on the default transport outside a ' +
    'handler, factories (the function returns what it builds, or stores it in a field, a map, a package ' +
    'variable, a named result, or hands it to something that does), literals at package level, in `init`, ' +
    '`main`, functions named `New…`/`new…`, bodies of `sync.Once.Do` / `sync.OnceValue`, a transport whose ' +
    'function closes its idle connections itself (`defer t.CloseIdleConnections()`: deliberately ' +
    'short-lived), and test functions. A handler literal inside `main` runs per request and is reported.',
  subjects: ['per call', 'per request', 'connection pool', 'connection reuse', 'fresh client', 'fresh transport', 'throwaway', 'short-lived', 'one-off'],
  create(context) {
    const httpName = importLookup(() => context.imports(), 'net/http');
    const testFile = isTestFile(context.path);
    return {
      $find: {
        composite_literal: () => {
          const http = httpName();
          return http ? new RegExp(`(?<![\\p{L}\\p{N}_])${http}\\s*\\.\\s*(?:Client|Transport)\\s*\\{`, 'gu') : null;
        },
      },
      composite_literal(literal) {
        const http = httpName();
        if (!http) return;
        const kind = packageTypeName(literal.childForFieldName('type'), http);
        if (kind !== 'Client' && kind !== 'Transport') return;
        const addressed = literal.parent?.type === 'unary_expression' && literal.parent.text.startsWith('&');
        const value = addressed ? literal.parent! : literal;
        const body = literal.childForFieldName('body');
        if (kind === 'Transport') {
          if (!addressed) return;
          // Inside `&http.Client{Transport: &http.Transport{…}}` the client's finding covers it.
          const holder = value.parent?.type === 'literal_element' ? value.parent.parent?.parent?.parent : null;
          if (holder?.type === 'composite_literal' && packageTypeName(holder.childForFieldName('type'), http) === 'Client') return;
        }
        if (!runsPerCall(literal, testFile, context.imports()) || closedByCaller(value) || outlivesCall(value)) return;
        let message: string;
        if (kind === 'Transport') {
          message = `A new \`${http}.Transport\` on every call: its empty connection pool costs a TCP+TLS handshake per request and its idle connections leak; build it once (at package level or in a constructor) and share it.`;
        } else {
          const transport = keyedValue(body, 'Transport');
          if (transport) {
            if (transport.type === 'identifier' && isTransportLiteral(transport, http, true)) return; // reported there
            // A client around a RoundTripper passed in or kept elsewhere reuses its connections.
            if (!isTransportLiteral(transport, http, false)) return;
            message = `A new \`${http}.Client\` with its own \`${http}.Transport\` on every call: the empty connection pool costs a TCP+TLS handshake per request and its idle connections leak; build the client once (at package level or in a constructor) and share it.`;
          } else {
            // The default transport is shared: only a request handler's client is worth a word.
            if (!runsPerRequest(literal, context.imports()) || transportSetLater(value)) return;
            message = `A new \`${http}.Client\` for every request this handler serves: it shares the default transport's connections, but allocates per request and scatters its settings; build one client (safe for concurrent use) and share it.`;
          }
        }
        context.report({ node: value, message });
      },
    };
  },
});
