import { defineRule } from '../define-rule.js';
import { capacityOneFix, signalNotifyChannel, unbufferedMake } from '../../core/go/channels.js';
import { statementOf } from '../../core/go/syntax.js';

export default defineRule({
  id: 'signal-channel-unbuffered',
  title: 'Buffer the channel given to `signal.Notify`',
  section: 'Channel Safety (Proactive Bug Prevention)',
  severity: 'error',
  minGo: '1.0',
  fixable: true,
  subjects: ['unbuffered', 'capacity'],
  peers: ['govet:sigchanyzer', 'staticcheck:SA1017'],
  description:
    '`signal.Notify` never blocks when it delivers a signal: if the channel has no room at that instant, ' +
    'the signal is dropped. With an unbuffered channel that is every signal that arrives while the ' +
    'receiving goroutine is not parked on the receive (still starting, or busy), so a SIGTERM can be ' +
    'lost and the process never shuts down cleanly. Give the channel a buffer: `make(chan os.Signal, 1)`.',
  examples: {
    incorrect: `
import (
	"os"
	"os/signal"
	"syscall"
)

func waitForShutdown() os.Signal {
	sigs := make(chan os.Signal)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	return <-sigs
}
`,
    correct: `
import (
	"os"
	"os/signal"
	"syscall"
)

func waitForShutdown() os.Signal {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	return <-sigs
}
`,
  },
  notes: `
The same check as \`go vet\`'s sigchanyzer, from syntax: the channel is made in the file with
\`make(chan os.Signal)\` and stored in a variable or field that is passed to \`signal.Notify\` there.
`,
  create(context) {
    return {
      channel_type(node) {
        const make = unbufferedMake(node);
        if (!make) return;
        if (!signalNotifyChannel(make, context.imports(), context.root)) return;
        context.report({
          node: make.call,
          anchor: statementOf(make.call),
          message: '`signal.Notify` does not block: signals arriving while nobody waits on this unbuffered channel are dropped; use `make(chan os.Signal, 1)`.',
          fix: capacityOneFix(make),
        });
      },
    };
  },
});
