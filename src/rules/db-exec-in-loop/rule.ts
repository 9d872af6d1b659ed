import { stringLiteralValue } from '../../core/go/constants.js';
import { countedLoop, enclosingLoop, loopClause } from '../../core/go/loops.js';
import { importedName, packageFunction } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, typeOfExpression } from '../../core/go/scope.js';
import { selectorParts } from '../../core/go/selectors.js';
import { sqlTypeOf } from '../../core/go/stdlib-types.js';
import { callArguments, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

const METHODS = new Set(['Exec', 'ExecContext', 'Query', 'QueryContext', 'QueryRow', 'QueryRowContext']);

/** Connection-pool types outside `database/sql` whose Exec/Query send one statement per call. */
const DRIVERS: ReadonlyArray<{ paths: readonly string[]; types: readonly string[]; constructors: readonly string[]; contextFirst: boolean }> = [
  { paths: ['github.com/jmoiron/sqlx'], types: ['DB', 'Conn'], constructors: ['Open', 'Connect', 'MustOpen', 'MustConnect', 'NewDb'], contextFirst: false },
  { paths: ['github.com/jackc/pgx/v4', 'github.com/jackc/pgx/v5'], types: ['Conn'], constructors: ['Connect', 'ConnectConfig'], contextFirst: true },
  {
    paths: ['github.com/jackc/pgx/v4/pgxpool', 'github.com/jackc/pgx/v5/pgxpool'],
    types: ['Pool'],
    constructors: ['New', 'NewWithConfig', 'Connect', 'ConnectConfig'],
    contextFirst: true,
  },
];

const WRITE = /^(INSERT|UPDATE|DELETE)\b/i;

/** The value of a constant string expression: literals, `+` of constants, or a name bound to one. */
function constantString(node: SyntaxNode, depth = 0): string | null {
  if (depth > 4) return null;
  const x = unparen(node);
  const literal = stringLiteralValue(x);
  if (literal !== null) return literal;
  if (x.type === 'binary_expression' && x.childForFieldName('operator')?.text === '+') {
    const left = x.childForFieldName('left');
    const right = x.childForFieldName('right');
    const l = left ? constantString(left, depth + 1) : null;
    const r = right ? constantString(right, depth + 1) : null;
    return l !== null && r !== null ? l + r : null;
  }
  if (x.type === 'identifier') {
    const decl = findDeclaration(x, x.text);
    return decl?.value ? constantString(decl.value, depth + 1) : null;
  }
  return null;
}

/** The statement's verb, after leading blanks and SQL comments, when it writes rows. */
function writeVerb(sql: string): string | null {
  const text = sql.replace(/^(\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/, '');
  const m = WRITE.exec(text);
  return m ? m[1]!.toUpperCase() : null;
}

type Receiver = { contextFirst: boolean } | 'transaction' | null;

/** Whether the receiver is a connection pool or connection (not a transaction or statement). */
function receiverKind(operand: SyntaxNode, imports: ReadonlyMap<string, string>): Receiver {
  const sql = importedName(imports, 'database/sql');
  if (sql) {
    const t = sqlTypeOf(operand, sql);
    if (t === 'DB' || t === 'Conn') return { contextFirst: false };
    if (t) return 'transaction';
  }
  for (const driver of DRIVERS) {
    for (const path of driver.paths) {
      const pkg = importedName(imports, path);
      if (!pkg) continue;
      const x = unparen(operand);
      if (x.type !== 'identifier' && x.type !== 'selector_expression') continue;
      const type = typeOfExpression(x);
      const m = type ? /^\*?(\w+)\.(\w+)$/.exec(type.text.replace(/\s/g, '')) : null;
      if (m && m[1] === pkg && driver.types.includes(m[2]!)) return { contextFirst: driver.contextFirst };
      if (x.type === 'identifier') {
        // `db, err := sqlx.Connect(…)`: the first result of a known constructor.
        const decl = findDeclaration(x, x.text);
        const stmt = decl?.statement;
        if (stmt?.type === 'short_var_declaration' && stmt.childForFieldName('left')?.namedChildren[0]?.id === decl!.id.id) {
          const right = stmt.childForFieldName('right')?.namedChildren ?? [];
          const fn = right.length === 1 ? packageFunction(unparen(right[0]!), pkg) : null;
          if (fn && driver.constructors.includes(fn)) return { contextFirst: driver.contextFirst };
        }
      }
    }
  }
  return null;
}

/** Whether the loop runs once per item of something finite (not `for {}` or a channel). */
function iteratesItems(loop: SyntaxNode): boolean {
  const header = loop.namedChildren.filter((c) => c.type !== 'block' && c.type !== 'comment');
  if (header.length === 0) return false; // `for { … }`: a worker or event loop
  const range = header.find((c) => c.type === 'range_clause');
  if (range) {
    const right = range.childForFieldName('right');
    const x = right ? unparen(right) : null;
    if (x?.type === 'unary_expression' && x.text.startsWith('<-')) return false;
    if (x && (x.type === 'identifier' || x.type === 'selector_expression') && typeOfExpression(x)?.kind === 'chan') return false;
  }
  return true;
}

/**
 * Whether the loop visibly runs a few times only: a counted loop to a constant, a range over an
 * integer constant or over a literal of at most eight elements. Then the cost is bounded.
 */
function fixedFew(loop: SyntaxNode): boolean {
  const header = loopClause(loop);
  if (!header) return false;
  const counted = countedLoop(header);
  if (counted) return isConstant(counted.bound);
  if (header.type !== 'range_clause') return false;
  const right = header.childForFieldName('right');
  const x = right ? unparen(right) : null;
  if (!x) return false;
  if (x.type === 'composite_literal') {
    const elements = x.childForFieldName('body')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
    return elements.length <= 8;
  }
  return isConstant(x);
}

function isConstant(x: SyntaxNode): boolean {
  const n = unparen(x);
  if (n.type === 'int_literal') return true;
  if (n.type !== 'identifier') return false;
  const decl = findDeclaration(n, n.text);
  return decl?.kind === 'const' || (decl?.kind === 'package' && decl.statement.type === 'const_declaration');
}

/** Whether the receiver changes per iteration (`for _, db := range shards`): each write goes to another database. */
function receiverPerIteration(operand: SyntaxNode, loop: SyntaxNode): boolean {
  const root = unparen(operand);
  const id = root.type === 'identifier' ? root : root.type === 'index_expression' ? root.childForFieldName('operand') : null;
  if (root.type === 'index_expression') return true; // `dbs[i].Exec(…)`
  if (id?.type !== 'identifier') return false;
  const decl = findDeclaration(id, id.text);
  return decl !== null && decl.id.startIndex >= loop.startIndex && decl.id.endIndex <= loop.endIndex;
}

/**
 * Whether the statement's arguments change from one iteration to the next: one of their names is
 * declared in the loop (range variables, the counter, body locals) or written in its body
 * (`rows.Scan(&id)`, `id = …`). A loop that retries the same statement is not a loop over rows.
 */
function variesPerIteration(args: readonly SyntaxNode[], loop: SyntaxNode): boolean {
  const names = new Set<string>();
  for (const a of args) {
    if (a.type === 'identifier') names.add(a.text);
    for (const id of a.descendantsOfType('identifier')) names.add(id.text);
  }
  for (const name of names) {
    const decl = findDeclaration(args[0]!, name);
    if (decl && decl.id.startIndex >= loop.startIndex && decl.id.endIndex <= loop.endIndex) return true;
  }
  const body = loop.childForFieldName('body');
  if (!body) return false;
  for (const w of body.descendantsOfType(['assignment_statement', 'inc_statement', 'dec_statement', 'unary_expression'])) {
    if (w.type === 'unary_expression') {
      const operand = w.childForFieldName('operand');
      if (w.text.startsWith('&') && operand && names.has(operand.text)) return true;
      continue;
    }
    const targets = w.type === 'assignment_statement' ? (w.childForFieldName('left')?.namedChildren ?? []) : w.namedChildren;
    if (targets.some((t) => names.has(t.text))) return true;
  }
  return false;
}

export default defineRule({
  id: 'db-exec-in-loop',
  title: 'Batch database writes made in a loop',
  section: 'Production-Scale Optimization Patterns (2M+ Users)',
  severity: 'warning',
  minGo: '1.0',
  fixable: false,
  description:
    'An `INSERT`, `UPDATE` or `DELETE` sent with `Exec`/`ExecContext` (or `Query`/`QueryRow`) on the ' +
    'connection pool once per loop iteration costs a network round trip, a statement parse, and (outside ' +
    'a transaction) a commit and its disk flush for every row. Write the rows in one transaction through a ' +
    'prepared statement, or in one statement: a multi-row `INSERT … VALUES (…), (…)`, `COPY`, or a ' +
    'set-based `UPDATE`/`DELETE … WHERE id = ANY($1)`. Statements already sent on a transaction or a ' +
    'prepared statement are not reported.',
  examples: {
    incorrect: `
import "database/sql"

type User struct {
	ID   int64
	Name string
}

func saveAll(db *sql.DB, users []User) error {
	for _, u := range users {
		if _, err := db.Exec("INSERT INTO users (id, name) VALUES ($1, $2)", u.ID, u.Name); err != nil {
			return err
		}
	}
	return nil
}
`,
    correct: `
import "database/sql"

type User struct {
	ID   int64
	Name string
}

func saveAll(db *sql.DB, users []User) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.Prepare("INSERT INTO users (id, name) VALUES ($1, $2)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, u := range users {
		if _, err := stmt.Exec(u.ID, u.Name); err != nil {
			return err
		}
	}
	return tx.Commit()
}
`,
  },
  notes:
    'The receiver must be evidently a pool or connection: `*sql.DB` or `*sql.Conn` (also `sqlx.DB`, ' +
    '`pgx.Conn`, `pgxpool.Pool`) by its declaration in the file. Not reported: `for { … }` worker loops ' +
    'and loops over channels (items arrive one at a time), loops whose statement does not change ' +
    'between iterations (a retry loop), and loops whose receiver changes per iteration (one write to each ' +
    'of several databases). Advisory only: loops that visibly run a few times (a counted loop to a ' +
    'constant, a range over a literal of at most eight elements).',
  subjects: ['batch', 'one at a time', 'per row', 'round trip', 'row by row'],
  create(context) {
    let relevant: boolean | undefined;
    return {
      $calls: [...METHODS],
      call_expression(call) {
        if (relevant === undefined) {
          const imports = context.imports();
          relevant = importedName(imports, 'database/sql') !== null || DRIVERS.some((d) => d.paths.some((p) => importedName(imports, p)));
        }
        if (!relevant) return;
        const fn = selectorParts(call.childForFieldName('function'));
        if (!fn || !METHODS.has(fn.field)) return;
        const loop = enclosingLoop(call);
        if (!loop) return;
        const args = callArguments(call);
        if (receiverPerIteration(fn.operand, loop)) return;
        const receiver = receiverKind(fn.operand, context.imports());
        if (receiver === null || receiver === 'transaction') return;
        const sqlIndex = receiver.contextFirst || fn.field.endsWith('Context') ? 1 : 0;
        const sqlArg = args[sqlIndex];
        const sql = sqlArg ? constantString(sqlArg) : null;
        const verb = sql !== null ? writeVerb(sql) : null;
        if (!verb || !iteratesItems(loop)) return;
        const values = args.slice(sqlIndex + 1);
        if (values.length === 0 || !variesPerIteration(values, loop)) return;
        const batch = verb === 'INSERT' ? 'a multi-row INSERT or COPY' : `one set-based ${verb} (\`WHERE id = ANY($1)\`)`;
        const few = fixedFew(loop);
        context.report({
          node: call,
          tier: few ? 'advisory' : undefined,
          message: `\`${verb}\` sent once per loop iteration${few ? ' (the loop visibly runs a few times only)' : ''}: a round trip and, outside a transaction, a commit per row; use one transaction with a prepared statement, or ${batch}.`,
        });
      },
    };
  },
});
