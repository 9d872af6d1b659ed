package webhooks

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// handleEvent reads a webhook payload such as {"type": "paiement.reçu"}.
func handleEvent(w http.ResponseWriter, r *http.Request) {
	var payload map[string]interface{}
	if err := json.NewDecoder(r.Body).Decode(&payload); err != nil { // want "json-untyped-map"
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	kind, _ := payload["type"].(string)
	fmt.Fprintln(w, kind)
}

func parseAttributes(raw []byte) (map[string]any, error) {
	attrs := make(map[string]any)
	if err := json.Unmarshal(raw, &attrs); err != nil { // want-advisory "json-untyped-map"
		return nil, err
	}
	return attrs, nil
}

func parseLiteral(raw []byte) (map[string]any, error) {
	attrs := map[string]any{}
	err := json.Unmarshal(raw, &attrs) // want-advisory "json-untyped-map"
	return attrs, err
}

func parseAnything(raw []byte) (interface{}, error) {
	var v interface{}
	if err := json.Unmarshal(raw, &v); err != nil { // want-advisory "json-untyped-map"
		return nil, err
	}
	return v, nil
}

func decodeStream(r io.Reader) ([]any, error) {
	dec := json.NewDecoder(r)
	var out []any
	for dec.More() {
		var item any
		if err := dec.Decode(&item); err != nil { // want-advisory "json-untyped-map"
			return nil, err
		}
		out = append(out, item)
	}
	return out, nil
}

func decodeTyped(dec *json.Decoder) (map[string]interface{}, error) {
	var m map[string]interface{}
	err := dec.Decode(&m) // want-advisory "json-untyped-map"
	return m, err
}

func namedResult(raw []byte) (fields map[string]interface{}, err error) {
	err = json.Unmarshal(raw, &fields) // want-advisory "json-untyped-map"
	return
}

type Envelope struct {
	ID   string
	Data map[string]interface{}
}

func (e *Envelope) load(raw []byte) error {
	return json.Unmarshal(raw, &e.Data) // want-advisory "json-untyped-map"
}

func generic(raw []byte) (v any, err error) {
	err = json.Unmarshal(raw, &v) // want-advisory "json-untyped-map"
	return
}
