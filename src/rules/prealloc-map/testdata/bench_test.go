package inventory

import "testing"

// The benchmark loop is sized by the framework: presizing by b.N changes what is measured.
func BenchmarkInsert(b *testing.B) {
	m := make(map[int]int)
	for i := 0; i < b.N; i++ {
		m[i&1023] = i
	}
}

func TestIndex(t *testing.T) {
	want := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
	got := make(map[string]int) // want-advisory "prealloc-map"
	for i, w := range want {
		got[w] = i
	}
	if len(got) != len(want) {
		t.Fatal(got)
	}
}
