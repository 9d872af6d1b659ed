/**
 * What bounds a request sent through the default client, as far as the file shows: a context
 * with a deadline made in the function, a context handed in by the caller, or nothing; and
 * whether the call sits in a program that runs once by hand (a generator, a `main` at start-up).
 */
import { codeKind } from '../../core/code-kind.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, type Declaration } from '../../core/go/scope.js';
import { enclosingFunction, FUNCTION_TYPES, functionName } from '../../core/go/functions.js';
import { selectorParts } from '../../core/go/selectors.js';
import { isHttpHandler } from '../../core/go/stdlib-types.js';
import { callArguments, unparen } from '../../core/go/syntax.js';

export type Bound = 'deadline' | 'caller' | 'none';

function rightHandSide(decl: Declaration): SyntaxNode | null {
  if (decl.value) return unparen(decl.value);
  if (decl.statement.type !== 'short_var_declaration' && decl.statement.type !== 'var_spec') return null;
  const right = (decl.statement.type === 'var_spec' ? decl.statement.childForFieldName('value') : decl.statement.childForFieldName('right'))?.namedChildren ?? [];
  return right.length === 1 ? unparen(right[0]!) : null;
}

/** `ctx` made by `context.WithTimeout`/`WithDeadline` in the function, handed in, or absent. */
function contextBound(ctx: SyntaxNode, depth = 0): Bound {
  const x = unparen(ctx);
  if (x.type === 'call_expression') {
    const fn = x.childForFieldName('function')?.text.replace(/\s/g, '') ?? '';
    if (/^context\.With(Timeout|Deadline)(Cause)?$/.test(fn)) return 'deadline';
    if (/^context\.(Background|TODO)$/.test(fn)) return 'none';
    return 'caller'; // `r.Context()`, a helper's context: bounded or not, the file does not say
  }
  if (x.type !== 'identifier' || depth > 3) return 'caller';
  const decl = findDeclaration(x, x.text);
  if (!decl) return 'caller';
  if (decl.kind === 'param') return 'caller';
  const value = rightHandSide(decl);
  if (!value) return 'caller';
  if (value.type === 'call_expression') {
    const fn = value.childForFieldName('function')?.text.replace(/\s/g, '') ?? '';
    if (/^context\.With(Timeout|Deadline)(Cause)?$/.test(fn)) return 'deadline';
    if (/^context\.With(Cancel|Value|CancelCause)$|^context\.WithoutCancel$/.test(fn)) {
      const parent = callArguments(value)[0];
      return parent ? contextBound(parent, depth + 1) : 'caller';
    }
  }
  return contextBound(value, depth + 1);
}

/** The value of the last `name = …` before `call` in its function (`req = req.WithContext(ctx)`). */
function latestAssignment(call: SyntaxNode, name: string): SyntaxNode | null {
  const fn = enclosingFunction(call);
  let value: SyntaxNode | null = null;
  for (const a of fn?.childForFieldName('body')?.descendantsOfType('assignment_statement') ?? []) {
    if (a.startIndex >= call.startIndex) break;
    const left = a.childForFieldName('left')?.namedChildren ?? [];
    const right = a.childForFieldName('right')?.namedChildren ?? [];
    if (left.length === right.length && left[0]?.text === name) value = unparen(right[0]!);
  }
  return value;
}

/** For `client.Do(req)`: what bounds `req`, read from `req, err := http.NewRequestWithContext(ctx, …)`. */
export function requestBound(call: SyntaxNode): Bound {
  const fn = selectorParts(call.childForFieldName('function'));
  if (fn?.field !== 'Do') return 'none';
  const req = callArguments(call)[0];
  if (!req || unparen(req).type !== 'identifier') return 'none';
  const name = unparen(req).text;
  const decl = findDeclaration(req, name);
  const made = latestAssignment(call, name) ?? (decl ? rightHandSide(decl) : null);
  if (!made || made.type !== 'call_expression') return decl?.kind === 'param' ? 'caller' : 'none';
  const maker = selectorParts(made.childForFieldName('function'));
  if (maker?.field === 'NewRequestWithContext') {
    const ctx = callArguments(made)[0];
    return ctx ? contextBound(ctx) : 'none';
  }
  if (maker?.field === 'WithContext') {
    const ctx = callArguments(made)[0];
    return ctx ? contextBound(ctx) : 'none';
  }
  return 'none';
}

const GENERATOR_DIRS = new Set(['gen', 'generate', 'generator', 'hack', 'tools', 'scripts']);

/**
 * Why the call runs once in a program run by hand, or null: a generator (`//go:generate`,
 * `//go:build ignore`, a `gen`/`hack`/`tools` directory), a sample program, or `main`/`init` of
 * package main at start-up (not a handler literal inside it).
 */
export function runOnceProgram(call: SyntaxNode, source: string, path: string, imports: ReadonlyMap<string, string>): string | null {
  if (codeKind(path) === 'example') return 'a sample program';
  const header = source.slice(0, Math.max(0, source.search(/^package\s/m)));
  const main = /^package\s+main\b/m.test(source);
  if (/^\/\/(go:build|\s*\+build)\s+ignore\s*$/m.test(header)) return 'a program run by hand (`//go:build ignore`)';
  if (!main) return null;
  if (/^\/\/go:generate\s/m.test(source) || path.split(/[\\/]/).slice(0, -1).some((d) => GENERATOR_DIRS.has(d))) return 'a generator or maintainer program';
  let outer: SyntaxNode | null = null;
  for (let n = call.parent; n; n = n.parent) {
    if (!FUNCTION_TYPES.has(n.type)) continue;
    if (n.type === 'func_literal' && isHttpHandler(n, imports)) return null;
    outer = n;
  }
  const name = outer && outer.type === 'function_declaration' ? functionName(outer) : '';
  return name === 'main' || name === 'init' ? 'the start-up of a program' : null;
}
