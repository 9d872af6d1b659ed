package counter

import (
	"math"
	"sync/atomic"
)

type Limits struct {
	n     atomic.Int64
	max   atomic.Int64
	state atomic.Uint32
	f     atomic.Uint64
	v     atomic.Value
}

// A capped counter: Add cannot express the bound.
func (l *Limits) Acquire(limit int64) bool {
	for {
		old := l.n.Load()
		if old >= limit {
			return false
		}
		if l.n.CompareAndSwap(old, old+1) {
			return true
		}
	}
}

// A maximum, not an addition.
func (l *Limits) Observe(v int64) {
	for {
		old := l.max.Load()
		if v <= old || l.max.CompareAndSwap(old, v) {
			return
		}
	}
}

// Bit operations.
func (l *Limits) Set(bit uint32) {
	for {
		old := l.state.Load()
		if l.state.CompareAndSwap(old, old|bit) {
			return
		}
	}
}

// A float stored as bits: the new value is not old + d.
func (l *Limits) AddFloat(d float64) {
	for {
		old := l.f.Load()
		next := math.Float64bits(math.Float64frombits(old) + d)
		if l.f.CompareAndSwap(old, next) {
			return
		}
	}
}

// Doubling: the delta depends on the old value.
func (l *Limits) Double() {
	for {
		old := l.n.Load()
		if l.n.CompareAndSwap(old, old+old) {
			return
		}
	}
}

// Load and CAS on different atomics.
func (l *Limits) Move() {
	for {
		old := l.n.Load()
		if l.max.CompareAndSwap(old, old+1) {
			return
		}
	}
}

// A loop with a condition, not `for {}`.
func (l *Limits) Bounded(tries int) {
	for i := 0; i < tries; i++ {
		old := l.n.Load()
		if l.n.CompareAndSwap(old, old+1) {
			return
		}
	}
}

// A delta computed inside the loop.
func (l *Limits) Step() {
	for {
		old := l.n.Load()
		step := next()
		if l.n.CompareAndSwap(old, old+step) {
			return
		}
	}
}

// A type with Load and CompareAndSwap of its own, not a sync/atomic integer.
type Versioned struct{ v uint64 }

func (x *Versioned) Load() uint64                      { return x.v }
func (x *Versioned) CompareAndSwap(old, new uint64) bool { return true }

type Holder struct{ ver Versioned }

func (h *Holder) Bump() {
	for {
		old := h.ver.Load()
		if h.ver.CompareAndSwap(old, old+1) {
			return
		}
	}
}

// On success the loop does more than exit.
func (l *Limits) Log() {
	for {
		old := l.n.Load()
		if l.n.CompareAndSwap(old, old+1) {
			log(old)
			return
		}
	}
}
