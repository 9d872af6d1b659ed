package main

import (
	"os"
	"os/signal"
	"syscall"
)

func buffered() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	<-c
}

// Nobody can receive from it, so nothing is lost (as go vet's sigchanyzer).
func discard() {
	signal.Notify(make(chan os.Signal), syscall.SIGPIPE)
}

// Never given to signal.Notify.
func relay(out chan<- os.Signal) {
	c := make(chan os.Signal)
	go func() { c <- os.Interrupt }()
	out <- <-c
}

// A shadowing variable of the same name.
func shadow() {
	c := make(chan os.Signal)
	_ = c
	{
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt)
	}
}
