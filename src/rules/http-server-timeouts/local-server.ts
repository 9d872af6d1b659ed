/**
 * Servers slow clients cannot reach, or that nobody runs in production: those bound to loopback,
 * profiling and debug endpoints, live-reload development servers and sample programs. Their
 * findings are advisory; the reason is said in the message.
 */
import { codeKind } from '../../core/code-kind.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { fileMemo } from '../../core/go/file-memo.js';
import { findDeclaration, topLevelDeclarations } from '../../core/go/scope.js';
import { stringLiteralValue } from '../../core/go/constants.js';
import { enclosingFunction, functionName } from '../../core/go/functions.js';
import { unparen } from '../../core/go/syntax.js';
import type { RuleContext } from '../../core/rule.js';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)(:|$)/;
const DEBUG_NAME = /pprof|profil|debug/i;
/** `//go:build ignore` (or `// +build ignore`) above the package clause: a program run by hand. */
const IGNORED_BUILD = /^\/\/(go:build|\s*\+build)\s+ignore\s*$/m;

/** The string an address expression holds, when the file shows it (a literal or a constant). */
function addressText(expr: SyntaxNode, depth = 0): string | null {
  if (depth > 3) return null;
  const x = unparen(expr.type === 'literal_element' ? (expr.namedChild(0) ?? expr) : expr);
  const literal = stringLiteralValue(x);
  if (literal !== null) return literal;
  if (x.type === 'identifier') {
    const decl = findDeclaration(x, x.text);
    return decl?.value && (decl.kind === 'const' || decl.kind === 'short' || decl.kind === 'var' || decl.kind === 'package')
      ? addressText(decl.value, depth + 1)
      : null;
  }
  if (x.type === 'call_expression' && /^(\w+\.)?(Sprintf|JoinHostPort)$/.test(x.childForFieldName('function')?.text ?? '')) {
    const first = x.childForFieldName('arguments')?.namedChildren[0];
    return first ? stringLiteralValue(unparen(first)) : null;
  }
  return null;
}

/** Whether a function listens on loopback itself (`net.Listen("tcp", "127.0.0.1:0")`). */
function listensItself(fn: SyntaxNode): boolean {
  return fn.descendantsOfType('call_expression').some((call) => {
    const callee = call.childForFieldName('function')?.text ?? '';
    if (!/(^|\.)Listen(TCP)?$/.test(callee)) return false;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    return args.some((a) => LOOPBACK.test(addressText(a) ?? ''));
  });
}

/** Names of the file's functions and methods that listen on loopback themselves. */
function loopbackListeners(root: SyntaxNode): ReadonlySet<string> {
  return fileMemo(root, 'http-server-timeouts:loopback-listeners', () => {
    const names = new Set<string>();
    if (!/127\.0\.0\.1|localhost|::1/.test(root.text)) return names;
    for (const decl of topLevelDeclarations(root)) {
      if ((decl.type === 'function_declaration' || decl.type === 'method_declaration') && listensItself(decl)) names.add(functionName(decl));
    }
    return names;
  });
}

/** Whether a function listens on loopback, itself or through a function of the file it calls. */
function listensOnLoopback(fn: SyntaxNode | null, root: SyntaxNode): boolean {
  if (!fn) return false;
  if (listensItself(fn)) return true;
  const helpers = loopbackListeners(root);
  if (helpers.size === 0) return false;
  return fn.descendantsOfType('call_expression').some((call) => {
    const callee = call.childForFieldName('function');
    const name = callee?.type === 'selector_expression' ? callee.childForFieldName('field')?.text : callee?.text;
    return name !== undefined && helpers.has(name);
  });
}

/** `httptest.Server{Config: &http.Server{…}}` or `ts.Config = &http.Server{…}`: a test server, on loopback. */
function httptestConfig(literal: SyntaxNode): boolean {
  const value = literal.parent?.type === 'unary_expression' ? literal.parent : literal;
  const holder = value.parent?.type === 'literal_element' ? value.parent.parent : value.parent;
  if (holder?.type === 'keyed_element') return holder.namedChild(0)?.text === 'Config';
  if (holder?.type === 'expression_list' && holder.parent?.type === 'assignment_statement') {
    const left = holder.parent.childForFieldName('left')?.namedChildren[0];
    return left?.type === 'selector_expression' && left.childForFieldName('field')?.text === 'Config';
  }
  return false;
}

/**
 * Why a server at `node` (an `http.Server` literal or a `ListenAndServe` call) is local or not
 * production, as words for the message; null when nothing says so.
 */
export function localOnly(context: RuleContext, node: SyntaxNode, addr: SyntaxNode | null): string | null {
  const kind = codeKind(context.path);
  if (kind === 'example') return 'the server is a sample program';
  if (IGNORED_BUILD.test(context.source.slice(0, context.source.search(/^package\s/m)))) return 'the file is a standalone program (`//go:build ignore`)';
  const address = addr ? addressText(addr) : null;
  const fn = enclosingFunction(node);
  const imports = context.imports();
  if ((address !== null && LOOPBACK.test(address)) || listensOnLoopback(fn, context.root)) return 'it listens on loopback: only local clients reach it';
  if (imports.has('net/http/httptest') && node.type === 'composite_literal' && httptestConfig(node)) return 'it configures an httptest server, which listens on loopback';
  if ([...imports.keys()].some((path) => /livereload/i.test(path))) return 'it is a live-reload development server';
  const outer = fn && fn.type === 'func_literal' ? enclosingNamed(fn) : fn;
  if ((addr && DEBUG_NAME.test(addr.text)) || (outer && DEBUG_NAME.test(functionName(outer)))) return 'it is a profiling or debug server';
  if (imports.has('net/http/pprof')) return 'the file registers the profiling handlers of `net/http/pprof`, which a debug server serves';
  return null;
}

function enclosingNamed(fn: SyntaxNode): SyntaxNode | null {
  for (let n: SyntaxNode | null = fn; n; n = enclosingFunction(n)) if (n.type !== 'func_literal') return n;
  return null;
}
