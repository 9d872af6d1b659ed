import { calledFunction, fileFunctions, type FileFunctions } from '../../core/go/functions.js';
import { goCall, longRunningLoop } from '../../core/go/goroutines.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { selectorParts } from '../../core/go/selectors.js';
import { defineRule } from '../define-rule.js';

/** A deferred helper that recovers: `defer handlePanic()`, `defer s.recoverWorker(id)`, `defer util.Recover()`. */
const RECOVER_HELPER = /recover|panic/i;

/** Whether the function recovers panics: a `recover()` call, or a deferred helper named for it. */
function recovers(fn: SyntaxNode): boolean {
  const body = fn.childForFieldName('body');
  if (!body) return true;
  if (!body.text.includes('recover') && !/panic/i.test(body.text)) return false;
  for (const n of body.descendantsOfType(['call_expression', 'defer_statement'])) {
    if (n.type === 'call_expression') {
      const f = n.childForFieldName('function');
      if (f?.type === 'identifier' && f.text === 'recover') return true;
      continue;
    }
    const call = n.namedChildren.find((c) => c.type === 'call_expression');
    const f = call?.childForFieldName('function');
    if (!f) continue;
    const name = f.type === 'identifier' ? f.text : (selectorParts(f)?.field ?? '');
    if (RECOVER_HELPER.test(name)) return true;
  }
  return false;
}

export default defineRule({
  id: 'goroutine-recover',
  title: 'Recover panics in long-running worker goroutines',
  section: 'Structured Concurrency Patterns (Anti-Fire-and-Forget)',
  severity: 'notice',
  minGo: '1.0',
  fixable: false,
  // Signal policy amendment: advisory (whether a panic should end the process is a design choice).
  tier: 'advisory',
  subjects: ['recover', 'panic', 'crash'],
  description:
    'A panic in any goroutine ends the whole process. A long-running worker — a goroutine whose body is ' +
    'an endless `for { … }` loop or a `for … range ch` over a channel — handles many jobs, so one bad job ' +
    'takes every other request down with it. The standard asks for supervised workers: defer a function ' +
    'that calls `recover()`, logs and counts the panic, and either turns it into an error for that job or ' +
    'restarts the worker.',
  examples: {
    incorrect: `
func (p *Pool) start(jobs <-chan Job) {
	go func() {
		for job := range jobs {
			job.Run()
		}
	}()
}
`,
    correct: `
import "log"

func (p *Pool) start(jobs <-chan Job) {
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Printf("worker panic: %v", r)
			}
		}()
		for job := range jobs {
			job.Run()
		}
	}()
}
`,
  },
  notes: `
Recovery is recognised as a \`recover()\` call anywhere in the goroutine's function (for example a
per-job \`func() { defer func() { recover() … }(); job.Run() }()\` inside the loop, as in the
standard's \`supervisedWorker\`) or a deferred helper whose name says so (\`defer handlePanic()\`,
\`defer s.recoverWorker()\`). \`go w.loop()\` is checked when \`loop\` is declared in the same file.

Advisory only (signal policy amendment). Not reported in \`_test.go\` files: there a panic should
fail the test, and recovering it would hide the failure.
`,
  create(context) {
    const testFile = context.path.endsWith('_test.go');
    const functions = (): FileFunctions => fileFunctions(context.root);
    return {
      go_statement(go) {
        if (testFile) return;
        const call = goCall(go);
        if (!call) return;
        const imports = context.imports();
        const fn = calledFunction(call, functions, imports);
        const body = fn?.childForFieldName('body');
        if (!fn || !body) return;
        const loop = longRunningLoop(body, imports);
        if (!loop || recovers(fn)) return;
        const what = fn.type === 'func_literal' ? 'worker goroutine' : `worker \`${call.childForFieldName('function')!.text}\``;
        context.report({
          node: go,
          anchor: call,
          tier: 'advisory',
          message: `long-running ${what} without a deferred recover(): one panic in it kills the whole process; defer a recover that logs, counts and restarts or fails the job.`,
        });
      },
    };
  },
});
