package p

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
)

type Lock struct {
	ID      string            `json:"id"`
	Version int               `json:"version"`
	Labels  map[string]string `json:"labels"`
	Holders []Holder          `json:"holders"`
	note    chan string
}

type Holder struct {
	Name  string `json:"name"`
	Since int64  `json:"since"`
}

type Sample struct {
	Value float64 `json:"value"` // NaN fails to encode
}

// Strings, integers and structs of them declared here cannot fail to encode: not reported.
func lockFile(l Lock, path string) error {
	b, _ := json.Marshal(l)
	names, _ := json.Marshal([]string{"a", "b"})
	meta, _ := json.Marshal(map[string]string{"owner": l.ID})
	_ = names
	_ = meta
	return os.WriteFile(path, b, 0o600)
}

// A float can be NaN: a comment.
func encodeSample(s Sample) ([]byte, error) {
	b, _ := json.Marshal(s) // want "ignored-error"
	return b, nil
}

// The type is declared in another package: it may or may not fail. Advisory.
func encodeURL(u *url.URL) ([]byte, error) {
	b, _ := json.Marshal(u) // want-advisory "ignored-error"
	return b, nil
}

// String() cannot return the error: advisory.
func (s Sample) String() string {
	b, _ := json.Marshal(s) // want-advisory "ignored-error"
	return fmt.Sprintf("sample%s", b)
}
