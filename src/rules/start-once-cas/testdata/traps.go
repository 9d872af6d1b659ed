package server

import (
	"errors"
	"io"
	"sync"
)

var errClosed = errors.New("closed")

type Service struct {
	mu      sync.Mutex
	started bool
	closed  bool
	stopped bool
	state   string
}

// The lock is taken before the check.
func (s *Service) Start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started {
		return errors.New("already started")
	}
	s.started = true
	go s.run()
	return nil
}

// Lock, check, unlock on the early return.
func (s *Service) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return errClosed
	}
	s.closed = true
	s.mu.Unlock()
	return nil
}

// The caller holds the lock.
func (s *Service) stopLocked() {
	if s.stopped {
		return
	}
	s.stopped = true
	go s.drain()
}

// An assertion, not a start guard.
func (s *Service) Serve() {
	if s.started {
		panic("Serve called twice")
	}
	s.started = true
	go s.run()
}

// The flag is set to false, not true.
func (s *Service) Stop() error {
	if s.stopped {
		return nil
	}
	s.started = false
	s.stopped = false
	go s.drain()
	return nil
}

// The branch does not return.
func (s *Service) Launch() {
	if s.started {
		s.state = "restarted"
	}
	s.started = true
	go s.run()
}

// With an else branch.
func (s *Service) Open() error {
	if s.closed {
		return errClosed
	} else {
		s.state = "open"
	}
	s.closed = true
	go s.run()
	return nil
}

// A local value, not shared state.
func local() {
	var s Service
	if s.started {
		return
	}
	s.started = true
	go s.run()
}

// A single-goroutine writer closed once: no goroutine, no synchronisation, not a start method.
type Writer struct {
	w      io.Writer
	closed bool
}

func (w *Writer) Close() error {
	if w.closed {
		return errors.New("writer closed twice")
	}
	w.closed = true
	return nil
}

// Lazy initialisation in a parser: not shared between goroutines.
type parser struct {
	inited bool
}

func (p *parser) init() {
	if p.inited {
		return
	}
	p.inited = true
}

func (s *Service) run()   {}
func (s *Service) drain() {}
