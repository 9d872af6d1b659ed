package counter

import (
	"runtime"
	"sync/atomic"
)

type Pool struct {
	free  atomic.Uint32
	users uint32
	ext   *External
}

// Unsigned subtraction: Add(^uint32(n-1)) is right but easy to get wrong; no suggestion.
func (p *Pool) Take(n uint32) {
	for { // want "cas-loop-add"
		old := p.free.Load()
		if p.free.CompareAndSwap(old, old-n) {
			return
		}
	}
}

// A back-off between tries: reported, but the loop holds more than the add.
func (p *Pool) Join() {
	for { // want "cas-loop-add"
		old := atomic.LoadUint32(&p.users)
		if atomic.CompareAndSwapUint32(&p.users, old, old+1) {
			break
		}
		runtime.Gosched()
	}
}

// The old value lives outside the loop.
func (p *Pool) Enter() {
	var old uint32
	for { // want "cas-loop-add"
		old = p.free.Load()
		if p.free.CompareAndSwap(old, old+1) {
			break
		}
	}
	_ = old
}

// A receiver whose type the file does not show.
func (p *Pool) Ext() {
	for { // want "cas-loop-add"
		old := p.ext.count.Load()
		if p.ext.count.CompareAndSwap(old, old+1) {
			break
		}
	}
}

// Returning the old value.
func (p *Pool) Ticket() uint32 {
	for { // want "cas-loop-add"
		old := p.free.Load()
		if p.free.CompareAndSwap(old, old+1) {
			return old
		}
	}
}
