// go-standards-test: go=1.21
package store

import "sync"

type Old struct {
	mu sync.Mutex
	xs []int
}

// Go 1.21 has no range-over-func; the rule does not run.
func (o *Old) Each(yield func(int) bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, x := range o.xs {
		if !yield(x) {
			return
		}
	}
}
