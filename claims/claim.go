package claims

import (
	"fmt"
	"math"
	"strings"
)

// Entity is who or what claims are about, or who utters them: a person, an
// organisation, a country, a place, an event, a document.
type Entity struct {
	ID       string
	Name     string
	Kind     EntityKind
	Aliases  []string
	Wikidata string // optional QID such as "Q56226"
	Note     string
	Merged   []string // IDs of entities merged into this one, which still name it
}

// Claim is one proposition, with every utterance of it. Ten articles that
// repeat one proposition are one Claim with ten [Appearance] values.
type Claim struct {
	ID          string
	Text        string
	Lang        string     // BCP 47 tag of Text's language, such as "en" or "de-CH"; optional
	About       []string   // IDs of the entities the claim is about
	Statement   *Statement // optional structured form
	Validity    Validity   // when the state of affairs holds
	Appearances []Appearance
	Note        string
	Inferred    []Inference
	Merged      []string // IDs of claims merged into this one, which still name it
	Review      *Review  // the desk's own review, if any
}

// Statement is the optional structured form of a claim, subject –
// predicate – object. Each part is free text or an entity ID.
type Statement struct {
	Subject   string
	Predicate string
	Object    string
}

// Appearance is one utterance of a claim: in a source, attributed to a
// speaker, on a date, with the verbatim quote when there is one.
type Appearance struct {
	Source  string // ID of the source it appeared in (required)
	Speaker string // ID of the entity it is attributed to, if any
	Date    Date   // date of the utterance; zero means the source's date
	Quote   string // the verbatim words, if the source gives them
	Lang    string // BCP 47 tag of Quote's language; "" means the claim's
	Via     string // ID of the source it was taken from, if stated
	// AboutPast says the utterance speaks of a time before its own date
	// ("before the treaty, China was the only ..."): it reports the
	// claim as past, not as current, so it is never stale.
	AboutPast bool
	Note      string
	Inferred  []Inference
}

// Relation is an edge between two claims: From supports To, or the two
// contradict each other. Every relation carries its own provenance.
type Relation struct {
	From, To   string
	Kind       RelationKind
	Sources    []string // IDs of the sources that state or justify it
	Note       string
	Confidence float64  // in (0, 1]; 0 means not given
	AssertedBy string   // who asserted the relation, free text
	Validity   Validity // when the relation holds
	Inferred   []Inference
}

// Other returns the claim at the other end of r from id, and false when
// id is neither end.
func (r Relation) Other(id string) (string, bool) {
	switch id {
	case r.From:
		return r.To, true
	case r.To:
		return r.From, true
	}
	return "", false
}

// Inference marks a value that the material does not state directly: the
// field it fills and the verbatim sentence it is inferred from. Datasets
// must say so whenever they infer ("last year" in an article of 2025 makes
// a date of 2024).
type Inference struct {
	Field    string // the field that was inferred, e.g. "valid_until"
	Sentence string // the sentence it comes from, verbatim
	Source   string // optional ID of the source of the sentence
	Note     string // optional reasoning
}

// FieldError is a problem with one field of one entity, source, claim,
// appearance or relation, found by validation. Field is the path of the
// field in the YAML format ("text", "appearances[1].date"), so that a
// loader can point at the offending line; Err wraps one of the package's
// sentinels.
type FieldError struct {
	Kind  string // "entity", "source", "claim" or "relation"
	ID    string // its ID; for a relation "FROM -> TO"
	Field string
	Err   error
}

// Error formats the problem as "claims: KIND \"ID\": FIELD: problem".
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString("claims: ")
	if e.Kind != "" {
		fmt.Fprintf(&b, "%s %s: ", e.Kind, Quote(e.ID))
	}
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *FieldError) Unwrap() error { return e.Err }

// CheckID reports whether id is a valid ID: 1 to 128 characters of ASCII
// letters, digits and . _ : - starting with a letter or digit. The error
// wraps [ErrInvalidID].
func CheckID(id string) error {
	if id == "" {
		return fmt.Errorf("%w: empty", ErrInvalidID)
	}
	if len(id) > 128 {
		return fmt.Errorf("%w %q: longer than 128 characters", ErrInvalidID, id[:32]+"…")
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || c != '.' && c != '_' && c != ':' && c != '-') {
			return fmt.Errorf("%w %q: use letters, digits and . _ : - starting with a letter or digit", ErrInvalidID, id)
		}
	}
	return nil
}

// problems collects field errors for one item.
type problems struct {
	kind, id string
	to       string // for a relation: the ID is "id -> to", built only for a problem
	list     []*FieldError
}

func (p *problems) add(field string, err error) {
	id := p.id
	if p.kind == "relation" {
		id = p.id + " -> " + p.to
	}
	p.list = append(p.list, &FieldError{Kind: p.kind, ID: id, Field: field, Err: err})
}

func (p *problems) ref(field, id string, required bool) {
	if id == "" && !required {
		return
	}
	if id == "" {
		p.add(field, fmt.Errorf("%w %q", ErrMissingField, lastPart(field)))
		return
	}
	if err := CheckID(id); err != nil {
		p.add(field, err)
	}
}

// path names element i of list, or field leaf of it: "appearances[1].source".
// It is built only when there is a problem to report.
func path(list string, i int, leaf string) string {
	if leaf == "" {
		return fmt.Sprintf("%s[%d]", list, i)
	}
	return fmt.Sprintf("%s[%d].%s", list, i, leaf)
}

// refAt checks an ID held at element i of list (field leaf of it).
func (p *problems) refAt(list string, i int, leaf, id string, required bool) {
	if id == "" && !required {
		return
	}
	if id == "" || CheckID(id) != nil {
		p.ref(path(list, i, leaf), id, required)
	}
}

