package p

type Route struct {
	Host    string
	Backend string
	Enabled bool
}

// Every route is stored: comment.
func backends(routes []Route) map[string]string {
	byHost := make(map[string]string) // want "prealloc-map"
	for _, r := range routes {
		byHost[r.Host] = r.Backend
	}
	return byHost
}

// Disabled routes are skipped: the length is an upper bound, advisory.
func enabled(routes []Route) map[string]Route {
	on := map[string]Route{} // want-advisory "prealloc-map"
	for _, r := range routes {
		if !r.Enabled {
			continue
		}
		on[r.Host] = r
	}
	return on
}

// A default entry is stored after the loop: the length is a lower bound, advisory.
func withFallback(routes []Route, fallback string) map[string]string {
	hosts := make(map[string]string) // want-advisory "prealloc-map"
	for _, r := range routes {
		hosts[r.Host] = r.Backend
	}
	hosts["*"] = fallback
	return hosts
}
