package render

import (
	"bytes"
	"fmt"
	"strings"
)

type Field struct {
	Key   string
	Value string
}

func join(parts []string, sep string) string {
	var b strings.Builder // want-advisory "builder-grow"
	for i, p := range parts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}

func concat(parts []string) string {
	var b strings.Builder // want "builder-grow"
	for _, p := range parts {
		b.WriteString(p)
	}
	return b.String()
}

func encode(fields []Field) []byte {
	var buf bytes.Buffer // want-advisory "builder-grow"
	buf.WriteByte('{')
	for _, f := range fields {
		fmt.Fprintf(&buf, "%q:%q,", f.Key, f.Value)
	}
	buf.WriteByte('}')
	return buf.Bytes()
}

func hexdump(data []byte) string {
	sb := &strings.Builder{} // want-advisory "builder-grow"
	for i, c := range data {
		if i%16 == 0 {
			sb.WriteByte('\n')
		}
		fmt.Fprintf(sb, "%02x ", c)
	}
	return sb.String()
}

func lines(rows [][]string) []byte {
	out := new(bytes.Buffer) // want-advisory "builder-grow"
	for _, row := range rows {
		for j, cell := range row {
			if j > 0 {
				out.WriteRune('│')
			}
			out.Write([]byte(cell))
		}
		out.WriteByte('\n')
	}
	return out.Bytes()
}

func repeat(s string, n int) string {
	b := strings.Builder{} // want-advisory "builder-grow"
	for i := 0; i < n; i++ {
		b.WriteString(s)
	}
	return b.String()
}

func grouped(fields []Field) string {
	var (
		b     strings.Builder // want "builder-grow"
		count int
	)
	for _, f := range fields {
		b.WriteString(f.Key)
		count++
	}
	return fmt.Sprint(b.String(), count)
}

func inClosure(items []string) func() string {
	return func() string {
		var b strings.Builder // want "builder-grow"
		for _, it := range items {
			b.WriteString(it)
			b.WriteString("\n")
		}
		return b.String()
	}
}

func fromNil(fields []Field) []byte {
	out := bytes.NewBuffer(nil) // want "builder-grow"
	for _, f := range fields {
		out.WriteString(f.Key)
	}
	return out.Bytes()
}

func fromEmptyString(fields []Field) string {
	out := bytes.NewBufferString("") // want-advisory "builder-grow"
	for _, f := range fields {
		fmt.Fprintln(out, f.Value)
	}
	return out.String()
}
