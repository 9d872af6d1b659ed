package aliased

import (
	by "bytes"
	str "strings"
)

// Chemins: « a/b/c » → éléments.
func éléments(chemin string) []string {
	var out []string
	for _, e := range str.Split(chemin, "/") { // want-advisory "split-seq"
		out = append(out, "→ "+e)
	}
	return out
}

func champs(données []byte) int {
	n := 0
	lignes := by.Split(données, []byte("\n")) // want-advisory "split-seq"
	for _, l := range lignes {
		n += len(l)
	}
	return n
}

func notAdjacent(données []byte) int {
	n := 0
	lignes := by.Split(données, []byte("\n"))
	données[0] = 'x'
	for _, l := range lignes {
		n += len(l)
	}
	return n
}
