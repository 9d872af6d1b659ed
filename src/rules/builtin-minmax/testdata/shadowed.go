package clock

// `min` as a parameter: `min(seconds, min)` would call an int.
func roundDown(seconds, min int) int {
	r := seconds
	if min < r {
		r = min
	}
	return r
}

// Minutes and hours named like the built-ins, in the same function.
func span(h, m int) int {
	hour, min := h*3600, m*60
	var d int
	if hour < min {
		d = hour
	} else {
		d = min
	}
	return d
}

// Declared after the if: the built-in is still the one in scope there.
func later(a, b int) int {
	x := 0
	if a < b { // want "builtin-minmax"
		x = a
	} else {
		x = b
	}
	max := x * 2
	return max
}
