package access

import (
	"slices"
	"strings"
)

type User struct {
	ID    int
	Name  string
	Roles []string
}

type Group struct {
	Members []int
}

// slices.Contains on every iteration.
func allowedUsers(users []User, allowed []string) []User {
	var out []User
	for _, u := range users {
		if slices.Contains(allowed, u.Name) { // want-advisory "nested-linear-search"
			out = append(out, u)
		}
	}
	return out
}

// slices.Index for a position, not a membership test: not reported.
func positions(words []string, vocabulary []string) []int {
	idx := make([]int, 0, len(words))
	for i := 0; i < len(words); i++ {
		w := strings.ToLower(words[i])
		idx = append(idx, slices.Index(vocabulary, w))
	}
	return idx
}

// An inner loop that sets a flag and breaks.
func missing(want, got []string) []string {
	var out []string
	for _, w := range want {
		found := false
		for _, g := range got { // want-advisory "nested-linear-search"
			if g == w {
				found = true
				break
			}
		}
		if !found {
			out = append(out, w)
		}
	}
	return out
}

// An inner loop that returns.
func intersects(a, b []int) bool {
	for _, x := range a {
		for _, y := range b { // want-advisory "nested-linear-search"
			if x == y {
				return true
			}
		}
	}
	return false
}

// Indexed inner loop continuing the outer one.
func (g *Group) outsiders(ids []int) []int {
	var out []int
next:
	for _, id := range ids {
		for j := 0; j < len(g.Members); j++ { // want-advisory "nested-linear-search"
			if g.Members[j] == id {
				continue next
			}
		}
		out = append(out, id)
	}
	return out
}

// Join by key: the element's field against the outer element's field.
func attachRoles(users []User, grants []Grant) {
	for i := range users {
		for _, gr := range grants { // want-advisory "nested-linear-search"
			if gr.UserID == users[i].ID {
				users[i].Roles = gr.Roles
				break
			}
		}
	}
}

// A slice used as a seen-set while it grows: O(n²).
func unique(in []string) []string {
	var out []string
	for _, s := range in {
		if !slices.Contains(out, s) { // want-advisory "nested-linear-search"
			out = append(out, s)
		}
	}
	return out
}

func uniqueByLoop(in []int) []int {
	out := []int{}
	for _, v := range in {
		dup := false
		for _, o := range out { // want-advisory "nested-linear-search"
			if o == v {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, v)
		}
	}
	return out
}

// An alias of the element before the test; recording the match index is a lookup, not a
// membership test: not reported.
func lookupIndex(names []string, entries []Entry) []int {
	out := make([]int, len(names))
	for i, name := range names {
		out[i] = -1
		for j, e := range entries {
			key := e.Key
			if key == name {
				out[i] = j
				break
			}
		}
	}
	return out
}

// A large package-level table is still scanned per element.
var reserved = []string{
	"break", "case", "chan", "const", "continue", "default", "defer", "else",
	"fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
	"map", "package", "range", "return", "select", "struct", "switch", "type", "var",
}

func keywords(idents []string) int {
	n := 0
	for _, id := range idents {
		if slices.Contains(reserved, id) { // want-advisory "nested-linear-search"
			n++
		}
	}
	return n
}

type Grant struct {
	UserID int
	Roles  []string
}

type Entry struct {
	Key string
}
