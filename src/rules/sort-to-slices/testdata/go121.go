// go-standards-test: go=1.21
package ranking

import (
	"slices"
	"sort"
)

// On Go 1.21 sort.Strings still sorts through sort.Interface.
func go121(xs []string) {
	sort.Strings(xs) // want "sort-to-slices"
	_ = slices.Contains(xs, "")
	_ = sort.SearchStrings(xs, "")
}
