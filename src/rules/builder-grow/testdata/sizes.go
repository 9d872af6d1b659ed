package p

import (
	"bytes"
	"strings"
)

type Span struct{ Lo, Hi int }

// One write per span, of a slice of the source: the size is the summed span lengths. Comment.
func gather(src []byte, spans []Span) []byte {
	var buf bytes.Buffer // want "builder-grow"
	for _, s := range spans {
		buf.Write(src[s.Lo:s.Hi])
	}
	return buf.Bytes()
}

// One byte per element: Grow(len(flags)). Comment.
func mask(flags []bool) string {
	var b strings.Builder // want "builder-grow"
	for _, f := range flags {
		b.WriteByte(map[bool]byte{true: '1', false: '0'}[f])
	}
	return b.String()
}

// The write is skipped for some elements: the size is an estimate, advisory.
func nonEmpty(lines []string) string {
	var b strings.Builder // want-advisory "builder-grow"
	for _, l := range lines {
		if l == "" {
			continue
		}
		b.WriteString(l)
	}
	return b.String()
}

// The written text is computed by a call: its length is not known before the loop. Advisory.
func upper(words []string) string {
	var b strings.Builder // want-advisory "builder-grow"
	for _, w := range words {
		b.WriteString(strings.ToUpper(w))
	}
	return b.String()
}
