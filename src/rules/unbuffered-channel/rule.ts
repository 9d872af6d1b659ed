import { channelFacts, resultLeak, signalNotifyChannel, unbufferedMake, type UnbufferedMake } from '../../core/go/channels.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { statementOf } from '../../core/go/syntax.js';
import { looksLikeSignal } from './signal-channels.js';
import { defineRule } from '../define-rule.js';

/** `[]any{make(chan int)}`: a value in a list literal (a test table), not a channel in use. */
function isListElement(call: SyntaxNode): boolean {
  return call.parent?.type === 'literal_element' && call.parent.parent?.type === 'literal_value';
}

/** `make(<-chan T)` or `make(chan<- T)`: one end only, so never sent on and received from both (a placeholder). */
function isDirectional(make: UnbufferedMake): boolean {
  const t = make.type.text.replace(/\s/g, '');
  return t.startsWith('<-') || t.startsWith('chan<-');
}

/** Whether every send the file shows is a `select` case beside a `default`: no send can block. */
function sendsNeverBlock(make: UnbufferedMake, root: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const sends = channelFacts(make, root, imports).uses.filter((u) => u.kind === 'send');
  return (
    sends.length > 0 &&
    sends.every((u) => u.selectCase?.parent?.type === 'select_statement' && u.selectCase.parent.namedChildren.some((c) => c.type === 'default_case'))
  );
}

export default defineRule({
  id: 'unbuffered-channel',
  title: 'Give channels an explicit capacity',
  section: 'Channel Safety (Proactive Bug Prevention)',
  severity: 'notice',
  minGo: '1.0',
  fixable: false,
  // Signal policy amendment: unbuffered channels are the right choice for hand-offs often enough
  // that the finding is never more than advisory.
  tier: 'advisory',
  subjects: ['unbuffered', 'synchronous', 'hand-off', 'handoff', 'lock-step', 'lockstep', 'rendezvous', 'blocking send'],
  description:
    'A send on an unbuffered channel blocks until a receiver takes the value, so producer and consumer ' +
    'run in lock-step and a slow or absent receiver stalls — or leaks — the sender. The standard asks ' +
    'for an explicit capacity chosen for the workload (`make(chan Job, 100)`). Where a synchronous ' +
    'hand-off is really intended, say so with `make(chan T, 0)`. Close-only signal channels ' +
    '(`chan struct{}` that is only closed and received from) are fine unbuffered and are not reported.',
  examples: {
    incorrect: `
func startWorkers(n int) chan<- Job {
	jobs := make(chan Job)
	for i := 0; i < n; i++ {
		go func() {
			for j := range jobs {
				j.Run()
			}
		}()
	}
	return jobs
}
`,
    correct: `
func startWorkers(n int) (chan<- Job, <-chan struct{}) {
	jobs := make(chan Job, 2*n)
	done := make(chan struct{})
	for i := 0; i < n; i++ {
		go func() {
			for j := range jobs {
				j.Run()
			}
		}()
	}
	go func() {
		<-done
		close(jobs)
	}()
	return jobs, done
}
`,
  },
  notes: `
The standard says "ALWAYS buffered"; that is too strong. Unbuffered channels are correct for a
deliberate hand-off and for close-only signals, so this is a notice, and a channel whose element type
is \`struct{}\` is reported only when the file shows a send on it. The real bug class is reported as an
error by \`result-channel-leak\` (a result channel that leaks its sender) and \`signal-channel-unbuffered\`;
a channel reported by either is not reported again here.

Advisory only (signal policy amendment): on real code most unbuffered channels were deliberate
hand-offs. Not reported: \`make(<-chan T)\`/\`make(chan<- T)\` placeholders, and channels whose every
send is a \`select\` case beside \`default\` (no send can block).
`,
  create(context) {
    return {
      channel_type(node) {
        const make = unbufferedMake(node);
        if (!make || isListElement(make.call) || isDirectional(make)) return;
        const imports = context.imports();
        if (looksLikeSignal(make, context.root, imports) || sendsNeverBlock(make, context.root, imports)) return;
        if (resultLeak(make, context.root, imports) || signalNotifyChannel(make, imports, context.root)) return;
        context.report({
          node: make.call,
          tier: 'advisory',
          anchor: statementOf(make.call),
          message: `unbuffered channel: every send blocks until a receiver takes it, so a slow or missing receiver stalls or leaks the sender; give it a capacity (\`make(${make.type.text}, n)\`), or \`make(${make.type.text}, 0)\` if the hand-off is intended.`,
        });
      },
    };
  },
});
