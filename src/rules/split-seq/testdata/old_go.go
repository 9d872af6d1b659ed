// go-standards-test: go=1.23
package oldgo

import "strings"

// SplitSeq does not exist before Go 1.24: nothing to report.
func parts(s string) {
	for _, p := range strings.Split(s, ",") {
		println(p)
	}
}
