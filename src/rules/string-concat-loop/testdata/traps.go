package traps

import "strconv"

const fields = 3

func smallCounted(id int) string {
	s := "id"
	for i := 0; i < 3; i++ {
		s += strconv.Itoa(id + i)
	}
	return s
}

func smallRangeInt() string {
	s := ""
	for i := range 4 {
		s += strconv.Itoa(i)
	}
	return s
}

func smallLiteral(name string) string {
	key := ""
	for _, part := range []string{"a", name, "c"} {
		key += part
	}
	return key
}

func smallArray(parts [2]string) string {
	key := ""
	for _, p := range parts {
		key += p
	}
	return key
}

func smallConstBound() string {
	s := ""
	for i := 0; i < fields; i++ {
		s += "?"
	}
	return s
}

func countdown() string {
	s := ""
	for i := 3; i >= 0; i-- {
		s += strconv.Itoa(i)
	}
	return s
}

func notString(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}

func byteSlice(xs [][]byte) []byte {
	var b []byte
	for _, x := range xs {
		b = append(b, x...)
	}
	return b
}

func unknownType(xs []string) string {
	s := prefix()
	for _, x := range xs {
		s += x
	}
	return s
}

func declaredInLoop(xs []string) []string {
	var out []string
	for _, x := range xs {
		s := "<"
		s += x
		s += ">"
		out = append(out, s)
	}
	return out
}

func resetEachIteration(xs []string) []string {
	var out []string
	var label string
	for _, x := range xs {
		label = x
		if len(x) > 3 {
			label += "…"
		}
		out = append(out, label)
	}
	return out
}

func wrapped(words []string) []string {
	var lines []string
	line := ""
	for _, w := range words {
		if len(line)+len(w) > 72 {
			lines = append(lines, line)
			line = ""
		}
		line += w + " "
	}
	return append(lines, line)
}

func onceThenBreak(xs []string) string {
	s := "first:"
	for _, x := range xs {
		if x != "" {
			s += x
			break
		}
	}
	return s
}

func onceThenReturn(xs []string) string {
	s := "first:"
	for _, x := range xs {
		if x != "" {
			s += x
			return s
		}
	}
	return s
}

func outsideLoop(a, b string) string {
	s := a
	s += b
	return s
}

func prepend(xs []string) string {
	s := ""
	for _, x := range xs {
		s = x + s
	}
	return s
}

type holder struct{ text string }

func field(h *holder, xs []string) {
	for _, x := range xs {
		h.text += x
	}
}

func prefix() string { return "" }

func convertedBound() string {
	s := ""
	for i := rune(0); i < 4; i++ {
		s += string(i + '0')
	}
	return s
}
