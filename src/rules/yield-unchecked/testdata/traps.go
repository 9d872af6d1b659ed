package store

import "iter"

type Pair struct {
	a, b int
}

// A final yield followed only by the end of the iterator.
func (p Pair) First() iter.Seq[int] {
	return func(yield func(int) bool) {
		yield(p.a)
	}
}

// A final yield followed by return.
func (p Pair) Found(target int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for _, v := range []int{p.a, p.b} {
			if v == target {
				yield(v)
				return
			}
		}
	}
}

// Checked results.
func (p Pair) Both() iter.Seq[int] {
	return func(yield func(int) bool) {
		if !yield(p.a) {
			return
		}
		yield(p.b)
	}
}

// A yield followed by break out of the only loop, then nothing.
func (p Pair) FirstPositive() iter.Seq[int] {
	return func(yield func(int) bool) {
		for _, v := range []int{p.a, p.b} {
			if v > 0 {
				yield(v)
				break
			}
		}
	}
}

// The result is used.
func (p Pair) Used() iter.Seq[int] {
	return func(yield func(int) bool) {
		for _, v := range []int{p.a, p.b} {
			ok := yield(v)
			if !ok {
				return
			}
		}
	}
}

// A predicate callback, not an iterator: a function declaration whose parameter is not named yield.
func Filter(xs []int, keep func(int) bool) []int {
	var out []int
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// A nested iterator with its own yield: the outer function does not own the inner calls.
func Pairs(ps []Pair) iter.Seq[iter.Seq[int]] {
	return func(yield func(iter.Seq[int]) bool) {
		for _, p := range ps {
			inner := func(yield func(int) bool) {
				yield(p.a)
			}
			if !yield(inner) {
				return
			}
		}
	}
}

// A yield in a final else branch, after which the iterator ends.
func (p Pair) Either(first bool) iter.Seq[int] {
	return func(yield func(int) bool) {
		if first {
			yield(p.a)
		} else {
			yield(p.b)
		}
	}
}
