package perms

import "errors"

// Without the slices import: reported, and the message says which import to add.
func contains(xs []string, x string) bool {
	for _, v := range xs { // want "manual-contains"
		if v == x {
			return true
		}
	}
	return false
}

// The needle's type is not declared in this file: reported, no suggestion.
func (h *handler) allowed(methods []string) bool {
	for _, m := range methods { // want "manual-contains"
		if m == h.req.Method {
			return true
		}
	}
	return false
}

type handler struct{ req *request }

// An interface needle against concrete elements: `==` compiles, slices.Contains(errs, target) does not.
func anyOf(errs []*myErr, target error) bool {
	for _, e := range errs {
		if e == target {
			return true
		}
	}
	return false
}

type myErr struct{}

func (*myErr) Error() string { return "" }

var _ = errors.New

// An `any` needle against `error` elements: the same.
func anyErr(errs []error, x any) bool {
	for _, e := range errs {
		if e == x {
			return true
		}
	}
	return false
}

type request struct{ Method string }
