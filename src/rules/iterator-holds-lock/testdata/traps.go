package store

import (
	"iter"
	"slices"
	"sync"
)

type Cache struct {
	mu    sync.RWMutex
	items map[string]int
	keys  []string
}

// Snapshot under the lock, yield after unlocking.
func (c *Cache) All() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		c.mu.RLock()
		keys := slices.Clone(c.keys)
		vals := make([]int, len(keys))
		for i, k := range keys {
			vals[i] = c.items[k]
		}
		c.mu.RUnlock()
		for i, k := range keys {
			if !yield(k, vals[i]) {
				return
			}
		}
	}
}

// Unlock before each yield, relock after.
func (c *Cache) Keys() iter.Seq[string] {
	return func(yield func(string) bool) {
		c.mu.RLock()
		for i := 0; i < len(c.keys); i++ {
			k := c.keys[i]
			c.mu.RUnlock()
			if !yield(k) {
				return
			}
			c.mu.RLock()
		}
		c.mu.RUnlock()
	}
}

// The lock is taken in the method that builds the iterator, not in the iterator.
func (c *Cache) Values() iter.Seq[int] {
	c.mu.RLock()
	vals := make([]int, 0, len(c.items))
	for _, v := range c.items {
		vals = append(vals, v)
	}
	c.mu.RUnlock()
	return func(yield func(int) bool) {
		for _, v := range vals {
			if !yield(v) {
				return
			}
		}
	}
}

// A lock taken inside a goroutine the iterator starts.
func (c *Cache) Async() iter.Seq[int] {
	return func(yield func(int) bool) {
		ch := make(chan int)
		go func() {
			c.mu.RLock()
			defer c.mu.RUnlock()
			for _, v := range c.items {
				ch <- v
			}
			close(ch)
		}()
		for v := range ch {
			if !yield(v) {
				return
			}
		}
	}
}

// Not an iterator: a predicate under the lock.
func (c *Cache) DeleteIf(pred func(string) bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.items {
		if pred(k) {
			delete(c.items, k)
		}
	}
}

// Iterate yields every entry.
//
// The cache is locked while the iterator runs: the loop body must not call methods of the cache.
func (c *Cache) Iterate() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		c.mu.RLock()
		defer c.mu.RUnlock()
		for k, v := range c.items {
			if !yield(k, v) {
				return
			}
		}
	}
}
