package queue

import "sync"

// The mutex backs a sync.Cond: the predicate must change under the lock, or a waiter
// between its check and Wait misses the Broadcast. Not reported.
type Queue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	closed bool
	n      int
}

func New() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
}

func waitAll(n int) {
	var m sync.Mutex
	c := sync.NewCond(&m)
	done := false
	for i := 0; i < n; i++ {
		go func() {
			m.Lock()
			for !done {
				c.Wait()
			}
			m.Unlock()
		}()
	}
	m.Lock()
	done = true
	m.Unlock()
	c.Broadcast()
}
