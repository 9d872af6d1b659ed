package queue

import "time"

type Job struct{ ID int }

type Worker struct {
	input    chan Job
	shutdown chan struct{}
	done     chan struct{}
	results  chan int
}

func NewWorker() *Worker {
	return &Worker{
		input:    make(chan Job),      // want "unbuffered-channel"
		shutdown: make(chan struct{}), // want "unbuffered-channel"
		done:     make(chan struct{}),
		results:  make(chan int, 16),
	}
}

// The standard's Stop: shutdown is sent on, done is only closed.
func (w *Worker) Stop() error {
	select {
	case w.shutdown <- struct{}{}:
	case <-time.After(time.Second):
		return nil
	}
	<-w.done
	return nil
}

func (w *Worker) run() {
	defer close(w.done)
	for {
		select {
		case j := <-w.input:
			w.results <- j.ID
		case <-w.shutdown:
			return
		}
	}
}

func producer(n int) <-chan int {
	out := make(chan int) // want "unbuffered-channel"
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- i
		}
	}()
	return out
}

func newPipe() chan []byte {
	return make(chan []byte) // want "unbuffered-channel"
}

func pingPong() {
	ping, pong := make(chan bool), make(chan bool) // want "unbuffered-channel" "unbuffered-channel"
	go func() {
		for v := range ping {
			pong <- v
		}
	}()
	ping <- true
	<-pong
}

func readySignal() {
	ready := make(chan struct{}) // want "unbuffered-channel"
	go func() {
		ready <- struct{}{}
	}()
	<-ready
}
