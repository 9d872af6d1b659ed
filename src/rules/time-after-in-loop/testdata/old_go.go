// go-standards-test: go=1.21
package consumer

import (
	"log"
	clock "time"
)

func consumeOld(in <-chan Msg) {
	for {
		select {
		case m := <-in:
			handle(m)
		case <-clock.After(clock.Minute): // want "time-after-in-loop"
			log.Println("idle")
		}
	}
}

func pollUntil(done func() bool) {
	for range clock.Tick(clock.Second) { // want "time-after-in-loop"
		if done() {
			return
		}
	}
}

// Never returns: the ticker lives as long as the program.
func heartbeat() {
	for t := range clock.Tick(clock.Second) {
		log.Println("alive", t)
	}
}

func heartbeatGoroutine() {
	go func() {
		for range clock.Tick(clock.Second) {
			log.Println("alive")
		}
	}()
	c := clock.Tick(clock.Minute) // want "time-after-in-loop"
	<-c
}
