package headers

import (
	"bufio"
	"bytes"
	"strings"
)

type Header struct {
	Name  string
	Value string
}

func parseList(list string) []string {
	var out []string
	for _, part := range strings.Split(list, ",") { // want-advisory "split-seq"
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func words(text string) map[string]int {
	counts := map[string]int{}
	for _, w := range strings.Fields(text) { // want-advisory "split-seq"
		counts[strings.ToLower(w)]++
	}
	return counts
}

func lines(data []byte) int {
	n := 0
	for _, line := range bytes.Split(data, []byte("\n")) { // want-advisory "split-seq"
		if len(bytes.TrimSpace(line)) > 0 {
			n++
		}
	}
	return n
}

func tokens(data []byte) (n int) {
	for _, tok := range bytes.Fields(data) { // want-advisory "split-seq"
		n += len(tok)
	}
	return n
}

func countParts(s string) int {
	n := 0
	for range strings.Split(s, "/") { // want-advisory "split-seq"
		n++
	}
	return n
}

func parseHeaders(raw string) []Header {
	var hs []Header
	rows := strings.Split(raw, "\r\n") // want-advisory "split-seq"
	for _, row := range rows {
		name, value, ok := strings.Cut(row, ":")
		if !ok {
			continue
		}
		hs = append(hs, Header{Name: name, Value: strings.TrimSpace(value)})
	}
	return hs
}

func lastPart(path string) string {
	var last string
	for _, last = range strings.Split(path, ".") { // want-advisory "split-seq"
	}
	return last
}

func keepSeparators(s string) int {
	total := 0
	for _, chunk := range strings.SplitAfter(s, ";") { // want-advisory "split-seq"
		total += len(chunk)
	}
	return total
}

func scan(sc *bufio.Scanner) {
	for sc.Scan() {
		for _, f := range strings.FieldsFunc(sc.Text(), func(r rune) bool { return r == ':' }) { // want "split-seq"
			println(f)
		}
	}
}

func render(doc string) string {
	paras := strings.Split(doc, "\n\n") // want-advisory "split-seq"
	var out strings.Builder
	out.WriteString("<div>")
	for _, p := range paras {
		out.WriteString("<p>" + p + "</p>")
	}
	return out.String()
}
