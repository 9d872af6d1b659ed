package edge

import (
	"net/http"
	"time"
)

type Pair struct {
	Public  *http.Server
	Private *http.Server
}

// Aligned elements of a larger literal: expanding one would realign its neighbours.
func pair(h http.Handler) Pair {
	return Pair{
		Public:  &http.Server{Addr: ":80", Handler: h}, // want "http-server-timeouts"
		Private: &http.Server{Addr: ":81", Handler: h}, // want "http-server-timeouts"
	}
}

var (
	publicAddr = ":8080"
	public     = &http.Server{Addr: publicAddr} // want "http-server-timeouts"
)

func start(h http.Handler) error {
	timeout := 5 * time.Second                                            // the write budget
	srv := &http.Server{Addr: ":8443", Handler: h, WriteTimeout: timeout} // want "http-server-timeouts"
	return srv.ListenAndServe()
}

func restart(h http.Handler) error {
	srv := &http.Server{Addr: ":8444", Handler: h, IdleTimeout: time.Minute} // want "http-server-timeouts"
	return srv.ListenAndServe()
}

func lastElementSpansLines(h http.Handler) *http.Server {
	return &http.Server{ // want "http-server-timeouts"
		Addr: ":9443",
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h.ServeHTTP(w, r)
		}),
	}
}

func unicode(h http.Handler) error {
	srv := &http.Server{Addr: ":8446", Handler: h} // want "http-server-timeouts" 服务器 « público »
	return srv.ListenAndServe()
}

func unicodeBlock(h http.Handler) error {
	srv := &http.Server{ // want "http-server-timeouts"
		Addr:         ":8447", // « público » 服务器
		Handler:      h,       // ünïcödé
		WriteTimeout: 5 * time.Second,
	}
	return srv.ListenAndServe()
}
