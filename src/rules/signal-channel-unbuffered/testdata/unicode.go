package main

import (
	"fmt"
	"os"
	"os/signal"
)

// Beenden über Signale — 日本語 😀.
func warteAufSignal() {
	signale := make(chan os.Signal) // want "signal-channel-unbuffered"
	signal.Notify(signale, os.Interrupt)
	fmt.Println("😀 empfangen:", <-signale)
}
