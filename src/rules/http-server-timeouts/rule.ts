import { enclosingFunction } from '../../core/go/functions.js';
import { importedName, importLookup, packageFunction, packageTypeName } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { HTTP_SERVE_FUNCTIONS } from '../../core/go/stdlib-types.js';
import { isTestFile } from '../../core/go/test-files.js';
import { addFieldsEdits, keyedElements, missingFields, needsTime, suggestedValue, TIMEOUT_FIELDS } from './server-literal.js';
import { defineRule } from '../define-rule.js';

/** A server literal waiting for the end of the walk, when later field assignments are known. */
interface PendingServer {
  literal: SyntaxNode;
  /** The literal, or `&literal`. */
  value: SyntaxNode;
  body: SyntaxNode;
  present: Set<string>;
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

/** What the most serious missing limit lets a client do. */
function costOf(missing: readonly string[], present: ReadonlySet<string>): string {
  if (missing.includes('ReadTimeout')) return 'a client that sends its request slowly (slowloris) holds a connection and a goroutine forever';
  if (missing.includes('WriteTimeout')) return 'a client that never reads the response holds a connection and a goroutine forever';
  if (missing.includes('IdleTimeout') && !present.has('ReadTimeout')) return 'idle keep-alive connections are never closed and pile up';
  if (missing.includes('IdleTimeout')) return 'idle keep-alive connections live only as long as ReadTimeout, which is tuned for reading, not idling';
  return 'every request may send headers up to the 1 MB default, more than most APIs need';
}

function fieldList(fields: readonly string[]): string {
  const names = fields.map((f) => (f === 'ReadTimeout' ? 'ReadTimeout (or ReadHeaderTimeout)' : f));
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** `x.ReadTimeout =` (or `,` in a tuple assignment): a timeout field set after the literal. */
const FIELD_ASSIGNMENT = new RegExp(`\\.\\s*(?:${[...TIMEOUT_FIELDS].join('|')})\\s*(?:,|=(?!=))`, 'g');

export default defineRule({
  id: 'http-server-timeouts',
  title: 'Give HTTP servers read, write and idle timeouts',
  section: 'Production-Scale Optimization Patterns (2M+ Users)',
  severity: 'error',
  minGo: '1.0',
  fixable: true,
  description:
    '`http.ListenAndServe` and `http.ListenAndServeTLS` start a server with no timeouts at all, and an ' +
    '`http.Server` literal without `ReadTimeout` (or `ReadHeaderTimeout`), `WriteTimeout`, `IdleTimeout` and ' +
    '`MaxHeaderBytes` leaves limits unset or implicit. Without a read timeout a client that sends its ' +
    'request one byte at a time (slowloris) holds a connection and a goroutine forever; without a write ' +
    'timeout so does one that never reads the response; without an idle timeout (and no `ReadTimeout` to ' +
    'fall back on) keep-alive connections are never closed. Enough of them exhaust file descriptors and ' +
    'memory. `MaxHeaderBytes` falls back to 1 MB; the standard wants it explicit. Build an ' +
    '`http.Server` with all four set. The suggestion adds the missing fields with the standard\'s ' +
    'production values (10 s read and write, 120 s idle, 1 MB of headers) when the file imports `time`.',
  examples: {
    incorrect: `
import (
	"net/http"
	"time"
)

func serve(handler http.Handler) error {
	srv := &http.Server{
		Addr:        ":8080",
		Handler:     handler,
		ReadTimeout: 5 * time.Second,
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
		Addr:           ":8080",
		Handler:        handler,
		ReadTimeout:    5 * time.Second,
		WriteTimeout:   10 * time.Second,
		IdleTimeout:    120 * time.Second,
		MaxHeaderBytes: 1 << 20,
	}
	return srv.ListenAndServe()
}
`,
  },
  notes:
    'Fields set after the literal on the variable that holds it (`srv.WriteTimeout = …` in the same ' +
    'function) count as set. In test files the finding is a notice: a test server meets no slow ' +
    'clients. A streaming endpoint (server-sent events, long downloads) may need a longer ' +
    '`WriteTimeout` or a per-request deadline through `http.ResponseController` (Go 1.20) rather than none.',
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
        context.report({
          node: call,
          severity,
          message: `\`${http}.${name}\` starts a server with no timeouts: slow or idle clients hold connections and goroutines without limit and exhaust it; use an \`${http}.Server\` with ReadHeaderTimeout, WriteTimeout, IdleTimeout and MaxHeaderBytes.`,
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
        if (missingFields(present).length === 0) return;
        const addressed = literal.parent?.type === 'unary_expression' && literal.parent.text.startsWith('&');
        const value = addressed ? literal.parent! : literal;
        const target = targetOf(value);
        pending.push({ literal, value, body, present, target: target?.text ?? null, localTarget: target?.local ?? false, fn: enclosingFunction(literal) });
      },
      // Assignments that set a timeout field afterwards (`srv.ReadTimeout = …`).
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
          const missing = missingFields(present);
          if (missing.length === 0) continue;
          report(server, missing, present);
        }
      },
    };

    function report(server: PendingServer, missing: string[], present: ReadonlySet<string>): void {
      const http = httpName()!;
      const time = importedName(context.imports(), 'time');
      const timeUsable = time !== null && findDeclaration(server.literal, time) === null;
      const wantsTime = missing.some(needsTime);
      const fields = missing.map((f): [string, string] => [f, suggestedValue(f, time ?? 'time')]);
      const edits = !wantsTime || timeUsable ? addFieldsEdits(context.source, server.literal, server.body, fields) : null;
      const importNote = wantsTime && !timeUsable ? ' (import "time" for the durations)' : '';
      context.report({
        node: server.value,
        severity,
        anchor: server.literal,
        message: `\`${http}.Server\` without ${fieldList(missing)}: ${costOf(missing, present)}; set ${missing.length === 1 ? 'it' : 'them'}${importNote}.`,
        fix: edits ?? undefined,
      });
    }
  },
});
