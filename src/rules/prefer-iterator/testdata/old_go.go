// go-standards-test: go=1.22
package registry

type Bag struct {
	xs []int
}

// Go 1.22 has no range-over-func: the rule does not run.
func (b *Bag) ForEach(fn func(int)) {
	for _, x := range b.xs {
		fn(x)
	}
}
