package cache

import (
	"runtime"
	"sync"
	"unique"
	"weak"
)

// Go 1.24 weak pointers and interning: not reported.
type Entry struct{ Body []byte }

type Cache struct {
	mu    sync.Mutex
	items map[string]weak.Pointer[Entry]
}

func (c *Cache) Get(key string) *Entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	if wp, ok := c.items[key]; ok {
		if e := wp.Value(); e != nil {
			return e
		}
		delete(c.items, key)
	}
	return nil
}

func (c *Cache) Put(key string, e *Entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = weak.Make(e)
	runtime.KeepAlive(e)
}

func intern(s string) unique.Handle[string] { return unique.Make(s) }
