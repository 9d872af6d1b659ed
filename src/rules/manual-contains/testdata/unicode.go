package perms

import "slices"

// Größen in «Zoll» — 📏 and other non-ASCII text before the finding.
type Größe string

func verfügbar(größen []Größe, gesucht Größe) bool {
	for _, g := range größen { // want "manual-contains"
		if g == gesucht {
			return true
		}
	}
	return false
}

func stelle(wörter []string, wort string) int {
	for i, w := range wörter { // want "manual-contains"
		if w == wort {
			return i
		}
	}
	return -1
}

var _ = slices.Max[[]int]
