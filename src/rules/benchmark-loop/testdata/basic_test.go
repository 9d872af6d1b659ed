package p

import "testing"

func BenchmarkCounted(b *testing.B) {
	data := make([]int, 100)
	for i := 0; i < b.N; i++ { // want "benchmark-loop"
		process(data)
	}
}

func BenchmarkRange(b *testing.B) {
	for range b.N { // want "benchmark-loop"
		process(nil)
	}
}

func BenchmarkRangeVar(b *testing.B) {
	for i := range b.N { // want "benchmark-loop"
		process(nil)
	}
}

// The loop variable is used: report, but offer no suggestion.
func BenchmarkUsesIndex(b *testing.B) {
	keys := []string{"a", "b"}
	for i := 0; i < b.N; i++ { // want "benchmark-loop"
		lookup(keys[i%len(keys)])
	}
}

func BenchmarkRedundantReset(b *testing.B) {
	setup()
	b.ResetTimer() // want "benchmark-loop"
	for b.Loop() {
		process(nil)
	}
}

// A differently named parameter.
func BenchmarkNamed(bb *testing.B) {
	for n := 0; n < bb.N; n++ { // want "benchmark-loop"
		process(nil)
	}
}

// Sub-benchmarks have their own *testing.B.
func BenchmarkSub(b *testing.B) {
	b.Run("small", func(b *testing.B) {
		for i := 0; i < b.N; i++ { // want "benchmark-loop"
			process(nil)
		}
	})
}

func process([]int) {}
func lookup(string) {}
func setup()        {}
