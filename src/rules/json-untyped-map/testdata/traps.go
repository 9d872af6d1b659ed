package webhooks

import (
	"encoding/json"
	"io"
)

type Order struct {
	ID    string  `json:"id"`
	Total float64 `json:"total"`
}

func parseOrder(raw []byte) (*Order, error) {
	var o Order
	if err := json.Unmarshal(raw, &o); err != nil {
		return nil, err
	}
	return &o, nil
}

// decode is a generic helper: v already holds the caller's pointer.
func decode(r io.Reader, v interface{}) error {
	return json.NewDecoder(r).Decode(v)
}

func unmarshalInto(raw []byte, v any) error {
	return json.Unmarshal(raw, v)
}

func lazyParts(raw []byte) (map[string]json.RawMessage, error) {
	var parts map[string]json.RawMessage
	err := json.Unmarshal(raw, &parts)
	return parts, err
}

func labels(raw []byte) (map[string]string, error) {
	var l map[string]string
	return l, json.Unmarshal(raw, &l)
}

func intoPointer(raw []byte) (*Order, error) {
	var o Order
	var v interface{} = &o
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	return &o, nil
}

func assignedFirst(raw []byte, target *Order) error {
	var v any
	v = target
	return json.Unmarshal(raw, &v)
}

type yamlish struct{}

func (yamlish) Unmarshal(b []byte, v any) error { return nil }

func otherCodec(raw []byte) (map[string]any, error) {
	var codec yamlish
	var m map[string]any
	err := codec.Unmarshal(raw, &m)
	return m, err
}

type streamer struct{}

func (streamer) Decode(v any) error { return nil }

func otherDecoder(s streamer) (map[string]any, error) {
	var m map[string]any
	return m, s.Decode(&m)
}

func unknownType(raw []byte) error {
	v := newTarget()
	return json.Unmarshal(raw, &v)
}

func newTarget() *Order { return new(Order) }

func listOfMaps(raw []byte) ([]map[string]any, error) {
	var rows []map[string]any
	return rows, json.Unmarshal(raw, &rows)
}

// v holds the caller's pointer: Unmarshal decodes into what it points to.
func decodeInto(raw []byte, v any) error {
	return json.Unmarshal(raw, &v)
}
