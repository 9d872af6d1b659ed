package storage

import (
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
)

type Store struct {
	dir string
}

// Serves a user's file: the name comes from the request.
func (s *Store) ServeFile(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile(filepath.Join(s.dir, r.URL.Query().Get("name"))) // want "os-root"
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.Write(data)
}

func (s *Store) Open(name string) (*os.File, error) {
	return os.Open(filepath.Join(s.dir, name)) // want "os-root"
}

func (s *Store) Save(tenant, user string, data []byte) error {
	if err := os.MkdirAll(filepath.Join(s.dir, "tenants", tenant), 0o755); err != nil { // want "os-root"
		return err
	}
	return os.WriteFile(filepath.Join(s.dir, "tenants", tenant, user+".json"), data, 0o644) // want "os-root"
}

func (s *Store) Create(id int) (*os.File, error) {
	return os.Create(path.Join(s.dir, fmt.Sprintf("%d.log", id))) // want "os-root"
}

func (s *Store) Delete(name string) error {
	return os.Remove(s.dir + "/" + name) // want "os-root"
}

func (s *Store) DeleteAll(tenant string) error {
	return os.RemoveAll( // want "os-root"
		filepath.Join(s.dir, tenant), // the report starts on the call's line
	)
}

func (s *Store) Exists(name string) bool {
	_, err := os.Stat(filepath.Join(s.dir, name)) // want "os-root"
	return err == nil
}

func (s *Store) IsLink(name string) bool {
	fi, err := os.Lstat(filepath.Join(s.dir, name)) // want "os-root"
	return err == nil && fi.Mode()&os.ModeSymlink != 0
}

func (s *Store) Append(name string) (*os.File, error) {
	return os.OpenFile(filepath.Join(s.dir, name), os.O_APPEND|os.O_WRONLY, 0) // want "os-root"
}

func (s *Store) MakeDir(name string) error {
	return os.Mkdir(s.dir+"/"+name, 0o750) // want "os-root"
}

// The joined path goes through a variable first.
func loadAll(dir string) ([][]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(p) // want "os-root"
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

func cachePath(cacheDir string, key string) (*os.File, error) {
	var full = filepath.Join(cacheDir, "objects", key[:2], key)
	return os.Open(full) // want "os-root"
}
