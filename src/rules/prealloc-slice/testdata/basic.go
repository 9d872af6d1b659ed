package p

type User struct {
	Name string
	Age  int
}

type Registry struct {
	users []User
	index map[string]int
}

func names(us []User) []string {
	var out []string // want "prealloc-slice"
	for _, u := range us {
		out = append(out, u.Name)
	}
	return out
}

func adults(us []User) []User {
	res := []User{} // want-advisory "prealloc-slice"
	for _, u := range us {
		if u.Age >= 18 {
			res = append(res, u)
		}
	}
	return res
}

func keys(m map[string]int) []string {
	ks := make([]string, 0) // want "prealloc-slice"
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func squares(n int) []int {
	var sq []int // want "prealloc-slice"
	for i := 0; i < n; i++ {
		sq = append(sq, i*i)
	}
	return sq
}

func runes(s string) []rune {
	var rs []rune // want "prealloc-slice"
	for _, r := range s {
		rs = append(rs, r)
	}
	return rs
}

func (r *Registry) Names() []string {
	var out []string // want "prealloc-slice"
	for _, u := range r.users {
		out = append(out, u.Name)
	}
	return out
}

func counted(xs []int) []int {
	var out []int // want "prealloc-slice"
	for i := 0; i < len(xs); i++ {
		out = append(out, xs[i]*2)
	}
	return out
}

func overInt(n int) []int {
	var out []int // want "prealloc-slice"
	for i := range n {
		out = append(out, i)
	}
	return out
}

func greet(us []User) []string {
	greeting := []string{} // want "prealloc-slice"
	prefix := "héllo, "
	for _, u := range us {
		greeting = append(greeting, prefix+u.Name)
	}
	return greeting
}
