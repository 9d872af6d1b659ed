package dedupe

import "testing"

type route struct {
	Method, Path string
}

func routes() []route { return nil }

// A realistic test helper: every registered route must be unique.
func TestRoutesUnique(t *testing.T) {
	rs := routes()
	for i := 0; i < len(rs); i++ {
		for j := i + 1; j < len(rs); j++ { // want-advisory "quadratic-duplicates"
			if rs[i] == rs[j] {
				t.Errorf("route %s %s registered twice", rs[i].Method, rs[i].Path)
			}
		}
	}
}

// Pairs of different routes with the same path: the test needs both, and is about equality of a key.
func TestNoShadowing(t *testing.T) {
	rs := routes()
	for i, a := range rs {
		for _, b := range rs[i+1:] { // want-advisory "quadratic-duplicates"
			if a.Path == b.Path && a.Method == "GET" {
				t.Errorf("%s shadows %s", a.Path, b.Path)
			}
		}
	}
}
