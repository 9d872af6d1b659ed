package ranking

import "slices"

import "sort"

// The file's only use of sort: the rewrite would leave the import unused, so no suggestion.
func tidy(tags []string) []string {
	sort.Slice(tags, func(i, j int) bool { return tags[i] < tags[j] }) // want "sort-to-slices"
	return slices.Compact(tags)
}
