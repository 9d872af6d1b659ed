import { enclosingFunction } from '../../core/go/functions.js';
import { importLookup, packageFunction } from '../../core/go/packages.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { classifyTypeNode, typeOfExpression, typeOfValue, typeSpecNamed } from '../../core/go/scope.js';
import { selectorParts } from '../../core/go/selectors.js';
import { type SqlType, sqlTypeOf } from '../../core/go/stdlib-types.js';
import { callArguments, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

interface Checked {
  /** How many results the call returns (the error is the last). */
  results: number;
  /** For `database/sql` methods: the receiver types that have it. */
  on?: readonly SqlType[];
  /** What losing the error costs. */
  cost: string;
}

const SQL_METHODS: Record<string, Checked> = {
  Prepare: { results: 2, on: ['DB', 'Tx', 'Conn'], cost: 'when it fails the statement is nil and its first use panics far from the cause' },
  PrepareContext: { results: 2, on: ['DB', 'Tx', 'Conn'], cost: 'when it fails the statement is nil and its first use panics far from the cause' },
  Begin: { results: 2, on: ['DB'], cost: 'when it fails the transaction is nil and the next call on it panics' },
  BeginTx: { results: 2, on: ['DB', 'Conn'], cost: 'when it fails the transaction is nil and the next call on it panics' },
  Commit: { results: 1, on: ['Tx'], cost: "a failed commit silently loses the transaction's writes" },
  Exec: { results: 2, on: ['DB', 'Tx', 'Conn', 'Stmt'], cost: 'a failed write (constraint violation, lost connection) goes unnoticed' },
  ExecContext: { results: 2, on: ['DB', 'Tx', 'Conn', 'Stmt'], cost: 'a failed write (constraint violation, lost connection) goes unnoticed' },
  Close: { results: 1, on: ['DB', 'Stmt', 'Rows', 'Conn'], cost: 'a driver or connection error goes unnoticed' },
};

const JSON_FUNCTIONS: Record<string, Checked> = {
  Unmarshal: { results: 1, cost: 'malformed input leaves the value half-filled and goes unnoticed' },
  Marshal: { results: 2, cost: 'an unsupported or cyclic value, or a failing MarshalJSON, yields nil bytes used as if valid' },
  MarshalIndent: { results: 2, cost: 'an unsupported or cyclic value, or a failing MarshalJSON, yields nil bytes used as if valid' },
};

/** A string, integer or boolean (declared so in the file, or a literal): marshalling it cannot fail. */
/**
 * Whether `encoding/json` can fail on a value of this written type: `no` for strings, integers,
 * booleans, slices, arrays and pointers of such, maps keyed by strings or integers, and
 * structs (declared in the file) whose exported fields are all such; `unknown` for a named
 * type the file does not declare; `yes` otherwise (floats can be NaN, interfaces and
 * channels can hold anything, a type may have its own MarshalJSON).
 */
type MarshalRisk = 'no' | 'unknown' | 'yes';

function marshalRisk(type: SyntaxNode | null, root: SyntaxNode, seen: Set<string>): MarshalRisk {
  if (!type) return 'unknown';
  const info = classifyTypeNode(type);
  switch (info.kind) {
    case 'string':
    case 'int':
    case 'bool':
      return 'no';
    case 'slice':
    case 'array':
    case 'pointer':
      return marshalRisk(type.childForFieldName('element') ?? type.namedChildren[type.namedChildCount - 1] ?? null, root, seen);
    case 'map': {
      const key = classifyTypeNode(type.childForFieldName('key')!).kind;
      if (key !== 'string' && key !== 'int') return 'yes';
      return marshalRisk(type.childForFieldName('value'), root, seen);
    }
    case 'struct':
      return structRisk(type, root, seen);
    case 'named': {
      if (!/^[A-Za-z_]\w*$/.test(info.text)) return 'unknown'; // another package's type
      if (seen.has(info.text)) return 'no'; // recursion through a pointer: judged by the other fields
      // A method of the type (MarshalJSON, MarshalText) could fail.
      if (new RegExp(`func\\s*\\(\\s*\\w*\\s*\\*?${info.text}\\s*\\)\\s*Marshal(?:JSON|Text)\\s*\\(`).test(root.text)) return 'yes';
      const spec = typeSpecNamed(root, info.text);
      if (spec?.type !== 'type_spec') return 'unknown';
      seen.add(info.text);
      return marshalRisk(spec.childForFieldName('type'), root, seen);
    }
    default:
      return 'yes';
  }
}

function structRisk(struct: SyntaxNode, root: SyntaxNode, seen: Set<string>): MarshalRisk {
  let risk: MarshalRisk = 'no';
  const list = struct.namedChildren.find((c) => c.type === 'field_declaration_list');
  for (const f of list?.namedChildren ?? []) {
    if (f.type !== 'field_declaration') continue;
    const names = f.childrenForFieldName('name');
    const tag = f.childForFieldName('tag')?.text ?? '';
    // Unexported and `json:"-"` fields are not encoded.
    if (names.length > 0 && names.every((n) => !/^\p{Lu}/u.test(n.text))) continue;
    if (/json:"-"/.test(tag)) continue;
    const r = marshalRisk(f.childForFieldName('type'), root, seen);
    if (r === 'yes') return 'yes';
    if (r === 'unknown') risk = 'unknown';
  }
  return risk;
}

/** The marshalling risk of the value passed to `json.Marshal`, from its literal or declaration. */
function argumentRisk(arg: SyntaxNode | undefined): MarshalRisk {
  if (!arg) return 'unknown';
  let x = unparen(arg);
  if (x.type === 'unary_expression' && x.text.startsWith('&')) x = unparen(x.childForFieldName('operand')!);
  let root: SyntaxNode = x;
  while (root.parent) root = root.parent;
  if (x.type === 'composite_literal') return marshalRisk(x.childForFieldName('type'), root, new Set());
  const type = x.type === 'identifier' || x.type === 'selector_expression' ? typeOfExpression(x) : typeOfValue(x);
  if (!type) return 'unknown';
  if (type.node) return marshalRisk(type.node, root, new Set());
  return type.kind === 'string' || type.kind === 'int' || type.kind === 'bool' ? 'no' : 'unknown';
}

/** Methods whose signature an interface fixes without an error result. */
const FIXED_SIGNATURES = new Set(['String', 'GoString', 'Error', 'Format', 'Less', 'Len', 'Swap', 'ServeHTTP']);

/**
 * Whether the function around the node has a signature it cannot change to return the error:
 * a function literal without an `error` result (a callback: a `less` func, a deferred close,
 * a handler), or a method an interface fixes (`String`, `Error`, `Less`, `ServeHTTP`).
 */
function cannotReturnError(node: SyntaxNode): boolean {
  const fn = enclosingFunction(node);
  if (!fn) return false;
  if (/\berror\b/.test(fn.childForFieldName('result')?.text ?? '')) return false;
  if (fn.type === 'func_literal') return true;
  return fn.type === 'method_declaration' && FIXED_SIGNATURES.has(fn.childForFieldName('name')?.text ?? '');
}

export default defineRule({
  id: 'ignored-error',
  title: 'Handle errors from database and JSON calls',
  section: 'Production-Scale Optimization Patterns (2M+ Users)',
  severity: 'error',
  minGo: '1.0',
  fixable: false,
  subjects: ['ignor', 'fixme', 'cannot fail', 'can\'t fail', 'never fail', 'best effort', 'best-effort', 'discard'],
  peers: ['errcheck', 'errchkjson', 'gosec:G104'],
  description:
    'Assigning the error of `Prepare`, `Begin`/`BeginTx`, `Commit`, `Exec`, or `Close` on a `database/sql` ' +
    'value, or of `json.Marshal`/`json.Unmarshal`, to `_` hides the failure: a failed `Prepare` or `Begin` ' +
    'leaves a nil statement or transaction that panics on first use, a failed `Commit` or `Exec` silently ' +
    'loses writes, and a failed (un)marshal passes on empty or half-filled data. Handle the error, or ' +
    'return it. Only values whose `database/sql` type the file shows (a declaration, a struct field, or the ' +
    'call that produced them) are checked.',
  examples: {
    incorrect: `
import "database/sql"

func NewUserStore(db *sql.DB) *sql.Stmt {
	stmt, _ := db.Prepare("INSERT INTO users (id, name) VALUES ($1, $2)")
	return stmt
}
`,
    correct: `
import (
	"database/sql"
	"fmt"
)

func NewUserStore(db *sql.DB) (*sql.Stmt, error) {
	stmt, err := db.Prepare("INSERT INTO users (id, name) VALUES ($1, $2)")
	if err != nil {
		return nil, fmt.Errorf("prepare user insert: %w", err)
	}
	return stmt, nil
}
`,
  },
  notes:
    "The standard's own `NewBatchInserter` discards the error of `db.Prepare`; when the database is " +
    'unreachable it returns an inserter whose statement is nil, and the first flush panics. Return the ' +
    'error from the constructor instead. Marshalling a value the file declares as a string, integer or ' +
    'boolean cannot fail and is not reported. `Rollback` is not checked: `defer tx.Rollback()` after a ' +
    'successful commit returns `sql.ErrTxDone` by design.',
  create(context) {
    const sqlName = importLookup(() => context.imports(), 'database/sql');
    const jsonName = importLookup(() => context.imports(), 'encoding/json');

    /** The checked call whose error lands in `_`, given how many results the assignment takes. */
    const checkedCall = (value: SyntaxNode, results: number): { what: string; cost: string; unsure?: boolean } | null => {
      const call = unparen(value);
      if (call.type !== 'call_expression') return null;
      const fn = selectorParts(call.childForFieldName('function'));
      if (!fn) return null;
      const json = jsonName();
      const jsonCheck = json && fn.operand.type === 'identifier' && fn.operand.text === json ? JSON_FUNCTIONS[fn.field] : undefined;
      if (jsonCheck) {
        if (jsonCheck.results !== results || packageFunction(call, json!) !== fn.field) return null;
        const risk = fn.field === 'Unmarshal' ? 'yes' : argumentRisk(callArguments(call)[0]);
        if (risk === 'no') return null;
        return { what: `${json}.${fn.field}`, cost: jsonCheck.cost, unsure: risk === 'unknown' };
      }
      const sql = sqlName();
      const check = sql ? SQL_METHODS[fn.field] : undefined;
      if (!sql || !check || check.results !== results) return null;
      const type = sqlTypeOf(fn.operand, sql);
      if (!type || !check.on!.includes(type)) return null;
      return { what: `${fn.operand.text.replace(/\s+/g, '')}.${fn.field}`, cost: check.cost };
    };

    const visit = (stmt: SyntaxNode): void => {
      if (!sqlName() && !jsonName()) return;
      const left = stmt.childForFieldName('left');
      if (!left || !left.text.includes('_')) return;
      const lefts = left.namedChildren.filter((c) => c.type !== 'comment');
      const rights = stmt.childForFieldName('right')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
      let found: { what: string; cost: string; unsure?: boolean } | null = null;
      if (rights.length === 1) {
        if (lefts[lefts.length - 1]?.text === '_') found = checkedCall(rights[0]!, lefts.length);
      } else if (rights.length === lefts.length) {
        for (let i = 0; i < lefts.length && !found; i++) if (lefts[i]!.text === '_') found = checkedCall(rights[i]!, 1);
      }
      if (!found) return;
      if (found.unsure) {
        // The value's type is declared elsewhere (another file or package): it may well be unable to fail.
        context.report({
          node: stmt,
          message: `The error from \`${found.what}\` is discarded: unless the value's type (declared outside this file) cannot fail to encode, ${found.cost}; handle it.`,
          tier: 'advisory',
        });
        return;
      }
      if (cannotReturnError(stmt)) {
        context.report({
          node: stmt,
          message: `The error from \`${found.what}\` is discarded: ${found.cost}. The function's signature cannot return it: log it, or fail loudly.`,
          tier: 'advisory',
        });
        return;
      }
      context.report({
        node: stmt,
        message: `The error from \`${found.what}\` is discarded: ${found.cost}; handle it.`,
      });
    };
    // Only statements with a blank identifier on the left matter (range clauses are not statements).
    const BLANK = /(?<![\p{L}\p{N}_.])_(?!\s*(?:,\s*[\p{L}_][\p{L}\p{N}_]*\s*)?:?=\s*range\b)\s*(?:,|:=|=(?!=))/gu;
    const find = (): RegExp | null => (sqlName() || jsonName() ? BLANK : null);
    return { $find: { short_var_declaration: find, assignment_statement: find }, short_var_declaration: visit, assignment_statement: visit };
  },
});
