package server

import (
	stdatomic "sync/atomic"
)

type Limiter struct {
	tokens int64 // want "atomic-typed"
}

func (l *Limiter) Take() bool {
	return stdatomic.AddInt64(&l.tokens, -1) >= 0
}
