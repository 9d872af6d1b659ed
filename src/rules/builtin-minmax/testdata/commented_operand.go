package limits

import "sync/atomic"

type backoff struct {
	current int64
	floor   int64
}

const ceiling = 1 << 20

// grow raises the wait by a quarter, capped above and floored below.
func (b *backoff) grow() int64 {
	next := min(
		// never past the ceiling
		atomic.LoadInt64(&b.current)*5/4, int64(ceiling))
	if next < b.floor { // want "builtin-minmax: keeps the larger value: `next := max\(…\)`"
		next = b.floor
	}
	return next
}
