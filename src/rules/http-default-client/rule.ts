import { enclosingFunction } from '../../core/go/functions.js';
import { importLookup, packageFunction, packageMember } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { selectorParts } from '../../core/go/selectors.js';
import { isTestFile } from '../../core/go/test-files.js';
import { defineRule } from '../define-rule.js';
import { requestBound, runOnceProgram } from './request-bounds.js';

/** Package functions that send through `http.DefaultClient`. */
const DEFAULT_CLIENT_FUNCTIONS = new Set(['Get', 'Head', 'Post', 'PostForm']);
/** `http.Client` methods that send a request. */
const CLIENT_METHODS = new Set(['Do', 'Get', 'Head', 'Post', 'PostForm']);

/**
 * Whether `id` is a local variable initialised from `http.DefaultClient` and never assigned
 * again in its function (`client := http.DefaultClient; client.Do(req)`).
 */
function aliasesDefaultClient(id: SyntaxNode, http: string): boolean {
  const decl = findDeclaration(id, id.text);
  if (!decl?.value || decl.kind === 'package' || packageMember(decl.value, http) !== 'DefaultClient') return false;
  const fn = enclosingFunction(decl.id);
  const body = fn?.childForFieldName('body');
  if (!body) return false;
  return !body.descendantsOfType('assignment_statement').some((a) =>
    (a.childForFieldName('left')?.namedChildren ?? []).some((l) => l.text === id.text),
  );
}

export default defineRule({
  id: 'http-default-client',
  title: 'Do not send requests through `http.DefaultClient`',
  section: 'Production-Scale Optimization Patterns (2M+ Users)',
  severity: 'warning',
  minGo: '1.0',
  fixable: false,
  description:
    '`http.Get`, `http.Head`, `http.Post`, `http.PostForm` and `http.DefaultClient.Do` send through ' +
    '`http.DefaultClient`, which has no timeout: a server that accepts the connection and never answers ' +
    'blocks the calling goroutine, and holds its connection, forever. Send through one shared ' +
    '`http.Client` with a `Timeout` and a tuned `Transport` (idle-connection limits per host), built once ' +
    'at package level or in a constructor.',
  examples: {
    incorrect: `
import "net/http"

func fetchProfile(url string) (*http.Response, error) {
	return http.Get(url)
}
`,
    correct: `
import (
	"net/http"
	"time"
)

var apiClient = &http.Client{
	Timeout: 10 * time.Second,
	Transport: &http.Transport{
		MaxIdleConnsPerHost: 10,
		IdleConnTimeout:     90 * time.Second,
	},
}

func fetchProfile(url string) (*http.Response, error) {
	return apiClient.Get(url)
}
`,
  },
  notes:
    'In test files the finding is a notice: `go test` bounds a hung request with its own timeout. A request ' +
    'built with `http.NewRequestWithContext(ctx, …)` whose `ctx` comes from `context.WithTimeout` or ' +
    '`context.WithDeadline` in the same function is bounded and not reported; when the context is handed in ' +
    'by the caller the message says the file does not show a deadline. Advisory only: calls in programs run ' +
    'by hand (`//go:generate` generators, `//go:build ignore` files, `gen`/`hack`/`tools` directories, sample ' +
    'programs) and in `main`/`init` of package main at start-up.',
  subjects: ['timeout', 'deadline', 'default client', 'DefaultClient'],
  peers: ['noctx'],
  create(context) {
    const httpName = importLookup(() => context.imports(), 'net/http');
    const severity = isTestFile(context.path) ? 'notice' : undefined;
    return {
      $calls: [...new Set([...DEFAULT_CLIENT_FUNCTIONS, ...CLIENT_METHODS])],
      call_expression(call) {
        const http = httpName();
        if (!http) return;
        const fn = selectorParts(call.childForFieldName('function'));
        if (!fn) return;
        let what: string | null = null;
        if (fn.operand.type === 'identifier') {
          if (fn.operand.text === http) {
            if (DEFAULT_CLIENT_FUNCTIONS.has(fn.field) && packageFunction(call, http)) what = `${http}.${fn.field}`;
          } else if (CLIENT_METHODS.has(fn.field) && aliasesDefaultClient(fn.operand, http)) {
            what = `${fn.operand.text}.${fn.field} (${http}.DefaultClient)`;
          }
        } else if (CLIENT_METHODS.has(fn.field) && packageMember(fn.operand, http) === 'DefaultClient') {
          what = `${http}.DefaultClient.${fn.field}`;
        }
        if (!what) return;
        const bound = requestBound(call);
        if (bound === 'deadline') return; // the request's context has a deadline made right here
        const once = runOnceProgram(call, context.source, context.path, context.imports());
        const blocks =
          bound === 'caller'
            ? 'a server that never answers blocks this goroutine until the request\'s context ends, forever if the caller gave it no deadline (the file does not show one)'
            : 'a server that never answers blocks this goroutine forever';
        context.report({
          node: call,
          severity,
          tier: once ? 'advisory' : undefined,
          message:
            `\`${what}\` uses the default client, which has no timeout: ${blocks}; send through a shared \`http.Client\` with \`Timeout\` and a tuned \`Transport\`.` +
            (once ? ` Here it runs in ${once}, where a hang is seen and interrupted by hand.` : ''),
        });
      },
    };
  },
});
