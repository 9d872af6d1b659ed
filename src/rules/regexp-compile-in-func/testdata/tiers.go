package p

import (
	"errors"
	"regexp"
	"strings"
)

type Options struct {
	Listen string
	Tags   []string
}

// Reading configuration: may run once at startup, so advisory.
func (o *Options) check() error {
	hostPort := regexp.MustCompile(`^[a-z0-9.-]*:[0-9]+$`) // want-advisory "regexp-compile-in-func"
	if !hostPort.MatchString(o.Listen) {
		return errors.New("listen: want host:port")
	}
	return nil
}

// A helper that checks the string it is given: called once per value, a comment.
func normaliseTag(tag string) string {
	tag = regexp.MustCompile(`\s+`).ReplaceAllString(tag, "-") // want "regexp-compile-in-func"
	return strings.ToLower(regexp.MustCompile(`[^\w-]`).ReplaceAllString(tag, ""))
}

// Two patterns in a function that may run once: one advisory finding names both lines.
func describe(o *Options) string {
	word := regexp.MustCompile(`\w+`) // want-advisory "regexp-compile-in-func"
	space := regexp.MustCompile(`\s+`)
	return space.ReplaceAllString(strings.Join(word.FindAllString(o.Listen, -1), " "), " ")
}

// Must… and New… build a value once: not reported.
func MustOptions(listen string) *Options {
	_ = regexp.MustCompile(`^:[0-9]+$`)
	return &Options{Listen: listen}
}
