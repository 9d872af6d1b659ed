package access

import (
	"regexp"
	"slices"
)

type Node struct {
	Name     string
	Children []string
}

var methods = []string{"GET", "HEAD", "OPTIONS"}

// Small constant literals: a scan of a handful of elements beats hashing.
func safeMethods(reqs []string) int {
	n := 0
	for _, m := range reqs {
		if slices.Contains(methods, m) {
			n++
		}
		if slices.Contains([]string{"PUT", "POST"}, m) {
			n--
		}
	}
	return n
}

func localLiteral(exts []string) []string {
	images := []string{".png", ".jpg", ".gif"}
	var out []string
	for _, e := range exts {
		for _, img := range images {
			if img == e {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// Arrays have a fixed size.
func inArray(xs []int, table [8]int) int {
	n := 0
	for _, x := range xs {
		if slices.Contains(table[:], x) {
			n++
		}
	}
	return n
}

// The searched slice belongs to the outer element: nothing to hoist.
func childNamed(nodes []Node, name string) *Node {
	for i := range nodes {
		for _, c := range nodes[i].Children {
			if c == name {
				return &nodes[i]
			}
		}
	}
	return nil
}

func perNode(nodes []Node, names []string) int {
	n := 0
	for _, nd := range nodes {
		if slices.Contains(nd.Children, nd.Name) {
			n++
		}
	}
	return n
}

// Counting every match is a join, not a membership test.
func occurrences(xs, ys []int) int {
	n := 0
	for _, x := range xs {
		for _, y := range ys {
			if y == x {
				n++
			}
		}
	}
	return n
}

// Matching patterns, not comparing values: no map replaces it.
func permitted(args []string, valid []*regexp.Regexp) bool {
Args:
	for _, arg := range args {
		for _, re := range valid {
			if re.FindString(arg) == arg {
				continue Args
			}
		}
		return false
	}
	return true
}

// The compared value does not change with the outer loop: hoist it, but it is not O(n·m).
func invariant(rows [][]int, ids []int, target int) int {
	n := 0
	for range rows {
		for _, id := range ids {
			if id == target {
				n++
				break
			}
		}
	}
	return n
}

// The outer loop runs a constant number of times.
func fewKeys(headers []string) bool {
	for _, k := range []string{"Host", "Date"} {
		if !slices.Contains(headers, k) {
			return false
		}
	}
	return true
}

// A guard keeps the scan for small inputs.
func guarded(xs, small []string) int {
	if len(small) > 8 {
		return viaSet(xs, small)
	}
	n := 0
	for _, x := range xs {
		if slices.Contains(small, x) {
			n++
		}
	}
	return n
}

// The author says the scan is deliberate.
func acknowledged(stores []int, isVolatile func(int) bool) []int {
	// It is unlikely to have more than one of them. Just do a linear
	// search instead of using a map.
	var volatiles []int
	for _, w := range stores {
		if isVolatile(w) {
			for _, v := range volatiles {
				if v == w {
					return nil
				}
			}
			volatiles = append(volatiles, w)
		}
	}
	return volatiles
}

// Characters of a string, a map's keys: not a slice to turn into a set.
func trim(s string, cutset string) int {
	n := 0
	for _, c := range s {
		for _, r := range cutset {
			if c == r {
				n++
				break
			}
		}
	}
	return n
}

func keys(xs []string, m map[string]int) bool {
	for _, x := range xs {
		for k := range m {
			if k == x {
				return true
			}
		}
	}
	return false
}

// Both loops over the same slice: quadratic-duplicates' business.
func selfPairs(xs []string) bool {
	for i, x := range xs {
		for _, y := range xs {
			if x == y {
				_ = i
				break
			}
		}
	}
	return false
}

// Not inside a loop, or inside a closure the loop only creates.
func once(xs []string, x string) bool {
	return slices.Contains(xs, x)
}

func closures(xs []string, names []string) []func() bool {
	var fs []func() bool
	for _, n := range names {
		fs = append(fs, func() bool { return slices.Contains(xs, n) })
	}
	return fs
}

// The inner loop does more than test membership.
func logged(xs, ys []int, log func(int)) {
	for _, x := range xs {
		for _, y := range ys {
			log(y)
			if y == x {
				break
			}
		}
	}
}

func withElse(xs, ys []int) (same, diff int) {
	for _, x := range xs {
		for _, y := range ys {
			if y == x {
				same++
				break
			} else {
				diff++
			}
		}
	}
	return
}

func viaSet(xs, set []string) int { return 0 }
