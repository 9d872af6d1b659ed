import { capacityOneFix, resultLeak, unbufferedMake } from '../../core/go/channels.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { statementOf } from '../../core/go/syntax.js';
import { defineRule } from '../define-rule.js';

function describe(exit: SyntaxNode): string {
  if (exit.type === 'default_case') return '`default`';
  const text = exit.text.replace(/\s+/g, ' ');
  return `\`${text.length > 40 ? `${text.slice(0, 37)}…` : text}\``;
}

/** Calls that fail a test: `t.Fatal…`, `t.Error…`, `t.FailNow()`, `s.T().Fail()`, testify's `require.…`/`assert.…`. */
const FAILS_TEST = /^(Fatal|Fatalf|FailNow|Fail|Error|Errorf)$/;

/** Whether the competing select case fails the test: then the sender leaks only on an already-failed run. */
function failsTest(exit: SyntaxNode): boolean {
  const commCase = exit.type === 'default_case' || exit.type === 'communication_case' ? exit : exit.parent;
  if (!commCase) return false;
  for (const call of commCase.descendantsOfType('call_expression')) {
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'selector_expression') continue;
    const field = fn.childForFieldName('field')?.text ?? '';
    const operand = fn.childForFieldName('operand')?.text ?? '';
    if (FAILS_TEST.test(field) || operand === 'require' || operand === 'assert') return true;
  }
  return false;
}

export default defineRule({
  id: 'result-channel-leak',
  title: 'Give a result channel room for the one value its goroutine sends',
  section: 'Channel Safety (Proactive Bug Prevention)',
  severity: 'error',
  minGo: '1.0',
  fixable: true,
  subjects: ['unbuffered', 'capacity'],
  description:
    'A goroutine sends its one result on an unbuffered channel while the caller waits for it in a `select` ' +
    'that can also give up (`<-ctx.Done()`, `<-time.After(…)`, `default`). When the other case wins, nobody ' +
    'ever receives: the goroutine blocks on its send forever and leaks, with everything it holds. A ' +
    'capacity of one lets the send complete and the goroutine exit whether or not the result is read: ' +
    '`make(chan T, 1)`.',
  examples: {
    incorrect: `
import (
	"context"
	"net/http"
)

func fetch(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	type result struct {
		resp *http.Response
		err  error
	}
	done := make(chan result)
	go func() {
		resp, err := c.Do(req)
		done <- result{resp, err}
	}()
	select {
	case r := <-done:
		return r.resp, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
`,
    correct: `
import (
	"context"
	"net/http"
)

func fetch(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	type result struct {
		resp *http.Response
		err  error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := c.Do(req)
		done <- result{resp, err}
	}()
	select {
	case r := <-done:
		return r.resp, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
`,
  },
  notes: `
Reported only when the file shows the whole exchange: a local channel, one goroutine (not started in a
loop) that sends on it outside any loop or select, and one receive, in a \`select\` whose other case
leaves (or that is not retried in a loop). With several sending goroutines a capacity of one is not
enough, so nothing is suggested for them here; \`unbuffered-channel\` still notes the channel.

In a \`_test.go\` file where the competing case fails the test (\`t.Fatal\`, \`t.Error\`, testify's
\`require\`/\`assert\`), the sender leaks only on a run that has already failed: the finding is advisory.
`,
  // The leak needs a `select` that can give up on the result.
  requires: ['select'],
  create(context) {
    return {
      channel_type(node) {
        const make = unbufferedMake(node);
        if (!make) return;
        const leak = resultLeak(make, context.root, context.imports());
        if (!leak) return;
        const failedRunOnly = context.path.endsWith('_test.go') && failsTest(leak.exit);
        context.report({
          node: make.call,
          anchor: statementOf(make.call),
          ...(failedRunOnly ? { tier: 'advisory' as const } : {}),
          message: `goroutine leak: when ${describe(leak.exit)} wins the select, nobody receives from \`${leak.name}\` and its sender blocks forever; \`make(${make.type.text}, 1)\` lets it send and exit.`,
          fix: capacityOneFix(make),
        });
      },
    };
  },
});
