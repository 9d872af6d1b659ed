package client

import (
	"context"
	"errors"
	"time"
)

// The standard's GoodAsyncOperation: already buffered.
func buffered(ctx context.Context, work func() error) error {
	errChan := make(chan error, 1)
	go func() { errChan <- work() }()
	select {
	case err := <-errChan:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// The sender gives up too: no leak.
func senderSelects(ctx context.Context, work func() int) (int, error) {
	ch := make(chan int)
	go func() {
		select {
		case ch <- work():
		case <-ctx.Done():
		}
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// Drained after the timeout: the sender always finds a receiver.
func drained(kill func(), wait func() error) error {
	done := make(chan error)
	go func() { done <- wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Minute):
		kill()
	}
	return <-done
}

// Several senders: a capacity of one would not be enough.
func firstOf(ctx context.Context, replicas []func() string) string {
	out := make(chan string)
	for _, r := range replicas {
		go func(r func() string) { out <- r() }(r)
	}
	select {
	case s := <-out:
		return s
	case <-ctx.Done():
		return ""
	}
}

// A stream of values, not one result.
func stream(ctx context.Context, n int) {
	ch := make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	select {
	case <-ch:
	case <-ctx.Done():
	}
}

// The channel escapes: other receivers may exist.
func escapes(work func() int) <-chan int {
	ch := make(chan int)
	go func() { ch <- work() }()
	select {
	case <-ch:
	default:
	}
	return ch
}

// No select: the receive always happens.
func plain(work func() int) int {
	ch := make(chan int)
	go func() { ch <- work() }()
	return <-ch
}

// The other case is retried in a loop and never leaves.
func retried(work func() int, tick <-chan time.Time) int {
	ch := make(chan int)
	go func() { ch <- work() }()
	for {
		select {
		case v := <-ch:
			return v
		case <-tick:
		}
	}
}

// Close-only signal: closing never blocks.
func closer(ctx context.Context, work func()) error {
	done := make(chan struct{})
	go func() {
		work()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return errors.New("cancelled")
	}
}

// Handed to a named function: its sends are not visible.
func handedOff(ctx context.Context) {
	ch := make(chan int)
	go produce(ch)
	select {
	case <-ch:
	case <-ctx.Done():
	}
}

func produce(ch chan<- int) { ch <- 1 }
