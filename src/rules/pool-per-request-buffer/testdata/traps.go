package traps

import (
	"bytes"
	"io"
	"net/http"
	"testing"
)

const small = 512

func smallBuffers(n int, w io.Writer) {
	for i := 0; i < n; i++ {
		b := make([]byte, small)
		w.Write(b)
		c := make([]byte, 1023)
		w.Write(c)
	}
}

func variableSize(sizes []int, w io.Writer) {
	for _, n := range sizes {
		b := make([]byte, n)
		w.Write(b)
	}
}

func outsideLoop(r io.Reader, w io.Writer) {
	buf := make([]byte, 32*1024)
	for {
		n, err := r.Read(buf)
		if err != nil {
			return
		}
		w.Write(buf[:n])
	}
}

func kept(r io.Reader, n int) [][]byte {
	var chunks [][]byte
	for i := 0; i < n; i++ {
		buf := make([]byte, 4096)
		io.ReadFull(r, buf)
		chunks = append(chunks, buf)
	}
	return chunks
}

func stored(bufs [][]byte) {
	for i := range bufs {
		bufs[i] = make([]byte, 4096)
	}
}

func sent(r io.Reader, ch chan<- []byte) {
	for {
		buf := make([]byte, 8192)
		n, err := r.Read(buf)
		if err != nil {
			close(ch)
			return
		}
		ch <- buf[:n]
	}
}

func lastOne(r io.Reader, n int) []byte {
	var last []byte
	for i := 0; i < n; i++ {
		buf := make([]byte, 2048)
		k, _ := r.Read(buf)
		last = buf[:k]
	}
	return last
}

func returned(n int) *bytes.Buffer {
	for i := 0; i < n; i++ {
		if i == n-1 {
			return new(bytes.Buffer)
		}
	}
	return nil
}

func lazy(rs []io.Reader, w io.Writer) {
	var buf []byte
	for _, r := range rs {
		if buf == nil {
			buf = make([]byte, 4096)
		}
		n, _ := r.Read(buf)
		w.Write(buf[:n])
	}
}

func captured(rs []io.Reader, done chan struct{}) {
	for _, r := range rs {
		buf := make([]byte, 4096)
		go func() {
			r.Read(buf)
			done <- struct{}{}
		}()
	}
}

type holder struct{ buf []byte }

func fields(hs []*holder) {
	for _, h := range hs {
		h.buf = make([]byte, 4096)
	}
}

func inHeader(r io.Reader) {
	for buf := make([]byte, 4096); ; {
		if _, err := r.Read(buf); err != nil {
			return
		}
	}
}

func notHandler(w io.Writer, r *http.Request) {
	buf := make([]byte, 4096)
	w.Write(buf)
}

func BenchmarkAlloc(b *testing.B) {
	for i := 0; i < b.N; i++ {
		buf := make([]byte, 4096)
		_ = buf
	}
}

func BenchmarkParallel(b *testing.B) {
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			var buf = new(bytes.Buffer)
			buf.WriteString("x")
		}
	})
}

func literal(n int) []*holder {
	var hs []*holder
	for i := 0; i < n; i++ {
		hs = append(hs, &holder{buf: make([]byte, 4096)})
	}
	return hs
}

var sink []byte

func garbage(n int) {
	for i := 0; i < n; i++ {
		sink = make([]byte, 1<<10)
	}
}

func keptAfterLoop(n int) []byte {
	var b []byte
	for i := 0; i < n; i++ {
		b = make([]byte, 2048)
		fill(b)
	}
	return b
}

type request struct {
	Body io.Reader
}

func wrapped(n int) []request {
	var rs []request
	for i := 0; i < n; i++ {
		rs = append(rs, request{Body: io.NopCloser(new(bytes.Buffer))})
	}
	return rs
}

func fill(b []byte) {}
