package p

import "slices"

type Node struct{ ID string }

// Removing the match by index is not a membership test.
func dropRoots(nodes []*Node, roots []*Node) []*Node {
	for _, n := range nodes {
		for i := range roots {
			if roots[i] == n {
				roots = append(roots[:i], roots[i+1:]...)
				break
			}
		}
	}
	return roots
}

// Index compared with -1 asks only "is it there": a membership test, advisory.
func unknown(ids []string, known []string) []string {
	var out []string
	for _, id := range ids {
		if slices.Index(known, id) == -1 { // want-advisory "nested-linear-search"
			out = append(out, id)
		}
	}
	return out
}

// The position is used as a rank: not reported.
func ranks(ids []string, order []string) []int {
	r := make([]int, 0, len(ids))
	for _, id := range ids {
		r = append(r, slices.Index(order, id)+1)
	}
	return r
}
