package storage

import (
	"archive/tar"
	"archive/zip"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

type Store struct {
	dir string
}

// Serves a user's file: the name comes from the query string.
func (s *Store) ServeFile(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile(filepath.Join(s.dir, r.URL.Query().Get("name"))) // want "os-root"
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.Write(data)
}

// The name goes through a local variable first.
func (s *Store) DeleteUpload(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("upload")
	if err := os.Remove(s.dir + "/" + name); err != nil { // want "os-root"
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// A helper handed the request reads a header.
func tenantDir(base string, req *http.Request) error {
	tenant := strings.TrimSpace(req.Header.Get("X-Tenant"))
	return os.MkdirAll(path.Join(base, "tenants", tenant), 0o750) // want "os-root"
}

// A handler literal inside a constructor: the form value is the client's.
func (s *Store) Routes(mux *http.ServeMux) {
	mux.HandleFunc("/avatar", func(w http.ResponseWriter, r *http.Request) {
		user := r.FormValue("user")
		p := filepath.Join(s.dir, "avatars", user+".png")
		f, err := os.Create(p) // want "os-root"
		if err != nil {
			return
		}
		defer f.Close()
		io.Copy(f, r.Body)
	})
}

// Extracting a tarball: each entry names its own path.
func untar(dst string, r io.Reader) error {
	tr := tar.NewReader(r)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		out, err := os.OpenFile(filepath.Join(dst, hdr.Name), os.O_CREATE|os.O_WRONLY, 0o644) // want "os-root"
		if err != nil {
			return err
		}
		_, err = io.Copy(out, tr)
		out.Close()
		if err != nil {
			return err
		}
	}
}

// Extracting a zip file: the same with the central directory.
func unzip(dst string, zr *zip.Reader) error {
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			if err := os.MkdirAll(filepath.Join(dst, f.Name), 0o755); err != nil { // want "os-root"
				return err
			}
		}
	}
	return nil
}
