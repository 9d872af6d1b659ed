package consumer

import (
	"context"
	"time"
)

type Msg struct{}

func handle(Msg) {}

func consume(in <-chan Msg, idle time.Duration) {
	for {
		select {
		case m := <-in:
			handle(m)
		case <-time.After(idle): // want-advisory "time-after-in-loop"
			return
		}
	}
}

func drain(ctx context.Context, batches [][]Msg, out chan<- Msg) error {
	for _, b := range batches {
		for _, m := range b {
			select {
			case out <- m:
			case t := <-time.After(5 * time.Second): // want-advisory "time-after-in-loop"
				_ = t
				return context.DeadlineExceeded
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
	return nil
}

func assigned(in <-chan Msg, idle time.Duration) {
	for {
		timeout := time.After(idle) // want-advisory "time-after-in-loop"
		select {
		case m := <-in:
			handle(m)
		case <-timeout:
			return
		}
	}
}
