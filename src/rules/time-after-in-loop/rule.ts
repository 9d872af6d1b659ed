import { caseReceive } from '../../core/go/channels.js';
import { enclosingFunction } from '../../core/go/functions.js';
import { enclosingLoop, isBareFor, rangesOverChannel, unlabel } from '../../core/go/loops.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { findDeclaration } from '../../core/go/scope.js';
import { selectorParts } from '../../core/go/selectors.js';
import { blockStatements, unparen } from '../../core/go/syntax.js';
import { goAtLeast } from '../../core/go-version.js';
import { defineRule } from '../define-rule.js';

/**
 * A function that never returns: no `return` of its own, and it ends in an endless loop
 * (`for { … }` or `for range` over a ticker) that nothing breaks out of. A ticker it never
 * stops is then not a leak.
 */
function endless(fn: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const body = fn.childForFieldName('body');
  const stmts = blockStatements(body);
  const last = stmts[stmts.length - 1];
  if (!body || !last) return false;
  const loop = unlabel(last);
  if (loop.type !== 'for_statement' || !(isBareFor(loop) || rangesOverChannel(loop, imports))) return false;
  for (const n of body.descendantsOfType(['return_statement', 'break_statement', 'goto_statement'])) {
    let inner = false;
    for (let p = n.parent; p && p.id !== fn.id; p = p.parent) {
      if (p.type === 'func_literal') {
        inner = true;
        break;
      }
    }
    if (!inner) return false;
  }
  return true;
}

export default defineRule({
  id: 'time-after-in-loop',
  title: 'Reuse one timer instead of `time.After` in a loop',
  section: 'Channel Safety (Proactive Bug Prevention)',
  severity: 'notice',
  minGo: '1.0',
  fixable: false,
  subjects: ['timer', 'time.After', 'allocat'],
  description:
    '`time.After(d)` in a `select` inside a loop creates a new timer (and channel) on every iteration. ' +
    'Before Go 1.23 none of them is collected until it fires, so a loop that wakes often with a long ' +
    'timeout piles up pending timers (a leak; reported as a warning for modules on older Go). From Go 1.23 ' +
    'unreferenced timers are collected, and the cost is an allocation per iteration (a notice). Create one ' +
    '`time.NewTimer(d)` before the loop and `Reset` it each iteration. Before Go 1.23 `time.Tick` outside ' +
    '`main` leaks its ticker too, since it can never be stopped: use `time.NewTicker` and `Stop` it.',
  examples: {
    incorrect: `
import "time"

func consume(in <-chan Msg, idle time.Duration) {
	for {
		select {
		case m := <-in:
			handle(m)
		case <-time.After(idle):
			return
		}
	}
}
`,
    correct: `
import "time"

func consume(in <-chan Msg, idle time.Duration) {
	t := time.NewTimer(idle)
	defer t.Stop()
	for {
		select {
		case m := <-in:
			handle(m)
		case <-t.C:
			return
		}
		t.Reset(idle)
	}
}
`,
  },
  notes: `
The standard says \`time.After\` leaks; that stopped being true in Go 1.23, where timers that nothing
references are garbage collected even if they have not fired. The rule therefore reads the module's
\`go\` directive: before 1.23 it warns about the leak, from 1.23 on it notes the allocation per iteration.
\`time.Tick\` is reported only for modules before Go 1.23, and not in package \`main\` or in a
function that never returns (its ticker is needed for the life of the program).
`,
  // The timers come from the `time` package.
  requires: ['"time"'],
  create(context) {
    const modern = goAtLeast(context.goVersion, '1.23');
    return {
      select_statement(select) {
        if (!enclosingLoop(select)) return;
        const time = context.imports().get('time');
        if (!time) return;
        for (const commCase of select.namedChildren) {
          if (commCase.type !== 'communication_case') continue;
          const ch = caseReceive(commCase);
          const call = ch && timerCall(unparen(ch), select);
          if (call?.type !== 'call_expression') continue;
          const sel = selectorParts(call.childForFieldName('function'));
          if (sel?.field !== 'After' || sel.operand.type !== 'identifier' || sel.operand.text !== time) continue;
          context.report({
            node: call,
            severity: modern ? 'notice' : 'warning',
            // From Go 1.23 the timer is collected: an allocation per iteration, advisory (signal policy amendment).
            ...(modern ? { tier: 'advisory' as const } : {}),
            message: modern
              ? '`time.After` in a select inside a loop allocates a new timer every iteration; create one `time.NewTimer` before the loop and `Reset` it.'
              : '`time.After` in a select inside a loop creates a timer per iteration that is not freed until it fires (before Go 1.23: a leak); create one `time.NewTimer` before the loop and `Reset` it.',
          });
        }
      },
      $end() {
        // time.Tick: only before Go 1.23, found by text (rare) rather than by visiting every call.
        if (modern || !context.source.includes('.Tick(')) return;
        const imports = context.imports();
        const time = imports.get('time');
        if (!time || isMainPackage(context.root)) return;
        for (const call of callsNamed(context.root, `${time}.Tick`)) {
          const owner = enclosingFunction(call);
          if (!owner || endless(owner, imports)) continue;
          context.report({
            node: call,
            severity: 'warning',
            message:
              '`time.Tick` leaks its ticker before Go 1.23: it can never be stopped; use `time.NewTicker` and `defer t.Stop()`.',
          });
        }
      },
    };
  },
});

/**
 * The `time.After(…)` call a select case receives from: the call itself, or a variable that the
 * same loop iteration assigned it to (`timeout := time.After(d)` inside the loop).
 */
function timerCall(ch: SyntaxNode, select: SyntaxNode): SyntaxNode | null {
  if (ch.type === 'call_expression') return ch;
  if (ch.type !== 'identifier') return null;
  const decl = findDeclaration(ch, ch.text);
  const loop = enclosingLoop(select);
  if (!decl?.value || !loop || decl.statement.startIndex < loop.startIndex) return null;
  return unparen(decl.value);
}

/** Calls `pkg.Name(…)` in the file, found by searching the text. */
function callsNamed(root: SyntaxNode, qualified: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const source = root.text;
  const re = new RegExp(`(?<![\\p{L}\\p{N}_.])${qualified.replace('.', '\\s*\\.\\s*')}\\s*\\(`, 'gu');
  for (const m of source.matchAll(re)) {
    const start = root.startIndex + m.index;
    let n: SyntaxNode | null = root.descendantForIndex(start, start + 1);
    while (n && n.type !== 'call_expression' && n.startIndex === start) n = n.parent;
    if (n?.type === 'call_expression' && n.startIndex === start) out.push(n);
  }
  return out;
}

function isMainPackage(root: SyntaxNode): boolean {
  const clause = root.namedChildren.find((c) => c.type === 'package_clause');
  return unparen(clause?.namedChild(0) ?? root).text === 'main';
}
