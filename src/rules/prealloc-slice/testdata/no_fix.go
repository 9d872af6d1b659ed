package p

// The ranged slice is declared after the result: len(xs) is not in scope at the
// declaration, so the finding comes without a suggestion.
func later() []int {
	var out []int // want "prealloc-slice"
	xs := []int{1, 2, 3}
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}
