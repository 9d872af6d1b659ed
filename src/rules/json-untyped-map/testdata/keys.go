package p

import (
	"encoding/json"
	"errors"
	"fmt"
)

// Two fixed keys read from a state document: a two-field struct would do. Comment.
func lockInfo(raw []byte) (string, string, error) {
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil { // want "json-untyped-map"
		return "", "", err
	}
	id, _ := doc["lock_id"].(string)
	owner, _ := doc["owner"].(string)
	return id, owner, nil
}

// A key whose value is an array or an object: dispatched by a type switch, advisory.
func workspaces(raw []byte) ([]string, error) {
	var pkg map[string]any
	if err := json.Unmarshal(raw, &pkg); err != nil { // want-advisory "json-untyped-map"
		return nil, err
	}
	switch ws := pkg["workspaces"].(type) {
	case []any:
		return toStrings(ws), nil
	case map[string]any:
		return toStrings(ws["packages"].([]any)), nil
	}
	return nil, errors.New("workspaces: unexpected shape")
}

func toStrings(xs []any) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

// Only tests whether a key is present: a map says that, a struct does not. Advisory.
func hasError(raw []byte) bool {
	var reply map[string]any
	if json.Unmarshal(raw, &reply) != nil { // want-advisory "json-untyped-map"
		return false
	}
	_, ok := reply["error"]
	return ok
}

// Reads a key and then hands the whole map on: the generic value is used. Advisory.
func forward(raw []byte, sink func(map[string]any)) string {
	var ev map[string]any
	_ = json.Unmarshal(raw, &ev) // want-advisory "json-untyped-map"
	sink(ev)
	kind, _ := ev["kind"].(string)
	return kind
}
