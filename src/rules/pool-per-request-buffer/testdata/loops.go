package relay

import (
	"bytes"
	"io"
	"net"
)

func pump(conns []net.Conn, dst io.Writer) {
	for _, c := range conns {
		buf := make([]byte, 4096) // want-advisory "pool-per-request-buffer"
		n, err := c.Read(buf)
		if err != nil {
			continue
		}
		dst.Write(buf[:n])
	}
}

func frames(r io.Reader, out io.Writer) error {
	for {
		// A buffer around a string allocates only its header: not reported.
		var frame = bytes.NewBufferString("")
		if _, err := io.CopyN(frame, r, 512); err != nil {
			return err
		}
		out.Write(frame.Bytes())
	}
}

func each(parts [][]byte, w io.Writer) {
	for _, p := range parts {
		var b *bytes.Buffer
		b = new(bytes.Buffer) // want-advisory "pool-per-request-buffer"
		b.Write(p)
		b.WriteTo(w)
	}
}

// Größe in Kibibyte — non-ASCII in a comment and a string: «ok».
func größe(n int, w io.Writer) {
	for i := 0; i < n; i++ {
		puffer := make([]byte, 1<<10) // want-advisory "pool-per-request-buffer"
		copy(puffer, "«ok»")
		w.Write(puffer)
	}
}
