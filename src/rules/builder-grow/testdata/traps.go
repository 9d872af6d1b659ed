package traps

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

type Encoder struct {
	buf bytes.Buffer
}

func writeAll(b *strings.Builder, parts []string) {
	for _, p := range parts {
		b.WriteString(p)
	}
}

func (e *Encoder) encode(parts []string) {
	for _, p := range parts {
		e.buf.WriteString(p)
	}
}

func grown(parts []string) string {
	var b strings.Builder
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	b.Grow(n)
	for _, p := range parts {
		b.WriteString(p)
	}
	return b.String()
}

func noLoop(a, b string) string {
	var sb strings.Builder
	sb.WriteString(a)
	sb.WriteString(b)
	return sb.String()
}

func perIteration(rows [][]string) []string {
	var out []string
	for _, row := range rows {
		var b strings.Builder
		b.WriteString(row[0])
		b.WriteString(row[1])
		out = append(out, b.String())
	}
	return out
}

func reused(rows [][]string) []string {
	var out []string
	var b strings.Builder
	for _, row := range rows {
		b.Reset()
		b.WriteString(row[0])
		out = append(out, b.String())
	}
	return out
}

func readsOnly(r io.Reader) int {
	var buf bytes.Buffer
	n := 0
	for i := 0; i < 3; i++ {
		m, _ := buf.ReadFrom(r)
		n += int(m)
	}
	return n
}

func closureLoop(parts []string) func() {
	var b strings.Builder
	b.WriteString("start")
	return func() {
		for _, p := range parts {
			fmt.Println(p, b.Len())
		}
	}
}

func shadowed(parts []string) string {
	var b strings.Builder
	b.WriteString("x")
	for _, p := range parts {
		b := new(strings.Builder)
		b.WriteString(p)
		fmt.Println(b.String())
	}
	return b.String()
}

func notBuilder(parts []string) string {
	var b strings.Reader
	for range parts {
		b.Len()
	}
	return ""
}

func prefilled(parts []string) string {
	buf := bytes.NewBuffer(make([]byte, 0, 1024))
	for _, p := range parts {
		buf.WriteString(p)
	}
	return buf.String()
}

// A queue: filled in a loop and drained by reads, so its size is not the total written.
func tokens(r io.Reader, n int) []string {
	var buf bytes.Buffer
	var out []string
	for i := 0; i < n; i++ {
		chunk := make([]byte, 16)
		r.Read(chunk)
		buf.Write(chunk)
		line, _ := buf.ReadString('\n')
		out = append(out, line)
	}
	return out
}
