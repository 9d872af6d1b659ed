import { enclosingFunction, FUNCTION_TYPES, functionName } from '../../core/go/functions.js';
import { importLookup, packageTypeName } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { selectorParts } from '../../core/go/selectors.js';
import { isHttpHandler } from '../../core/go/stdlib-types.js';
import { unparen } from '../../core/go/syntax.js';
import { isTestFile } from '../../core/go/test-files.js';
import { defineRule } from '../define-rule.js';

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

/**
 * Whether the literal is stored for reuse: assigned to a struct field or a package-level
 * variable (`s.client = &http.Client{…}`, a lazily built shared client).
 */
function storedForReuse(literalValue: SyntaxNode): boolean {
  // A client inside a larger literal (`s.api = &API{client: &http.Client{…}}`) goes where that goes.
  let value = literalValue;
  while (value.parent?.type === 'literal_element') {
    const holder = value.parent.parent?.type === 'keyed_element' ? value.parent.parent.parent : value.parent.parent;
    const literal = holder?.type === 'literal_value' ? holder.parent : null;
    if (literal?.type !== 'composite_literal') break;
    value = literal.parent?.type === 'unary_expression' && literal.parent.text.startsWith('&') ? literal.parent : literal;
  }
  const list = value.parent;
  const stmt = list?.parent;
  if (list?.type !== 'expression_list' || stmt?.type !== 'assignment_statement' || stmt.childForFieldName('right')?.id !== list.id) {
    return false;
  }
  const index = list.namedChildren.findIndex((c) => c.id === value.id);
  const target = stmt.childForFieldName('left')?.namedChildren[index];
  if (!target) return false;
  if (target.type === 'selector_expression' || target.type === 'index_expression') return true;
  if (target.type !== 'identifier') return false;
  return findDeclaration(target, target.text)?.kind === 'package';
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
    'An `http.Client` or `http.Transport` built inside an ordinary function is built again on every call. ' +
    'A new `Transport` has an empty connection pool, so every request pays a TCP and TLS handshake, and ' +
    'the idle connections it keeps are never reused nor closed (a file-descriptor and goroutine leak); ' +
    'a new `Client` alone allocates on every call and scatters its settings. Build one client, at ' +
    'package level, in `init`/`main` or in a `New…` constructor, and share it: clients are safe for ' +
    'concurrent use.',
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
    'Not reported: literals at package level, in `init`, `main`, functions named `New…`/`new…`, bodies of ' +
    '`sync.Once.Do` / `sync.OnceValue`, a transport or client whose function closes its idle connections ' +
    'itself (`defer t.CloseIdleConnections()`: deliberately short-lived), literals stored into a struct field or package variable (a client ' +
    'built once and cached), and test functions. A handler literal inside `main` runs per request and is ' +
    'reported.',
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
        if (storedForReuse(value) || !runsPerCall(literal, testFile, context.imports()) || closedByCaller(value)) return;
        const transport = kind === 'Client' ? keyedValue(body, 'Transport') : null;
        if (transport && transport.type === 'identifier' && isTransportLiteral(transport, http, true)) return; // reported there
        const message =
          kind === 'Transport' || isTransportLiteral(transport, http, false)
            ? `A new \`${http}.Transport\` on every call: its empty connection pool costs a TCP+TLS handshake per request and its idle connections leak; build one client at package level or in a constructor and share it.`
            : `A new \`${http}.Client\` on every call allocates per call and scatters its settings; build one client (safe for concurrent use) at package level or in a constructor and share it.`;
        context.report({ node: value, message });
      },
    };
  },
});
