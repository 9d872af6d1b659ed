package report

import (
	"fmt"
	"strconv"
)

type Row struct {
	Name  string
	Count int
}

func joinErrors(errs []error) string {
	msg := "errors:"
	for _, err := range errs {
		msg += " " + err.Error() // want-advisory "string-concat-loop"
	}
	return msg
}

func table(rows []Row) string {
	var out string
	for _, r := range rows {
		out = out + r.Name + "\t" + strconv.Itoa(r.Count) + "\n" // want-advisory "string-concat-loop"
	}
	return out
}

func csv(values []int) string {
	s := ""
	for i, v := range values {
		if i > 0 {
			s += "," // want-advisory "string-concat-loop"
		}
		s += strconv.Itoa(v)
	}
	return s
}

func repeat(word string, n int) string {
	var s = ""
	for i := 0; i < n; i++ {
		s += word // want-advisory "string-concat-loop"
	}
	return s
}

func untilDone(next func() (string, bool)) (result string) {
	for {
		part, ok := next()
		if !ok {
			return result
		}
		result += part // want-advisory "string-concat-loop"
	}
}

func indent(prefix string, depth int) string {
	for depth > 0 {
		prefix += "  " // want-advisory "string-concat-loop"
		depth--
	}
	return prefix
}

func grid(rows [][]string) string {
	var s string
	for _, row := range rows {
		for _, cell := range row {
			s += cell + " " // want-advisory "string-concat-loop"
		}
		s += "\n"
	}
	return s
}

// The inner loop is short, but the outer one is not: the string still grows with rows.
func pairs(rows []Row) string {
	s := ""
	for _, r := range rows {
		for i := 0; i < 2; i++ {
			s += fmt.Sprint(r.Count, i) // want-advisory "string-concat-loop"
		}
	}
	return s
}

// Reset per row, but the inner loop accumulates.
func lines(rows [][]string) []string {
	var out []string
	var line string
	for _, row := range rows {
		line = ""
		for _, cell := range row {
			line += cell // want-advisory "string-concat-loop"
		}
		out = append(out, line)
	}
	return out
}

func closure(items []string) func() string {
	return func() string {
		s := "["
		for _, it := range items {
			s += it + ";" // want-advisory "string-concat-loop"
		}
		return s + "]"
	}
}

func formatted(vals []float64) string {
	s := fmt.Sprintf("%d values:", len(vals))
	for _, v := range vals {
		s += " " + strconv.FormatFloat(v, 'g', -1, 64) // want-advisory "string-concat-loop"
	}
	return s
}

func labelled(name string, tags []string) string {
	label := "<" + name
	for _, t := range tags {
		label = label + " " + t // want-advisory "string-concat-loop"
	}
	return label + ">"
}

func path(parts []fmt.Stringer) string {
	p := parts[0].String()
	for _, x := range parts[1:] {
		p += "/" + x.String() // want-advisory "string-concat-loop"
	}
	return p
}
