package access

import xslices "golang.org/x/exp/slices"

// The experimental package under another name is the same scan.
func known(ids []int64, registry []int64) int {
	n := 0
	for _, id := range ids {
		if xslices.Contains(registry, id) { // want-advisory "nested-linear-search"
			n++
		}
	}
	return n
}

// A local function called slices is not the package.
func local(ids []int64, registry []int64) int {
	n := 0
	for _, id := range ids {
		if slices.Contains(registry, id) {
			n++
		}
	}
	return n
}

type finder struct{}

func (finder) Contains(xs []int64, x int64) bool { return false }

var slices finder
