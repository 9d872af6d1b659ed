import { enclosingFunction } from '../../core/go/functions.js';
import { importedName, importLookup, packageFunction, packageTypeName } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { HTTP_SERVE_FUNCTIONS } from '../../core/go/stdlib-types.js';
import { callArguments } from '../../core/go/syntax.js';
import { isTestFile } from '../../core/go/test-files.js';
import { defineRule } from '../define-rule.js';
import { localOnly } from './local-server.js';
import { addFieldsEdits, keyedElements, lacksHeaderTimeout, TIMEOUT_FIELDS } from './server-literal.js';

/** A server literal waiting for the end of the walk, when later field assignments are known. */
interface PendingServer {
  literal: SyntaxNode;
  /** The literal, or `&literal`. */
  value: SyntaxNode;
  body: SyntaxNode;
  present: Set<string>;
  /** The `Addr` field's value, when the literal sets it. */
  addr: SyntaxNode | null;
  /** What the literal is stored in (`srv`, `s.server`), when it is assigned to something. */
  target: string | null;
  /** Whether the target is a local variable of the literal's function. */
  localTarget: boolean;
  fn: SyntaxNode | null;
}

/** A `x.Field = …` assignment to one of the timeout fields. */
interface FieldWrite {
  operand: string;
  field: string;
  fn: SyntaxNode | null;
  at: number;
}

/** What the literal value is assigned to or declares (`srv := &http.Server{…}`), with its kind. */
function targetOf(value: SyntaxNode): { text: string; local: boolean } | null {
  const list = value.parent;
  const holder = list?.parent;
  if (list?.type !== 'expression_list' || !holder) return null;
  const index = list.namedChildren.findIndex((c) => c.id === value.id);
  if (holder.type === 'short_var_declaration' || holder.type === 'assignment_statement') {
    if (holder.childForFieldName('right')?.id !== list.id) return null;
    const left = holder.childForFieldName('left')?.namedChildren[index];
    if (!left) return null;
    if (left.type === 'identifier') {
      const decl = holder.type === 'short_var_declaration' ? { kind: 'short' } : findDeclaration(left, left.text);
      return { text: left.text, local: decl !== null && decl.kind !== 'package' };
    }
    return left.type === 'selector_expression' ? { text: left.text.replace(/\s/g, ''), local: false } : null;
  }
  if (holder.type === 'var_spec') {
    const name = holder.childrenForFieldName('name')[index];
    return name ? { text: name.text, local: enclosingFunction(holder) !== null } : null;
  }
  return null;
}

/** `x.ReadTimeout =` (or `,` in a tuple assignment): a timeout field set after the literal. */
const FIELD_ASSIGNMENT = new RegExp(`\\.\\s*(?:${[...TIMEOUT_FIELDS].join('|')})\\s*(?:,|=(?!=))`, 'g');

