package ranking

import (
	"sort"
	"time"
)

type Event struct {
	At       time.Time
	Priority int
	Name     string
}

// No "slices" import: reported, and the message names the import to add.
func sortKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func byPriority(events []Event) {
	sort.Slice(events, func(i, j int) bool { return events[i].Priority < events[j].Priority }) // want "sort-to-slices"
}

// Two keys: a comparator the reviewer writes with cmp.Compare (or cmp.Or).
func byPriorityThenName(events []Event) {
	sort.SliceStable(events, func(i, j int) bool { // want-advisory "sort-to-slices"
		if events[i].Priority != events[j].Priority {
			return events[i].Priority < events[j].Priority
		}
		return events[i].Name < events[j].Name
	})
}

// A method, not an operator.
func chronological(events []Event) {
	sort.Slice(events, func(i, j int) bool { return events[i].At.Before(events[j].At) }) // want-advisory "sort-to-slices"
}

var _ = sort.IntSlice(nil)
