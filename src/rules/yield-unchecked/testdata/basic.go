package store

import (
	"iter"
	"sort"
)

type node[T any] struct {
	value       T
	left, right *node[T]
	next        *node[T]
}

type List[T any] struct {
	head *node[T]
}

// The classic bug: yield in a loop without checking.
func (l *List[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for n := l.head; n != nil; n = n.next {
			yield(n.value) // want "yield-unchecked"
		}
	}
}

type Store struct {
	data map[string]int
}

// Two values yielded in sequence: the first must be checked.
func (s *Store) Bounds() iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		yield("min", 0) // want "yield-unchecked"
		yield("max", len(s.data))
	}
}

// Sorted keys, result discarded with a blank assignment.
func (s *Store) Keys() iter.Seq[string] {
	return func(yield func(string) bool) {
		keys := make([]string, 0, len(s.data))
		for k := range s.data {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			_ = yield(k) // want "yield-unchecked"
		}
	}
}

// A switch inside the loop.
func (s *Store) Classified() iter.Seq2[string, bool] {
	return func(yield func(string, bool) bool) {
		for k, v := range s.data {
			switch {
			case v > 0:
				yield(k, true) // want "yield-unchecked"
			default:
				if !yield(k, false) {
					return
				}
			}
		}
	}
}

// A recursive helper that takes yield: it has results, so no suggestion.
func (n *node[T]) walk(yield func(T) bool) bool {
	if n == nil {
		return true
	}
	n.left.walk(yield)
	yield(n.value) // want "yield-unchecked"
	return n.right.walk(yield)
}

// A callback that runs once per element.
func (s *Store) Visit(each func(func(string))) iter.Seq[string] {
	return func(yield func(string) bool) {
		each(func(k string) {
			yield(k) // want "yield-unchecked"
		})
	}
}

// Declared with a named function type result elsewhere: the literal is what counts.
func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		i := 0
		for {
			if i == n {
				break
			}
			yield(i) // want "yield-unchecked"
			i++
		}
	}
}

// A function declaration used directly as an iterator (`for v := range countdown`).
func countdown(yield func(int) bool) {
	yield(3) // want "yield-unchecked"
	yield(2) // want "yield-unchecked"
	yield(1)
}
