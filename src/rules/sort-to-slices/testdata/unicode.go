package ranking

import (
	"cmp"
	"slices"
	"sort"
)

// Städte nach Einwohnerzahl — «größte zuerst» 🏙️.
type Stadt struct {
	Name      string // z. B. "München"
	Einwohner int
	Fläche    float64
}

func größteZuerst(städte []Stadt) {
	sort.Slice(städte, func(i, j int) bool { return städte[i].Einwohner > städte[j].Einwohner }) // want "sort-to-slices"
}

func nachFläche(städte []Stadt) {
	sort.Slice(städte, func(i, j int) bool { return städte[i].Fläche < städte[j].Fläche }) // want "sort-to-slices"
}

var (
	_ = cmp.Less[int]
	_ = slices.Max[[]int]
)
