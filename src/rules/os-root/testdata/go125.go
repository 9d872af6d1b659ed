// go-standards-test: go=1.25
package storage

import (
	"os"
	"path/filepath"
)

// From Go 1.25 the message names root.WriteFile.
func writeGo125(dir, name string, data []byte) error {
	return os.WriteFile(filepath.Join(dir, name), data, 0o600) // want-advisory "os-root"
}
