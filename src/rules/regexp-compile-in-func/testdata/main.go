package main

import (
	"fmt"
	"net/http"
	"os"
	re "regexp"
)

// main runs once: compiling there is fine, unless in a loop or a handler.
func main() {
	digits := re.MustCompile(`^\d+$`)
	for _, arg := range os.Args[1:] {
		fmt.Println(digits.MatchString(arg))
		fmt.Println(re.MustCompile(`^-`).MatchString(arg)) // want "regexp-compile-in-func"
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		// « Ünïcödé » 日本語 keeps the columns where they are.
		if re.MustCompile(`^/é+$`).MatchString(r.URL.Path) { // want "regexp-compile-in-func"
			fmt.Fprintln(w, "ok")
		}
	})
	func() {
		fmt.Println(re.MustCompile(`once`).String())
	}()
}
