// go-standards-test: go=1.23
package fdcache

import "runtime"

type handle struct{ fd int }

// runtime.AddCleanup does not exist before Go 1.24: not reported.
func newHandle(fd int) *handle {
	h := &handle{fd: fd}
	runtime.SetFinalizer(h, func(h *handle) { closeFD(h.fd) })
	return h
}

func closeFD(int) {}
