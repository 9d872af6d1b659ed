package ops

import (
	"fmt"
	"net"
	"net/http"
	"time"
)

// Servers only local clients reach, and debug endpoints: listed, not commented.
func serveAdmin(mux *http.ServeMux) error {
	srv := &http.Server{Addr: "127.0.0.1:9001", Handler: mux} // want-advisory "http-server-timeouts"
	return srv.ListenAndServe()
}

const statusAddr = "localhost:7070"

func serveStatus(mux *http.ServeMux) error {
	return http.ListenAndServe(statusAddr, mux) // want-advisory "http-server-timeouts"
}

// A one-shot callback server on an ephemeral loopback port (an OAuth login).
func awaitCallback(codes chan<- string) (string, error) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	srv := &http.Server{ // want-advisory "http-server-timeouts"
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			codes <- r.URL.Query().Get("code")
			fmt.Fprintln(w, "You can close this window.")
		}),
	}
	go srv.Serve(ln)
	return fmt.Sprintf("http://%s/callback", ln.Addr()), nil
}

func startDebugServer(addr string) {
	go func() {
		srv := &http.Server{Addr: addr} // want-advisory "http-server-timeouts"
		srv.ListenAndServe()
	}()
}

type Options struct {
	ProfilingAddr string
}

func serveProfiles(opts Options) error {
	return http.ListenAndServe(opts.ProfilingAddr, nil) // want-advisory "http-server-timeouts"
}

// A public listener is commented even beside local ones.
func servePublic(mux *http.ServeMux) error {
	srv := &http.Server{Addr: ":443", Handler: mux, IdleTimeout: time.Minute} // want "http-server-timeouts"
	return srv.ListenAndServeTLS("cert.pem", "key.pem")
}
