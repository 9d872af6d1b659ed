package aliased

import (
	by "bytes"
	str "strings"
)

// Zeichenketten mit Umlauten: äöü → ÄÖÜ.
func großschreiben(wörter []string) string {
	var sb str.Builder // want-advisory "builder-grow"
	for _, w := range wörter {
		sb.WriteString(str.ToUpper(w) + " ✓")
	}
	return sb.String()
}

func puffer(teile [][]byte) []byte {
	var p by.Buffer // want "builder-grow"
	for _, t := range teile {
		p.Write(t)
	}
	return p.Bytes()
}
