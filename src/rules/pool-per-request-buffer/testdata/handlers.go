package server

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

const chunk = 64 << 10

type Item struct{ Name string }

func upload(w http.ResponseWriter, r *http.Request) {
	buf := make([]byte, 32*1024) // want "pool-per-request-buffer"
	n, _ := io.ReadFull(r.Body, buf)
	w.Write(buf[:n])
}

func render(w http.ResponseWriter, r *http.Request) {
	var items []Item
	buf := new(bytes.Buffer) // want "pool-per-request-buffer"
	if err := json.NewEncoder(buf).Encode(items); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(buf.Bytes())
}

func echo(w http.ResponseWriter, r *http.Request) {
	body := bytes.NewBuffer(make([]byte, 0, chunk)) // want "pool-per-request-buffer"
	io.Copy(body, r.Body)
	io.Copy(w, body)
}

func proxy(w http.ResponseWriter, req *http.Request) {
	io.CopyBuffer(w, req.Body, make([]byte, chunk)) // want "pool-per-request-buffer"
}

type API struct{ prefix string }

func (a *API) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	out := &bytes.Buffer{} // want "pool-per-request-buffer"
	out.WriteString(a.prefix)
	rw.Write(out.Bytes())
}

func register(mux *http.ServeMux) {
	mux.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {
		scratch := make([]byte, 0, 4096) // want "pool-per-request-buffer"
		scratch = append(scratch, "pong"...)
		w.Write(scratch)
	})
}
