// go-standards-test: go=1.24

//go:build !go1.21

// A fallback for toolchains without the built-ins: it never builds under this module's Go,
// and deleting it is not the advice to give.
package compat

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}
