// go-standards-test: go=1.20
package ranking

import "sort"

// Before Go 1.21 there is no slices package: nothing to suggest.
func old(xs []string, ys []int) {
	sort.Strings(xs)
	sort.Slice(ys, func(i, j int) bool { return ys[i] < ys[j] })
}
