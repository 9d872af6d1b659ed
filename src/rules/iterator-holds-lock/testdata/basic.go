package store

import (
	"iter"
	"sync"
)

type Item struct {
	Name string
}

type Store struct {
	mu   sync.RWMutex
	data map[string]*Item
	list []*Item
}

// The standard's own example: RLock with a deferred RUnlock around the yields.
func (s *Store) Items() iter.Seq2[string, *Item] {
	return func(yield func(string, *Item) bool) {
		s.mu.RLock() // want "iterator-holds-lock"
		defer s.mu.RUnlock()
		for k, v := range s.data {
			if !yield(k, v) {
				return
			}
		}
	}
}

// Lock and Unlock around the loop.
func (s *Store) Values() iter.Seq[*Item] {
	return func(yield func(*Item) bool) {
		s.mu.Lock() // want "iterator-holds-lock"
		for _, v := range s.list {
			if !yield(v) {
				s.mu.Unlock()
				return
			}
		}
		s.mu.Unlock()
	}
}

// Passing yield to a helper under the lock.
func (s *Store) Sorted() iter.Seq[*Item] {
	return func(yield func(*Item) bool) {
		s.mu.RLock() // want "iterator-holds-lock"
		defer s.mu.RUnlock()
		s.walk(yield)
	}
}

func (s *Store) walk(yield func(*Item) bool) {
	for _, v := range s.list {
		if !yield(v) {
			return
		}
	}
}

// A method with a yield parameter used as an iterator (`for v := range s.Each`).
func (s *Store) Each(yield func(*Item) bool) {
	s.mu.RLock() // want "iterator-holds-lock"
	defer s.mu.RUnlock()
	for _, v := range s.list {
		if !yield(v) {
			return
		}
	}
}

// A callback run synchronously under the lock.
type Tree struct {
	mu   sync.Mutex
	root *node
}

type node struct{}

func (n *node) ascend(f func(int) bool) {}

func (t *Tree) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		t.mu.Lock() // want "iterator-holds-lock"
		defer t.mu.Unlock()
		t.root.ascend(func(v int) bool {
			return yield(v)
		})
	}
}

// Relocked after a yield: the yield after the relock runs under the lock.
func (s *Store) Pairs() iter.Seq[*Item] {
	return func(yield func(*Item) bool) {
		s.mu.RLock()
		first := s.list[0]
		s.mu.RUnlock()
		if !yield(first) {
			return
		}
		s.mu.RLock() // want "iterator-holds-lock"
		last := s.list[len(s.list)-1]
		if !yield(last) {
			s.mu.RUnlock()
			return
		}
		s.mu.RUnlock()
	}
}
