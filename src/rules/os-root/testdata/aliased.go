package storage

import (
	nethttp "net/http"
	goos "os"
	fp "path/filepath"
)

// Données d'utilisateur — chemins « joints » : ünïcödé 日本語 must not shift columns.
func serveUserFile(répertoire string) nethttp.HandlerFunc {
	return func(w nethttp.ResponseWriter, r *nethttp.Request) {
		nom := r.FormValue("fichier")
		f, err := goos.Open(fp.Join(répertoire, nom)) // want "os-root"
		if err != nil {
			nethttp.NotFound(w, r)
			return
		}
		defer f.Close()
	}
}

func openUserFile(répertoire, nom string) (*goos.File, error) {
	return goos.Open(fp.Join(répertoire, nom)) // want-advisory "os-root"
}
