package main

import (
	goos "os"
	sig "os/signal"
)

func wait() goos.Signal {
	c := make(chan goos.Signal) // want "signal-channel-unbuffered"
	sig.Notify(c, goos.Interrupt)
	return <-c
}
