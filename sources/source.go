package sources

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
)

// Kind says what a [Source] is. The zero value is invalid, so that a
// forgotten kind is caught by validation.
type Kind uint8

// The kinds of source. Informant is a person that reports rely on, named
// or anonymous ("a source inside North Korea"), modelled as a source so
// that two outlets quoting one informant are seen to share an origin.
const (
	NewsArticle Kind = iota + 1
	Wire
	Broadcast
	SocialPost
	Video
	OfficialStatement
	Report
	Interview
	Informant
	Other
)

var kinds = claims.Enum{
	Names: []string{"", "news-article", "wire", "broadcast", "social-post", "video",
		"official-statement", "report", "interview", "informant", "other"},
	What: "source kind",
}

// String returns the YAML name of k ("news-article", "video"...).
func (k Kind) String() string { return kinds.Name(int(k)) }

// ParseKind parses the YAML name of a source kind.
func ParseKind(s string) (Kind, error) {
	i, err := kinds.Parse(s)
	return Kind(i), err
}

// MarshalText implements [encoding.TextMarshaler].
func (k Kind) MarshalText() ([]byte, error) { return kinds.Marshal(int(k)) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	*k = v
	return err
}

// Primary reports whether a source of kind k is first-hand material by
// nature (a video, a social post, an official statement, an interview, an
// informant), as opposed to reporting that may rest on other sources.
func (k Kind) Primary() bool {
	switch k {
	case Video, SocialPost, OfficialStatement, Interview, Informant:
		return true
	}
	return false
}

// DerivationKind says how a source draws on another.
type DerivationKind uint8

// The kinds of derivation between sources.
const (
	Cites DerivationKind = iota + 1
	Quotes
	Republishes
	Translates
)

var derivationKinds = claims.Enum{
	Names: []string{"", "cites", "quotes", "republishes", "translates"},
	What:  "derivation kind",
}

// String returns the YAML name of k ("cites", "quotes"...).
func (k DerivationKind) String() string { return derivationKinds.Name(int(k)) }

// ParseDerivationKind parses the YAML name of a derivation kind.
func ParseDerivationKind(s string) (DerivationKind, error) {
	i, err := derivationKinds.Parse(s)
	return DerivationKind(i), err
}

// MarshalText implements [encoding.TextMarshaler].
func (k DerivationKind) MarshalText() ([]byte, error) { return derivationKinds.Marshal(int(k)) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *DerivationKind) UnmarshalText(b []byte) error {
	v, err := ParseDerivationKind(string(b))
	*k = v
	return err
}

// Source is where claims appear: an article, a wire report, a broadcast,
// a social post, a video, an official statement, an informant.
type Source struct {
	ID          string
	Title       string
	Publisher   string // the outlet
	URL         string // absolute http or https URL
	Author      string
	Published   claims.Date // publication date, possibly partial
	Kind        Kind
	DerivedFrom []Derivation // the sources this one draws on
	Note        string
	Inferred    []claims.Inference
	Merged      []string // IDs of sources merged into this one, which still name it
}

// Derivation is a link from a source to a source it draws on.
type Derivation struct {
	Source string // ID of the source drawn on
	Kind   DerivationKind
	Note   string
}

