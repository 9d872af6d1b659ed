package pool

import (
	"bytes"
	"sync"
)

// The standard's own shape: a pool of byte slices.
var bufPool = sync.Pool{
	New: func() any {
		return make([]byte, 0, 4096)
	},
}

func process(data []byte) int {
	buf := bufPool.Get().([]byte)
	defer func() {
		buf = buf[:0] // Reset length
		bufPool.Put(buf) // want "sync-pool-pointer"
	}()
	buf = append(buf, data...)
	return len(buf)
}

func resliced(data []byte) {
	b := bufPool.Get().([]byte)
	b = append(b, data...)
	bufPool.Put(b[:0]) // want "sync-pool-pointer"
}

// Type unknown from the declaration, but the pool hands out slices.
func fromHelper() {
	b := scratch()
	bufPool.Put(b) // want "sync-pool-pointer"
}

type entry struct {
	key   string
	value []byte
}

type cache struct {
	entries sync.Pool
	names   *sync.Pool
}

func (c *cache) release(e entry) {
	c.entries.Put(e) // want "sync-pool-pointer"
}

func (c *cache) releaseName(name string) {
	c.names.Put(name) // want "sync-pool-pointer"
}

var stringPool = &sync.Pool{}

func literal() {
	stringPool.Put(entry{key: "k"}) // want "sync-pool-pointer"
	stringPool.Put(make([]byte, 0, 512)) // want "sync-pool-pointer"
}

func local(p []byte) {
	var pool sync.Pool
	var tmp [64]byte
	pool.Put(tmp) // want "sync-pool-pointer"
	pool.Put(p) // want "sync-pool-pointer"
}

type Buf []byte

func named(b Buf) {
	bufPool.Put(b) // want "sync-pool-pointer"
}

func buffers() *bytes.Buffer {
	var buf bytes.Buffer
	stringPool.Put(buf) // want "sync-pool-pointer"
	return nil
}

func scratch() []byte { return nil }

// Size classes: an array of pools handing out slices.
var chunkPools = [...]sync.Pool{
	{New: func() any { return make([]byte, 1<<10) }},
	{New: func() any { return make([]byte, 4<<10) }},
}

var classes = []int{1 << 10, 4 << 10}

func putChunk(p []byte) {
	for i, n := range classes {
		if len(p) == n {
			chunkPools[i].Put(p) // want "sync-pool-pointer"
			return
		}
	}
}

type pair struct{ a, b int }

func shortDeclared() {
	ids := []int{}
	p := sync.Pool{}
	p.Put(ids) // want "sync-pool-pointer"
	p.Put(&ids)
	p.Put(pair{}) // want "sync-pool-pointer"
	q := &sync.Pool{}
	go q.Put([]byte{}) // want "sync-pool-pointer"
	func() {
		defer q.Put(pair{1, 2}) // want "sync-pool-pointer"
	}()
	var n int
	q.Put(n) // want "sync-pool-pointer"
}
