import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'weak-pointer',
  title: 'Use package `weak`, not `runtime/arena`, for GC-reclaimable caches',
  section: 'Go 1.24 Core Features (Mandatory)',
  severity: 'warning',
  minGo: '1.24',
  fixable: false,
  subjects: ['arena', 'weak', 'goexperiment'],
  description:
    '`runtime/arena` is an experiment that builds only with `GOEXPERIMENT=arenas`, is on hold and may be ' +
    'removed; it has no weak references (`arena.Weak`, `arena.MakeWeak` and `Strong` do not exist) and frees ' +
    'memory only when the whole arena is freed, so it is not a cache mechanism. For a cache whose entries ' +
    'the GC may reclaim, Go 1.24 has package `weak`: `wp := weak.Make(p)` and `wp.Value()` (nil once ' +
    'collected); to deduplicate equal values, `unique.Make`.',
  notes: `
The standard's "Weak pointers for smart caching" example imports \`runtime/arena\` and calls
\`arena.MakeWeak\` and \`weak.Strong()\`: none of these exist, and the code does not compile. The Go 1.24
weak pointers are \`weak.Pointer[T]\` from package \`weak\`.
`,
  examples: {
    incorrect: `
import "runtime/arena"

type SmartCache struct {
	arena *arena.Arena
}
`,
    correct: `
import (
	"sync"
	"weak"
)

type SmartCache struct {
	mu    sync.Mutex
	items map[string]weak.Pointer[Item]
}

func (c *SmartCache) Get(key string) *Item {
	c.mu.Lock()
	defer c.mu.Unlock()
	if wp, ok := c.items[key]; ok {
		if item := wp.Value(); item != nil {
			return item
		}
		delete(c.items, key)
	}
	return nil
}

func (c *SmartCache) Set(key string, item *Item) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = weak.Make(item)
}
`,
  },
  create(context) {
    const candidate = context.source.includes('runtime/arena');
    return {
      import_spec(spec) {
        if (!candidate) return;
        const path = spec.childForFieldName('path');
        if (path?.text.slice(1, -1) !== 'runtime/arena') return;
        context.report({
          node: spec,
          message:
            '`runtime/arena` is a GOEXPERIMENT with no weak references and frees only whole arenas: for a cache the GC may reclaim use `weak.Make`/`weak.Pointer[T]` (package `weak`, Go 1.24); to intern values, `unique.Make`.',
        });
      },
    };
  },
});
