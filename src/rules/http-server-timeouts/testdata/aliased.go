package edge

import (
	stdhttp "net/http"
	clock "time"
)

func start(h stdhttp.Handler) error {
	s := &stdhttp.Server{ // want "http-server-timeouts"
		Addr:        ":80",
		Handler:     h,
		IdleTimeout: 90 * clock.Second,
	}
	return s.ListenAndServe()
}

func legacy(h stdhttp.Handler) error {
	return stdhttp.ListenAndServe(":8080", h) // want "http-server-timeouts"
}
