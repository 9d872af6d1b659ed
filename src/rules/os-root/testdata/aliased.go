package storage

import (
	goos "os"
	fp "path/filepath"
)

// Données d'utilisateur — chemins « joints » : ünïcödé 日本語 must not shift columns.
func openUserFile(répertoire, nom string) (*goos.File, error) {
	return goos.Open(fp.Join(répertoire, nom)) // want "os-root"
}
