package nofix

// The ranged slice is declared after the map: len(names) is not in scope at the
// declaration, so the finding comes without a suggestion.
func later() map[string]int {
	m := make(map[string]int) // want "prealloc-map"
	names := []string{"a", "b", "c"}
	for i, n := range names {
		m[n] = i
	}
	return m
}
