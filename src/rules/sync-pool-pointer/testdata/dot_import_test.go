package pool_test

import (
	. "sync"
	"testing"
)

func TestPoolValues(t *testing.T) {
	var p Pool
	name := "grüße"
	p.Put(name) // want-advisory "sync-pool-pointer"
	if p.Get() == nil {
		t.Fatal("empty")
	}
	q := &Pool{}
	buf := make([]byte, 0, 16)
	q.Put(&buf)
}
