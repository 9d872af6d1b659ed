package layout

import "math"

// The only use of math: the suggestion would leave the import unused.
func cap01(v float64) float64 {
	return math.Min(v, 1) // want "builtin-minmax"
}
