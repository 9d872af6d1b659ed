package login

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
)

// The listener comes from a helper of the file that binds loopback only.
func (c *Command) receiveCode(codes chan<- string) (*http.Server, error) {
	ln, err := c.callbackListener(49152, 49170)
	if err != nil {
		return nil, err
	}
	srv := &http.Server{ // want-advisory "http-server-timeouts"
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			codes <- r.FormValue("code")
		}),
	}
	go srv.Serve(ln)
	return srv, nil
}

type Command struct{}

func (c *Command) callbackListener(lo, hi int) (net.Listener, error) {
	for port := lo; port <= hi; port++ {
		if ln, err := net.Listen("tcp4", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			return ln, nil
		}
	}
	return nil, fmt.Errorf("no free port between %d and %d", lo, hi)
}

// A public server in the same file is still commented.
func (c *Command) servePortal(ln net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h} // want "http-server-timeouts"
	return srv.Serve(ln)
}

// An httptest server's configuration: it listens on loopback.
func fakeRegistry(h http.Handler) *httptest.Server {
	ts := httptest.NewUnstartedServer(h)
	ts.Config = &http.Server{Handler: h} // want-advisory "http-server-timeouts"
	ts.Start()
	return ts
}

func fakeMirror(ln net.Listener, h http.Handler) *httptest.Server {
	ts := &httptest.Server{
		Listener: ln,
		Config:   &http.Server{Handler: h}, // want-advisory "http-server-timeouts"
	}
	ts.Start()
	return ts
}
