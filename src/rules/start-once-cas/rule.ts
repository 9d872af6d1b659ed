import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, typeSpecNamed } from '../../core/go/scope.js';
import { blockStatements, enclosingFunction, functionName, unparen } from '../../core/go/syntax.js';
import { chainName, chainRoot, isVariableChain } from '../atomic-counter/types.js';
import { defineRule } from '../define-rule.js';

const norm = (node: SyntaxNode): string => node.text.replace(/\s/g, '');

/** `s.started` or `s.started == true` as an if condition: the field, or null. */
function checkedField(cond: SyntaxNode): SyntaxNode | null {
  const c = unparen(cond);
  if (c.type === 'selector_expression') return c;
  if (c.type !== 'binary_expression' || c.childForFieldName('operator')?.text !== '==') return null;
  const left = c.childForFieldName('left');
  return left?.type === 'selector_expression' && c.childForFieldName('right')?.type === 'true' ? left : null;
}

/** Whether the block ends by returning (a `panic` there is an assertion, not a start guard). */
function endsWithReturn(block: SyntaxNode | null): boolean {
  const stmts = blockStatements(block);
  return stmts[stmts.length - 1]?.type === 'return_statement';
}

/** `x.f = true` for the given field. */
function setsTrue(stmt: SyntaxNode, field: string): boolean {
  if (stmt.type !== 'assignment_statement' || stmt.childForFieldName('operator')?.text !== '=') return false;
  const left = stmt.childForFieldName('left')?.namedChildren ?? [];
  const right = stmt.childForFieldName('right')?.namedChildren ?? [];
  return left.length === 1 && right.length === 1 && norm(left[0]!) === field && right[0]!.type === 'true';
}

/** Whether the identifier is the function's receiver or one of its pointer parameters (shared state). */
function isSharedObject(root: SyntaxNode): boolean {
  const decl = findDeclaration(root, root.text);
  if (!decl) return false;
  if (decl.kind === 'receiver') return true;
  return decl.kind === 'param' && decl.type?.type === 'pointer_type';
}

