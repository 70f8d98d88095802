package sources

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

// TestURLCharacters: a URL holding a space (or |, {, }, ^, `, \, <, >,
// ", a control) passed Check, and its RDF export was an IRI that rapper
// and the RDF reader refuse. Check refuses it, naming the character and
// its percent-encoding; EscapeURL gives the address Check accepts, which
// decodes to the same, and leaves valid URLs (percent-encoded or not
// ASCII) as they are.
func TestURLCharacters(t *testing.T) {
	for _, c := range []string{" ", "|", "{", "}", "^", "`", `\`, "<", ">", `"`, "\t", "\x7f"} {
		u := "https://ex.org/kim" + c + "jong?q=a" + c + "b"
		s := Source{ID: "s", Kind: NewsArticle, URL: u}
		errs := s.Check()
		if len(errs) != 1 || !errors.Is(errs[0], ErrInvalidURL) || errs[0].Field != "url" {
			t.Errorf("%q: Check gave %v, want one ErrInvalidURL at url", u, errs)
			continue
		}
		if want := EscapeURL(c); !strings.Contains(errs[0].Error(), "as "+want) || len(want) != 3 {
			t.Errorf("%q: %v does not say to write it %s", u, errs[0], want)
		}
		s.URL = EscapeURL(u)
		if errs := s.Check(); len(errs) != 0 {
			t.Errorf("%q escaped as %q: Check gave %v", u, s.URL, errs)
		}
		if back, err := url.PathUnescape(s.URL); err != nil || back != u {
			t.Errorf("%q escaped as %q decodes to %q, %v", u, s.URL, back, err)
		}
	}
	for _, u := range []string{"https://ex.org/kim%20jong%7Cun", "https://de.wikipedia.org/wiki/Köln", "https://example.com/a?q=1&r=[2]#x"} {
		if got := EscapeURL(u); got != u {
			t.Errorf("EscapeURL(%q) = %q, want it unchanged", u, got)
		}
		if errs := (Source{ID: "s", Kind: NewsArticle, URL: u}).Check(); len(errs) != 0 {
			t.Errorf("%q: Check gave %v", u, errs)
		}
	}
}

// TestCheckURL: the one test of a web address, which sources' URLs must
// pass and the writers of reviews ask of reviews' URLs: an absolute http
// or https URL with a host and no character a URL may not hold.
func TestCheckURL(t *testing.T) {
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"https://desk.example/reviews/a", true},
		{"http://desk.example", true},
		{"HTTPS://Desk.Example/A?q=1#x", true},
		{"https://de.wikipedia.org/wiki/Köln", true},
		{"https://ex.org/kim%20jong", true},
		{"javascript:alert(1)", false},
		{"JavaScript://desk.example/%0aalert(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"vbscript:msgbox(1)", false},
		{"ftp://desk.example/a", false},
		{"mailto:desk@example.org", false},
		{"//desk.example/a", false},
		{"/reviews/a", false},
		{"desk.example/a", false},
		{"https://", false},
		{"https:///a", false},
		{"https://desk.example/a b", false},
		{"", false},
		// A host that url.Parse finds is only a port: no host at all.
		{"http://:80", false},
		{"https://:443/reviews/a", false},
		{"http://desk@:80/a", false},
		{"http://desk@desk.example/a", true},
		{"http://[::1]:8080/a", true},
		{"http://desk.example:65535/", true},
		{"http://desk.example:65536/", false},
		{"http://desk.example:0/", false},
		{"http://desk.example:99999999999999999999/", false},
		// A C1 control is a control, in no IRI (RFC 3987).
		{"https://desk.example/a\u0085b", false},
		{"https://desk.example/a\u009fb", false},
		{"https://desk.example/a\u00a0b", true}, // ucschar of RFC 3987
	} {
		err := CheckURL(tc.url)
		if tc.ok && err != nil || !tc.ok && !errors.Is(err, ErrInvalidURL) {
			t.Errorf("CheckURL(%q) = %v, want ok %v", tc.url, err, tc.ok)
		}
	}
}
