// go-standards-test: go=1.17
package p

// Before Go 1.18 `any` does not exist: nothing to report.
func box(v interface{}) interface{} {
	return v
}
