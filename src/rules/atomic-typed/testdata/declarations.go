// go-standards-test: go=1.24
package metrics

import "sync/atomic"

// The finding goes on the declaration, the line that changes, wherever the calls are.
type Gauge struct {
	value int64 // want "atomic-typed"
	peak  int64
}

func (g *Gauge) Set(v int64) {
	atomic.StoreInt64(&g.value, v)
}

func (g *Gauge) Get() int64 {
	return atomic.LoadInt64(&g.value)
}

func workers(jobs []func()) int32 {
	var finished int32 // want "atomic-typed"
	for _, job := range jobs {
		go func() {
			job()
			atomic.AddInt32(&finished, 1)
		}()
	}
	return atomic.LoadInt32(&finished)
}

// An anonymous struct's field is declared in the variable's type.
var counters struct {
	hits uint64 // want "atomic-typed"
}

func hit() { atomic.AddUint64(&counters.hits, 1) }

// Parameters, receivers and named results: their type is part of a signature, and a typed
// atomic must not be copied in or out.
func bump(n int64) int64 {
	atomic.AddInt64(&n, 1)
	return n
}

func reset() (old uint32) {
	atomic.StoreUint32(&old, 0)
	return
}

type Flag int32

func (f Flag) Raised() bool {
	return atomic.LoadInt32((*int32)(&f)) != 0
}

// An exported field with a struct tag is marshalled: atomic.Int64 would change its encoding.
type Snapshot struct {
	Total int64 `json:"total"`
	local int64 `json:"-"` // want "atomic-typed"
}

func (s *Snapshot) Add(n int64) {
	atomic.AddInt64(&s.Total, n)
	atomic.AddInt64(&s.local, n)
}

// The declaration is in another file of the package: the finding stays on the first use.
func external() {
	atomic.AddInt64(&sharedTotal, 1) // want "atomic-typed"
}
