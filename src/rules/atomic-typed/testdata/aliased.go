package server

import (
	stdatomic "sync/atomic"
)

type Limiter struct {
	tokens int64
}

func (l *Limiter) Take() bool {
	return stdatomic.AddInt64(&l.tokens, -1) >= 0 // want "atomic-typed"
}
