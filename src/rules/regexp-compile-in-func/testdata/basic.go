package validate

import (
	"net/http"
	"regexp"
	"strings"
)

const slugPattern = `^[a-z0-9]+(?:-[a-z0-9]+)*$`

// Recompiled on every call.
func ValidEmail(s string) bool {
	re := regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[a-z]{2,}$`) // want "regexp-compile-in-func"
	return re.MatchString(s)
}

func ValidSlug(s string) bool {
	return regexp.MustCompile(slugPattern).MatchString(s) // want "regexp-compile-in-func"
}

func parseVersion(v string) ([]string, error) {
	re, err := regexp.Compile("^v(\\d+)\\.(\\d+)\\.(\\d+)$") // want "regexp-compile-in-func"
	if err != nil {
		return nil, err
	}
	return re.FindStringSubmatch(v), nil
}

// Recompiled on every iteration.
func countDates(lines []string) int {
	n := 0
	for _, line := range lines {
		if regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).MatchString(line) { // want "regexp-compile-in-func"
			n++
		}
	}
	return n
}

// regexp.MatchString compiles its pattern each time: in a loop that is once per element.
func filterHex(words []string) []string {
	var out []string
	for _, w := range words {
		if ok, _ := regexp.MatchString("^[0-9a-f]+$", w); ok { // want "regexp-compile-in-func"
			out = append(out, w)
		}
	}
	return out
}

// Recompiled on every request.
func handleLookup(w http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, "/users/")
	if !regexp.MustCompile(`^[0-9]+$`).MatchString(id) { // want "regexp-compile-in-func"
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/tags/", func(w http.ResponseWriter, r *http.Request) {
		tag := regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(r.URL.Path, "-") // want "regexp-compile-in-func"
		w.Write([]byte(tag))
	})
}

type Tokenizer struct{ words *regexp.Regexp }

// A constructor runs once per value it builds: not reported.
func NewTokenizer() *Tokenizer {
	return &Tokenizer{words: regexp.MustCompile(`\w+`)}
}

// A goroutine per item, each compiling the same pattern.
func scanAll(items []string, out chan<- bool) {
	for _, it := range items {
		go func(s string) {
			out <- regexp.MustCompile(`^\s*$`).MatchString(s) // want "regexp-compile-in-func"
		}(it)
	}
}

// Every package-level match function compiles its pattern.
func tally(lines [][]byte, src []string) (n int) {
	for _, l := range lines {
		if ok, _ := regexp.Match(`^#`, l); ok { // want "regexp-compile-in-func"
			n++
		}
	}
	for i := 0; i < len(src); i++ {
		// One finding per function: this line is named in the finding above.
		ok, _ := regexp.MatchReader(`^\s*$`, strings.NewReader(src[i]))
		if ok {
			n++
		}
	}
	return n
}
