package metrics

import (
	"sync"
	"time"
)

type Cache struct {
	mu      sync.RWMutex
	hits    int64
	misses  int64
	size    int
	items   map[string]string
	updated time.Time
	name    string
	pending int64
	level   Level
}

type Level int

// RLock: reading, or a bug of another kind; not reported.
func (c *Cache) Peek() {
	c.mu.RLock()
	c.hits++
	c.mu.RUnlock()
}

// Two fields updated together.
func (c *Cache) Record(hit bool) {
	c.mu.Lock()
	c.hits++
	c.misses++
	c.mu.Unlock()
}

// One statement that updates two fields.
func (c *Cache) Clear() {
	c.mu.Lock()
	c.hits, c.misses = 0, 0
	c.mu.Unlock()
}

// More than the update in the critical section.
func (c *Cache) Put(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
	c.size++
}

// The value reads another guarded field.
func (c *Cache) Flush() {
	c.mu.Lock()
	c.hits += c.pending
	c.mu.Unlock()
}

// Not an integer or bool.
func (c *Cache) Touch() {
	c.mu.Lock()
	c.updated = time.Now()
	c.mu.Unlock()
}

func (c *Cache) Rename(n string) {
	c.mu.Lock()
	c.name = n
	c.mu.Unlock()
}

// A named type the file does not show as an integer.
func (c *Cache) SetLevel() {
	c.mu.Lock()
	c.level++
	c.mu.Unlock()
}

// A non-constant store: a plain write would do, but the lock may order it with other state.
func (c *Cache) Resize(n int) {
	c.mu.Lock()
	c.size = n
	c.mu.Unlock()
}

// A map element, not a variable.
func (c *Cache) Bump(counts map[string]int, k string) {
	c.mu.Lock()
	counts[k]++
	c.mu.Unlock()
}

// A field of a type declared elsewhere: the type is unknown.
func (c *Cache) Other(o *Remote) {
	c.mu.Lock()
	o.count++
	c.mu.Unlock()
}

// Different mutexes.
func (c *Cache) Mixed(other *sync.Mutex) {
	c.mu.Lock()
	c.hits++
	other.Unlock()
}

// Two locks held.
func (c *Cache) Both(other *Cache) {
	other.mu.Lock()
	c.mu.Lock()
	c.hits++
	c.mu.Unlock()
	other.mu.Unlock()
}

// defer Unlock in an inner block: the lock is held until the function returns.
func (c *Cache) Later(ok bool) {
	if ok {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.hits++
	}
	c.misses++
}

// A bool toggled, not stored: `!` is not an atomic operation.
type Flag struct {
	mu sync.Mutex
	on bool
}

func (f *Flag) Toggle() {
	f.mu.Lock()
	f.on = !f.on
	f.mu.Unlock()
}
