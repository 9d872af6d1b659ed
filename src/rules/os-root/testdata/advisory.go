package storage

import (
	"archive/tar"
	"os"
	"path/filepath"
)

// Names whose origin the function does not show: listed, not commented.
type Cache struct {
	dir string
}

func (c *Cache) Open(name string) (*os.File, error) {
	return os.Open(filepath.Join(c.dir, name)) // want-advisory "os-root"
}

func (c *Cache) Save(tenant, user string, data []byte) error {
	if err := os.MkdirAll(filepath.Join(c.dir, "tenants", tenant), 0o755); err != nil { // want-advisory "os-root"
		return err
	}
	return os.WriteFile(filepath.Join(c.dir, "tenants", tenant, user+".json"), data, 0o644) // want-advisory "os-root"
}

func (c *Cache) DeleteAll(tenant string) error {
	return os.RemoveAll( // want-advisory "os-root"
		filepath.Join(c.dir, tenant), // the report starts on the call's line
	)
}

func (c *Cache) Exists(name string) bool {
	_, err := os.Stat(filepath.Join(c.dir, name)) // want-advisory "os-root"
	return err == nil
}

func (c *Cache) IsLink(name string) bool {
	fi, err := os.Lstat(filepath.Join(c.dir, name)) // want-advisory "os-root"
	return err == nil && fi.Mode()&os.ModeSymlink != 0
}

func (c *Cache) Append(name string) (*os.File, error) {
	return os.OpenFile(filepath.Join(c.dir, name), os.O_APPEND|os.O_WRONLY, 0) // want-advisory "os-root"
}

func (c *Cache) MakeDir(name string) error {
	return os.Mkdir(c.dir+"/"+name, 0o750) // want-advisory "os-root"
}

func objectPath(cacheDir string, key string) (*os.File, error) {
	var full = filepath.Join(cacheDir, "objects", key[:2], key)
	return os.Open(full) // want-advisory "os-root"
}

// Entries listed from one directory, joined onto another (a copy): not the same directory.
func mirror(src, dst string) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := os.MkdirAll(filepath.Join(dst, e.Name()), 0o755); err != nil { // want-advisory "os-root"
			return err
		}
	}
	return nil
}

// A base too long to quote: the message describes it instead.
type workspace struct {
	settings struct {
		storage struct{ volumes []struct{ mountRoot string } }
	}
}

func (w *workspace) volumeFile(volumeIndex int, name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(w.settings.storage.volumes[volumeIndex].mountRoot, name)) // want-advisory "os-root"
}

// A header the program writes, not one it reads: where its name comes from is not shown.
func addParent(source string, hdr *tar.Header) (os.FileInfo, error) {
	return os.Stat(filepath.Join(source, filepath.Dir(hdr.Name))) // want-advisory "os-root"
}
