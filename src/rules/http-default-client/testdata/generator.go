//go:generate go run generator.go

// A maintainer's program that fetches a pinned asset when run by hand.
package main

import (
	"io"
	"log"
	"net/http"
	"os"
)

func main() {
	resp, err := http.Get("https://cdn.example/widgets/v2.1.0/widgets.min.js") // want-advisory "http-default-client"
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := os.Create("widgets.min.js")
	if err != nil {
		log.Fatal(err)
	}
	io.Copy(out, resp.Body)
}
