import { enclosingFunction, functionName } from '../../core/go/functions.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration, typeSpecNamed } from '../../core/go/scope.js';
import { chainName, isVariableChain, rootIdentifier } from '../../core/go/selectors.js';
import { blockStatements, compactText, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

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
  return left.length === 1 && right.length === 1 && compactText(left[0]!) === field && right[0]!.type === 'true';
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
/** Names that say the caller holds the lock: `startLocked`, `loadWithLock`, `resetUnderLock`. */
const LOCK_HELD_NAME = /(locked|withlock|underlock|lockheld)$/i;
/** Doc comments that say so: "Lock should be held", "caller must hold mu", "must be called with the lock held". */
const LOCK_HELD_DOC = /\b(lock(s)?\s+(is\s+|must\s+be\s+|should\s+be\s+)?held|holds?\s+(the\s+)?\w*\s*lock|hold(ing)?\s+\w*\.?mu\b|with\s+(the\s+)?\w*\s*lock\s+held|under\s+(the\s+)?\w*\s*lock)/i;

/** Whether the doc comment right above the function says its caller holds the lock. */
function documentsLockHeld(fn: SyntaxNode): boolean {
  const lines: string[] = [];
  let row = fn.startPosition.row;
  for (let c = fn.previousSibling; c?.type === 'comment' && c.endPosition.row === row - 1; c = c.previousSibling) {
    lines.push(c.text);
    row = c.startPosition.row;
  }
  return LOCK_HELD_DOC.test(lines.reverse().join(' '));
}

/** Whether the function is called in the file, and every call has a lock taken before it in its function. */
function everyCallerLocks(root: SyntaxNode, fn: SyntaxNode): boolean {
  const name = functionName(fn);
  if (!name) return false;
  const calls = root.descendantsOfType('call_expression').filter((c) => {
    const f = c.childForFieldName('function');
    return (f?.type === 'identifier' && f.text === name) || (f?.type === 'selector_expression' && f.childForFieldName('field')?.text === name);
  });
  if (calls.length === 0) return false;
  return calls.every((call) => {
    const caller = enclosingFunction(call);
    if (!caller || caller.id === fn.id) return false;
    const before = root.text.slice(caller.startIndex, call.startIndex);
    const lock = Math.max(before.lastIndexOf('.Lock()'), before.lastIndexOf('.RLock()'));
    const unlock = Math.max(before.lastIndexOf('.Unlock()'), before.lastIndexOf('.RUnlock()'));
    const deferred = /defer\s+[\w.]+\.R?Unlock\(\)\s*$/.test(before.slice(0, unlock + '.Unlock()'.length + 1));
    return lock >= 0 && (lock > unlock || deferred);
  });
}

/**
 * Other state of the same object that the function sets with the flag (`r.quit = make(…)`), or
 * tests after setting it (`if r.quit != nil`), outside goroutines: a CAS on the flag alone would
 * not order those. The expression, or null.
 */
function companionState(ifStmt: SyntaxNode, set: SyntaxNode, object: string, flag: string): string | null {
  const other = (n: SyntaxNode | null | undefined): string | null => {
    if (n?.type !== 'selector_expression') return null;
    const t = compactText(n);
    return t !== flag && t.startsWith(`${object}.`) ? n.text : null;
  };
  for (let s = ifStmt.nextNamedSibling; s; s = s.nextNamedSibling) {
    if (s.id === set.id) continue;
    for (const n of [s, ...s.descendantsOfType(['assignment_statement', 'if_statement'])]) {
      if (hasFuncLiteralBetween(n, s)) continue;
      if (n.type === 'assignment_statement') {
        const found = other(n.childForFieldName('left')?.namedChildren[0]);
        if (found) return found;
      } else if (n.type === 'if_statement' && s.startIndex > set.startIndex) {
        const cond = n.childForFieldName('condition');
        for (const sel of cond ? [cond, ...cond.descendantsOfType('selector_expression')] : []) {
          const found = other(sel);
          if (found && sel.parent?.type !== 'call_expression') return found;
        }
      }
    }
  }
  return null;
}

function hasFuncLiteralBetween(node: SyntaxNode, stop: SyntaxNode): boolean {
  for (let n = node.parent; n && n.id !== stop.id; n = n.parent) if (n.type === 'func_literal') return true;
  return false;
}
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
  subjects: ['lock', 'mutex', 'held', 'single owner', 'one owner', 'not concurrent', 'once'],
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
        const text = compactText(field);
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
        // `startLocked`, `loadWithLock`, `// Lock should be held.`: the caller holds the lock.
        if (LOCK_HELD_NAME.test(functionName(fn)) || documentsLockHeld(fn)) return;
        if (LOCK_CALL.test(context.source.slice(fn.startIndex, set.startIndex))) return;
        const root = rootIdentifier(field);
        if (!root || !isSharedObject(root)) return;
        const name = chainName(field);
        if (!raceEvident(root, name, fn)) return;
        // Last: it reads every call of the file.
        if (everyCallerLocks(context.root, fn)) return;
        const companion = companionState(ifStmt, set, root.text, text);
        context.report({
          node: ifStmt,
          anchor: ifStmt,
          // A CAS on the flag alone would not cover the other state set with it: advisory, and no CAS advice.
          ...(companion ? { tier: 'advisory' as const } : {}),
          message: companion
            ? `Check-then-set of \`${field.text}\` without a lock, and \`${companion}\` is set with it: if two goroutines can call this, both may see false and proceed; ` +
              `an \`atomic.Bool\` alone would not cover \`${companion}\`, so hold one mutex around the check and both writes (or document that one owner calls it).`
            : `Check-then-set of \`${field.text}\` without a lock: two goroutines can both see false and both proceed (a data race); ` +
              `make \`${name}\` an \`atomic.Bool\` and write \`if !${field.text}.CompareAndSwap(false, true) { return … }\`.`,
        });
      },
    };
  },
});
