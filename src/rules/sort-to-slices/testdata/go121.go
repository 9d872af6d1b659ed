// go-standards-test: go=1.21
package ranking

import (
	"slices"
	"sort"
)

// sort.Strings, sort.Ints and sort.Float64s are not reported, whatever the Go version:
// since Go 1.22 they forward to slices.Sort, and the gain before that is small.
func go121(xs []string, ns []int, fs []float64) {
	sort.Strings(xs)
	sort.Ints(ns)
	sort.Float64s(fs)
	_ = slices.Contains(xs, "")
	_ = sort.SearchStrings(xs, "")
}
