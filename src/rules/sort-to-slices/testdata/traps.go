package ranking

import (
	"slices"
	"sort"
	"strings"
)

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

// sort.Sort with a sort.Interface is not one of the forms.
func lengths(words []string) {
	sort.Sort(byLen(words))
	sort.Stable(sort.Reverse(sort.StringSlice(words)))
}

// The less function reads another slice by index: slices.SortFunc cannot express it.
func parallel(keys []string, scores []int) {
	sort.Slice(keys, func(i, j int) bool { return scores[i] < scores[j] })
}

// Indexes used as numbers.
func byIndex(xs []string) {
	sort.SliceStable(xs, func(i, j int) bool { return i > j })
}

// A less function from elsewhere.
func external(xs []int, less func(i, j int) bool) {
	sort.Slice(xs, less)
}

// Searching is not sorting.
func find(xs []int, x int) int {
	return sort.SearchInts(xs, x)
}

// A local value named sort is not the package.
func local(xs []int) {
	sort := sorter{}
	sort.Ints(xs)
}

type sorter struct{}

func (sorter) Ints([]int) {}

var _ = slices.Max[[]int]

type ParseError struct {
	Fields []string
}

// Formatting an error runs once per failure: advisory.
func (e *ParseError) Error() string {
	sort.Slice(e.Fields, func(i, j int) bool { return e.Fields[i] < e.Fields[j] }) // want-advisory "sort-to-slices"
	return "bad fields: " + strings.Join(e.Fields, ", ")
}
