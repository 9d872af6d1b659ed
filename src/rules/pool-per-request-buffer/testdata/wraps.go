package p

import (
	"bytes"
	"io"
	"net/http"
)

type command struct{ out, errOut io.Writer }

func (c *command) SetOut(w io.Writer) { c.out = w }
func (c *command) SetErr(w io.Writer) { c.errOut = w }

// Readers over data the handler already has: nothing to pool.
func echo(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	io.Copy(w, bytes.NewBuffer(body))
	io.Copy(w, bytes.NewBufferString(r.URL.Path))
	io.Copy(w, bytes.NewBuffer(nil))
}

// A buffer handed to a setter is kept by the command: pooling it would hand it out twice.
func run(w http.ResponseWriter, r *http.Request) {
	c := &command{}
	out := new(bytes.Buffer)
	c.SetOut(out)
	c.SetErr(out)
	w.Write(out.Bytes())
}

// A fresh buffer per request, written and dropped: a comment.
func render(w http.ResponseWriter, r *http.Request) {
	page := new(bytes.Buffer) // want "pool-per-request-buffer"
	page.WriteString(r.URL.Path)
	w.Write(page.Bytes())
}
