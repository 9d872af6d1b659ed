package crawl

import (
	"context"
	"net"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

// A fixed pool of workers reading from a channel: the standard's shape.
func startPool(workers int, jobs <-chan Job) {
	for i := 0; i < workers; i++ {
		go func() {
			for j := range jobs {
				handle(j)
			}
		}()
	}
}

func startPoolConst(jobs <-chan Job) {
	const numWorkers = 8
	for i := 0; i < numWorkers; i++ {
		go func() {
			for j := range jobs {
				handle(j)
			}
		}()
	}
	for range 4 {
		go func() {}()
	}
	for i := range numWorkers {
		go func(int) {}(i)
	}
}

func perCPU(jobs <-chan Job) {
	shards := make([][]Job, runtime.NumCPU())
	for i := range shards {
		go func(i int) { _ = shards[i] }(i)
	}
}

type worker struct{}

func (worker) run() {}

func startWorkers(workers []worker) {
	for _, w := range workers {
		go w.run()
	}
}

func literalTable() {
	tests := []Job{{1}, {2}, {3}}
	for _, tt := range tests {
		go handle(tt)
	}
	for _, name := range []string{"a", "b"} {
		go func(string) {}(name)
	}
}

// A semaphore acquired before the go statement bounds concurrency.
func withSemaphore(items []Job) {
	sem := make(chan struct{}, 16)
	var wg sync.WaitGroup
	for _, it := range items {
		sem <- struct{}{}
		wg.Add(1)
		go func(j Job) {
			defer func() { <-sem; wg.Done() }()
			handle(j)
		}(it)
	}
	wg.Wait()
}

func withWeighted(ctx context.Context, items []Job) error {
	sem := semaphore.NewWeighted(10)
	for _, it := range items {
		if err := sem.Acquire(ctx, 1); err != nil {
			return err
		}
		go func(j Job) {
			defer sem.Release(1)
			handle(j)
		}(it)
	}
	return nil
}

func semaphoreInside(items []Job) {
	limit := make(chan struct{}, 8)
	for _, it := range items {
		go func(j Job) {
			limit <- struct{}{}
			defer func() { <-limit }()
			handle(j)
		}(it)
	}
}

func withLimit(ctx context.Context, items []Job) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(10)
	done := make(chan struct{})
	for _, it := range items {
		it := it
		g.Go(func() error { handle(it); return nil })
	}
	go func() { g.Wait(); close(done) }()
	<-done
	return nil
}

// Each iteration waits for the goroutine it started: one at a time.
func oneAtATime(items []Job) {
	for _, it := range items {
		done := make(chan struct{})
		go func(j Job) {
			defer close(done)
			handle(j)
		}(it)
		<-done
	}
}

func firstOnly(items []Job) {
	for _, it := range items {
		if it.ID > 0 {
			go handle(it)
			return
		}
	}
}

// Accepting connections is not a loop over a collection.
func serve(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go func(c net.Conn) { c.Close() }(c)
	}
}

func unknownOneVariable(n int, queue interface{}) {
	for i := range n {
		go func(int) {}(i)
	}
}

func arrays(a [4]Job) {
	for _, j := range a {
		go handle(j)
	}
}