const IF_FIELD = /if\s+[\p{L}\p{N}_]+(\.[\p{L}\p{N}_]+)+\s*(==\s*true\s*)?\{/uy;
/** The same, searched for in the whole file (the engine's `$find`). */
const IF_FIELD_ANYWHERE = new RegExp(`(?<![\\p{L}\\p{N}_])${IF_FIELD.source}`, 'gu');
const LOCK_CALL = /\.(R?Lock|lock|rlock)\(\)/;
const SYNC_FIELD = /\b(sync\.(Mutex|RWMutex|WaitGroup|Once|Cond)|atomic\.[A-Z]\w*|chan)\b/;

/** Methods that callers on several goroutines may race to call (`Close` twice, `Stop` during `Start`). */
const LIFECYCLE = /^(start|stop|close|shutdown|run|serve|listen|listenandserve|open|launch|terminate|cancel)$/i;
/** A start method guarded by a started/running flag: the start-once pattern itself. */
const START_METHOD = /^(start|run|serve|listen|listenandserve|launch)$/i;
const START_FIELD = /^(is)?(started|running|serving|listening|launched)$/i;

/**
 * Whether the file shows that the check can race: the function starts a goroutine; or it is a
 * lifecycle method (`Start`, `Close`…) of a struct with a mutex, wait group, once, atomic or
 * channel field; or it is a `Start`/`Run` method guarded by a `started`/`running` flag. Single-goroutine
 * objects (writers, parsers, response state) close themselves once without any of these.
 */
function raceEvident(object: SyntaxNode, field: string, fn: SyntaxNode): boolean {
  const body = fn.childForFieldName('body');
  if (body && body.text.includes('go ') && body.descendantsOfType('go_statement').length > 0) return true;
  const name = functionName(fn);
  if (START_METHOD.test(name) && START_FIELD.test(field)) return true;
  if (!LIFECYCLE.test(name)) return false;
  const decl = findDeclaration(object, object.text);
  const type = decl?.type?.text.replace(/^\*/, '').replace(/\[.*$/, '');
  if (!type || !/^[A-Za-z_]\w*$/.test(type)) return false;
  const spec = typeSpecNamed(fn, type);
  if (spec?.type !== 'type_spec') return false;
  const struct = spec.childForFieldName('type');
  return struct?.type === 'struct_type' && SYNC_FIELD.test(struct.text);
}

export default defineRule({
  id: 'start-once-cas',
  title: 'Make a check-then-set of a start flag atomic',
  section: 'Atomic Operations (Mandatory)',
  severity: 'error',
  minGo: '1.19',
  fixable: false,
  description:
    'A method that tests a bool field and returns when it is set, then sets it (`if s.started { return … }` … ' +
    '`s.started = true`), without holding a lock, is a data race: two goroutines can both read `false` and both ' +
    'start. Make the field an `atomic.Bool` (Go 1.19) and test and set it in one step: ' +
    '`if !s.started.CompareAndSwap(false, true) { return ErrAlreadyStarted }`. Only syntax is known, so the rule ' +
    'reports only where the file shows the object is shared between goroutines: the function starts a goroutine, ' +
    'it is a `Start`/`Run`/`Serve` method guarded by a `started`/`running` flag, or it is a lifecycle method ' +
    '(`Start`, `Stop`, `Close`, `Shutdown`…) of a struct with a mutex, wait group, once, atomic or channel field. A function ' +
    'that takes a lock before the set, or whose name ends in `Locked`, is not reported.',
  examples: {
    incorrect: `
import "errors"

var ErrAlreadyStarted = errors.New("already started")

type Server struct {
	started bool
}

func (s *Server) Start() error {
	if s.started {
		return ErrAlreadyStarted
	}
	s.started = true
	go s.serve()
	return nil
}
`,
    correct: `
import (
	"errors"
	"sync/atomic"
)

var ErrAlreadyStarted = errors.New("already started")

type Server struct {
	started atomic.Bool
}

func (s *Server) Start() error {
	if !s.started.CompareAndSwap(false, true) {
		return ErrAlreadyStarted
	}
	go s.serve()
	return nil
}
`,
  },
  create(context) {
    return {
      $find: { if_statement: IF_FIELD_ANYWHERE },
      if_statement(ifStmt) {
        // Cheap rejection on the source: `if x.f {` or `if x.f == true {`.
        IF_FIELD.lastIndex = ifStmt.startIndex;
        if (!IF_FIELD.test(context.source)) return;
        const cond = ifStmt.childForFieldName('condition');
        if (!cond) return;
        const condType = cond.type;
        if (condType !== 'selector_expression' && !(condType === 'binary_expression' && context.source.startsWith('true', cond.endIndex - 4))) return;
        const field = checkedField(cond);
        if (!field || !isVariableChain(field)) return;
        if (ifStmt.childForFieldName('initializer') || ifStmt.childForFieldName('alternative') || ifStmt.parent?.type !== 'statement_list') return;
        if (!endsWithReturn(ifStmt.childForFieldName('consequence'))) return;
        const text = norm(field);
        const written = field.text;
        let set: SyntaxNode | null = null;
        for (let s = ifStmt.nextNamedSibling; s; s = s.nextNamedSibling) {
          if (!context.source.startsWith(written, s.startIndex)) continue;
          if (setsTrue(s, text)) {
            set = s;
            break;
          }
        }
        if (!set) return;
        const fn = enclosingFunction(ifStmt);
        if (!fn) return;
        // `startLocked`: the caller holds the lock.
        if (/locked$/i.test(functionName(fn))) return;
        if (LOCK_CALL.test(context.source.slice(fn.startIndex, set.startIndex))) return;
        const root = chainRoot(field);
        if (root.type !== 'identifier' || !isSharedObject(root)) return;
        const name = chainName(field);
        if (!raceEvident(root, name, fn)) return;
        context.report({
          node: ifStmt,
          message:
            `Check-then-set of \`${field.text}\` without a lock: two goroutines can both see false and both proceed (a data race); ` +
            `make \`${name}\` an \`atomic.Bool\` and write \`if !${field.text}.CompareAndSwap(false, true) { return … }\`.`,
          anchor: ifStmt,
        });
      },
    };
  },
});
