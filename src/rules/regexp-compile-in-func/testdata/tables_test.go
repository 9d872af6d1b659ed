package validate

import (
	"regexp"
	"testing"
)

// Test functions run once: compiling in them is setup.
func TestEmail(t *testing.T) {
	re := regexp.MustCompile(`^\S+@\S+$`)
	if !re.MatchString("a@b.c") {
		t.Fatal("no match")
	}
}

func TestMain(m *testing.M) {
	_ = regexp.MustCompile(`^main$`)
	m.Run()
}

func ExampleValidSlug() {
	_ = regexp.MustCompile(`^[a-z]+$`)
}

// But inside the benchmark loop it is measured every time.
func BenchmarkMatch(b *testing.B) {
	for i := 0; i < b.N; i++ {
		regexp.MustCompile(`^[a-z]+$`).MatchString("abc") // want "regexp-compile-in-func"
	}
}

// Helpers are ordinary functions, called once per test case.
func mustMatch(t *testing.T, s string) {
	if !regexp.MustCompile(`^[a-z]+$`).MatchString(s) { // want-advisory "regexp-compile-in-func"
		t.Errorf("%q does not match", s)
	}
}

// A subtest runs once per call of its test; in a table loop, once per case.
func TestSubtests(t *testing.T) {
	t.Run("once", func(t *testing.T) {
		_ = regexp.MustCompile(`^once$`)
	})
	for _, name := range []string{"a", "b"} {
		t.Run(name, func(t *testing.T) {
			_ = regexp.MustCompile(`^per-case$`) // want-advisory "regexp-compile-in-func"
		})
	}
}
