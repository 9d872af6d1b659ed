// go-standards-test: go=1.20
package perms

// Before Go 1.21 there is no slices package.
func oldContains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
