package p

import "strings"

// Every way of writing an empty slice before the loop that fills it.

func lowerAll(words []string) []string {
	var lowered = []string{} // want "prealloc-slice"
	for _, w := range words {
		lowered = append(lowered, strings.ToLower(w))
	}
	return lowered
}

func lengths(words []string) []int {
	var ns = make([]int, 0) // want "prealloc-slice"
	for _, w := range words {
		ns = append(ns, len(w))
	}
	return ns
}

func ids(rows [][2]int) []int {
	out := []int(nil) // want "prealloc-slice"
	for _, r := range rows {
		out = append(out, r[0])
	}
	return out
}

func firstColumn(rows [][2]int) []int {
	var col = []int(nil) // want "prealloc-slice"
	for _, r := range rows {
		col = append(col, r[1])
	}
	return col
}

// A range over a string literal runs once per rune: at most len of the literal times.
func vowelOffsets() []int {
	var at []int // want "prealloc-slice"
	for i := range "aeiouy" {
		at = append(at, i)
	}
	return at
}

func runesOf() []rune {
	rs := make([]rune, 0) // want "prealloc-slice"
	for _, r := range `héllo` {
		rs = append(rs, r)
	}
	return rs
}

// A break inside a switch leaves the switch, not the loop: every iteration still appends.
func tagged(words []string) []string {
	var out []string // want "prealloc-slice"
	for _, w := range words {
		switch w {
		case "":
			break
		}
		out = append(out, w)
	}
	return out
}

// Not empty: the slice already holds elements, or already has a length.
func withSeed(words []string) []string {
	var out = []string{"header"}
	for _, w := range words {
		out = append(out, w)
	}
	return out
}

func withLength(words []string) []string {
	var out = make([]string, 2)
	for _, w := range words {
		out = append(out, w)
	}
	return out
}

// A channel says nothing about how many values will come.
func drain(ch <-chan string) []string {
	var out = []string(nil)
	for w := range ch {
		out = append(out, w)
	}
	return out
}
