package server

import (
	"sync/atomic"
	"unsafe"
)

type Server struct {
	requests int64          // want "atomic-typed"
	active   int32          // want "atomic-typed"
	bytes    uint64         // want "atomic-typed"
	state    uint32         // want "atomic-typed"
	closed   int32          // want "atomic-typed"
	config   unsafe.Pointer // want "atomic-typed"
	stats    *Stats
}

type Stats struct {
	dropped uint32 // want "atomic-typed"
}

var totalConns uintptr // want "atomic-typed"

func (s *Server) Serve() {
	atomic.AddInt64(&s.requests, 1)
	atomic.AddInt32(&s.active, 1)
	defer atomic.AddInt32(&s.active, -1)
	atomic.AddUintptr(&totalConns, 1)
}

// Same field, other receiver name: one finding per variable per file.
func (srv *Server) Requests() int64 {
	return atomic.LoadInt64(&srv.requests)
}

func (s *Server) Written(n int) {
	atomic.AddUint64(&s.bytes, uint64(n))
}

func (s *Server) Close() error {
	if !atomic.CompareAndSwapInt32(&s.closed, 0, 1) {
		return errClosed
	}
	old := atomic.SwapUint32(&s.state, 2)
	_ = old
	return nil
}

func (s *Server) Config() *Config {
	return (*Config)(atomic.LoadPointer(&s.config))
}

func (s *Server) SetConfig(c *Config) {
	atomic.StorePointer(&s.config, unsafe.Pointer(c))
}

func (s *Server) Drop() {
	atomic.AddUint32(&s.stats.dropped, 1)
}

// Elements of a slice used atomically.
func countShards(shards []int64, i int) {
	atomic.AddInt64(&shards[i], 1) // want "atomic-typed"
	atomic.AddInt64(&shards[i+1], 1)
}

// A local shared with goroutines.
func parallel(n int) int32 {
	var done int32 // want "atomic-typed"
	for i := 0; i < n; i++ {
		go func() { atomic.AddInt32(&done, 1) }()
	}
	return atomic.LoadInt32(&done)
}
