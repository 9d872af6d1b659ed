package perms

import (
	"fmt"
	"slices"
)

type Role string

// A flag set on the first match, then break: the flag is the Contains result.
func isAdmin(roles []Role, admin Role) bool {
	found := false
	for _, r := range roles { // want "manual-contains"
		if r == admin {
			found = true
			break
		}
	}
	return found
}

// Cleared on the first match: the negation.
func allowed(blocked []string, user string) bool {
	var ok = true
	for _, b := range blocked { // want "manual-contains"
		if b == user {
			ok = false
			break
		}
	}
	return ok
}

// The flag starts from something else: the loop guards the assignment.
func seen(names []string, name string, fresh bool) bool {
	hit := fresh
	for i := range names { // want "manual-contains"
		if names[i] == name {
			hit = true
			break
		}
	}
	return hit
}

// A body run once for the first match, then break or return.
func warnOnce(ports []int, port int) {
	for _, p := range ports { // want "manual-contains"
		if p == port {
			fmt.Println("port in use:", port)
			break
		}
	}
}

func rejectReserved(reserved []string, name string) error {
	for _, r := range reserved { // want "manual-contains"
		if name == r {
			return fmt.Errorf("%q is reserved", name)
		}
	}
	return nil
}

// A predicate of the element type: slices.ContainsFunc.
func isPrivate(port int) bool { return port < 1024 }

func anyPrivate(ports []int) bool {
	for _, p := range ports { // want "manual-contains"
		if isPrivate(p) {
			return true
		}
	}
	return false
}

func anyMatch[T any](xs []T, match func(T) bool) bool {
	for _, x := range xs { // want "manual-contains"
		if match(x) {
			return true
		}
	}
	return false
}

// Not a plain search.

// The body reads the element: not what Contains returns.
func firstLong(names []string, name string) string {
	for _, n := range names {
		if n == name {
			fmt.Println(n)
			break
		}
	}
	return ""
}

// A break with nothing before it: the loop does nothing at all.
func noop(xs []int, x int) {
	for _, v := range xs {
		if v == x {
			break
		}
	}
}

// A continue in the body: the loop goes on after some matches.
func skipping(xs []int, x int, strict bool) bool {
	for _, v := range xs {
		if v == x {
			if strict {
				continue
			}
			return true
		}
	}
	return false
}

// No way out: every match runs the body.
func countAll(xs []int, x int) {
	for _, v := range xs {
		if v == x {
			fmt.Println("match")
		}
	}
}

// A variadic predicate, or one over an interface the element converts to, is not a func(E) bool.
func loose(int, ...any) bool { return true }

func anyLoose(xs []int) bool {
	for _, v := range xs {
		if loose(v) {
			return true
		}
	}
	return false
}

type Named interface{ Name() string }

type File string

func (f File) Name() string { return string(f) }

func anyNamed(files []File, pred func(Named) bool) bool {
	for _, f := range files {
		if pred(f) {
			return true
		}
	}
	return false
}

// A predicate whose declaration is not in the file.
func anyExternal(xs []int) bool {
	for _, v := range xs {
		if external(v) {
			return true
		}
	}
	return false
}

var _ = slices.Max[[]int]

// Against `any` elements a typed needle of another type does not infer (E is any, the needle an error).
func hasErr(vals []any, err error) {
	for _, v := range vals {
		if v == err {
			return
		}
	}
}
