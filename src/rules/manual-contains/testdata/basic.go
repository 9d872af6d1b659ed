package perms

import (
	"slices"
	"strings"
)

type Role string

type User struct {
	Name  string
	Roles []Role
	Tags  []string
}

type Codes []int

func hasRole(roles []string, want string) bool {
	for _, r := range roles { // want "manual-contains"
		if r == want {
			return true
		}
	}
	return false
}

// The needle on the left, an index loop over a field.
func (u *User) hasTag(tag string) bool {
	for i := range u.Tags { // want "manual-contains"
		if tag == u.Tags[i] {
			return true
		}
	}
	return false
}

func (u User) can(r Role) bool {
	for _, have := range u.Roles { // want "manual-contains"
		if have == r {
			return true
		}
	}
	return false
}

// Returning the position is slices.Index.
func indexOf(names []string, name string) int {
	for i, n := range names { // want "manual-contains"
		if n == name {
			return i
		}
	}
	return -1
}

func position(xs []float64, x float64) int {
	for i := 0; i < len(xs); i++ { // want "manual-contains"
		if xs[i] == x {
			return i
		}
	}
	return -1
}

// The negated form.
func missing(ids ...int64) bool {
	for _, id := range ids { // want "manual-contains"
		if id == 0 {
			return false
		}
	}
	return true
}

// A named slice type declared in the file.
func (c Codes) retryable(code int) bool {
	for _, x := range c { // want "manual-contains"
		if x == code {
			return true
		}
	}
	return false
}

// A slice made in the function.
func builtin(word string) bool {
	kw := make([]string, 0, 4)
	kw = append(kw, "func", "var")
	for _, k := range kw { // want "manual-contains"
		if k == word {
			return true
		}
	}
	return false
}

// strings.Split returns []string.
func allowedScheme(allow, scheme string) bool {
	for _, s := range strings.Split(allow, ":") { // want "manual-contains"
		if s == scheme {
			return true
		}
	}
	return false
}

// Comments inside the loop would be lost: reported, no suggestion.
func commented(xs []string, x string) bool {
	for _, v := range xs { // want "manual-contains"
		// exact match only
		if v == x {
			return true
		}
	}
	return false
}

// The needle's type cannot be read here (a field of a field): reported, no suggestion.
func (s *server) allowedMethod(methods []string) bool {
	for _, m := range methods { // want "manual-contains"
		if m == s.req.Method {
			return true
		}
	}
	return false
}

type server struct{ req *http }

type http struct{ Method string }

var _ = slices.Max[[]int]

// The whole helper re-spells slices.Contains: the advice is to delete it.
func stringInSlice(list []string, s string) bool {
	for _, v := range list { // want "manual-contains"
		if v == s {
			return true
		}
	}
	return false
}

func hasLabel(labels []string) bool {
	contains := func(xs []string, x string) bool {
		for _, v := range xs { // want "manual-contains"
			if v == x {
				return true
			}
		}
		return false
	}
	return contains(labels, "bug")
}
