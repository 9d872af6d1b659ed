package dedupe

const maxComponents = 4

type component struct {
	c, h, v uint8
}

type decoder struct {
	nComp int
	comp  [maxComponents]component
}

// An array has a fixed number of elements: the pair scan is constant work.
func (d *decoder) checkComponents() error {
	for i := 0; i < d.nComp; i++ {
		for j := 0; j < i; j++ {
			if d.comp[i].c == d.comp[j].c {
				return errRepeated
			}
		}
	}
	return nil
}

// The author kept the pair scan for small inputs and uses a map otherwise.
func hasDuplicateSettings(ids []uint16) bool {
	num := len(ids)
	if num < 10 {
		for i := 0; i < num; i++ {
			idi := ids[i]
			for j := i + 1; j < num; j++ {
				idj := ids[j]
				if idi == idj {
					return true
				}
			}
		}
		return false
	}
	seen := map[uint16]bool{}
	for _, id := range ids {
		if seen[id] {
			return true
		}
		seen[id] = true
	}
	return false
}

func smallPathAfterEarlyReturn(xs []string) bool {
	if len(xs) > 16 {
		return viaMap(xs)
	}
	for i := range xs {
		for j := i + 1; j < len(xs); j++ {
			if xs[i] == xs[j] {
				return true
			}
		}
	}
	return false
}

func bySwitch(xs []string) bool {
	switch {
	case len(xs) <= 8:
		for i := range xs {
			for j := i + 1; j < len(xs); j++ {
				if xs[i] == xs[j] {
					return true
				}
			}
		}
		return false
	default:
		return viaMap(xs)
	}
}

type field struct{ Name string }

// A comment says the size was considered.
func checkPseudos(pf []field) error {
	for i, hf := range pf {
		// Check for duplicates.
		// This would be a bad algorithm, but N is 4.
		for _, hf2 := range pf[:i] {
			if hf.Name == hf2.Name {
				return errRepeated
			}
		}
	}
	return nil
}

// A comment giving the reason.
func fewHeaders(hs []string) bool {
	for i := range hs {
		// Quadratic, but fine: a request carries a handful of entries.
		for j := i + 1; j < len(hs); j++ {
			if hs[i] == hs[j] {
				return true
			}
		}
	}
	return false
}

// Small literal collections.
func literal() bool {
	xs := [...]string{"a", "b", "c"}
	for i := range xs {
		for j := i + 1; j < len(xs); j++ {
			if xs[i] == xs[j] {
				return true
			}
		}
	}
	return false
}

func constantBound(grid [][]int) bool {
	for i := 0; i < 3; i++ {
		for j := i + 1; j < 3; j++ {
			if grid[i][0] == grid[j][0] {
				return true
			}
		}
	}
	return false
}

// Not a duplicate test: a symmetry check ties both positions together.
func symmetric(m [][]float64) bool {
	for i := range m {
		for j := i + 1; j < len(m); j++ {
			if m[i][j] != m[j][i] {
				return false
			}
		}
	}
	return true
}

// A palindrome table needs both positions: no map replaces it.
func longestPalindrome(s string, dp [][]bool) int {
	best := 1
	for i := len(s) - 1; i >= 0; i-- {
		for j := i + 1; j < len(s); j++ {
			if s[i] == s[j] && (j-i < 3 || dp[i+1][j-1]) {
				dp[i][j] = true
				best = max(best, j-i+1)
			}
		}
	}
	return best
}

func palindromeCounted(s string, dp [][]bool) int {
	n := 0
	for i := 0; i < len(s); i++ {
		for j := i + 1; j < len(s); j++ {
			if s[i] == s[j] && dp[i+1][j-1] {
				n++
			}
		}
	}
	return n
}

// An equality matrix needs every pair.
func equalityMatrix(xs []int, eq [][]bool) {
	for i := range xs {
		for j := i + 1; j < len(xs); j++ {
			eq[i][j] = xs[i] == xs[j]
		}
	}
}

// Ordering, not equality.
func bubble(xs []int) {
	for i := 0; i < len(xs); i++ {
		for j := i + 1; j < len(xs); j++ {
			if xs[j] < xs[i] {
				xs[i], xs[j] = xs[j], xs[i]
			}
		}
	}
}

// Two different collections: nested-linear-search's business.
func common(a, b []string) int {
	n := 0
	for i := range a {
		for j := i + 1; j < len(b); j++ {
			if a[i] == b[j] {
				n++
			}
		}
	}
	return n
}

// Runs of equal values in sorted data: the inner loop stops at the first mismatch.
func runs(sorted []int) [][2]int {
	var out [][2]int
	for i := 0; i < len(sorted); i++ {
		for j := i + 1; j < len(sorted); j++ {
			if sorted[i] == sorted[j] {
				out = append(out, [2]int{i, j})
				continue
			}
			break
		}
	}
	return out
}

// Adjacent elements only.
func adjacent(xs []int) bool {
	for i := range xs {
		for j := i + 1; j < len(xs); j++ {
			if xs[j] == xs[j-1] {
				return true
			}
		}
	}
	return false
}

// The closure may run once.
func inClosure(xs []int) func() bool {
	for i := range xs {
		return func() bool {
			for j := i + 1; j < len(xs); j++ {
				if xs[i] == xs[j] {
					return true
				}
			}
			return false
		}
	}
	return nil
}

// Counting every element against every element (itself included) is not the pair form.
func counts(xs []string) []int {
	out := make([]int, len(xs))
	for i := range xs {
		for j := range xs {
			if xs[i] == xs[j] {
				out[i]++
			}
		}
	}
	return out
}

func viaMap([]string) bool { return false }

var errRepeated error
