package inventory

import "strings"

type Item struct {
	SKU   string
	Name  string
	Price int
}

type Catalog struct {
	items []Item
	tags  map[string][]string
}

func bySKU(items []Item) map[string]Item {
	m := make(map[string]Item) // want "prealloc-map"
	for _, it := range items {
		m[it.SKU] = it
	}
	return m
}

func priced(items []Item) map[string]int {
	prices := map[string]int{} // want-advisory "prealloc-map"
	for _, it := range items {
		if it.Price > 0 {
			prices[it.SKU] = it.Price
		}
	}
	return prices
}

func invert(m map[string]int) map[int]string {
	inv := make(map[int]string, 0) // want "prealloc-map"
	for k, v := range m {
		inv[v] = k
	}
	return inv
}

func squares(n int) map[int]int {
	var sq = make(map[int]int) // want "prealloc-map"
	for i := 0; i < n; i++ {
		sq[i] = i * i
	}
	return sq
}

func (c *Catalog) Index() map[string]*Item {
	idx := make(map[string]*Item) // want "prealloc-map"
	for i := range c.items {
		idx[strings.ToLower(c.items[i].Name)] = &c.items[i]
	}
	return idx
}

func positions(n int) map[int]bool {
	seen := map[int]bool{} // want "prealloc-map"
	for i := range n {
		seen[i] = true
	}
	return seen
}

func letters(word string) map[rune]struct{} {
	set := make(map[rune]struct{}) // want "prealloc-map"
	for _, r := range word {
		set[r] = struct{}{}
	}
	return set
}

func counted(keys []string) map[string]int {
	// Index positions, skipping blanks.
	pos := make(map[string]int) // want-advisory "prealloc-map"
	for i := 0; i < len(keys); i++ {
		if keys[i] == "" {
			continue
		}
		if k := keys[i]; len(k) > 1 {
			pos[k] = i
		}
	}
	return pos
}
