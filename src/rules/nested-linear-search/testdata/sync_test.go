package access

import "testing"

type record struct {
	Key   string
	Value int
}

// A realistic test: every expected record must be present in the result.
func TestSyncKeepsRecords(t *testing.T) {
	want := load("want")
	got := load("got")
	for _, w := range want {
		found := false
		for _, g := range got { // want-advisory "nested-linear-search"
			if g.Key == w.Key {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("record %q missing", w.Key)
		}
	}
}

// A table of two cases: the scan is over the result, but the outer loop is tiny and fixed.
func TestSmallTable(t *testing.T) {
	got := load("got")
	for _, key := range []string{"a", "b"} {
		found := false
		for _, g := range got {
			if g.Key == key {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("record %q missing", key)
		}
	}
}

func load(string) []record { return nil }
