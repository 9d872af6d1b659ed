package p

// Slice types declared in the file: make(T, 0, n) works for them as for []T.
type IDs []int

type Names = []string

func collect(rows [][2]int) IDs {
	var out IDs // want "prealloc-slice"
	for _, r := range rows {
		out = append(out, r[0])
	}
	return out
}

func labels(m map[string]int) Names {
	out := Names{} // want "prealloc-slice"
	for k := range m {
		out = append(out, k)
	}
	return out
}

func fromMake(rows [][2]int) IDs {
	out := make(IDs, 0) // want "prealloc-slice"
	for _, r := range rows {
		out = append(out, r[1])
	}
	return out
}

func fromNil(n int) IDs {
	var out = IDs(nil) // want "prealloc-slice"
	for i := range n {
		out = append(out, i)
	}
	return out
}

func local(words []string) int {
	type lengths []int
	var ls lengths // want "prealloc-slice"
	for _, w := range words {
		ls = append(ls, len(w))
	}
	return len(ls)
}

// Not slices, or not known to be.
type Set map[int]bool

type Pair struct{ a, b int }

func notSlices(rows [][2]int, other Remote) {
	var s Set
	_ = s
	var p Pair
	_ = p
	var r Remote
	for _, row := range rows {
		r = append(r, row[0])
	}
	_ = other
}
