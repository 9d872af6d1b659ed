package gateway

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"time"
)

// NewProductionServer is the standard's server: every limit set.
func NewProductionServer(handler http.Handler, port string) *http.Server {
	return &http.Server{
		Addr:           ":" + port,
		Handler:        handler,
		ReadTimeout:    10 * time.Second,
		WriteTimeout:   10 * time.Second,
		IdleTimeout:    120 * time.Second,
		MaxHeaderBytes: 1 << 20,
	}
}

func headerTimeoutServer(handler http.Handler) *http.Server {
	return &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 2 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    http.DefaultMaxHeaderBytes,
	}
}

type Config struct {
	Addr         string
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
}

func fromConfig(cfg Config, handler http.Handler) *http.Server {
	srv := &http.Server{Addr: cfg.Addr, Handler: handler}
	srv.ReadTimeout = cfg.ReadTimeout
	srv.WriteTimeout = cfg.WriteTimeout
	srv.IdleTimeout = 2 * cfg.ReadTimeout
	srv.MaxHeaderBytes = 1 << 20
	return srv
}

type Gateway struct {
	srv *http.Server
}

func (g *Gateway) Run(ctx context.Context, ln net.Listener, handler http.Handler) error {
	g.srv = &http.Server{Handler: handler}
	g.srv.ReadHeaderTimeout, g.srv.WriteTimeout = 5*time.Second, 30*time.Second
	g.srv.IdleTimeout = time.Minute
	g.srv.MaxHeaderBytes = 16 << 10
	go func() {
		<-ctx.Done()
		g.srv.Shutdown(context.Background())
	}()
	return g.srv.Serve(ln)
}

var admin = &http.Server{Addr: "127.0.0.1:9000"}

func init() {
	admin.ReadTimeout = 5 * time.Second
	admin.WriteTimeout = 5 * time.Second
	admin.IdleTimeout = 30 * time.Second
	admin.MaxHeaderBytes = 4 << 10
}

func serve(srv *http.Server) error {
	return srv.ListenAndServe()
}

func testServer(handler http.Handler) *httptest.Server {
	return httptest.NewServer(handler)
}

type Server struct {
	Addr string
}

func localServer() *Server {
	return &Server{Addr: ":8080"}
}

func shutdown(ctx context.Context, srv *http.Server) error {
	var zero http.Server
	_ = zero
	return srv.Shutdown(ctx)
}

// Streaming endpoints: a ReadTimeout bounds the headers; no WriteTimeout is asked for.
func eventsServer(events http.Handler) *http.Server {
	return &http.Server{
		Addr:        ":8090",
		Handler:     events,
		ReadTimeout: 30 * time.Second,
		// No WriteTimeout: server-sent events stay open for hours.
	}
}

func watchServer(watch http.Handler) *http.Server {
	srv := &http.Server{Addr: ":8091", Handler: watch}
	srv.ReadHeaderTimeout = 5 * time.Second
	return srv
}
