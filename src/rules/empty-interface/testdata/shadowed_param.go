package p

// A parameter named any shadows the predeclared alias inside this function: the rewrite
// would not compile there, so no suggestion is offered in this file.
func params(any int, v interface{}) interface{} { // want-advisory "empty-interface"
	_ = any
	return v
}
