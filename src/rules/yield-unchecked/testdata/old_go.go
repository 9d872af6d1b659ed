// go-standards-test: go=1.22
package store

// Before Go 1.23 there is no range-over-func: the rule does not run.
func Each(xs []int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for _, x := range xs {
			yield(x)
		}
	}
}
