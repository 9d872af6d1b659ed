package metrics

import (
	"sync"
	"time"
)

// Each counter has a mutex of its own, and every critical section of it touches that counter alone.
type Requests struct {
	mu sync.Mutex
	n  int64
}

func (r *Requests) Hit() {
	r.mu.Lock() // want "atomic-counter"
	r.n++
	r.mu.Unlock()
}

func (r *Requests) Count() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.n
}

type Errors struct {
	mu    sync.Mutex
	total uint64
}

func (e *Errors) Fail(n uint64) {
	e.mu.Lock() // want "atomic-counter"
	e.total += n
	e.mu.Unlock()
}

type Inflight struct {
	lock sync.Mutex
	n    int
}

func (f *Inflight) Done() {
	f.lock.Lock() // want "atomic-counter"
	defer f.lock.Unlock()
	f.n--
}

func (f *Inflight) Add(n int) {
	if n <= 0 {
		return
	}
	f.lock.Lock() // want "atomic-counter"
	defer f.lock.Unlock()
	f.n += n
}

const stateIdle = 0

func (f *Inflight) Reset() {
	f.lock.Lock() // want "atomic-counter"
	f.n = stateIdle
	f.lock.Unlock()
}

type Closer struct {
	closeMu sync.Mutex
	closed  bool
}

func (c *Closer) Close() error {
	c.closeMu.Lock() // want "atomic-counter"
	c.closed = true
	c.closeMu.Unlock()
	return nil
}

func (c *Closer) IsClosed() bool {
	c.closeMu.Lock()
	v := c.closed
	c.closeMu.Unlock()
	return v
}

type Server struct {
	statsMu sync.Mutex
	stats   counters
	last    time.Time
}

type counters struct {
	hits   int
	misses uint32
}

func (s *Server) Miss() {
	s.statsMu.Lock() // want "atomic-counter"
	s.stats.misses++
	s.statsMu.Unlock()
}

func (s *Server) Drop(n uint32) {
	s.statsMu.Lock() // want "atomic-counter"
	s.stats.misses -= n
	s.statsMu.Unlock()
}

var (
	globalMu sync.Mutex
	total    int
)

func Count() {
	globalMu.Lock() // want "atomic-counter"
	total++
	globalMu.Unlock()
}

func worker(jobs <-chan int) int {
	var mu sync.Mutex
	var done int
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock() // want "atomic-counter"
			done++
			mu.Unlock()
		}()
	}
	wg.Wait()
	return done
}

// An embedded mutex.
type Gauge struct {
	sync.Mutex
	value int32
}

func (g *Gauge) Inc() {
	g.Lock() // want "atomic-counter"
	g.value++
	g.Unlock()
}

type Sizes struct {
	mu    sync.Mutex
	bytes int
}

func (s *Sizes) Grow(n int) {
	s.mu.Lock() // want "atomic-counter"
	s.bytes = s.bytes + n
	s.mu.Unlock()
}
