package workers

import (
	"context"
	"fmt"
	"log"
	"sync"
	"sync/atomic"
	"time"
)

type Result struct{ Error error }
type Work interface{ Execute() Result }

type SupervisedWorkerPool struct {
	workChan   chan Work
	resultChan chan Result
	ctx        context.Context
	wg         sync.WaitGroup
	activeJobs atomic.Int64
	errors     atomic.Int64
}

// The standard's supervisedWorker recovers around each job.
func (p *SupervisedWorkerPool) supervisedWorker(id int) {
	defer p.wg.Done()
	for {
		select {
		case work := <-p.workChan:
			p.activeJobs.Add(1)
			func() {
				defer func() {
					p.activeJobs.Add(-1)
					if r := recover(); r != nil {
						p.errors.Add(1)
						log.Printf("Worker %d recovered from panic: %v", id, r)
					}
				}()
				result := work.Execute()
				select {
				case p.resultChan <- result:
				case <-p.ctx.Done():
				}
			}()
		case <-p.ctx.Done():
			return
		}
	}
}

func NewPool(workers int) *SupervisedWorkerPool {
	p := &SupervisedWorkerPool{}
	for i := 0; i < workers; i++ {
		p.wg.Add(1)
		go p.supervisedWorker(i)
	}
	return p
}

func recovered(jobs <-chan Job) {
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Printf("worker panic: %v", r)
			}
		}()
		for j := range jobs {
			j.Run()
		}
	}()
}

func handlePanic() {
	if r := recover(); r != nil {
		log.Print(r)
	}
}

func withHelper(jobs <-chan Job) {
	go func() {
		defer handlePanic()
		for j := range jobs {
			j.Run()
		}
	}()
}

// Not long-running: one job, or a bounded loop.
func once(j Job) {
	go func() {
		j.Run()
	}()
	go func() {
		for i := 0; i < 3; i++ {
			j.Run()
		}
	}()
}

func overSlice(all []Job) {
	go func() {
		for _, j := range all {
			j.Run()
		}
	}()
}

// A function declared elsewhere: its body is not visible.
func external() {
	go fmt.Println("x")
	go time.Sleep(time.Second)
}

func conditionLoop(stop *atomic.Bool) {
	go func() {
		for !stop.Load() {
			time.Sleep(time.Millisecond)
		}
	}()
}
