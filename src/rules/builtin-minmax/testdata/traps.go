package layout

import (
	"math"
	"sort"
)

type Celsius float64

type Sample struct {
	Value float64
	Count int
}

type Vec struct{ X, Y int }

type Counter struct{ n int }

func next() int    { return 0 }
func bound() int   { return 0 }
func ch() chan int { return nil }

// Operands with side effects: the if evaluates them twice, the built-in once.
func sideEffects(b int, c chan int) int {
	var x int
	if next() < bound() {
		x = next()
	} else {
		x = bound()
	}
	if <-c < b {
		x = <-c
	} else {
		x = b
	}
	return x
}

// Method calls may have side effects too.
func methods(s sort.IntSlice, n int) int {
	var x int
	if s.Len() < n {
		x = s.Len()
	} else {
		x = n
	}
	return x
}

// Assigned values are not the compared operands (<= mixed with other operands).
func notAMinimum(x, y, c int) int {
	if x <= 0 {
		y = 30
	} else {
		y = x
	}
	if x <= y {
		c = x
	} else {
		c = y - 1
	}
	if x < y {
		c = x + 1
	} else {
		c = y
	}
	return c
}

// Different variables in the two branches.
func twoTargets(a, b int) (lo, hi int) {
	if a < b {
		lo = a
	} else {
		hi = b
	}
	return
}

// Floats: NaN makes the if/else differ from the built-in.
func floats(a, b float64, s Sample, t Celsius, u Celsius) float64 {
	var x float64
	if a < b {
		x = a
	} else {
		x = b
	}
	if s.Value > a {
		x = s.Value
	} else {
		x = a
	}
	var c Celsius
	if t < u {
		c = t
	} else {
		c = u
	}
	y := math.Sqrt(a)
	if b > y {
		y = b
	}
	z := a * 0.5
	if z < 1.5 {
		z = 1.5
	}
	return x + y + z + float64(c)
}

func floatHelper(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}

func genericFloat[T ~float32 | ~float64](a, b T) T {
	if a < b {
		return a
	}
	return b
}

// Methods are API: not reported.
func (c Counter) max(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func (v Vec) Min(o Vec) Vec {
	if v.X < o.X {
		return v
	}
	return o
}

// Pattern 2 with an else branch, a compound assignment, or an init statement.
func notPattern2(x int) int {
	y := x
	if y < 0 {
		y = 0
	} else {
		y += 2
	}
	z := 1
	z += 2
	if x > z {
		z = x
	}
	w := 1
	if v := 2; v < w {
		w = v
	}
	return y + z + w
}

// The compared value reads x after its first assignment.
func readsX(a int) int {
	x := a
	if x > x/2 {
		x = x / 2
	}
	return x
}

// An else-if arm, and the blank identifier.
func chains(a, b, c int) int {
	var x int
	if c == 0 {
		x = c
	} else if a < b {
		x = a
	} else {
		x = b
	}
	if a > b {
		_ = a
	}
	return x
}

// A lone if without the initial assignment is not one of the catalog's forms.
func running(vals []int) int {
	best := 0
	for _, v := range vals {
		best += v
		if v > best {
			best = v
		}
	}
	return best
}

// Function literals and helpers with other shapes.
func literals() func(int, int) int {
	f := func(a, b int) int {
		if a > b {
			return a
		}
		return b
	}
	return f
}

func notHelper(a, b int) int {
	if a < 0 {
		return b
	}
	return a
}

func threeParams(a, b, c int) int {
	if a < b {
		return a
	}
	return b
}

func overflowing(a, b int) int {
	return a + ((a - b) & ((a - b) >> 63))
}

// Floats known from a declared type, a ranged slice, or an indexed slice.
func floatDecls(a, b float64, xs []float64, ys ...float32) float64 {
	var m float64 = a
	if b > m {
		m = b
	}
	var lo float64
	for _, v := range xs {
		if v < b {
			lo = v
		} else {
			lo = b
		}
	}
	var hi float64
	if xs[0] > xs[1] {
		hi = xs[0]
	} else {
		hi = xs[1]
	}
	var z float32
	if ys[0] < ys[1] {
		z = ys[0]
	} else {
		z = ys[1]
	}
	return m + lo + hi + float64(z)
}
