package relay

import (
	"bytes"
	"io"
	"net"
)

func pump(conns []net.Conn, dst io.Writer) {
	for _, c := range conns {
		buf := make([]byte, 4096) // want "pool-per-request-buffer"
		n, err := c.Read(buf)
		if err != nil {
			continue
		}
		dst.Write(buf[:n])
	}
}

func frames(r io.Reader, out io.Writer) error {
	for {
		var frame = bytes.NewBufferString("") // want "pool-per-request-buffer"
		if _, err := io.CopyN(frame, r, 512); err != nil {
			return err
		}
		out.Write(frame.Bytes())
	}
}

func each(parts [][]byte, w io.Writer) {
	for _, p := range parts {
		var b *bytes.Buffer
		b = new(bytes.Buffer) // want "pool-per-request-buffer"
		b.Write(p)
		b.WriteTo(w)
	}
}

// Größe in Kibibyte — non-ASCII in a comment and a string: «ok».
func größe(n int, w io.Writer) {
	for i := 0; i < n; i++ {
		puffer := make([]byte, 1<<10) // want "pool-per-request-buffer"
		copy(puffer, "«ok»")
		w.Write(puffer)
	}
}
