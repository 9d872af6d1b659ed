package edge

import (
	http "example.com/platform/httpx"
)

func run(h http.Handler) error {
	srv := &http.Server{Addr: ":80", Handler: h}
	return http.ListenAndServe(":8080", srv)
}
