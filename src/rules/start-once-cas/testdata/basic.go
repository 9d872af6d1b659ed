package server

import (
	"errors"
	"net"
	"sync"
)

var (
	ErrAlreadyStarted = errors.New("already started")
	ErrClosed         = errors.New("closed")
)

type Server struct {
	ln      net.Listener
	started bool
	closed  bool
	wg      sync.WaitGroup
	quit    chan struct{}
}

// Starts a goroutine: Start may be called from several goroutines.
func (s *Server) Start() error {
	if s.started { // want "start-once-cas"
		return ErrAlreadyStarted
	}
	s.started = true
	s.wg.Add(1)
	go s.loop()
	return nil
}

// A lifecycle method of a type with a wait group.
func (s *Server) Close() error {
	if s.closed == true { // want "start-once-cas"
		return ErrClosed
	}
	close(s.quit)
	s.closed = true
	s.wg.Wait()
	return s.ln.Close()
}

func (s *Server) loop() {
	defer s.wg.Done()
	<-s.quit
}

// A start-once flag on a type with no synchronisation at all.
type Worker struct {
	running bool
	jobs    []func()
}

func (w *Worker) Run() error {
	if w.running { // want "start-once-cas"
		return ErrAlreadyStarted
	}
	w.running = true
	for _, j := range w.jobs {
		j()
	}
	return nil
}

// A pointer parameter instead of a receiver.
func launch(s *Server, addr string) error {
	if s.started { // want "start-once-cas"
		return nil
	}
	s.started = true
	go func() {
		ln, err := net.Listen("tcp", addr)
		if err == nil {
			s.ln = ln
		}
	}()
	return nil
}

// Close on a type with a channel: two Close calls can both pass the check and close twice.
type Pool struct {
	quit   chan struct{}
	closed bool
}

func (p *Pool) Close() {
	if p.closed { // want "start-once-cas"
		return
	}
	p.closed = true
	close(p.quit)
}
