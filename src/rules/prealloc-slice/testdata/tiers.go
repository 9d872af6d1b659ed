package p

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

type Order struct {
	ID     string
	Total  int
	Closed bool
}

type Report struct {
	IDs []string `json:"ids"`
}

// Orders kept only when open: the ranged length is an upper bound, advisory.
func openOrders(orders []Order) []Order {
	var open []Order // want-advisory "prealloc-slice"
	for _, o := range orders {
		if o.Closed {
			continue
		}
		open = append(open, o)
	}
	return open
}

// An error list filled only on failure: presizing would allocate on the success path and
// return an empty list where nil meant "no errors". Not reported.
func validate(orders []Order) []error {
	var errs []error
	for _, o := range orders {
		if o.Total < 0 {
			errs = append(errs, fmt.Errorf("order %s: negative total", o.ID))
		}
	}
	return errs
}

// The same, with messages kept as strings.
func problems(orders []Order) []string {
	var msgs []string
	for _, o := range orders {
		if err := check(o); err != nil {
			msgs = append(msgs, err.Error())
		}
	}
	return msgs
}

func check(o Order) error {
	if o.ID == "" {
		return errors.New("missing id")
	}
	return nil
}

// Cut positions in a line: a byte length is far above the number of separators. Not reported.
func pipes(line string) []int {
	var at []int
	for i, r := range line {
		if r == '|' {
			at = append(at, i)
		}
	}
	return at
}

// More appends follow the loop: len(ids) is a lower bound, advisory.
func commandLine(ids []string) []string {
	var args []string // want-advisory "prealloc-slice"
	for _, id := range ids {
		args = append(args, "--id="+id)
	}
	args = append(args, "--verbose")
	return args
}

// The caller's nil check sees a difference: advisory.
func totals(orders []Order) ([]int, bool) {
	var out []int // want-advisory "prealloc-slice"
	for _, o := range orders {
		out = append(out, o.Total)
	}
	return out, out != nil
}

// Stored in a struct that is marshalled: JSON would show [] instead of null. Advisory.
func reportJSON(orders []Order) ([]byte, error) {
	var ids []string // want-advisory "prealloc-slice"
	for _, o := range orders {
		ids = append(ids, o.ID)
	}
	return json.Marshal(Report{IDs: ids})
}

// Every iteration appends; the inner loop's continue and the switch's break stay inside them.
func labels(orders []Order, tags []string) []string {
	var out []string // want "prealloc-slice"
	for _, o := range orders {
		n := 0
		for _, t := range tags {
			if t == "" {
				continue
			}
			n++
		}
		switch {
		case o.Closed:
			break
		}
		out = append(out, strings.Repeat("#", n)+o.ID)
	}
	return out
}

// The loop may stop early: advisory.
func firstOpen(orders []Order) []string {
	var out []string // want-advisory "prealloc-slice"
	for _, o := range orders {
		out = append(out, o.ID)
		if !o.Closed {
			break
		}
	}
	return out
}

// The list only explains a failure: advisory.
func unknownStatus(status string, valid []string) error {
	var quoted []string // want-advisory "prealloc-slice"
	for _, v := range valid {
		quoted = append(quoted, "'"+v+"'")
	}
	return fmt.Errorf("status %q: want one of %s", status, strings.Join(quoted, ", "))
}
