// go-standards-test: go=1.23
package storage

import (
	"os"
	"path/filepath"
)

// os.Root does not exist before Go 1.24: not reported.
func openOld(dir, name string) (*os.File, error) {
	return os.Open(filepath.Join(dir, name))
}
