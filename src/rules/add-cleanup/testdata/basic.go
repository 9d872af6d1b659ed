package fdcache

import (
	"os"
	"runtime"
	"syscall"
)

type File struct {
	fd   int
	name string
}

func newFile(fd int, name string) *File {
	f := &File{fd: fd, name: name}
	runtime.SetFinalizer(f, (*File).Close) // want "add-cleanup"
	return f
}

func (f *File) Close() error {
	if f.fd < 0 {
		return nil
	}
	err := syscall.Close(f.fd)
	f.fd = -1
	runtime.SetFinalizer(f, nil) // clearing: not reported
	return err
}

type mapping struct {
	data []byte
}

func mapFile(f *os.File, size int) (*mapping, error) {
	data, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	m := &mapping{data: data}
	runtime.SetFinalizer(m, func(m *mapping) { // want "add-cleanup"
		syscall.Munmap(m.data)
	})
	return m, nil
}

func unmapFinalizer(m *mapping) { syscall.Munmap(m.data) }

func mapFile2(data []byte) *mapping {
	m := &mapping{data: data}
	runtime.SetFinalizer(m, unmapFinalizer) // want "add-cleanup"
	return m
}

func (m *mapping) Unmap() {
	runtime.SetFinalizer(m, (nil))
	syscall.Munmap(m.data)
}

type conn struct{ sock int }

func (c *conn) Close() error { return nil }

// The finalizer calls a method of the object: the message says the change is not mechanical.
func dial(sock int) *conn {
	c := &conn{sock: sock}
	runtime.SetFinalizer(c, func(c *conn) { c.Close() }) // want "add-cleanup"
	return c
}
