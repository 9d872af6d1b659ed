// go-standards-test: go=1.23
package consumer

import "time"

func tickNew(done func() bool) {
	for range time.Tick(time.Second) {
		if done() {
			return
		}
	}
}

func waitNew(in <-chan Msg) {
	for {
		select {
		case <-in:
		case <-time.After(time.Second): // want-advisory "time-after-in-loop"
			return
		}
	}
}
