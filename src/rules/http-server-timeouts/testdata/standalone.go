//go:build ignore

// A program run by hand to try the handlers out.
package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", http.FileServer(http.Dir("."))) // want-advisory "http-server-timeouts"
}
