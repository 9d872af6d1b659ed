package registry

import "sync"

type Service struct {
	Name string
}

type Registry struct {
	mu       sync.RWMutex
	services map[string]*Service
	order    []string
}

// (a) A visitor function over a map.
func (r *Registry) ForEach(fn func(name string, s *Service)) { // want-advisory "prefer-iterator"
	r.mu.RLock()
	defer r.mu.RUnlock()
	for name, s := range r.services {
		fn(name, s)
	}
}

// (a) A visitor that can stop the loop, sync.Map style.
func (r *Registry) Range(f func(name string, s *Service) bool) { // want-advisory "prefer-iterator"
	for _, name := range r.order {
		if !f(name, r.services[name]) {
			break
		}
	}
}

// (a) A generic function over a slice.
func Each[T any](xs []T, visit func(T)) { // want-advisory "prefer-iterator"
	for i := range xs {
		visit(xs[i])
	}
}

type element struct {
	next  *element
	Value int
}

type List struct {
	front *element
}

// (a) A linked list walk.
func (l *List) Walk(f func(v int) bool) { // want-advisory "prefer-iterator"
	for e := l.front; e != nil; e = e.next {
		if !f(e.Value) {
			return
		}
	}
}

// A copy taken under the read lock and returned: the safe snapshot, not reported.
func (r *Registry) Services() []*Service {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]*Service, 0, len(r.services))
	for _, s := range r.services {
		out = append(out, s)
	}
	return out
}

// (b) The keys of a map, unsorted.
func (r *Registry) Names() []string { // want-advisory "prefer-iterator"
	var names []string
	for name := range r.services {
		names = append(names, name)
	}
	return names
}

type Queue[T any] struct {
	items []T
}

// (b) All the items of a slice field on a generic type, in a new slice.
func (q *Queue[T]) Snapshot() []T { // want-advisory "prefer-iterator"
	all := []T{}
	for _, it := range q.items {
		all = append(all, it)
	}
	return all
}

type index struct {
	byID map[int]*Service
}

type Directory struct {
	idx index
}

// (b) A nested field.
func (d *Directory) All() []*Service { // want-advisory "prefer-iterator"
	var all []*Service
	for _, s := range d.idx.byID {
		all = append(all, s)
	}
	return all
}

// (a) A callback with a named bool result.
type Index struct {
	mu    sync.RWMutex
	dirty map[string]int
}

func (x *Index) Range(f func(key string, value int) (shouldContinue bool)) { // want-advisory "prefer-iterator"
	x.mu.RLock()
	keys := make([]string, 0, len(x.dirty))
	for k := range x.dirty {
		keys = append(keys, k)
	}
	x.mu.RUnlock()
	for _, k := range keys {
		if !f(k, x.dirty[k]) {
			break
		}
	}
}
