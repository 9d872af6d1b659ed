package dedupe

import "strings"

type User struct {
	ID    int
	Email string
	Name  string
}

// The standard's own example: every later element compared with the current one.
func findDuplicates(data []string) []string {
	var duplicates []string
	for i := 0; i < len(data); i++ {
		for j := i + 1; j < len(data); j++ { // want "quadratic-duplicates"
			if data[i] == data[j] {
				duplicates = append(duplicates, data[i])
			}
		}
	}
	return duplicates
}

func hasDuplicateEmail(users []User) bool {
	for i := range users {
		for j := i + 1; j < len(users); j++ { // want "quadratic-duplicates"
			if users[i].Email == users[j].Email {
				return true
			}
		}
	}
	return false
}

// A comment naming the cost is not a reason to accept it.
func repeatedTags(tags []string) []string {
	var out []string
	for i := 0; i < len(tags); i++ {
		for j := i + 1; j < len(tags); j++ { // O(n²) - keep the input bounded // want "quadratic-duplicates"
			if tags[i] == tags[j] {
				out = append(out, tags[i])
			}
		}
	}
	return out
}

// The element variable of the outer range stands for users[i].
func firstRepeatedID(users []*User) (int, bool) {
	for i, u := range users {
		for j := i + 1; j < len(users); j++ { // want "quadratic-duplicates"
			if users[j].ID == u.ID {
				return u.ID, true
			}
		}
	}
	return 0, false
}

// Ranging over the rest of the slice.
func countRepeats(words []string) int {
	n := 0
	for i, w := range words {
		for _, other := range words[i+1:] { // want "quadratic-duplicates"
			if strings.EqualFold(w, other) {
				continue
			}
			if w == other {
				n++
				break
			}
		}
	}
	return n
}

// Comparing with the earlier elements instead of the later ones.
func validateIDs(ids []uint32) error {
	for i := 1; i < len(ids); i++ {
		for j := 0; j < i; j++ { // want "quadratic-duplicates"
			if ids[i] == ids[j] {
				return errDuplicate
			}
		}
	}
	return nil
}

// Locals holding each side, as real code often names them.
func (c *Catalog) duplicateSKUs() []string {
	var out []string
	for i := 0; i < len(c.items)-1; i++ {
		si := c.items[i].SKU
		for j := i + 1; j < len(c.items); j++ { // want "quadratic-duplicates"
			sj := c.items[j].SKU
			if sj != "" && si == sj {
				out = append(out, si)
			}
		}
	}
	return out
}

// Every ordered pair, skipping the element itself.
func anyEqualPair(xs []float64) bool {
	for i := range xs {
		for j := range xs { // want "quadratic-duplicates"
			if i != j && xs[i] == xs[j] {
				return true
			}
		}
	}
	return false
}

func anyEqualPairSkip(names []string) bool {
	for i := 0; i < len(names); i++ {
		for j := 0; j < len(names); j++ { // want "quadratic-duplicates"
			if i == j {
				continue
			}
			if names[j] == names[i] {
				return true
			}
		}
	}
	return false
}

// A compound key.
type Point struct{ X, Y int }

func repeatedPoint(ps []Point) bool {
	for i := 0; i < len(ps); i++ {
		for j := i + 1; j < len(ps); j++ { // want "quadratic-duplicates"
			if ps[i].X == ps[j].X && ps[i].Y == ps[j].Y {
				return true
			}
		}
	}
	return false
}

// Same name, different record.
func conflictingNames(users []User) [][2]int {
	var out [][2]int
	for i := range users {
		for j := i + 1; j < len(users); j++ { // want "quadratic-duplicates"
			if users[i].Name == users[j].Name && users[i].ID != users[j].ID {
				out = append(out, [2]int{users[i].ID, users[j].ID})
			}
		}
	}
	return out
}

// Removing duplicates in place is still a pair scan.
func uniqueInPlace(xs []int) []int {
	for i := 0; i < len(xs); i++ {
		for j := i + 1; j < len(xs); { // want "quadratic-duplicates"
			if xs[i] == xs[j] {
				xs = append(xs[:j], xs[j+1:]...)
			} else {
				j++
			}
		}
	}
	return xs
}

type Catalog struct {
	items []Item
}

type Item struct {
	SKU string
}

var errDuplicate error
