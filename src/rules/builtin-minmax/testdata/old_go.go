// go-standards-test: go=1.20
package layout

import "math"

// No built-in min and max before Go 1.21: nothing is reported.
func oldMax(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func oldPick(a, b int) int {
	var x int
	if a < b {
		x = a
	} else {
		x = b
	}
	return x
}

func oldMath(a float64) float64 { return math.Max(a, 0) }
