package worker

import (
	"context"
	"errors"
	"log"
	"sync/atomic"
	"time"
)

var ErrAlreadyStarted = errors.New("already started")

type StdWorker struct {
	started  atomic.Bool
	input    chan Msg
	shutdown chan struct{}
	done     chan struct{}
}

func (w *StdWorker) process(m Msg) {}

// The standard's Worker.Start: ctx.Done() and a shutdown channel.
func (w *StdWorker) Start(ctx context.Context) error {
	if !w.started.CompareAndSwap(false, true) {
		return ErrAlreadyStarted
	}
	go func() {
		defer w.started.Store(false)
		defer close(w.done)
		for {
			select {
			case msg := <-w.input:
				w.process(msg)
			case <-ctx.Done():
				return
			case <-w.shutdown:
				return
			}
		}
	}()
	return nil
}

func quitChannel(in <-chan int, quit <-chan struct{}) {
	go func() {
		for {
			select {
			case v := <-in:
				log.Println(v)
			case <-quit:
			}
		}
	}()
}

func closedInput(in <-chan int, tick <-chan time.Time) {
	go func() {
		for {
			select {
			case v, ok := <-in:
				if !ok {
					return
				}
				log.Println(v)
			case <-tick:
			}
		}
	}()
}

func polling(in <-chan int) {
	go func() {
		for {
			select {
			case v := <-in:
				log.Println(v)
			default:
				time.Sleep(time.Millisecond)
			}
		}
	}()
}

func rangeLoop(in <-chan int) {
	go func() {
		for v := range in {
			select {
			case <-time.After(time.Millisecond):
				log.Println(v)
			}
		}
	}()
}

func labelled(in <-chan int) {
	go func() {
	loop:
		for {
			select {
			case v := <-in:
				if v == 0 {
					break loop
				}
			}
		}
	}()
}

// Not a goroutine: a function nobody starts with go in this file.
func serveForever(in <-chan int) {
	for {
		select {
		case v := <-in:
			log.Println(v)
		}
	}
}

func fatal(in <-chan error) {
	go func() {
		for {
			select {
			case err := <-in:
				log.Fatal(err)
			}
		}
	}()
}
