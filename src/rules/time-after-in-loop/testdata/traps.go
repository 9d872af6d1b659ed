package consumer

import (
	"time"
)

func once(in <-chan Msg) {
	select {
	case m := <-in:
		handle(m)
	case <-time.After(time.Second):
	}
}

func sleepy(n int) {
	for i := 0; i < n; i++ {
		<-time.After(time.Millisecond)
	}
}

func reused(in <-chan Msg, idle time.Duration) {
	t := time.NewTimer(idle)
	defer t.Stop()
	for {
		select {
		case m := <-in:
			handle(m)
		case <-t.C:
			return
		}
		t.Reset(idle)
	}
}

// Each goroutine makes one timer.
func perGoroutine(ins []chan Msg) {
	for _, in := range ins {
		go func(in chan Msg) {
			select {
			case <-in:
			case <-time.After(time.Second):
			}
		}(in)
	}
}

// time.Tick is fine from Go 1.23 (no go.mod version here means the newest Go).
func ticks(f func()) {
	for range time.Tick(time.Second) {
		f()
		return
	}
}

// One timer for the whole loop: the right shape.
func deadline(in <-chan Msg) {
	timeout := time.After(time.Minute)
	for {
		select {
		case m := <-in:
			handle(m)
		case <-timeout:
			return
		}
	}
}
