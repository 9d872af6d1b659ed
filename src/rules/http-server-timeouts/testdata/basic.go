package api

import (
	"crypto/tls"
	"log"
	"net/http"
	"time"
)

// NewServer builds the public API server (« production »).
func NewServer(addr string, handler http.Handler) *http.Server {
	return &http.Server{ // want "http-server-timeouts"
		Addr:    addr,
		Handler: handler,
	}
}

// The header timeout is set: no WriteTimeout or MaxHeaderBytes is asked for.
func newAdminServer(handler http.Handler) *http.Server {
	return &http.Server{
		Addr:              "127.0.0.1:9090",
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second, // slowloris guard
		WriteTimeout:      30 * time.Second,
	}
}

func newTLSServer(handler http.Handler, cfg *tls.Config) *http.Server {
	srv := &http.Server{ // want "http-server-timeouts"
		Addr:    ":8443",
		Handler: handler,
		TLSConfig: &tls.Config{
			MinVersion:   tls.VersionTLS12,
			Certificates: cfg.Certificates,
		},
	}
	return srv
}

func serveMetrics(handler http.Handler) {
	srv := &http.Server{Addr: ":9100", Handler: handler} // want "http-server-timeouts"
	log.Fatal(srv.ListenAndServe())
}

func serveDebug() {
	log.Fatal(http.ListenAndServe("localhost:6060", nil)) // want-advisory "http-server-timeouts"
}

func serveTLS(handler http.Handler) error {
	return http.ListenAndServeTLS(":443", "cert.pem", "key.pem", handler) // want "http-server-timeouts"
}

// ReadTimeout bounds the headers too.
func mostlySet(handler http.Handler) error {
	srv := &http.Server{
		Addr:    ":8080",
		Handler: handler,
		// Timeouts tuned for the mobile clients.
		ReadTimeout:  10 * time.Second,
		WriteTimeout: 10 * time.Second,
		IdleTimeout:  120 * time.Second,
	}
	return srv.ListenAndServe()
}

func valueServer(handler http.Handler) error {
	srv := http.Server{Handler: handler}
	srv.Addr = ":8081"
	srv.ReadTimeout = 5 * time.Second
	return srv.ListenAndServe()
}

type App struct {
	server *http.Server
}

func (a *App) Start(handler http.Handler) {
	a.server = &http.Server{ // want "http-server-timeouts"
		Addr:           ":8080",
		Handler:        handler,
		MaxHeaderBytes: 64 << 10,
	}
	go func() {
		if err := a.server.ListenAndServe(); err != http.ErrServerClosed {
			log.Printf("serveur arrêté: %v", err)
		}
	}()
}

var fallback = &http.Server{Addr: ":8082"} // want "http-server-timeouts"
