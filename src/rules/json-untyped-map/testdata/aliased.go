package webhooks

import (
	stdjson "encoding/json"
)

func parseMeta(raw []byte) (map[string]any, error) {
	var meta map[string]any
	if err := stdjson.Unmarshal(raw, &meta); err != nil { // want-advisory "json-untyped-map"
		return nil, err
	}
	return meta, nil
}
