package p

import (
	"net/http"
	"strings"
)

// Per request: a comment.
func acceptsGzip(r *http.Request) bool {
	for _, enc := range strings.Split(r.Header.Get("Accept-Encoding"), ",") { // want "split-seq"
		if strings.TrimSpace(enc) == "gzip" {
			return true
		}
	}
	return false
}

// Per header value: the split runs for every element of the outer loop.
func hasToken(h http.Header, name, token string) bool {
	for _, v := range h[name] {
		parts := strings.Split(v, ",") // want "split-seq"
		for _, p := range parts {
			if strings.EqualFold(strings.TrimSpace(p), token) {
				return true
			}
		}
	}
	return false
}

// Per key of a batch: inside a loop over the input.
func depth(keys []string) int {
	n := 0
	for _, k := range keys {
		for _, seg := range strings.Split(k, "/") { // want "split-seq"
			if seg != "" {
				n++
			}
		}
	}
	return n
}

// Once per call of a setup function: advisory.
func loadNames(list string) []string {
	var names []string
	for _, n := range strings.Split(list, ";") { // want-advisory "split-seq"
		names = append(names, strings.TrimSpace(n))
	}
	return names
}
