package metrics

import (
	"encoding/json"
	"sync"
	"time"
)

// One lock guards several fields: the counter's updates are ordered with the rest, and
// an atomic counter beside that lock would let readers of the whole state see it change.
type Stream struct {
	mu       sync.Mutex
	msgs     int64
	bytes    int64
	last     time.Time
	inflight int
	closed   bool
	onClose  func()
}

func (s *Stream) Store(n int64) {
	s.mu.Lock()
	s.msgs++
	s.bytes += n
	s.last = time.Now()
	s.mu.Unlock()
}

func (s *Stream) Done() {
	s.mu.Lock()
	s.inflight--
	s.mu.Unlock()
}

func (s *Stream) Begin() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.inflight++
	return true
}

// The flag is set under the lock that also runs a callback elsewhere.
func (s *Stream) markClosed() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
}

func (s *Stream) Close() {
	s.mu.Lock()
	cb := s.onClose
	s.mu.Unlock()
	s.markClosed()
	if cb != nil {
		cb()
	}
}

// An exported counter of a struct that is marshalled: a typed atomic does not marshal as a number.
type Report struct {
	mu      sync.Mutex
	Revokes int `json:"revokes"`
}

func (r *Report) Revoke() {
	r.mu.Lock()
	r.Revokes++
	r.mu.Unlock()
}

func (r *Report) JSON() ([]byte, error) {
	return json.Marshal(r)
}
