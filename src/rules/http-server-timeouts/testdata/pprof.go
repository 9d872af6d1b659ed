package ops

import (
	"net/http"
	_ "net/http/pprof"
)

// A file that registers the profiling handlers: a 30 s CPU profile must not be cut short.
func init() {
	go http.ListenAndServe(":6060", nil) // want-advisory "http-server-timeouts"
}
