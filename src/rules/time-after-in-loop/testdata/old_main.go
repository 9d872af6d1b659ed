// go-standards-test: go=1.22
package main

import "time"

func main() {
	c := time.Tick(time.Second)
	for range c {
		if stop() {
			return
		}
	}
}

func stop() bool { return true }
