package server

import (
	"io"
	"log"
	"net"
	"net/http"
	"time"
)

// BadAsyncOperation is the standard's own fire-and-forget example.
func BadAsyncOperation() {
	go func() { // want-advisory "unsupervised-goroutine"
		riskyOperation()
	}()
}

func riskyOperation() error { return nil }

func startPprof() {
	go http.ListenAndServe("localhost:6060", nil) // want "unsupervised-goroutine"
}

func startServer(addr string, h http.Handler) *http.Server {
	srv := &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go srv.ListenAndServe() // want "unsupervised-goroutine"
	return srv
}

func startTLS(srv *http.Server, ln net.Listener) {
	go srv.ServeTLS(ln, "cert.pem", "key.pem") // want "unsupervised-goroutine"
}

func serveOn(srv *http.Server, ln net.Listener) {
	go srv.Serve(ln) // want "unsupervised-goroutine"
}

type Syncer struct {
	every time.Duration
}

func (s *Syncer) run() error {
	for {
		time.Sleep(s.every)
		if err := syncOnce(); err != nil {
			return err
		}
	}
}

func syncOnce() error { return nil }

func (s *Syncer) Start() {
	go s.run() // want-advisory "unsupervised-goroutine"
}

func StartSync() {
	go syncOnce() // want-advisory "unsupervised-goroutine"
}

// The echo server from the net package's documentation: one goroutine per
// connection that nobody waits for.
func echo(l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			log.Fatal(err)
		}
		go func(c net.Conn) { // want-advisory "unsupervised-goroutine"
			io.Copy(c, c)
			c.Close()
		}(conn)
	}
}

var cache map[string]string

func refreshCache() {
	go func() { // want-advisory "unsupervised-goroutine"
		for {
			time.Sleep(time.Minute)
			cache = load()
		}
	}()
}

func load() map[string]string { return nil }

func copyInBackground(dst io.Writer, src io.Reader) {
	go func() { // want-advisory "unsupervised-goroutine"
		if _, err := io.Copy(dst, src); err != nil {
			log.Printf("copy: %v", err)
		}
	}()
}

func compute() {
	go func() error { // want-advisory "unsupervised-goroutine"
		return riskyOperation()
	}()
}

func mirror(dst io.Writer, src io.Reader) {
	go io.Copy(dst, src) // want-advisory "unsupervised-goroutine"
}
