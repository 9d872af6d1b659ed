package p

func fromChan(ch <-chan int) []int {
	var out []int
	for v := range ch {
		out = append(out, v)
	}
	return out
}

func fromFunc(seq func(func(int) bool)) []int {
	var out []int
	for v := range seq {
		out = append(out, v)
	}
	return out
}

func spread(groups [][]int) []int {
	var out []int
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func usedBefore(xs []int) []int {
	var out []int
	out = append(out, 0)
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func nested(rows [][]int) []int {
	var out []int
	for _, row := range rows {
		for _, v := range row {
			out = append(out, v)
		}
	}
	return out
}

func unknownType() []int {
	var out []int
	for _, v := range source() {
		out = append(out, v)
	}
	return out
}

func twoPerIteration(xs []int) []int {
	var out []int
	for _, x := range xs {
		out = append(out, x)
		out = append(out, -x)
	}
	return out
}

func namedResult(xs []int) (out []int) {
	for _, x := range xs {
		out = append(out, x)
	}
	return
}

func inferredType(xs []int) []int {
	out := source()[:0]
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func alreadySized(xs []int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func inClosure(xs []int) []int {
	var out []int
	for _, x := range xs {
		func() { out = append(out, x) }()
	}
	return out
}

func resliced(xs []int) []int {
	var out []int
	for _, x := range xs {
		out = append(out, x)
		if len(out) > 3 {
			out = out[1:]
		}
	}
	return out
}

func namedSliceType(xs Items) []int {
	var out []int
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

type Items []int

func source() []int { return nil }

type event struct {
	kind int
	id   int
}

// A dispatch loop: only some kinds append, so the input's length is no fair capacity.
func dispatch(events []event) []int {
	var timers []int
	for _, ev := range events {
		switch ev.kind {
		case 1:
			timers = append(timers, ev.id)
		case 2:
			continue
		}
	}
	return timers
}
