package p

import "fmt"

var registry map[string]interface{} // want "empty-interface"

type Named interface {
	Name() string
}

type Embeds interface{ fmt.Stringer }

// A comment inside the braces is kept as it is: not reported.
type Documented interface {
	// intentionally empty
}

func describe(v interface{}) string { // want "empty-interface"
	return fmt.Sprint(v)
}

func pair(a interface{}, b interface{}) (interface{}, error) { // want "empty-interface"
	return a, nil
}

func generic[T interface{}](v T) T { // want "empty-interface"
	return v
}

func already(v any) any {
	return v
}

func literal() {
	s := []interface{}{"héllo", 1} // want "empty-interface"
	_ = s
	_ = interface {
		M()
	}(nil)
}
