package storage

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/google/uuid"
)

const segmentFormat = "%08d.seg"

var stateDirName = "state" // set once here, never reassigned

type journal struct {
	dir string
}

// Numbers formatted with %d cannot hold a separator.
func (j *journal) segment(index uint64) (*os.File, error) {
	return os.Open(filepath.Join(j.dir, fmt.Sprintf(segmentFormat, index)))
}

func (j *journal) checkpoint(n int) error {
	return os.Remove(filepath.Join(j.dir, "ckpt", strconv.Itoa(n)+".bin"))
}

func (j *journal) marker(seq int64) error {
	return os.WriteFile(filepath.Join(j.dir, fmt.Sprintf("%d-%x.mark", seq, seq)), nil, 0o600)
}

// IDs print as letters, digits and dashes.
func (j *journal) spool(data []byte) error {
	return os.WriteFile(filepath.Join(j.dir, uuid.NewString()), data, 0o600)
}

func (j *journal) attachment(id uuid.UUID) (*os.File, error) {
	return os.Open(filepath.Join(j.dir, id.String()+".att"))
}

// A package variable that only ever holds its literal.
func (j *journal) stateFile() (os.FileInfo, error) {
	return os.Stat(filepath.Join(j.dir, stateDirName))
}

// Names read from a listing of the same directory.
func (j *journal) sizes() (int64, error) {
	entries, err := os.ReadDir(j.dir)
	if err != nil {
		return 0, err
	}
	var total int64
	for _, e := range entries {
		fi, err := os.Stat(filepath.Join(j.dir, e.Name()))
		if err != nil {
			return 0, err
		}
		total += fi.Size()
	}
	return total, nil
}

func purge(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	names, err := d.Readdirnames(-1)
	d.Close()
	if err != nil {
		return err
	}
	for _, name := range names {
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

// A test's own name, and paths under testdata.
func scratchFile(t *testing.T, dir string) *os.File {
	f, err := os.Create(filepath.Join(dir, t.Name()+".out"))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func golden(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join("testdata", name+".golden"))
}

func fixture(root, name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(root, "testdata/cases", name))
}

// A request value the handler checks before use.
func (j *journal) ServeSegment(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("segment")
	if !filepath.IsLocal(name) {
		http.Error(w, "bad segment", http.StatusBadRequest)
		return
	}
	http.ServeFile(w, r, filepath.Join(j.dir, name))
	f, err := os.Open(filepath.Join(j.dir, name))
	if err == nil {
		f.Close()
	}
}

// Only the request's context is used, not what the client sent.
func (j *journal) Flush(w http.ResponseWriter, r *http.Request, id uuid.UUID) {
	_ = r.Context()
	os.Remove(filepath.Join(j.dir, id.String()))
}
