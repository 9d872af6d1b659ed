package edge

import (
	"net"
	"net/http"
	"testing"
)

func TestServe(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.NotFoundHandler()} // want-advisory "http-server-timeouts"
	go srv.Serve(ln)
	defer srv.Close()
}
