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
		input:    make(chan Job),      // want-advisory "unbuffered-channel"
		shutdown: make(chan struct{}), // want-advisory "unbuffered-channel"
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
	out := make(chan int) // want-advisory "unbuffered-channel"
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- i
		}
	}()
	return out
}

func newPipe() chan []byte {
	return make(chan []byte) // want-advisory "unbuffered-channel"
}

func pingPong() {
	ping, pong := make(chan bool), make(chan bool) // want-advisory "unbuffered-channel" "unbuffered-channel"
	go func() {
		for v := range ping {
			pong <- v
		}
	}()
	ping <- true
	<-pong
}

func readySignal() {
	ready := make(chan struct{}) // want-advisory "unbuffered-channel"
	go func() {
		ready <- struct{}{}
	}()
	<-ready
}

// One send may block (no default beside it): still advisory.
type dispatcher struct {
	work chan Job
}

func newDispatcher() *dispatcher {
	return &dispatcher{work: make(chan Job)} // want-advisory "unbuffered-channel"
}

func (d *dispatcher) offer(j Job) {
	select {
	case d.work <- j:
	default:
	}
}

func (d *dispatcher) push(j Job) {
	d.work <- j
}
