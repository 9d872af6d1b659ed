/** Syntax evidence that code runs per request or per item, not once: what makes a cost repeat. */
import { enclosingFunction } from './functions.js';
import { enclosingLoop } from './loops.js';
import type { SyntaxNode } from './parser.js';

/** Whether the function takes an HTTP request, response writer or header: it runs per request. */
export function takesHttpRequest(fn: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const http = imports.get('net/http');
  if (!http) return false;
  const wanted = new Set([`*${http}.Request`, `${http}.ResponseWriter`, `${http}.Header`]);
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  return params.some((p) => p.type === 'parameter_declaration' && wanted.has(p.childForFieldName('type')?.text.replace(/\s/g, '') ?? ''));
}

/**
 * Whether `node` repeats: it sits in a loop of its own function, or that function (or one it
 * is written in) takes an HTTP request.
 */
export function runsPerItemOrRequest(node: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  if (enclosingLoop(node)) return true;
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) if (takesHttpRequest(fn, imports)) return true;
  return false;
}

/** A `//go:build ignore` file: a program run by hand or by `go generate`, never built into the package. */
export function isIgnoredBuild(source: string): boolean {
  const head = source.slice(0, Math.max(0, source.search(/^package\s/m)));
  return /^\/\/go:build\s+ignore\s*$/m.test(head);
}
