package blocks

import (
	"errors"
	"sync"
	"time"
)

var errBusy = errors.New("busy")

type block struct {
	mu      sync.Mutex
	loading bool
	running bool
	quit    chan struct{}
}

// The name says the caller holds the lock.
func (b *block) loadWithLock() error {
	if b.loading {
		return errBusy
	}
	b.loading = true
	go b.fill()
	return nil
}

// Lock should be held.
func (b *block) refill() error {
	if b.loading {
		return errBusy
	}
	b.loading = true
	go b.fill()
	return nil
}

// Every caller in the file takes the lock first.
func (b *block) startRunning() error {
	if b.running {
		return errBusy
	}
	b.running = true
	go b.fill()
	return nil
}

func (b *block) Touch() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.startRunning()
}

func (b *block) fill() {}

// The flag is set with other state that a CAS would not cover: advisory, no CAS advice.
type ticker struct {
	started bool
	quit    chan struct{}
	wg      sync.WaitGroup
}

func (t *ticker) Start() error {
	if t.started { // want-advisory "start-once-cas"
		return nil
	}
	t.started = true
	t.quit = make(chan struct{})
	go func() {
		select {
		case <-t.quit:
		case <-time.After(time.Second):
		}
	}()
	return nil
}

// Called once without the lock: still a comment.
type relay struct {
	mu      sync.Mutex
	running bool
}

func (r *relay) Run() error {
	if r.running { // want "start-once-cas"
		return errBusy
	}
	r.running = true
	go r.pump()
	return nil
}

func (r *relay) pump() {}

func kick(r *relay) error {
	return r.Run()
}
