package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

var reload = make(chan os.Signal) // want "signal-channel-unbuffered"

func main() {
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()

	stop := make(chan os.Signal) // want "signal-channel-unbuffered"
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	signal.Notify(reload, syscall.SIGHUP)
	<-stop

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}

type Daemon struct {
	sigs chan os.Signal
}

func NewDaemon() *Daemon {
	d := &Daemon{}
	d.sigs = make(chan os.Signal) // want "signal-channel-unbuffered"
	return d
}

func (d *Daemon) Run() {
	signal.Notify(d.sigs, syscall.SIGUSR1)
	for s := range d.sigs {
		log.Println("got", s)
	}
}

func literalField() *Daemon {
	d := &Daemon{sigs: make(chan os.Signal)} // want "signal-channel-unbuffered"
	signal.Notify(d.sigs, os.Interrupt)
	return d
}
