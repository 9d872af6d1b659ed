package ranking

import (
	"cmp"
	"slices"
	"sort"
)

// The element type is not written anywhere in this file: no suggestion for a comparator.
func fromElsewhere(load func() []Entry) []Entry {
	entries := load()
	sort.Slice(entries, func(i, j int) bool { return entries[i].Weight < entries[j].Weight }) // want-advisory "sort-to-slices"
	return entries
}

// Ordered elements need no type for slices.Sort.
func plain(load func() []string) []string {
	xs := load()
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] }) // want "sort-to-slices"
	return xs
}

// A local variable named cmp hides the package.
func shadowedCmp(ws []Weighted) {
	cmp := 0
	sort.Slice(ws, func(i, j int) bool { return ws[i].W < ws[j].W }) // want "sort-to-slices"
	_ = cmp
}

type Weighted struct{ W int }

var (
	_ = cmp.Less[int]
	_ = slices.Max[[]int]
	_ = sort.Search
)
