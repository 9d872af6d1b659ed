package stats

import "sync/atomic"

// server counts its connections with atomic calls only.
type server struct {
	conns int64 // want "atomic-typed: — a typed atomic allows only atomic access, and 64-bit"
}

// report is a plain value filled once: its conns is another field of the same name.
type report struct {
	conns int64
}

func (s *server) accept() {
	atomic.AddInt64(&s.conns, 1)
}

func (s *server) snapshot() report {
	var r report
	r.conns = atomic.LoadInt64(&s.conns)
	return r
}