func (p *problems) text(field, s string) {
	if strings.TrimSpace(s) == "" {
		p.add(field, fmt.Errorf("%w %q", ErrMissingField, lastPart(field)))
	}
}

func (p *problems) ids(field string, ids []string) {
	for i, id := range ids {
		p.refAt(field, i, "", id, true)
	}
}

func (p *problems) lang(field, tag string) {
	if tag == "" {
		return // no language given: nothing to check, and no error to build
	}
	if err := CheckLang(tag); err != nil {
		p.add(field, err)
	}
}

// CheckLang reports whether tag is well-formed as a BCP 47 language tag:
// subtags of 1 to 8 ASCII letters and digits joined by hyphens, the first
// of 2, 3 or 5 to 8 letters ("en", "de-CH", "zh-Hant-TW") or "x" or "i"
// for a private or grandfathered tag. It checks the form only, not the IANA
// registry. The error wraps [ErrInvalidLang].
func CheckLang(tag string) error {
	if tag == "" {
		return fmt.Errorf("%w: empty", ErrInvalidLang)
	}
	for i, sub := range strings.Split(tag, "-") {
		ok := len(sub) >= 1 && len(sub) <= 8
		letters := true
		for j := 0; j < len(sub); j++ {
			c := sub[j] | 0x20
			isLetter := 'a' <= c && c <= 'z'
			letters = letters && isLetter
			ok = ok && (isLetter || '0' <= sub[j] && sub[j] <= '9')
		}
		if i == 0 { // ISO 639 (2 or 3 letters), registered (5 to 8), private or grandfathered
			ok = ok && letters && (len(sub) == 2 || len(sub) == 3 || len(sub) >= 5 || sub == "x" || sub == "i" || sub == "X" || sub == "I")
		}
		if !ok {
			return fmt.Errorf("%w %q: want a BCP 47 tag such as \"en\" or \"de-CH\"", ErrInvalidLang, tag)
		}
	}
	return nil
}

func (p *problems) validity(prefix string, v Validity) {
	if err := v.Check(); err != nil {
		field := "valid_until"
		switch {
		case !v.Occurred.IsZero():
			field = "occurred"
		case !v.At.IsZero():
			field = "valid_at"
		case v.Ongoing && v.Until.IsZero():
			field = "still_holds"
		}
		p.add(prefix+field, err)
	}
}

func (p *problems) inferred(prefix string, inf []Inference) {
	for i, in := range inf {
		f := fmt.Sprintf("%sinferred[%d].", prefix, i) // inferences are few
		p.text(f+"field", in.Field)
		p.text(f+"sentence", in.Sentence)
		p.ref(f+"source", in.Source, false)
	}
}

func (p *problems) result() []*FieldError { return p.list }

func lastPart(field string) string {
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		return field[i+1:]
	}
	return field
}

// Check validates e on its own (not its references to other items) and
// returns every problem found, nil when there is none.
func (e Entity) Check() []*FieldError {
	p := &problems{kind: "entity", id: e.ID}
	p.ref("id", e.ID, true)
	p.text("name", e.Name)
	if e.Kind == 0 {
		p.add("kind", fmt.Errorf("%w %q", ErrMissingField, "kind"))
	} else if _, err := e.Kind.MarshalText(); err != nil {
		p.add("kind", err)
	}
	if e.Wikidata != "" && !isQID(e.Wikidata) {
		p.add("wikidata", fmt.Errorf("%w %s: want Q followed by digits", ErrInvalidWikidata, Quote(e.Wikidata)))
	}
	return p.result()
}

func isQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' || s[1] == '0' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Check validates c on its own: ID, text, validity, the form of its
// appearances and inferences. References to other items (entities,
// sources) are checked by the graph that holds it.
func (c Claim) Check() []*FieldError {
	p := &problems{kind: "claim", id: c.ID}
	p.ref("id", c.ID, true)
	p.text("text", c.Text)
	p.lang("lang", c.Lang)
	p.ids("about", c.About)
	p.validity("", c.Validity)
	for i, a := range c.Appearances {
		p.refAt("appearances", i, "source", a.Source, true)
		p.refAt("appearances", i, "speaker", a.Speaker, false)
		p.refAt("appearances", i, "via", a.Via, false)
		if a.Lang != "" && CheckLang(a.Lang) != nil {
			p.lang(path("appearances", i, "lang"), a.Lang)
		}
		if len(a.Inferred) > 0 {
			p.inferred(path("appearances", i, "")+".", a.Inferred)
		}
	}
	p.inferred("", c.Inferred)
	if c.Review != nil {
		c.Review.check(p)
	}
	return p.result()
}

// Check validates r on its own: IDs, kind, no relation of a claim to
// itself, confidence in (0, 1], validity. Whether the claims exist and
// whether the pair is already related is checked by the graph.
func (r Relation) Check() []*FieldError {
	p := &problems{kind: "relation", id: r.From, to: r.To}
	p.ref("from", r.From, true)
	p.ref("to", r.To, true)
	if r.Kind == 0 {
		p.add("kind", fmt.Errorf("%w %q", ErrMissingField, "kind"))
	} else if _, err := r.Kind.MarshalText(); err != nil {
		p.add("kind", err)
	}
	if r.From != "" && r.From == r.To {
		p.add("to", fmt.Errorf("%w: relates claim %q to itself", ErrSelfRelation, r.From))
	}
	if math.IsNaN(r.Confidence) || r.Confidence < 0 || r.Confidence > 1 {
		p.add("confidence", fmt.Errorf("%w %v: want a number in (0, 1]", ErrInvalidConfidence, r.Confidence))
	}
	p.ids("sources", r.Sources)
	p.validity("", r.Validity)
	p.inferred("", r.Inferred)
	return p.result()
}
