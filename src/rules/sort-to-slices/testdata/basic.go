package ranking

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

type Player struct {
	Name  string
	Score int
	Rank  float64
}

type Players []Player

type Board struct {
	players []Player
	tags    []string
}

func sortNames(names []string, ids []int, weights []float64) {
	sort.Strings(names)

	sort.Ints(ids)

	sort.Float64s(weights)
}

func byScore(ps []Player) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].Score < ps[j].Score }) // want "sort-to-slices"
}

func byScoreDesc(ps []Player) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].Score > ps[j].Score }) // want "sort-to-slices"
}

func byRankDesc(ps Players) {
	sort.SliceStable(ps, func(i, j int) bool { // want "sort-to-slices"
		return ps[j].Rank < ps[i].Rank
	})
}

func (b *Board) sortPlayers() {
	sort.SliceStable(b.players, func(x, y int) bool { // want "sort-to-slices"
		return strings.ToLower(b.players[x].Name) < strings.ToLower(b.players[y].Name)
	})
}

func (b *Board) sortTags() {
	sort.Slice(b.tags, func(i, j int) bool { return b.tags[i] < b.tags[j] }) // want "sort-to-slices"
}

func stableWords(words ...string) {
	sort.SliceStable(words, func(i, j int) bool { return words[i] < words[j] }) // want "sort-to-slices"
}

func stableFloats(n int) []float64 {
	xs := make([]float64, n)
	sort.SliceStable(xs, func(i, j int) bool { return xs[i] < xs[j] }) // want "sort-to-slices"
	return xs
}

// The parameter names a and b are taken by the comparison: the suggestion picks others.
func aroundPivot(a []Player, b int) {
	sort.Slice(a, func(i, j int) bool { return a[i].Score-b < a[j].Score-b }) // want "sort-to-slices"
}

var _ = cmp.Less[int]
var _ = slices.Max[[]int]
