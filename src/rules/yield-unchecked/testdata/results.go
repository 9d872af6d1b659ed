// go-standards-test: go=1.23
package seq

import (
	"bufio"
	"io"
	"iter"
)

// `||` goes on to the next call exactly when the previous one returned false.
func pairs(yield func(string) bool) {
	_ = yield("left") || // want "yield-unchecked"
		yield("right")
}

func triple(yield func(int, int) bool) {
	_ = yield(1, 1) || yield(2, 2) || yield(3, 3) // want "yield-unchecked" "yield-unchecked"
}

// `&&` stops at the first false: fine.
func both(yield func(string) bool) {
	_ = yield("left") && yield("right")
}

// A result stored and not read before the next call.
func logged(yield func(int) bool) bool {
	first := yield(1) // want "yield-unchecked"
	yield(2)
	return first
}

// Checked, but the branch for false calls yield again.
func fallback(yield func(string) bool) {
	ok := yield("primary") // want "yield-unchecked"
	if !ok {
		yield("secondary")
	}
}

func fallbackElse(yield func(string) bool) {
	ok := yield("primary") // want "yield-unchecked"
	if ok {
		return
	} else {
		yield("secondary")
	}
}

// Breaking out on false, then yielding again below the loop.
func Lines(r io.ReadCloser) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if !yield(sc.Text(), nil) { // want "yield-unchecked"
				_ = r.Close()
				break
			}
		}
		if err := sc.Err(); err != nil {
			yield("", err)
		}
	}
}

// Stored and checked before anything else: fine.
func checked(yield func(int) bool) {
	ok := yield(1)
	if !ok {
		return
	}
	yield(2)
}

// Stored in a loop guarded by the same flag: the next call only runs while it is true.
func guarded(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		more := true
		for i := range n {
			if more {
				more = yield(i)
			}
		}
	}
}

// Chained with && into the flag: each call runs only after the previous returned true.
func accumulate(yield func(int) bool) {
	ok := yield(1)
	ok = ok && yield(2)
	_ = ok && yield(3)
}

// Breaking out on false with nothing after the loop: fine.
func Words(r io.Reader) iter.Seq[string] {
	return func(yield func(string) bool) {
		sc := bufio.NewScanner(r)
		sc.Split(bufio.ScanWords)
		for sc.Scan() {
			if !yield(sc.Text()) {
				break
			}
		}
	}
}
