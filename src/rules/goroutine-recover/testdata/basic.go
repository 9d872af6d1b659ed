package workers

import (
	"context"
	"log"
	"time"
)

type Job interface{ Run() error }

func startConsumers(n int, jobs <-chan Job) {
	for i := 0; i < n; i++ {
		go func() { // want-advisory "goroutine-recover"
			for j := range jobs {
				if err := j.Run(); err != nil {
					log.Print(err)
				}
			}
		}()
	}
}

type Flusher struct {
	tick  *time.Ticker
	input chan []byte
	buf   [][]byte
}

func (f *Flusher) loop(ctx context.Context) {
	for {
		select {
		case b := <-f.input:
			f.buf = append(f.buf, b)
		case <-f.tick.C:
			f.buf = f.buf[:0]
		case <-ctx.Done():
			return
		}
	}
}

func (f *Flusher) Start(ctx context.Context) {
	go f.loop(ctx) // want-advisory "goroutine-recover"
}

func poll(ctx context.Context, check func() error) {
	ticker := time.NewTicker(time.Second)
	go func() { // want-advisory "goroutine-recover"
		defer ticker.Stop()
		for range ticker.C {
			if err := check(); err != nil {
				log.Print(err)
			}
		}
	}()
}

func reader(conn interface{ Read([]byte) (int, error) }, out chan<- []byte) {
	go func() { // want-advisory "goroutine-recover"
	loop:
		for {
			buf := make([]byte, 512)
			n, err := conn.Read(buf)
			if err != nil {
				break loop
			}
			out <- buf[:n]
		}
	}()
}

func runForever() {
	for {
		time.Sleep(time.Second)
	}
}

func main() {
	go runForever() // want-advisory "goroutine-recover"
}
