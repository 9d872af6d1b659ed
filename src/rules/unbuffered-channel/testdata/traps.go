package queue

import (
	"context"
	"os"
	"os/signal"
	"sync"
)

func explicit() {
	handoff := make(chan Job, 0)
	queue := make(chan Job, 100)
	_, _ = handoff, queue
}

// Close-only signals.
func closeOnly(wg *sync.WaitGroup) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	return done
}

func closeOnlyError(work func()) <-chan error {
	finished := make(chan error)
	go func() {
		work()
		close(finished)
	}()
	return finished
}

// A struct{} channel whose sends are not visible here.
func handedOff(start func(chan struct{})) {
	stop := make(chan struct{})
	start(stop)
}

// Reported by result-channel-leak instead.
func leaky(ctx context.Context, work func() int) int {
	ch := make(chan int)
	go func() { ch <- work() }()
	select {
	case v := <-ch:
		return v
	case <-ctx.Done():
		return 0
	}
}

// Reported by signal-channel-unbuffered instead.
func signals() {
	c := make(chan os.Signal)
	signal.Notify(c, os.Interrupt)
	<-c
}

// A value in a table, not a channel in use.
var unsupported = []any{
	make(chan int),
	func() {},
}

// A receive-only placeholder: nothing can ever be sent on it, so a capacity means nothing.
type watcher struct {
	updates <-chan Job
}

func idleWatcher() *watcher {
	return &watcher{updates: make(<-chan Job)}
}

// Every send is a select case beside default: the sender never waits.
type notifier struct {
	kick chan Job
}

func newNotifier() *notifier {
	return &notifier{kick: make(chan Job)}
}

func (n *notifier) poke(j Job) {
	select {
	case n.kick <- j:
	default:
	}
}

func (n *notifier) run() {
	for j := range n.kick {
		j.Run()
	}
}
