// go-standards-test: go=1.24
package storage

import (
	"os"
	"path/filepath"
)

func readGo124(dir, name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(dir, name)) // want "os-root"
}
