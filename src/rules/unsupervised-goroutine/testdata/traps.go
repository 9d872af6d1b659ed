package server

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// GoodAsyncOperation is the standard's supervised example: an error channel and ctx.Done().
func GoodAsyncOperation(ctx context.Context) error {
	errChan := make(chan error, 1)

	go func() {
		defer func() {
			if r := recover(); r != nil {
				errChan <- fmt.Errorf("panic in async operation: %v", r)
			}
		}()

		err := riskyOperation()
		errChan <- err
	}()

	select {
	case err := <-errChan:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

type Work struct{}
type Pool struct {
	workers int
	wg      sync.WaitGroup
	done    chan struct{}
}

func (p *Pool) supervisedWorker(id int) {
	defer p.wg.Done()
}

// The standard's worker pool: workers signal a WaitGroup.
func NewPool(workers int) *Pool {
	p := &Pool{workers: workers}
	for i := 0; i < workers; i++ {
		p.wg.Add(1)
		go p.supervisedWorker(i)
	}
	return p
}

// The standard's Shutdown: the goroutine closes done.
func (p *Pool) Shutdown(timeout time.Duration) error {
	done := make(chan struct{})
	go func() {
		p.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-time.After(timeout):
		return fmt.Errorf("shutdown timeout exceeded")
	}
}

func main() {
	// A signal handler that only exits the process.
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		<-sig
		os.Exit(1)
	}()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGHUP)
	go func() {
		for range sigs {
			log.Println("reloading")
		}
	}()
}

func fanOut(items []string) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func(s string) {
			defer wg.Done()
			fmt.Println(s)
		}(it)
	}
	wg.Wait()
}

func withContext(ctx context.Context, in <-chan int) {
	go func() {
		for {
			select {
			case v := <-in:
				fmt.Println(v)
			case <-ctx.Done():
				return
			}
		}
	}()
}

func withQuit(quit chan struct{}, tick *time.Ticker) {
	go func() {
		for {
			<-tick.C
			select {
			case <-quit:
				return
			default:
			}
		}
	}()
}

func serveWithErrors(srv *http.Server) <-chan error {
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	return errc
}

func pipe(src io.Reader) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, src)
		pw.CloseWithError(err)
	}()
	return pr
}

func download(mods []string) {
	sem := make(chan struct{}, 4)
	for _, m := range mods {
		sem <- struct{}{}
		go func(m string) {
			defer func() { <-sem }()
			fmt.Println(m)
		}(m)
	}
}

func worker(jobs <-chan Work, wg *sync.WaitGroup) { defer wg.Done() }

func startWorker(jobs chan Work) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		worker(jobs, &wg)
	}()
	wg.Wait()
}

func handOff() {
	var mu sync.Mutex
	mu.Lock()
	go func() {
		fmt.Println("done")
		mu.Unlock()
	}()
	mu.Lock()
}

func condSignal(c *sync.Cond) {
	go func() {
		c.L.Lock()
		c.Signal()
		c.L.Unlock()
	}()
}

func flag() {
	var ready int32
	go func() {
		atomic.StoreInt32(&ready, 1)
	}()
}

func closedByCaller() {
	ch := make(chan int)
	go func() {
		for v := range ch {
			fmt.Println(v)
		}
	}()
	ch <- 1
	close(ch)
}

func stopFlag(stop *int32) {
	go func() {
		for atomic.LoadInt32(stop) == 0 {
			time.Sleep(time.Millisecond)
		}
	}()
}

func cancelLater(d time.Duration, cancel context.CancelFunc) {
	go func() {
		time.Sleep(d)
		cancel()
	}()
}

func unknownServe(srv interface{ Serve(net.Listener) error }, ln net.Listener) {
	go srv.Serve(ln)
}

func unknownCloser(pw io.WriteCloser) {
	go pw.Close()
}

func requestScoped(w http.ResponseWriter, r *http.Request) {
	go func() {
		<-r.Context().Done()
	}()
}

type logger struct{}

func (logger) flush() {}

func background(l logger) {
	go l.flush()
	go process()
}

func process() {}
