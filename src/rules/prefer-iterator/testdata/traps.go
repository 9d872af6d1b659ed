package registry

import (
	"iter"
	"sort"
	"sync"
)

type Node struct {
	Children []*Node
	Kids     map[string]*Node
	Tags     []string
}

type Catalog struct {
	mu    sync.Mutex
	items map[string]int
	list  []string
}

// A filtered result.
func (c *Catalog) Positive() []string {
	var out []string
	for k, v := range c.items {
		if v > 0 {
			out = append(out, k)
		}
	}
	return out
}

// A sorted result.
func (c *Catalog) Keys() []string {
	keys := make([]string, 0, len(c.items))
	for k := range c.items {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// An unexported helper.
func (c *Catalog) forEach(fn func(string)) {
	for _, s := range c.list {
		fn(s)
	}
}

func (c *Catalog) names() []string {
	var out []string
	for _, s := range c.list {
		out = append(out, s)
	}
	return out
}

// The callback returns an error: an iterator would lose it.
func (c *Catalog) Walk(fn func(string) error) error {
	for _, s := range c.list {
		if err := fn(s); err != nil {
			return err
		}
	}
	return nil
}

// A recursive walk: the callback is passed on, not called in a loop.
func (n *Node) Visit(fn func(*Node)) {
	fn(n)
	for _, c := range n.Children {
		c.Visit(fn)
	}
}

// Not named like a callback iterator.
func (c *Catalog) Apply(fn func(string)) {
	for _, s := range c.list {
		fn(s)
	}
}

// The callback runs on other goroutines.
func (c *Catalog) EachAsync(fn func(string)) {
	var wg sync.WaitGroup
	for _, s := range c.list {
		wg.Add(1)
		go func(s string) {
			defer wg.Done()
			fn(s)
		}(s)
	}
	wg.Wait()
}

// Transforms each element: not a copy.
func (n *Node) Upper() []string {
	out := make([]string, 0, len(n.Tags))
	for _, t := range n.Tags {
		out = append(out, "#"+t)
	}
	return out
}

// Returns the field itself, no copy.
func (c *Catalog) List() []string {
	return c.list
}

// Copies a local, not a field.
func (c *Catalog) Copy(src []string) []string {
	var out []string
	for _, s := range src {
		out = append(out, s)
	}
	return out
}

// A type that already offers an iterator.
type Set struct {
	m map[int]struct{}
}

func (s *Set) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		for k := range s.m {
			if !yield(k) {
				return
			}
		}
	}
}

func (s *Set) ForEach(fn func(int)) {
	for k := range s.m {
		fn(k)
	}
}

// The signature is fixed by an interface declared here.
type DeleteBlock interface {
	State() (first, last, num uint64)
	Range(f func(uint64) bool)
}

type DeleteSlice []uint64

func (ds DeleteSlice) State() (first, last, num uint64) { return 0, 0, uint64(len(ds)) }

func (ds DeleteSlice) Range(f func(uint64) bool) {
	for _, seq := range ds {
		if !f(seq) {
			return
		}
	}
}

// A fake whose method mirrors the real store's callback API.
type fakeStore struct {
	keys []string
}

func (f *fakeStore) ForEach(fn func(key string)) {
	for _, k := range f.keys {
		fn(k)
	}
}
