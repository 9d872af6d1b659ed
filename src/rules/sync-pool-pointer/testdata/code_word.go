package render

import (
	"strings"
	"sync"
)

var lines = sync.Pool{New: func() any { return make([]string, 0, 64) }}

// The page renderer reuses line slices; some call sites have said why they keep the slice
// value, or told staticcheck already, and the bot takes their word for it.

func renderHeader(title string) string {
	ls := lines.Get().([]string)
	ls = append(ls[:0], "# "+title)
	out := strings.Join(ls, "\n")
	// Boxing the slice header costs 24 bytes per Put; measured, not worth a pointer here.
	lines.Put(ls)
	return out
}

func renderFooter(note string) string {
	ls := lines.Get().([]string)
	ls = append(ls[:0], "--", note)
	out := strings.Join(ls, "\n")
	lines.Put(ls) // allocates on purpose: the pool is shared with a plugin API that takes []string
	return out
}

func renderBody(paragraphs []string) string {
	ls := lines.Get().([]string)
	ls = append(ls[:0], paragraphs...)
	out := strings.Join(ls, "\n\n")
	//lint:ignore SA6002 the plugin API hands us []string values
	lines.Put(ls)
	return out
}

//nolint:staticcheck // the whole function predates the pointer pool
func renderTable(rows []string) string {
	ls := lines.Get().([]string)
	ls = append(ls[:0], rows...)
	out := strings.Join(ls, "\n")
	lines.Put(ls)
	return out
}

func renderQuote(text string) string {
	ls := lines.Get().([]string)
	ls = append(ls[:0], "> "+text)
	out := strings.Join(ls, "\n")
	// Returned to the pool for the next quote.
	lines.Put(ls) // want "sync-pool-pointer"
	return out
}

func renderList(items []string) string {
	ls := lines.Get().([]string)
	ls = append(ls[:0], items...)
	out := strings.Join(ls, "\n- ")
	lines.Put(ls) //nolint:errcheck // a directive for another linter silences nothing here // want "sync-pool-pointer"
	return out
}
