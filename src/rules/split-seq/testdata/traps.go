package traps

import (
	"strings"
)

func indexUsed(s string) {
	for i, part := range strings.Split(s, ",") {
		println(i, part)
	}
}

func indexOnly(s string) int {
	last := 0
	for i := range strings.Split(s, ",") {
		last = i
	}
	return last
}

func sliceUsedAfter(s string) int {
	parts := strings.Split(s, ",")
	for _, p := range parts {
		println(p)
	}
	return len(parts)
}

func sliceUsedInBody(s string) {
	parts := strings.Split(s, ",")
	for _, p := range parts {
		if p == "" {
			println(len(parts))
		}
	}
}

func sliceIndexed(s string) string {
	parts := strings.Split(s, ",")
	first := parts[0]
	for _, p := range parts {
		println(p)
	}
	return first
}

func sliceModified(s string) {
	parts := strings.Split(s, ",")
	parts = parts[1:]
	for _, p := range parts {
		println(p)
	}
}

func splitN(s string) {
	for _, p := range strings.SplitN(s, ",", 3) {
		println(p)
	}
}

type splitter struct{}

func (splitter) Split(s, sep string) []string { return nil }

func method(s string) {
	var strs splitter
	for _, p := range strs.Split(s, ",") {
		println(p)
	}
}

func localFunc(s string) {
	for _, p := range split(s) {
		println(p)
	}
}

func split(s string) []string { return strings.Split(s, ",") }
