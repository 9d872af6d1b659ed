package p

// A parameter named any shadows the predeclared alias inside this function: `any` advice
// would not compile there.
func params(any int, v interface{}) interface{} {
	_ = any
	return v
}

// Elsewhere in the file the alias is the predeclared one: reported, but without a suggestion
// (the file's own `any` makes a file-wide rewrite unsafe to check by syntax alone).
func other(v interface{}) { // want-advisory "empty-interface"
	_ = v
}

// A constant named any, below the first declaration in the block: only what follows it is in its scope.
func mixed() {
	var before interface{} // want-advisory "empty-interface"
	const any = 1
	var after interface{}
	_, _ = before, after
}
