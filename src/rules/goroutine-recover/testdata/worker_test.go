package pool

import "testing"

// In a test a panic must fail the test: recovering it would hide the failure.
func TestDrainsQueue(t *testing.T) {
	jobs := make(chan func(), 4)
	done := make(chan struct{})
	go func() {
		for job := range jobs {
			job()
		}
		close(done)
	}()
	jobs <- func() {}
	close(jobs)
	<-done
}
