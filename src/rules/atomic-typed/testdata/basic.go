package server

import (
	"sync/atomic"
	"unsafe"
)

type Server struct {
	requests int64
	active   int32
	bytes    uint64
	state    uint32
	closed   int32
	config   unsafe.Pointer
	stats    *Stats
}

type Stats struct {
	dropped uint32
}

var totalConns uintptr

func (s *Server) Serve() {
	atomic.AddInt64(&s.requests, 1) // want "atomic-typed"
	atomic.AddInt32(&s.active, 1)   // want "atomic-typed"
	defer atomic.AddInt32(&s.active, -1)
	atomic.AddUintptr(&totalConns, 1) // want "atomic-typed"
}

// Same field, other receiver name: one finding per variable per file.
func (srv *Server) Requests() int64 {
	return atomic.LoadInt64(&srv.requests)
}

func (s *Server) Written(n int) {
	atomic.AddUint64(&s.bytes, uint64(n)) // want "atomic-typed"
}

func (s *Server) Close() error {
	if !atomic.CompareAndSwapInt32(&s.closed, 0, 1) { // want "atomic-typed"
		return errClosed
	}
	old := atomic.SwapUint32(&s.state, 2) // want "atomic-typed"
	_ = old
	return nil
}

func (s *Server) Config() *Config {
	return (*Config)(atomic.LoadPointer(&s.config)) // want "atomic-typed"
}

func (s *Server) SetConfig(c *Config) {
	atomic.StorePointer(&s.config, unsafe.Pointer(c))
}

func (s *Server) Drop() {
	atomic.AddUint32(&s.stats.dropped, 1) // want "atomic-typed"
}

// Elements of a slice used atomically.
func countShards(shards []int64, i int) {
	atomic.AddInt64(&shards[i], 1) // want "atomic-typed"
	atomic.AddInt64(&shards[i+1], 1)
}

// A local shared with goroutines.
func parallel(n int) int32 {
	var done int32
	for i := 0; i < n; i++ {
		go func() { atomic.AddInt32(&done, 1) }() // want "atomic-typed"
	}
	return atomic.LoadInt32(&done)
}
