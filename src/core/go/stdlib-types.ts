/**
 * Well-known standard-library types, recognised from syntax. The `database/sql` type of an
 * expression (`DB`, `Tx`, `Stmt`, `Conn`, `Rows`, `Row`), when the file makes it evident: a
 * declared type (`db *sql.DB`, a struct field), or a value produced by a known call on such a
 * value (`tx, err := db.Begin()`, `stmt, err := tx.Prepare(…)`, `db, err := sql.Open(…)`);
 * anything else is unknown (null), and rules stay silent. The `net/http` handler signature.
 */
import { packageFunction } from './packages.js';
import type { SyntaxNode } from './parser.js';
import { findDeclaration, typeOfExpression } from './scope.js';
import { selectorParts } from './selectors.js';
import { unparen } from './syntax.js';

export type SqlType = 'DB' | 'Tx' | 'Stmt' | 'Conn' | 'Rows' | 'Row';

const SQL_TYPES = new Set<string>(['DB', 'Tx', 'Stmt', 'Conn', 'Rows', 'Row']);

/** What a method on a `database/sql` value returns first. */
const RESULT_OF: Record<string, SqlType> = {
  Begin: 'Tx',
  BeginTx: 'Tx',
  Prepare: 'Stmt',
  PrepareContext: 'Stmt',
  Stmt: 'Stmt',
  StmtContext: 'Stmt',
  Query: 'Rows',
  QueryContext: 'Rows',
  QueryRow: 'Row',
  QueryRowContext: 'Row',
  Conn: 'Conn',
};

const OPENERS = new Set(['Open', 'OpenDB']);

/** `*sql.DB`, `sql.DB` → `DB` (written types, with the file's name for the package). */
export function sqlTypeOfText(text: string, sql: string): SqlType | null {
  const m = /^\*?([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/.exec(text.replace(/\s/g, ''));
  return m && m[1] === sql && SQL_TYPES.has(m[2]!) ? (m[2] as SqlType) : null;
}

/** The `database/sql` type a call returns first: `sql.Open`, or a method of a `database/sql` value. */
function resultOfCall(call: SyntaxNode, sql: string, depth: number): SqlType | null {
  if (packageFunction(call, sql, OPENERS)) return 'DB';
  const fn = selectorParts(call.childForFieldName('function'));
  if (!fn) return null;
  const result = RESULT_OF[fn.field];
  if (!result) return null;
  return sqlTypeOf(fn.operand, sql, depth + 1) ? result : null;
}

/** The call whose (first) result initialises `id` in its declaration, if any. */
function initialisingCall(id: SyntaxNode): SyntaxNode | null {
  const parent = id.parent;
  if (!parent) return null;
  let names: SyntaxNode[];
  let right: SyntaxNode | null;
  if (parent.type === 'var_spec') {
    names = parent.childrenForFieldName('name');
    right = parent.childForFieldName('value');
  } else if (parent.type === 'expression_list' && parent.parent?.type === 'short_var_declaration') {
    names = parent.namedChildren;
    right = parent.parent.childForFieldName('right');
  } else {
    return null;
  }
  const values = right?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  const index = names.findIndex((n) => n.id === id.id);
  // `a, err := f()` takes f's first result in `a`; `a, b := f(), g()` pairs them.
  const value = values.length === 1 && index === 0 ? values[0] : values.length === names.length ? values[index] : undefined;
  const x = value ? unparen(value) : null;
  return x?.type === 'call_expression' ? x : null;
}

export function sqlTypeOf(expr: SyntaxNode, sql: string, depth = 0): SqlType | null {
  if (depth > 4) return null;
  const x = unparen(expr);
  if (x.type === 'call_expression') return resultOfCall(x, sql, depth);
  if (x.type === 'selector_expression') {
    const t = typeOfExpression(x);
    return t ? sqlTypeOfText(t.text, sql) : null;
  }
  if (x.type !== 'identifier') return null;
  const decl = findDeclaration(x, x.text);
  if (!decl) return null;
  if (decl.type) return sqlTypeOfText(decl.type.text, sql);
  if (decl.kind !== 'short' && decl.kind !== 'var' && decl.kind !== 'package') return null;
  const call = initialisingCall(decl.id);
  if (call) return resultOfCall(call, sql, depth);
  // `db := s.db`: the type of what it copies.
  const value = decl.value ? unparen(decl.value) : null;
  return value && (value.type === 'identifier' || value.type === 'selector_expression') ? sqlTypeOf(value, sql, depth + 1) : null;
}

/** Whether a function (declaration or literal) has the HTTP handler signature `(w http.ResponseWriter, r *http.Request)`. */
export function isHttpHandler(fn: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const http = imports.get('net/http');
  if (!http) return false;
  const params = fn.childForFieldName('parameters')?.namedChildren.filter((p) => p.type === 'parameter_declaration') ?? [];
  const types = params.flatMap((p) => {
    const t = p.childForFieldName('type')?.text.replace(/\s/g, '') ?? '';
    return Array(Math.max(1, p.childrenForFieldName('name').length)).fill(t) as string[];
  });
  return types.length === 2 && types[0] === `${http}.ResponseWriter` && types[1] === `*${http}.Request`;
}

/** `net/http` functions and `http.Server` methods that serve until the server stops. */
export const HTTP_SERVE_FUNCTIONS: ReadonlySet<string> = new Set(['ListenAndServe', 'ListenAndServeTLS']);
