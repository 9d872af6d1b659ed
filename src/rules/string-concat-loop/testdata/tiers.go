package p

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// One concatenation per input line, however long the input: a comment.
func readAll(r io.Reader) string {
	var text string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		text += sc.Text() + "\n" // want "string-concat-loop"
	}
	return text
}

// Each intermediate string is printed inside the loop: a Builder would still build it each time.
func progress(steps []string, w io.Writer) {
	done := ""
	for _, s := range steps {
		done += s + " "
		fmt.Fprintln(w, "done:", done)
	}
}

// Compared each iteration: used inside the loop, not reported.
func fit(words []string, width int) string {
	line := ""
	for _, w := range words {
		if len(line)+len(w) > width {
			break
		}
		line += w + " "
	}
	return strings.TrimSpace(line)
}

// Built for an error: a failure path over a few items, advisory even over input lines.
func unknownKeys(sc *bufio.Scanner) error {
	var keys string
	for sc.Scan() {
		keys += " " + sc.Text() // want-advisory "string-concat-loop"
	}
	return fmt.Errorf("unknown keys:%s", keys)
}
