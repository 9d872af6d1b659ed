package health

import (
	"net/http"
	"time"
)

// Only the header limit is missing: the suggestion needs no "time" of its own.
func serveProbe(mux *http.ServeMux, timeouts [3]time.Duration) error {
	srv := &http.Server{ // want "http-server-timeouts"
		Addr:              ":8082",
		Handler:           mux,
		ReadHeaderTimeout: timeouts[0],
		WriteTimeout:      timeouts[1],
		IdleTimeout:       timeouts[2],
		// Probes are tiny; keep the default header limit explicit.
	}
	return srv.ListenAndServe()
}
