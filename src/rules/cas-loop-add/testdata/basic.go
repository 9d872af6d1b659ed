package counter

import "sync/atomic"

var counter atomic.Int64

type Stats struct {
	hits    atomic.Int64
	bytes   atomic.Uint64
	pending int32
	total   uint64
	inner   struct{ n atomic.Int32 }
}

// The standard's own example: the new value in a variable.
func add(delta int64) {
	for { // want "cas-loop-add"
		old := counter.Load()
		new := old + delta
		if counter.CompareAndSwap(old, new) {
			break
		}
	}
}

func (s *Stats) Hit() {
	for { // want "cas-loop-add"
		old := s.hits.Load()
		if s.hits.CompareAndSwap(old, old+1) {
			return
		}
	}
}

// Returning the new value: Add returns it too.
func (s *Stats) Written(n uint64) uint64 {
	for { // want "cas-loop-add"
		cur := s.bytes.Load()
		if s.bytes.CompareAndSwap(cur, cur+n) {
			return cur + n
		}
	}
}

// A signed decrement.
func (s *Stats) Release(n int64) int64 {
	for { // want "cas-loop-add"
		old := s.hits.Load()
		next := old - n
		if s.hits.CompareAndSwap(old, next) {
			return next
		}
	}
}

// The function form.
func (s *Stats) Queue() {
	for { // want "cas-loop-add"
		old := atomic.LoadInt32(&s.pending)
		if atomic.CompareAndSwapInt32(&s.pending, old, old+1) {
			break
		}
	}
	notify()
}

// A return in the middle of a function: the return stays.
func (s *Stats) Account(n uint64, ok bool) {
	if ok {
		for { // want "cas-loop-add"
			old := atomic.LoadUint64(&s.total)
			if atomic.CompareAndSwapUint64(&s.total, old, n+old) {
				return
			}
		}
	}
	notify()
}

// A return with a constant value.
func (s *Stats) TryHit() bool {
	for { // want "cas-loop-add"
		old := s.hits.Load()
		if s.hits.CompareAndSwap(old, old+1) {
			return true
		}
	}
}

// A field of an anonymous struct.
func (s *Stats) Inner() {
	for { // want "cas-loop-add"
		old := s.inner.n.Load()
		if s.inner.n.CompareAndSwap(old, old+2) {
			break
		}
	}
}
