package metrics

import (
	"sync"
	"time"
)

type Server struct {
	mu       sync.Mutex
	requests int64
	errors   uint64
	inflight int
	closed   bool
	stats    counters
	last     time.Time
}

type counters struct {
	hits   int
	misses uint32
}

var (
	globalMu sync.Mutex
	total    int
)

const stateIdle = 0

func (s *Server) Hit() {
	s.mu.Lock() // want "atomic-counter"
	s.requests++
	s.mu.Unlock()
}

func (s *Server) Fail(n uint64) {
	s.mu.Lock() // want "atomic-counter"
	s.errors += n
	s.mu.Unlock()
}

func (s *Server) Done() {
	s.mu.Lock() // want "atomic-counter"
	defer s.mu.Unlock()
	s.inflight--
}

func (s *Server) Close() error {
	s.mu.Lock() // want "atomic-counter"
	s.closed = true
	s.mu.Unlock()
	return nil
}

func (s *Server) Reset() {
	s.mu.Lock() // want "atomic-counter"
	s.inflight = stateIdle
	s.mu.Unlock()
}

func (s *Server) Miss() {
	s.mu.Lock() // want "atomic-counter"
	s.stats.misses++
	s.mu.Unlock()
}

func (s *Server) Drop(n uint32) {
	s.mu.Lock() // want "atomic-counter"
	s.stats.misses -= n
	s.mu.Unlock()
}

func (s *Server) Grow(n int) {
	s.mu.Lock() // want "atomic-counter"
	s.stats.hits = s.stats.hits + n
	s.mu.Unlock()
}

func Count() {
	globalMu.Lock() // want "atomic-counter"
	total++
	globalMu.Unlock()
}

func (s *Server) Add(n int) {
	if n <= 0 {
		return
	}
	s.mu.Lock() // want "atomic-counter"
	defer s.mu.Unlock()
	s.inflight += n
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
