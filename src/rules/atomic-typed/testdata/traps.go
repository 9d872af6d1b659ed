package server

import (
	"sync/atomic"

	uatomic "go.uber.org/atomic"
)

type Typed struct {
	hits   atomic.Int64
	flag   atomic.Bool
	config atomic.Value
	cur    atomic.Pointer[Config]
	other  uatomic.Int64
}

// Already typed: methods, not the functions.
func (t *Typed) Hit() {
	t.hits.Add(1)
	t.flag.Store(true)
	t.config.Store(&Config{})
	_ = t.config.Load()
	t.cur.CompareAndSwap(nil, &Config{})
	t.other.Inc()
}

// A pointer parameter, not the address of a variable: the caller owns the type.
func bump(p *int64) {
	atomic.AddInt64(p, 1)
}

// Another package named atomic.
type fakeAtomic struct{}

func (fakeAtomic) AddInt64(p *int64, d int64) int64 { return 0 }

func local() {
	atomic := fakeAtomic{}
	var n int64
	atomic.AddInt64(&n, 1)
}
