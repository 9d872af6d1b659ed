package main

// One path imported under two names: either name is the package.
import (
	"os"
	sys "os"
	"os/signal"
)

func waitPlain() os.Signal {
	stop := make(chan os.Signal) // want "signal-channel-unbuffered"
	signal.Notify(stop, os.Interrupt)
	return <-stop
}

func waitAliased() sys.Signal {
	stop := make(chan sys.Signal) // want "signal-channel-unbuffered"
	signal.Notify(stop, sys.Interrupt)
	return <-stop
}

func waitBuffered() os.Signal {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	return <-stop
}
