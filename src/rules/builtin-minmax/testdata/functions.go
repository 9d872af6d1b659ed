package layout

import "cmp"

// Helpers the built-ins replace: reported without a suggestion.

func maxInt(a, b int) int { // want "builtin-minmax"
	if a > b {
		return a
	}
	return b
}

func min(a, b int) int { // want "builtin-minmax"
	if a < b {
		return a
	} else {
		return b
	}
}

func Smallest[T cmp.Ordered](x, y T) T { // want "builtin-minmax"
	if y < x {
		return y
	}
	return x
}

// Branchless "max" from the standard: it returns the smaller value.
func max(a, b int) int { // want "builtin-minmax"
	return a + ((b - a) & ((b - a) >> 63))
}

func maxBranchless(a, b int64) int64 { // want "builtin-minmax"
	return a - ((a - b) & ((a - b) >> 63))
}

// With min and max declared here, the built-ins are shadowed in this file: `max(lo, r)` would
// call the file's own function, so the if is not reported.
func clampLow(v, lo int) int {
	r := v
	if lo > r {
		r = lo
	}
	return r
}
