// go-standards-test: go=1.23
package cache

import "runtime/arena"

// Before Go 1.24 there is no package weak to point to: not reported.
func scratchOld() *arena.Arena { return arena.NewArena() }
