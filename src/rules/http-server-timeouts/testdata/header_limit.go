package health

import (
	"net/http"
	"time"
)

// The header timeout comes from configuration: nothing else is asked for.
func serveProbe(mux *http.ServeMux, timeouts [3]time.Duration) error {
	srv := &http.Server{
		Addr:              ":8082",
		Handler:           mux,
		ReadHeaderTimeout: timeouts[0],
		WriteTimeout:      timeouts[1],
		IdleTimeout:       timeouts[2],
		// Probes are tiny; keep the default header limit explicit.
	}
	return srv.ListenAndServe()
}
