import { callOf, signatureMentionsBool, yieldParameter, yieldUses } from '../../core/go/iterators.js';
import { type LockCall, lockCallOf, unlockFor } from '../../core/go/locks.js';
import type { SyntaxNode } from '../../core/go/parser.js';
import { defineRule } from '../define-rule.js';

/**
 * The lock held where `use` runs: walking out from the use, the nearest earlier `x.Lock()` or
 * `x.RLock()` statement of the iterator not released by an `x.Unlock()` in between. A deferred
 * unlock does not release. A function literal that runs later (`go`, `defer`) stops the walk.
 */
function heldLock(use: SyntaxNode, fn: SyntaxNode): LockCall | null {
  const released = new Set<string>();
  let child: SyntaxNode = use;
  for (let n = use.parent; n && n.id !== fn.id; child = n, n = n.parent) {
    if (n.type === 'func_literal') {
      const runsLater = n.parent?.type === 'go_statement' || n.parent?.parent?.type === 'go_statement' || n.parent?.parent?.type === 'defer_statement';
      if (runsLater) return null;
      continue;
    }
    if (n.type !== 'statement_list') continue;
    for (let s = child.previousNamedSibling; s; s = s.previousNamedSibling) {
      const call = lockCallOf(s);
      if (!call || call.deferred) continue;
      if (call.method === 'Unlock' || call.method === 'RUnlock') {
        released.add(`${call.receiver}:${call.method}`);
      } else if (!released.has(`${call.receiver}:${unlockFor(call.method)}`)) {
        return call;
      }
    }
  }
  return null;
}

/** The doc comment of the top-level declaration holding the node (the comment lines right above it). */
function docComment(node: SyntaxNode): string {
  let top = node;
  while (top.parent && top.parent.type !== 'source_file') top = top.parent;
  const lines: string[] = [];
  let row = top.startPosition.row;
  for (let c = top.previousNamedSibling; c?.type === 'comment' && c.endPosition.row === row - 1; c = c.previousNamedSibling) {
    lines.unshift(c.text);
    row = c.startPosition.row;
  }
  return lines.join('\n');
}

/** A doc comment that warns callers the lock is held while they iterate. */
const DOCUMENTED = /deadlock|\b(lock(ed|s)?|mutex|held)\b[^.]*\b(while|during|must not|do not|don't|cannot)\b|\b(while|during)\b[^.]*\b(lock(ed|s)?|held)\b/i;

export default defineRule({
  id: 'iterator-holds-lock',
  title: 'Do not yield while holding a lock',
  section: 'Go 1.24 Iterators with Yield',
  severity: 'warning',
  minGo: '1.23',
  fixable: false,
  subjects: ['lock', 'mutex', 'deadlock', 'held', 'snapshot'],
  description:
    'An iterator that takes `mu.Lock()` or `mu.RLock()` and calls `yield` before unlocking (or with ' +
    '`defer mu.Unlock()`) runs the caller\'s loop body under its lock. The lock is held for as long as the ' +
    'caller takes per element, and a loop body that calls back into the same type (a `Set`, a `Delete`, even ' +
    'another `RLock` while a writer waits) deadlocks. Copy what you need under the lock, unlock, then yield ' +
    'from the copy. A doc comment that tells callers the lock is held while they iterate (and what not to call) ' +
    'silences the rule.',
  examples: {
    incorrect: `
import (
	"iter"
	"sync"
)

type Store struct {
	mu   sync.RWMutex
	data map[string]*Item
}

func (s *Store) Items() iter.Seq2[string, *Item] {
	return func(yield func(string, *Item) bool) {
		s.mu.RLock()
		defer s.mu.RUnlock()
		for k, v := range s.data {
			if !yield(k, v) {
				return
			}
		}
	}
}
`,
    correct: `
import (
	"iter"
	"sync"
)

type Store struct {
	mu   sync.RWMutex
	data map[string]*Item
}

type entry struct {
	key  string
	item *Item
}

func (s *Store) Items() iter.Seq2[string, *Item] {
	return func(yield func(string, *Item) bool) {
		s.mu.RLock()
		snapshot := make([]entry, 0, len(s.data))
		for k, v := range s.data {
			snapshot = append(snapshot, entry{k, v})
		}
		s.mu.RUnlock()
		for _, e := range snapshot {
			if !yield(e.key, e.item) {
				return
			}
		}
	}
}
`,
  },
  notes: `The standard's own \`Items()\` example (section "Go 1.24 Iterators with Yield") takes \`s.mu.RLock()\`
with \`defer s.mu.RUnlock()\` and yields inside the loop: the caller's loop body then runs under the read
lock, and a body that calls \`store.Set(…)\` (which takes \`s.mu.Lock()\`) deadlocks. The correct form takes
a snapshot under the lock and yields after unlocking:

\`\`\`go
func (s *Store) Items() iter.Seq2[string, *Item] {
	return func(yield func(string, *Item) bool) {
		s.mu.RLock()
		keys := make([]string, 0, len(s.data))
		items := make([]*Item, 0, len(s.data))
		for k, v := range s.data {
			keys = append(keys, k)
			items = append(items, v)
		}
		s.mu.RUnlock()

		for i, k := range keys {
			if !yield(k, items[i]) {
				return
			}
		}
	}
}
\`\`\`

The snapshot copies the collection each time the iterator runs; where that costs too much, keep the lock and
say in the doc comment that the lock is held while the caller iterates and the loop body must not call back
into the store (the rule then stays silent).`,
  create(context) {
    const check = (fn: SyntaxNode): void => {
      if (!signatureMentionsBool(context.source, fn)) return;
      const body = fn.childForFieldName('body');
      if (!body || !context.source.slice(body.startIndex, body.endIndex).includes('Lock()')) return;
      const name = yieldParameter(fn);
      if (!name) return;
      const reported = new Set<number>();
      let documented: boolean | undefined;
      for (const use of yieldUses(fn, name)) {
        const lock = heldLock(use, fn);
        if (!lock || reported.has(lock.statement.id)) continue;
        documented ??= DOCUMENTED.test(docComment(fn));
        if (documented) return; // the caller has been told: "snapshot, or document it"
        reported.add(lock.statement.id);
        const call = callOf(use);
        const where = call && call.text.length <= 60 && !call.text.includes('\n') ? `at \`${call.text}\`` : `where it uses \`${name}\``;
        context.report({
          node: lock.statement,
          message:
            `\`${lock.receiver}.${lock.method}()\` is still held ${where}: the caller's loop body runs under the lock, ` +
            `and a body that calls back into the type deadlocks; copy the elements under the lock, unlock, then yield.`,
          anchor: lock.statement,
        });
      }
    };
    return { func_literal: check, function_declaration: check, method_declaration: check };
  },
});
