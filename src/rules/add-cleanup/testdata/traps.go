package fdcache

import (
	rt "runtime"

	"example.com/finalizers"
)

type conn struct{ id int }

// A finalizer through an aliased import is still a finalizer.
func track(c *conn) {
	rt.SetFinalizer(c, func(c *conn) { release(c.id) }) // want "add-cleanup"
}

// Not the runtime package.
func other(c *conn) {
	finalizers.SetFinalizer(c, func(c *conn) {})
}

// A local value named like the package.
func shadowed(c *conn) {
	rt := registry{}
	rt.SetFinalizer(c, func(any) {})
}

type registry struct{}

func (registry) SetFinalizer(any, any) {}

func release(int) {}

// Sûreté : « finaliseur » ünïcödé 日本語 must not shift columns.
func unicodeNames(café *conn) {
	rt.SetFinalizer(café, func(c *conn) { release(c.id) }) // want "add-cleanup"
}
