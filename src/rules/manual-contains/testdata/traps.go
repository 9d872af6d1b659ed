package perms

import "slices"

type Item struct {
	ID   int
	Name string
}

// A map, a string, a channel: they range the same way but are not slices.
func inMap(m map[string]int, key string) bool {
	for k := range m {
		if k == key {
			return true
		}
	}
	return false
}

func inString(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

func inChan(ch chan int, x int) bool {
	for v := range ch {
		if v == x {
			return true
		}
	}
	return false
}

// The element type is not known from this file.
func unknown(x string) bool {
	for _, v := range load() {
		if v == x {
			return true
		}
	}
	return false
}

func unknownVar(x string) bool {
	vs := load()
	for _, v := range vs {
		if v == x {
			return true
		}
	}
	return false
}

// Another package's function: its result type is not known.
func fromCall(x string) bool {
	for _, v := range other.Names(x) {
		if v == x {
			return true
		}
	}
	return false
}

var other struct{ Names func(string) []string }

// A field of the element: slices.ContainsFunc, not Contains.
func byID(items []Item, id int) bool {
	for _, it := range items {
		if it.ID == id {
			return true
		}
	}
	return false
}

// The loop does more than search.
func counted(xs []int, x int) bool {
	n := 0
	for _, v := range xs {
		n++
		if v == x {
			return true
		}
	}
	return n > 100
}

// The needle is a call: evaluated once per element in the loop.
func calls(xs []string, next func() string) bool {
	for _, v := range xs {
		if v == next() {
			return true
		}
	}
	return false
}

// Index with the wrong sentinel, or returning the element.
func sentinel(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return len(xs)
}

func element(xs []string, x string) string {
	for _, v := range xs {
		if v == x {
			return v
		}
	}
	return ""
}

// Assigning, not declaring, the loop variable.
func assigned(xs []string, x string) bool {
	var v string
	for _, v = range xs {
		if v == x {
			return true
		}
	}
	return false
}

// An array is not a slice argument.
func inArray(xs [4]int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// Not equality.
func anyAbove(xs []int, x int) bool {
	for _, v := range xs {
		if v > x {
			return true
		}
	}
	return false
}

func load() []string { return nil }

var _ = slices.Max[[]int]
