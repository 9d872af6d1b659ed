//go:build ignore

// A generator run by go generate: sorting here runs once per build, advisory.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
)

type code struct {
	Name string
	ID   int
}

func main() {
	codes := []code{{"b", 2}, {"a", 1}}
	sort.Slice(codes, func(i, j int) bool { return codes[i].ID < codes[j].ID }) // want-advisory "sort-to-slices"
	fmt.Println(codes, slices.Index([]int{1}, 1), cmp.Compare(1, 2), sort.IsSorted(nil))
}
