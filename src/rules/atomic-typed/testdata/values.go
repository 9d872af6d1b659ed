package disk

import (
	"sync"
	"sync/atomic"
	"time"
)

// A plain value struct, copied and summed: an atomic field would break every copy and literal.
type accElem struct {
	n    int64
	size int64
	dur  time.Duration
}

func (a accElem) add(b accElem) accElem {
	return accElem{n: a.n + b.n, size: a.size + b.size, dur: a.dur + b.dur}
}

type window struct {
	elems [16]accElem
	cur   int
}

func (w *window) record(e *accElem, size int64) {
	atomic.AddInt64(&e.size, size)
}

// Built by positional literals and kept in a slice of values.
type msgID struct {
	seq uint64
	ts  int64
}

func latest(last *msgID) uint64 {
	return atomic.LoadUint64(&last.seq)
}

func pending() []msgID {
	return []msgID{{1, 10}, {2, 20}}
}

// An exported field of a struct declared in another file: its copies are not visible here.
func (c *cache) Merge(t *Totals, n int64) {
	atomic.AddInt64(&t.Size, n) // want-advisory "atomic-typed"
}

// Also read and written directly, under a lock: the message says so.
type cache struct {
	mu      sync.Mutex
	revokes int64 // want "atomic-typed"
	hits    int64 // want "atomic-typed"
}

func (c *cache) Revoke() {
	atomic.AddInt64(&c.revokes, 1)
}

func (c *cache) Reset() {
	c.mu.Lock()
	c.revokes = 0
	c.mu.Unlock()
}

// Only atomic access: no plain use to mention.
func (c *cache) Hit() {
	atomic.AddInt64(&c.hits, 1)
}

// A pointer literal that leaves the field alone does not copy the struct.
func newCache() *cache {
	return &cache{}
}
