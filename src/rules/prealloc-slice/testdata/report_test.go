package report

import "testing"

type Row struct {
	ID    int
	Title string
}

// In a test, an allocation is at most advisory: the test runs once.
func TestTitles(t *testing.T) {
	rows := []Row{{ID: 1, Title: "a"}, {ID: 2, Title: "b"}, {ID: 3, Title: "c"}}
	var titles []string // want-advisory "prealloc-slice"
	for _, r := range rows {
		titles = append(titles, r.Title)
	}
	if len(titles) != 3 {
		t.Fatalf("got %d titles", len(titles))
	}
}

// A helper of the tests is test code too.
func idsOf(rows []Row) []int {
	var ids []int // want-advisory "prealloc-slice"
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	return ids
}

// Inside a benchmark the allocation is what is measured: the advice keeps its tier.
func BenchmarkTitles(b *testing.B) {
	rows := make([]Row, 1000)
	for b.Loop() {
		var titles []string // want "prealloc-slice"
		for _, r := range rows {
			titles = append(titles, r.Title)
		}
		_ = titles
	}
}
