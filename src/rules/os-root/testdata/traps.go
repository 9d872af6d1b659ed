package storage

import (
	"os"
	"path/filepath"
	"strings"
)

const configName = "config.yaml"

// Every component after the base is a constant.
func readConfig(dir string) ([]byte, error) {
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		return nil, err
	}
	return os.ReadFile(filepath.Join(dir, configName))
}

func readLocal(dir string) ([]byte, error) {
	const name = "settings.json"
	return os.ReadFile(filepath.Join(dir, ".config", name))
}

// The path is a parameter passed straight through.
func readPath(path string) ([]byte, error) {
	return os.ReadFile(path)
}

// Variadic join: the components cannot be read.
func openParts(parts []string) (*os.File, error) {
	return os.Open(filepath.Join(parts...))
}

// The variable is cleaned and checked before use.
func openChecked(dir, name string) (*os.File, error) {
	p := filepath.Join(dir, name)
	p = mustStayIn(dir, p)
	return os.Open(p)
}

// Concatenation without a separator, or with a constant base.
func openPrefixed(prefix, name string) (*os.File, error) {
	if f, err := os.Open(prefix + name); err == nil {
		return f, nil
	}
	return os.Open("/etc/" + name)
}

// Not a path join.
func openJoined(dir, name string) (*os.File, error) {
	return os.Open(strings.Join([]string{dir, name}, "/"))
}

// A component whose kind the file does not show (a constant in another file?).
func openDefault(dir string) (*os.File, error) {
	return os.Open(filepath.Join(dir, defaultName))
}

// Not one of the path-taking functions.
func listDir(dir, name string) ([]os.DirEntry, error) {
	return os.ReadDir(filepath.Join(dir, name))
}

// A local value named os shadows the package.
func shadowed(dir, name string) error {
	os := fakeFS{}
	_, err := os.Open(filepath.Join(dir, name))
	return err
}

type fakeFS struct{}

func (fakeFS) Open(string) (*struct{}, error) { return nil, nil }

func mustStayIn(dir, p string) string { return p }
