import { caseReceive, isStopChannel } from '../../core/go/channels.js';
import { enclosingFunction, functionName } from '../../core/go/functions.js';
import { goCall, goStatementOfLiteral, isTerminatingCall } from '../../core/go/goroutines.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { selectorParts } from '../../core/go/selectors.js';
import { blockStatements, unparen } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

const BREAKABLE = new Set(['for_statement', 'select_statement', 'expression_switch_statement', 'type_switch_statement']);
const NESTED_FUNCTION = new Set(['func_literal', 'function_declaration', 'method_declaration']);

/** Whether the select has a `default` or a case receiving from `ctx.Done()` or a done/quit/stop channel. */
function canStop(select: SyntaxNode): boolean {
  for (const c of select.namedChildren) {
    if (c.type === 'default_case') return true;
    if (c.type !== 'communication_case') continue;
    const ch = caseReceive(c);
    if (ch && isStopChannel(ch)) return true;
  }
  return false;
}

/** The label of `L: for { … }`, if any. */
function labelOf(loop: SyntaxNode): string | null {
  const p = loop.parent;
  return p?.type === 'labeled_statement' ? (p.namedChildren.find((c) => c.type === 'label_name')?.text ?? null) : null;
}

/** Whether anything in the loop body leaves the loop: return, goto, a break of this loop, panic / exit. */
function hasWayOut(loop: SyntaxNode, body: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const label = labelOf(loop);
  for (const n of body.descendantsOfType(['return_statement', 'goto_statement', 'break_statement', 'call_expression'])) {
    let nested = false;
    let breaks: SyntaxNode | null = null;
    for (let p = n.parent; p && p.id !== loop.id; p = p.parent) {
      if (NESTED_FUNCTION.has(p.type)) {
        nested = true;
        break;
      }
      if (!breaks && BREAKABLE.has(p.type)) breaks = p;
    }
    if (nested) continue;
    switch (n.type) {
      case 'return_statement':
      case 'goto_statement':
        return true;
      case 'break_statement': {
        const target = n.namedChildren.find((c) => c.type === 'label_name')?.text;
        if (target ? target === label : !breaks) return true;
        break;
      }
      default:
        if (isTerminatingCall(n, imports)) return true;
    }
  }
  return false;
}

/** A function literal that runs as a goroutine: `go func() { … }()` or `g.Go(func() error { … })`. */
function isGoroutineLiteral(fn: SyntaxNode): boolean {
  if (goStatementOfLiteral(fn)) return true;
  const args = fn.parent;
  const call = args?.type === 'argument_list' ? args.parent : null;
  return selectorParts(call?.childForFieldName('function') ?? null)?.field === 'Go';
}

export default defineRule({
  id: 'select-without-cancel',
  title: 'Give every goroutine loop over `select` a way to stop',
  section: 'Channel Safety (Proactive Bug Prevention)',
  severity: 'warning',
  minGo: '1.0',
  fixable: false,
  subjects: ['cancel', 'shutdown', 'process lifetime', 'runs forever', 'never stops', 'lives forever'],
  description:
    'A goroutine that loops `for { select { … } }` with no case receiving from `ctx.Done()` or a ' +
    'done/quit/stop channel, no `return` (or other way out of the loop) and no `default` runs until the ' +
    'process exits: nothing can stop it, so every goroutine started this way is leaked, with whatever it ' +
    'references, and shutdown cannot wait for it. Add `case <-ctx.Done(): return` (or a quit channel that ' +
    'is closed on shutdown), as the standard\'s worker does.',
  examples: {
    incorrect: `
func (w *Worker) Start() {
	go func() {
		for {
			select {
			case msg := <-w.input:
				w.process(msg)
			case <-w.tick.C:
				w.flush()
			}
		}
	}()
}
`,
    correct: `
import "context"

func (w *Worker) Start(ctx context.Context) {
	go func() {
		for {
			select {
			case msg := <-w.input:
				w.process(msg)
			case <-w.tick.C:
				w.flush()
			case <-ctx.Done():
				return
			}
		}
	}()
}
`,
  },
  notes: `
"In a goroutine" means the loop is in a function literal started with \`go\` (or passed to an
errgroup's \`Go\`), or in a function or method of the same file that is started with \`go\`.
A \`for v := range ch\` loop ends when the channel is closed and is not reported; nor is a loop whose
select has a \`default\`, or whose body can return, break out of the loop, \`goto\`, panic or exit.
`,
  create(context) {
    const candidates: Array<{ loop: SyntaxNode; fn: SyntaxNode }> = [];
    const started = new Set<string>();
    const seen = new Set<number>();
    const report = (loop: SyntaxNode): void => {
      context.report({
        node: loop,
        anchor: blockStatements(loop.childForFieldName('body')).find((s) => s.type === 'select_statement') ?? loop,
        message:
          '`for { select }` in a goroutine with no `ctx.Done()`/quit case, no return and no default: nothing can stop it, so it leaks until the process exits; add `case <-ctx.Done(): return`.',
      });
    };
    return {
      go_statement(go) {
        const call = goCall(go);
        const fn = call?.childForFieldName('function');
        if (!fn) return;
        const f = unparen(fn);
        if (f.type === 'identifier') started.add(f.text);
        else if (f.type === 'selector_expression') started.add(f.childForFieldName('field')?.text ?? '');
      },
      select_statement(select) {
        // for { select { … } }: the select is a statement of a bare loop's body.
        const list = select.parent;
        const body = list?.type === 'statement_list' ? list.parent : null;
        const loop = body?.type === 'block' ? body.parent : null;
        if (loop?.type !== 'for_statement' || loop.namedChildCount !== 1 || seen.has(loop.id)) return;
        seen.add(loop.id);
        const selects = blockStatements(body).filter((s) => s.type === 'select_statement');
        if (selects.some(canStop)) return;
        const fn = enclosingFunction(loop);
        if (!fn) return;
        if (hasWayOut(loop, body!, context.imports())) return;
        if (fn.type === 'func_literal') {
          if (isGoroutineLiteral(fn)) report(loop);
          return;
        }
        candidates.push({ loop, fn });
      },
      $end() {
        for (const { loop, fn } of candidates) if (started.has(functionName(fn))) report(loop);
      },
    };
  },
});
