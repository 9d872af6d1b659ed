package cache

import "sync"

type Celsius float64

var ids sync.Pool

// Numbers declared in the file are boxed on every Put, like slices and structs.
func recycle(last int64, ratio float64, temp Celsius) {
	ids.Put(last)  // want "sync-pool-pointer"
	ids.Put(ratio) // want "sync-pool-pointer"
	ids.Put(temp)  // want "sync-pool-pointer"
	var count uint32
	count++
	ids.Put(count) // want "sync-pool-pointer"
}

// A bool never allocates, and a constant is boxed from static data: nothing to say.
func flags(done bool) {
	ids.Put(done)
	ids.Put(42)
	const limit = 1 << 20
	ids.Put(limit)
}

// Pointers to numbers are what the pool should hold.
func pointers(n *int64) {
	ids.Put(n)
	v := int64(7)
	ids.Put(&v)
}
