package shapes

import (
	"database/sql/driver"
	"sync"
)

// An anonymous struct holding the mutex and the counter.
var finalized struct {
	sync.Mutex
	count int
}

func onFinalize() {
	finalized.Lock() // want "atomic-counter"
	finalized.count++
	finalized.Unlock()
}

type fakeDriver struct {
	mu         sync.Mutex
	closeCount int
}

var fdriver driver.Driver = &fakeDriver{}

// The type comes from a type assertion.
func closeConn() {
	drv := fdriver.(*fakeDriver)
	defer func() {
		drv.mu.Lock() // want "atomic-counter"
		drv.closeCount++
		drv.mu.Unlock()
	}()
}

// A counter local to a test, updated from handlers.
func countCalls(register func(func())) *int {
	var mu sync.Mutex
	calls := 0
	register(func() {
		mu.Lock() // want "atomic-counter"
		calls++
		mu.Unlock()
	})
	return &calls
}

// A flag set from a callback.
func trace(hooks *Hooks) {
	var mu sync.Mutex
	var started bool
	hooks.OnStart = func() {
		mu.Lock() // want "atomic-counter"
		defer mu.Unlock()
		started = true
	}
}
