package p

import "fmt"

var registry map[string]interface{} // want-advisory "empty-interface"

type Named interface {
	Name() string
}

type Embeds interface{ fmt.Stringer }

// A comment inside the braces is kept as it is: not reported.
type Documented interface {
	// intentionally empty
}

func describe(v interface{}) string { // want-advisory "empty-interface"
	return fmt.Sprint(v)
}

func pair(a interface{}, b interface{}) (interface{}, error) { // want-advisory "empty-interface"
	return a, nil
}

func generic[T interface{}](v T) T { // want-advisory "empty-interface"
	return v
}

func already(v any) any {
	return v
}

func literal() {
	s := []interface{}{"héllo", 1} // want-advisory "empty-interface"
	_ = s
	_ = interface {
		M()
	}(nil)
}
