// go-standards-test: go=1.23
package p

import "testing"

// The module is on Go 1.23: b.Loop does not exist yet.
func BenchmarkOld(b *testing.B) {
	for i := 0; i < b.N; i++ {
		work2()
	}
}

func work2() {}
