package worker

import (
	"context"
	"log"
	"time"

	"golang.org/x/sync/errgroup"
)

type Msg struct{ Body string }

type Worker struct {
	input chan Msg
	tick  *time.Ticker
}

func (w *Worker) process(m Msg) {}
func (w *Worker) flush()        {}

func (w *Worker) Start() {
	go func() {
		for { // want "select-without-cancel"
			select {
			case msg := <-w.input:
				w.process(msg)
			case <-w.tick.C:
				w.flush()
			}
		}
	}()
}

type Hub struct {
	register  chan chan string
	broadcast chan string
	listeners []chan string
}

func (h *Hub) run() {
	for { // want "select-without-cancel"
		select {
		case l := <-h.register:
			h.listeners = append(h.listeners, l)
		case m := <-h.broadcast:
			for _, l := range h.listeners {
				select {
				case l <- m:
				default:
				}
			}
		}
	}
}

func NewHub() *Hub {
	h := &Hub{register: make(chan chan string, 8), broadcast: make(chan string, 64)}
	go h.run()
	return h
}

func group(ctx context.Context, events <-chan string) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		for { // want "select-without-cancel"
			select {
			case e := <-events:
				log.Println(e)
			}
		}
	})
	return g.Wait()
}

func breaksOnlyTheSelect(in <-chan int) {
	go func() {
		for { // want "select-without-cancel"
			select {
			case v := <-in:
				if v < 0 {
					break
				}
				log.Println(v)
			}
		}
	}()
}
