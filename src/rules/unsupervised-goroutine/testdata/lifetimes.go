package relay

import (
	"context"
	"io"
	"net"
	"sync"
	"testing"
	"testing/synctest"

	"golang.org/x/sync/errgroup"
	"google.golang.org/grpc"
)

type consumer struct{ mu sync.Mutex }

func (c *consumer) pump(qch chan struct{}) {}

// The quit channel (its type not visible here) is handed to the loop the goroutine runs.
func (c *consumer) start(labels map[string]string) {
	qch := c.quitSignal()
	go func() {
		setLabels(labels)
		c.pump(qch)
	}()
}

// The body ranges over a channel: closing it ends the goroutine.
func collect(changes chan []string, apply func(string)) {
	go func() {
		for batch := range changes {
			for _, name := range batch {
				apply(name)
			}
		}
	}()
}

// A Serve goroutine stopped by the closer the function returns.
func startInProcess(l net.Listener) (stop func()) {
	srv := grpc.NewServer()
	go func() {
		if err := srv.Serve(l); err != nil {
			panic(err)
		}
	}()
	return func() { srv.Stop() }
}

// The project's own launch helper: callers decide what the function does.
func GoWithRecover(run func(), onPanic func(any)) {
	go func() {
		defer func() {
			if r := recover(); r != nil {
				onPanic(r)
			}
		}()
		run()
	}()
}

// Harnesses that wait for every goroutine they run.
func TestBubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		go func() {
			tick()
		}()
	})
}

func fanIn(ctx context.Context, parts []string) error {
	g, _ := errgroup.WithContext(ctx)
	g.Go(func() error {
		go func() {
			tick()
		}()
		return nil
	})
	return g.Wait()
}

// The writer reports its error to the reader through the pipe.
func stream(render func(io.Writer) error) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		pw.CloseWithError(render(pw))
	}()
	return pr
}

// Nothing to supervise yet.
func (c *consumer) later() {
	go func() {
		// TODO: replay pending acks.
	}()
}

// The error is dropped in so many words: advisory.
type starter interface{ Start() error }

func launch(s starter) {
	go func() { _ = s.Start() }() // want-advisory "unsupervised-goroutine"
}

// Still fire-and-forget: a slice is ranged over, nothing stops or waits for it.
func warm(keys []string, load func(string)) {
	go func() { // want-advisory "unsupervised-goroutine"
		for _, k := range keys {
			load(k)
		}
	}()
}

func setLabels(map[string]string) {}
func tick()                       {}
func (c *consumer) quitSignal() chan struct{} { return nil }
