// go-standards-test: go=1.24

//go:build !go1.19

// Built only by a Go older than the module allows: this file never compiles here, and nothing
// in it is reported.
package metrics

import "sync/atomic"

var legacyHits int64

func legacyHit() { atomic.AddInt64(&legacyHits, 1) }