export default defineRule({
  id: 'http-server-timeouts',
  title: 'Give HTTP servers a ReadHeaderTimeout',
  section: 'Production-Scale Optimization Patterns (2M+ Users)',
  severity: 'error',
  minGo: '1.0',
  fixable: true,
  description:
    '`http.ListenAndServe` and `http.ListenAndServeTLS` start a server with no timeouts at all, and an ' +
    '`http.Server` literal without `ReadHeaderTimeout` (or `ReadTimeout`) lets a client take as long as it ' +
    'likes to send its request headers. A client that sends them one byte at a time (slowloris) holds a ' +
    'connection and a goroutine for as long as it keeps going; enough of them exhaust file descriptors and ' +
    'memory. `ReadHeaderTimeout` bounds only the headers, so request bodies, streamed responses, watches and ' +
    'long queries are unaffected. The suggestion adds `ReadHeaderTimeout: 10 * time.Second` when the file ' +
    'imports `time`. This is the gap gosec\'s G112 checks.',
  examples: {
    incorrect: `
import "net/http"

func serve(handler http.Handler) error {
	srv := &http.Server{
		Addr:    ":8080",
		Handler: handler,
	}
	return srv.ListenAndServe()
}
`,
    correct: `
import (
	"net/http"
	"time"
)

func serve(handler http.Handler) error {
	srv := &http.Server{
		Addr:              ":8080",
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
	}
	return srv.ListenAndServe()
}
`,
  },
  notes:
    'Fields set after the literal on the variable that holds it (`srv.ReadHeaderTimeout = …` in the same ' +
    'function) count as set. The suggestion never adds `WriteTimeout` or `ReadTimeout`: they cut off ' +
    'server-sent events, watches, long downloads and profiles (a 30 s CPU profile behind a 10 s ' +
    '`WriteTimeout` fails); set those per handler with `http.ResponseController` (Go 1.20) where a bound is ' +
    'wanted. Advisory only: servers that listen on loopback (`localhost:…`, `127.0.0.1:…`, or in a function ' +
    'that listens there), profiling and debug servers (`net/http/pprof`), live-reload development servers, ' +
    'and sample programs under `docs/` or `examples/`.',
  subjects: ['slowloris', 'ReadHeaderTimeout', 'header timeout', 'G112'],
  peers: ['gosec:G112'],
  create(context) {
    const httpName = importLookup(() => context.imports(), 'net/http');
    const pending: PendingServer[] = [];
    // A test's server never meets a slow client: a notice there.
    const severity = isTestFile(context.path) ? 'notice' : undefined;
    const writes: FieldWrite[] = [];
    return {
      $calls: [...HTTP_SERVE_FUNCTIONS],
      call_expression(call) {
        const http = httpName();
        if (!http) return;
        const name = packageFunction(call, http, HTTP_SERVE_FUNCTIONS);
        if (!name) return;
        const local = localOnly(context, call, callArguments(call)[0] ?? null);
        context.report({
          node: call,
          severity,
          tier: local ? 'advisory' : undefined,
          message:
            `\`${http}.${name}\` starts a server with no ReadHeaderTimeout: a client that sends its headers slowly (slowloris) holds a connection and a goroutine for as long as it likes; ` +
            `build an \`${http}.Server\` with \`ReadHeaderTimeout\` and call its \`${name}\`.${local ? ` Here ${local}.` : ''}`,
        });
      },
      composite_literal(literal) {
        const http = httpName();
        if (!http) return;
        if (packageTypeName(literal.childForFieldName('type'), http) !== 'Server') return;
        const body = literal.childForFieldName('body');
        if (!body) return;
        const elements = keyedElements(body);
        if (!elements) return;
        const present = new Set(elements.map((e) => e.key));
        if (!lacksHeaderTimeout(present)) return;
        const addressed = literal.parent?.type === 'unary_expression' && literal.parent.text.startsWith('&');
        const value = addressed ? literal.parent! : literal;
        const target = targetOf(value);
        const addr = elements.find((e) => e.key === 'Addr')?.value ?? null;
        pending.push({ literal, value, body, present, addr, target: target?.text ?? null, localTarget: target?.local ?? false, fn: enclosingFunction(literal) });
      },
      // Assignments that set a timeout field afterwards (`srv.ReadHeaderTimeout = …`).
      $find: {
        assignment_statement: () => (httpName() ? FIELD_ASSIGNMENT : null),
        composite_literal: () => {
          const http = httpName();
          return http ? new RegExp(`(?<![\\p{L}\\p{N}_])${http}\\s*\\.\\s*Server\\s*\\{`, 'gu') : null;
        },
      },
      assignment_statement(stmt) {
        if (!httpName()) return;
        for (const left of stmt.childForFieldName('left')?.namedChildren ?? []) {
          if (left.type !== 'selector_expression') continue;
          const field = left.childForFieldName('field')?.text;
          const operand = left.childForFieldName('operand');
          if (!field || !operand || !TIMEOUT_FIELDS.has(field)) continue;
          writes.push({ operand: operand.text.replace(/\s/g, ''), field, fn: enclosingFunction(stmt), at: stmt.startIndex });
        }
      },
      $end() {
        for (const server of pending) {
          const present = new Set(server.present);
          if (server.target) {
            for (const w of writes) {
              if (w.operand !== server.target) continue;
              if (server.localTarget && (w.fn?.id !== server.fn?.id || w.at < server.literal.startIndex)) continue;
              present.add(w.field);
            }
          }
          if (lacksHeaderTimeout(present)) report(server, present);
        }
      },
    };

    function report(server: PendingServer, present: ReadonlySet<string>): void {
      const http = httpName()!;
      const time = importedName(context.imports(), 'time');
      const timeUsable = time !== null && findDeclaration(server.literal, time) === null;
      const edits = timeUsable ? addFieldsEdits(context.source, server.literal, server.body, [['ReadHeaderTimeout', `10 * ${time}.Second`]]) : null;
      const importNote = timeUsable ? '' : '; import "time" for the duration';
      const idle = present.has('IdleTimeout') ? '' : ' An `IdleTimeout` would also close idle keep-alive connections, which otherwise stay open indefinitely.';
      const local = localOnly(context, server.literal, server.addr);
      context.report({
        node: server.value,
        severity,
        anchor: server.literal,
        tier: local ? 'advisory' : undefined,
        message:
          `\`${http}.Server\` without ReadHeaderTimeout (or ReadTimeout): a client that sends its headers slowly (slowloris) holds a connection and a goroutine for as long as it likes; ` +
          `set \`ReadHeaderTimeout\` (it bounds only the headers, not streaming responses${importNote}).${idle}${local ? ` Here ${local}.` : ''}`,
        fix: edits ?? undefined,
      });
    }
  },
});
