package traps

import (
	"bytes"
	"sync"
)

var slicePool = sync.Pool{
	New: func() any {
		b := make([]byte, 0, 4096)
		return &b
	},
}

func pointerToSlice(data []byte) {
	bp := slicePool.Get().(*[]byte)
	*bp = append((*bp)[:0], data...)
	slicePool.Put(bp)
}

func addressOf() {
	b := make([]byte, 0, 64)
	slicePool.Put(&b)
}

var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func buffer() {
	buf := bufferPool.Get().(*bytes.Buffer)
	buf.Reset()
	bufferPool.Put(buf)
}

type encoder struct{ scratch [64]byte }

var encPool = sync.Pool{New: func() any { return &encoder{} }}

func encode() {
	e := encPool.Get().(*encoder)
	encPool.Put(e)
	encPool.Put(&encoder{})
}

// A map is already pointer-shaped: no allocation on Put.
func maps() {
	m := map[string]int{}
	encPool.Put(m)
}

// Unknown types stay silent.
func unknown(x any, v Value) {
	encPool.Put(x)
	encPool.Put(v)
	encPool.Put(get())
}

// Not a sync.Pool: someone else's Put.
type store struct{}

func (store) Put(v any) {}

func other(s store, b []byte) {
	s.Put(b)
	var local store
	local.Put("x")
}

// A generic wrapper: T is unknown.
type Pool[T any] struct{ p sync.Pool }

func (p *Pool[T]) Put(x T) { p.p.Put(x) }

func get() any { return nil }

// Constants are boxed from static data: no allocation.
func constants() {
	encPool.Put("")
	encPool.Put("fallback")
}

// The interface it implements (httputil.BufferPool) fixes Get/Put to []byte.
type bufferPool struct {
	pool sync.Pool
}

func (b *bufferPool) Get() []byte {
	return b.pool.Get().([]byte)
}

func (b *bufferPool) Put(buf []byte) {
	b.pool.Put(buf)
}
