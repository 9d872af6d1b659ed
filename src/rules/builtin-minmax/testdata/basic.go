package layout

import (
	"math"
	"strings"
	"time"
)

type Box struct {
	lo, hi int
}

func pick(a, b int) int {
	var x int
	if a < b { // want "builtin-minmax"
		x = a
	} else {
		x = b
	}
	return x
}

func larger(a, b int64) (x int64) {
	if a >= b { // want "builtin-minmax"
		x = a
	} else {
		x = b
	}
	return
}

func reversed(a, b int) int {
	var x int
	if a < b { // want "builtin-minmax"
		x = b
	} else {
		x = a
	}
	return x
}

func window(buf []byte, start, size int) []byte {
	end := start + size
	if end > len(buf) { // want "builtin-minmax"
		end = len(buf)
	}
	return buf[start:end]
}

func truncate(s string, limit int) string {
	n := len(s)
	if n > limit { // want "builtin-minmax"
		n = limit
	}
	return s[:n]
}

func atLeast(d, floor time.Duration) time.Duration {
	var wait time.Duration = d
	if floor > wait { // want "builtin-minmax"
		wait = floor
	}
	return wait
}

func best(scores []int, cur, cand int) int {
	b := 0
	b = cur
	if cand < b { // want "builtin-minmax"
		b = cand
	}
	return b + len(scores)
}

func (bx *Box) union(a, b Box) {
	if a.lo < b.lo { // want "builtin-minmax"
		bx.lo = a.lo
	} else {
		bx.lo = b.lo
	}
}

func firstName(a, b string) string {
	var first string
	if a <= b { // want "builtin-minmax"
		first = a
	} else {
		first = b
	}
	return strings.ToLower(first)
}

func columnWidths(rows [][]string, widths []int, limit int) {
	for _, row := range rows {
		for i, cell := range row {
			if len(cell) > limit { // want "builtin-minmax"
				widths[i] = limit
			} else {
				widths[i] = len(cell)
			}
		}
	}
}

func rms(xs []float64) float64 {
	var sum float64
	for _, x := range xs {
		sum += x * x
	}
	return math.Max(math.Sqrt(sum), 0) // want "builtin-minmax"
}

func ratio(hits, total float64) float64 {
	return math.Min(hits/total, 1) // want "builtin-minmax"
}

func clampUnit(v float64) float64 {
	return math.Max(math.Min(v, 1), 0) // want "builtin-minmax"
}
