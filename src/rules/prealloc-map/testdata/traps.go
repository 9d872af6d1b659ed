package traps

type Event struct {
	Kind string
	N    int
}

func fromChan(ch <-chan Event) map[string]int {
	m := make(map[string]int)
	for e := range ch {
		m[e.Kind] = e.N
	}
	return m
}

func fromFunc(seq func(func(Event) bool)) map[string]int {
	m := make(map[string]int)
	for e := range seq {
		m[e.Kind] = e.N
	}
	return m
}

func usedBefore(events []Event) map[string]int {
	m := make(map[string]int)
	m["total"] = len(events)
	for _, e := range events {
		m[e.Kind] = e.N
	}
	return m
}

func nested(groups [][]Event) map[string]int {
	m := make(map[string]int)
	for _, g := range groups {
		for _, e := range g {
			m[e.Kind] = e.N
		}
	}
	return m
}

func twoPerIteration(events []Event) map[string]int {
	m := map[string]int{}
	for _, e := range events {
		m[e.Kind] = e.N
		m[e.Kind+"/neg"] = -e.N
	}
	return m
}

func counts(events []Event) map[string]int {
	m := make(map[string]int)
	for _, e := range events {
		m[e.Kind]++
	}
	return m
}

func sums(events []Event) map[string]int {
	m := make(map[string]int)
	for _, e := range events {
		m[e.Kind] += e.N
	}
	return m
}

func unknownSource() map[string]int {
	m := make(map[string]int)
	for _, e := range load() {
		m[e.Kind] = e.N
	}
	return m
}

func alreadySized(events []Event) map[string]int {
	m := make(map[string]int, len(events))
	for _, e := range events {
		m[e.Kind] = e.N
	}
	return m
}

func prefilled(events []Event) map[string]int {
	m := map[string]int{"total": 0}
	for _, e := range events {
		m[e.Kind] = e.N
	}
	return m
}

func inClosure(events []Event) map[string]int {
	m := make(map[string]int)
	for _, e := range events {
		func() { m[e.Kind] = e.N }()
	}
	return m
}

func replaced(events []Event) map[string]int {
	m := make(map[string]int)
	for _, e := range events {
		m[e.Kind] = e.N
		if len(m) > 10 {
			m = make(map[string]int)
		}
	}
	return m
}

func namedMapType(events []Event) Totals {
	m := make(Totals)
	for _, e := range events {
		m[e.Kind] = e.N
	}
	return m
}

func namedSource(events Events) map[string]int {
	m := make(map[string]int)
	for _, e := range events {
		m[e.Kind] = e.N
	}
	return m
}

func headerUsesMap(events []Event) map[string]int {
	m := make(map[string]int)
	for i := 0; i < len(events) && len(m) < 10; i++ {
		m[events[i].Kind] = i
	}
	return m
}

func whileLoop(events []Event) map[string]int {
	m := make(map[string]int)
	for len(events) > 0 {
		m[events[0].Kind] = events[0].N
		events = events[1:]
	}
	return m
}

type Totals map[string]int

type Events []Event

func load() []Event { return nil }

// Grouping: keys repeat, and the body reads the map.
func group(events []Event) map[string][]Event {
	m := make(map[string][]Event)
	for _, e := range events {
		m[e.Kind] = append(m[e.Kind], e)
	}
	return m
}

// Dedupe: the map is read before the store, so fewer entries than iterations.
func firstIndex(events []Event) map[string]int {
	first := make(map[string]int)
	for i, e := range events {
		if _, ok := first[e.Kind]; ok {
			continue
		}
		first[e.Kind] = i
	}
	return first
}

// Interning by the map's own length.
func intern(names []string) map[string]int {
	ids := map[string]int{}
	for _, n := range names {
		ids[n] = len(ids)
	}
	return ids
}

// The map is passed to a helper that may write it.
func viaHelper(events []Event) map[string]int {
	m := make(map[string]int)
	for _, e := range events {
		if !lookup(m, e.Kind) {
			m[e.Kind] = e.N
		}
	}
	return m
}

func lookup(m map[string]int, k string) bool { _, ok := m[k]; return ok }

// Eight entries fit in a map's first bucket: a hint buys nothing.
func fewFlags() map[int]bool {
	m := make(map[int]bool)
	for i := 0; i < 8; i++ {
		m[i] = i%2 == 0
	}
	return m
}

// A dispatch loop: the store is one event kind among many.
func timers(events []Event) map[string]bool {
	timers := make(map[string]bool)
	for _, e := range events {
		switch e.Kind {
		case "timer":
			timers[e.Kind] = true
		case "stop":
			return nil
		}
	}
	return timers
}