// Check validates s on its own: ID, kind, URL, the form of its derivation
// links. Whether the linked sources exist is checked by the graph.
func (s Source) Check() []*claims.FieldError {
	var list []*claims.FieldError
	add := func(field string, err error) {
		list = append(list, &claims.FieldError{Kind: "source", ID: s.ID, Field: field, Err: err})
	}
	if err := claims.CheckID(s.ID); err != nil {
		add("id", err)
	}
	if s.Kind == 0 {
		add("kind", fmt.Errorf("%w %q", claims.ErrMissingField, "kind"))
	} else if _, err := s.Kind.MarshalText(); err != nil {
		add("kind", err)
	}
	if s.URL != "" {
		if err := CheckURL(s.URL); err != nil {
			add("url", err)
		}
	}
	for i, d := range s.DerivedFrom {
		f := fmt.Sprintf("derived_from[%d].", i)
		if err := claims.CheckID(d.Source); err != nil {
			add(f+"source", err)
		}
		if d.Kind == 0 {
			add(f+"kind", fmt.Errorf("%w %q", claims.ErrMissingField, "kind"))
		} else if _, err := d.Kind.MarshalText(); err != nil {
			add(f+"kind", err)
		}
	}
	for i, in := range s.Inferred {
		f := fmt.Sprintf("inferred[%d].", i)
		if in.Field == "" {
			add(f+"field", fmt.Errorf("%w %q", claims.ErrMissingField, "field"))
		}
		if in.Sentence == "" {
			add(f+"sentence", fmt.Errorf("%w %q", claims.ErrMissingField, "sentence"))
		}
	}
	return list
}

// Clone returns a deep copy of s, sharing no slices with it.
func (s Source) Clone() Source {
	s.DerivedFrom = slices.Clone(s.DerivedFrom)
	s.Inferred = slices.Clone(s.Inferred)
	s.Merged = slices.Clone(s.Merged)
	return s
}

// CheckURL reports whether s is a web address: an absolute http or https
// URL with a host name or address (and a port, if any, from 1 to 65535),
// holding no character that no URL may hold (see
// [EscapeURL]). The error, which wraps [ErrInvalidURL], says which rule s
// breaks. A source's URL must be one ([Source.Check]); a review's
// (claims.Review.URL) loads whatever it is, but the writers of reviews
// leave out one that is not (package graph/claimreview) and
// graph.ReadOptions.Warn is told of it. It is the one test of a web
// address in the module: whatever else needs to know whether an address
// is one to link to asks it.
func CheckURL(s string) error {
	if i := strings.IndexFunc(s, notInURL); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return fmt.Errorf("%w %s: holds %q, which a URL may not (RFC 3986) nor an RDF export hold: write it percent-encoded, as %s",
			ErrInvalidURL, claims.Quote(s), r, EscapeURL(string(r)))
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%w %s: want an absolute http or https URL", ErrInvalidURL, claims.Quote(s))
	}
	// url.Parse takes "http://:80" and "http://user@:80" to have a host,
	// ":80", with no name in it, and any run of digits for a port.
	if u.Hostname() == "" {
		return fmt.Errorf("%w %s: want a host name or address before the port", ErrInvalidURL, claims.Quote(s))
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("%w %s: port %s is not one from 1 to 65535", ErrInvalidURL, claims.Quote(s), p)
		}
	}
	return nil
}

// notInURL reports whether r may appear in no URL (RFC 3986) and no IRI
// (RFC 3987, and the IRIREF of N-Quads and Turtle): a control (C0, DEL
// or C1, which RFC 3987 leaves out of IRIs too), a space,
// one of <>"{}|\^` or invalid UTF-8. [Source.Check] refuses a URL that
// holds one, so that every URL a graph holds is an IRI that its RDF
// export can write as it is and read back the same.
func notInURL(r rune) bool {
	return r <= 0x20 || unicode.IsControl(r) || strings.ContainsRune("<>\"{}|\\^`", r) || r == utf8.RuneError
}

// EscapeURL returns s with each character that no URL may hold (a
// control, a space, one of <>"{}|\^`) percent-encoded as RFC 3986 says,
// the space as %20 (and invalid UTF-8 as the bytes of U+FFFD): the same
// address as browsers request it, which [Source.Check] accepts. The
// importers apply it to the URLs they copy in; a URL without such
// characters is returned unchanged, and "%" is left alone, so that an
// address already encoded stays as it is.
func EscapeURL(s string) string {
	if strings.IndexFunc(s, notInURL) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !notInURL(r) {
			b.WriteRune(r)
			continue
		}
		var buf [utf8.UTFMax]byte
		for _, c := range buf[:utf8.EncodeRune(buf[:], r)] {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
