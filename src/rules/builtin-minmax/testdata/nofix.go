package layout

import "math"

// A local max shadows the built-in: `max(a, b)` would not compile here, so nothing is said.
func shadowedLocal(a, b int) int {
	max := 0
	if a > b {
		max = a
	} else {
		max = b
	}
	return max
}

// A comment inside would be lost: report, no suggestion.
func withComment(a, b int) int {
	var x int
	if a < b { // want "builtin-minmax"
		x = a // the smaller one
	} else {
		x = b
	}
	return x
}

// Constant arguments only: max(1, 2) would be an untyped int, not a float64.
func constants() float64 {
	return math.Max(1, 2) // want "builtin-minmax"
}

// An operand gofmt would print differently in the call: no suggestion.
func spread(a, b int) int {
	x := a + (b -
		1)
	if b > x { // want "builtin-minmax"
		x = b
	}
	return x
}
