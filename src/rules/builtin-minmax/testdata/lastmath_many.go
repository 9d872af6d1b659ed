package layout

import "math"

// Two calls are the file's only uses of math: each finding says the import goes once both change.
func clamp(v, lo, hi float64) float64 {
	return math.Max(lo, // want "builtin-minmax"
		math.Min(v, hi)) // want "builtin-minmax"
}

// Integers converted to float64 and back: the built-in takes the integers.
func pages(total, perPage int) int {
	return int(math.Min(float64(total), float64(perPage))) // want "builtin-minmax"
}
