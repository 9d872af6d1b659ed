package p

import "testing"

// RunParallel bodies iterate with pb.Next(): not reported.
func BenchmarkParallel(b *testing.B) {
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			work()
		}
	})
}

// b.N sizes the input: b.Loop would not set it.
func BenchmarkSized(b *testing.B) {
	data := make([]int, b.N)
	for i := 0; i < b.N; i++ {
		data[i] = i
	}
}

// A b.N loop nested in another loop.
func BenchmarkNested(b *testing.B) {
	for _, size := range []int{1, 10} {
		for i := 0; i < b.N; i++ {
			workN(size)
		}
	}
}

// Not a benchmark: a helper that takes something else.
func helper(t *testing.T, n int) {
	for i := 0; i < n; i++ {
		work()
	}
}

// b.N in the body.
func BenchmarkReportsN(b *testing.B) {
	for i := 0; i < b.N; i++ {
		workN(b.N)
	}
}

// ResetTimer followed by other statements before the loop is meaningful.
func BenchmarkResetThenSetup(b *testing.B) {
	b.ResetTimer()
	work()
	for b.Loop() {
		work()
	}
}

// Counting loops that are not `< b.N` from zero by one.
func BenchmarkOdd(b *testing.B) {
	for i := 1; i <= b.N; i++ {
		work()
	}
}

func work()     {}
func workN(int) {}

// The counter batches the work (a flush every 64 writes): b.Loop has no counter to give. Not reported.
func BenchmarkBatchedWrites(b *testing.B) {
	w := newWriter()
	for i := 0; i < b.N; i++ {
		w.write(i)
		if i%64 == 63 {
			w.flush()
		}
	}
}

// Per-iteration setup kept out of the timing with StopTimer/StartTimer: advisory, no fix.
func BenchmarkRebuild(b *testing.B) {
	for i := 0; i < b.N; i++ { // want-advisory "benchmark-loop"
		b.StopTimer()
		w := newWriter()
		b.StartTimer()
		w.flush()
	}
}

type writer struct{ n int }

func newWriter() *writer      { return &writer{} }
func (w *writer) write(v int) { w.n += v }
func (w *writer) flush()      { w.n = 0 }
