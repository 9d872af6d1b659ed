package health

import (
	"log"
	"net/http"
)

func serve(mux *http.ServeMux) {
	srv := &http.Server{ // want "http-server-timeouts"
		Addr:    ":8081",
		Handler: mux,
	}
	log.Fatal(srv.ListenAndServe())
}
