package graph

import (
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/sources"
	"go.yaml.in/yaml/v3"
)

// The file format, described once. Each table below lists the keys of
// one kind of item in the order they are written, each with its type,
// whether it is required, what it references, what it means, and one
// accessor that both reads and writes it on the Go struct. The YAML,
// JSON and JSON Lines readers and writers, the unknown-field messages,
// the strings the JSON scanner interns and [FormatFields] (from which
// the README's field list is generated) all read these tables.
//
// # Adding a field
//
// A new field of claims is the field of claims.Claim and one entry in
// claimFields, where it is to be written:
//
//	text("language", "The language of the text, as a BCP 47 tag.",
//		func(c *claims.Claim) *string { return &c.Language }),
//
// Then the tests, which fail until each is done:
//
//   - its value in fullYAML (json_test.go), which the round trips of all
//     three formats use: TestFormatFullYAML requires every key there;
//   - `go test ./graph -run TestFormatREADME -update` to regenerate the
//     README's list, which TestFormatREADME compares with the tables;
//   - if it is required or names other items (a Ref), its check in
//     claims.Claim.Check or in the graph's check (graph.go), which
//     TestFormatRequiredAndRefs holds to the table entry.
//
// TestNewField makes such a change to a copy of the claim table and
// reads and writes the new field through every format.
//
// What the tables do not drive: the validation rules themselves (the
// Check methods of package claims and sources, and the resolution of
// references in graph.go, which lays references out for building edges
// and is tested against the tables instead), and the mappings to RDF
// (graph/rdf) and ClaimReview (graph/claimreview), which translate
// meaning rather than syntax and are written by hand: a new field
// appears there only if someone decides what it means in that
// vocabulary.

var entityFields = newTable("entity", []field[claims.Entity]{
	id("id", "", "Unique across entities, sources and claims.", func(e *claims.Entity) *string { return &e.ID }).required(),
	text("name", "The name to show.", func(e *claims.Entity) *string { return &e.Name }).required(),
	enum("kind", "What the entity is.", func(e *claims.Entity) *claims.EntityKind { return &e.Kind }, claims.ParseEntityKind).required(),
	texts("aliases", "Other names.", func(e *claims.Entity) *[]string { return &e.Aliases }),
	text("wikidata", "Wikidata QID, such as Q423.", func(e *claims.Entity) *string { return &e.Wikidata }).matching(qidPattern),
	note(func(e *claims.Entity) *string { return &e.Note }),
	merged(func(e *claims.Entity) *[]string { return &e.Merged }),
})

var sourceFields = newTable("source", []field[sources.Source]{
	id("id", "", "Unique across entities, sources and claims.", func(s *sources.Source) *string { return &s.ID }).required(),
	text("title", "The title or headline.", func(s *sources.Source) *string { return &s.Title }),
	text("publisher", "The outlet.", func(s *sources.Source) *string { return &s.Publisher }),
	text("url", "Absolute http or https URL, with no space or other character a URL may not hold (write it percent-encoded: %20).", func(s *sources.Source) *string { return &s.URL }).matching(urlPattern),
	text("author", "Who wrote it.", func(s *sources.Source) *string { return &s.Author }),
	date("published", "Date of publication.", func(s *sources.Source) *claims.Date { return &s.Published }),
	enum("kind", "What the source is.", func(s *sources.Source) *sources.Kind { return &s.Kind }, sources.ParseKind).required(),
	objects("derived_from", "The sources this one draws on.", func(s *sources.Source) *[]sources.Derivation { return &s.DerivedFrom }, derivationFields),
	note(func(s *sources.Source) *string { return &s.Note }),
	inferred(func(s *sources.Source) *[]claims.Inference { return &s.Inferred }),
	merged(func(s *sources.Source) *[]string { return &s.Merged }),
})

var derivationFields = newTable("derivation", []field[sources.Derivation]{
	id("source", "source", "The source drawn on.", func(d *sources.Derivation) *string { return &d.Source }).required(),
	enum("kind", "How it is drawn on.", func(d *sources.Derivation) *sources.DerivationKind { return &d.Kind }, sources.ParseDerivationKind).required(),
	note(func(d *sources.Derivation) *string { return &d.Note }),
})

var claimFields = newTable("claim", []field[claims.Claim]{
	id("id", "", "Unique across entities, sources and claims.", func(c *claims.Claim) *string { return &c.ID }).required(),
	text("text", "The proposition, as one sentence.", func(c *claims.Claim) *string { return &c.Text }).required(),
	text("lang", "BCP 47 language tag of the text, such as en or de-CH.", func(c *claims.Claim) *string { return &c.Lang }).matching(langPattern),
	ids("about", "entity", "The entities the claim is about.", func(c *claims.Claim) *[]string { return &c.About }),
	object("statement", "Structured form of the claim.", func(c *claims.Claim) **claims.Statement { return &c.Statement }, statementFields),
	validFrom(func(c *claims.Claim) *claims.Validity { return &c.Validity }),
	validUntil(func(c *claims.Claim) *claims.Validity { return &c.Validity }),
	stillHolds(func(c *claims.Claim) *claims.Validity { return &c.Validity }),
	validAt(func(c *claims.Claim) *claims.Validity { return &c.Validity }),
	date("occurred", "The claim is an event that happened at this (partial) date: it holds from then on and is never stale; not combined with the valid_* fields or still_holds.",
		func(c *claims.Claim) *claims.Date { return &c.Validity.Occurred }),
	objects("appearances", "Every utterance of the claim.", func(c *claims.Claim) *[]claims.Appearance { return &c.Appearances }, appearanceFields),
	note(func(c *claims.Claim) *string { return &c.Note }),
	inferred(func(c *claims.Claim) *[]claims.Inference { return &c.Inferred }),
	merged(func(c *claims.Claim) *[]string { return &c.Merged }),
	object("review", "The desk's own review; computed verdicts are suggestions beside it.", func(c *claims.Claim) **claims.Review { return &c.Review }, reviewFields),
})

var reviewFields = newTable("review", []field[claims.Review]{
	enum("status", "Where the review stands.", func(r *claims.Review) *claims.ReviewStatus { return &r.Status }, claims.ParseReviewStatus).required(),
	text("rating", "The published rating, such as False or Mostly true; required once published.", func(r *claims.Review) *string { return &r.Rating }),
	text("reviewer", "Who reviewed it.", func(r *claims.Review) *string { return &r.Reviewer }),
	date("date", "Date of publication.", func(r *claims.Review) *claims.Date { return &r.Date }),
	text("url", "Where the review is published.", func(r *claims.Review) *string { return &r.URL }),
	text("evidence", "Digest of the claim's evidence at review time, as claimgraph queue shows it (v2:2a1s0c3o: and 12 hex digits), which the queue compares.",
		func(r *claims.Review) *string { return &r.Evidence }).matching(digestPattern),
})

var statementFields = newTable("statement", []field[claims.Statement]{
	text("subject", "Free text or an entity ID.", func(s *claims.Statement) *string { return &s.Subject }),
	text("predicate", "What the subject does or is.", func(s *claims.Statement) *string { return &s.Predicate }),
	text("object", "Free text or an entity ID.", func(s *claims.Statement) *string { return &s.Object }),
})

var appearanceFields = newTable("appearance", []field[claims.Appearance]{
	id("source", "source", "Where the claim appeared.", func(a *claims.Appearance) *string { return &a.Source }).required(),
	id("speaker", "entity", "To whom it is attributed.", func(a *claims.Appearance) *string { return &a.Speaker }),
	date("date", "Date of the utterance; the source's date when absent.", func(a *claims.Appearance) *claims.Date { return &a.Date }),
	text("quote", "The verbatim words, only when the source gives them.", func(a *claims.Appearance) *string { return &a.Quote }),
	text("lang", "BCP 47 language tag of the quote; the claim's when absent.", func(a *claims.Appearance) *string { return &a.Lang }).matching(langPattern),
	id("via", "source", "The source it was taken from.", func(a *claims.Appearance) *string { return &a.Via }),
	flag("about_past", "It speaks of a time before its own date, not of the claim as current: never stale.", func(a *claims.Appearance) *bool { return &a.AboutPast }),
	note(func(a *claims.Appearance) *string { return &a.Note }),
	inferred(func(a *claims.Appearance) *[]claims.Inference { return &a.Inferred }),
})

var relationFields = newTable("relation", []field[claims.Relation]{
	id("from", "claim", "The claim that supports or contradicts.", func(r *claims.Relation) *string { return &r.From }).required(),
	id("to", "claim", "The claim supported or contradicted.", func(r *claims.Relation) *string { return &r.To }).required(),
	enum("kind", "Contradicts, same_as and distinct_from are symmetric; supports is directed from -> to.", func(r *claims.Relation) *claims.RelationKind { return &r.Kind }, claims.ParseRelationKind).required(),
	ids("sources", "source", "The sources that state or justify the relation.", func(r *claims.Relation) *[]string { return &r.Sources }),
	note(func(r *claims.Relation) *string { return &r.Note }),
	number("confidence", "number in (0, 1]", "How sure the relation is.", func(r *claims.Relation) *float64 { return &r.Confidence }, parseConfidence),
	text("asserted_by", "Who asserted the relation.", func(r *claims.Relation) *string { return &r.AssertedBy }),
	validFrom(func(r *claims.Relation) *claims.Validity { return &r.Validity }),
	validUntil(func(r *claims.Relation) *claims.Validity { return &r.Validity }),
	stillHolds(func(r *claims.Relation) *claims.Validity { return &r.Validity }),
	validAt(func(r *claims.Relation) *claims.Validity { return &r.Validity }),
	inferred(func(r *claims.Relation) *[]claims.Inference { return &r.Inferred }),
})

var inferenceFields = newTable("inference", []field[claims.Inference]{
	text("field", "The key whose value is inferred.", func(in *claims.Inference) *string { return &in.Field }).required(),
	text("sentence", "The sentence it is inferred from, verbatim.", func(in *claims.Inference) *string { return &in.Sentence }).required(),
	id("source", "source", "The source of the sentence.", func(in *claims.Inference) *string { return &in.Source }),
	note(func(in *claims.Inference) *string { return &in.Note }),
})

// validFrom, validUntil, stillHolds and validAt are the fields of when
// a claim or relation holds, given its [claims.Validity].
func validFrom[T any](v func(*T) *claims.Validity) field[T] {
	return date("valid_from", "First date on which it holds.", func(x *T) *claims.Date { return &v(x).From })
}

func validUntil[T any](v func(*T) *claims.Validity) field[T] {
	return date("valid_until", "First date on which it no longer holds.", func(x *T) *claims.Date { return &v(x).Until })
}

func stillHolds[T any](v func(*T) *claims.Validity) field[T] {
	return flag("still_holds", "It explicitly has no end, as against an unknown end.", func(x *T) *bool { return &v(x).Ongoing })
}

func validAt[T any](v func(*T) *claims.Validity) field[T] {
	return date("valid_at", "A point in time; a partial date is its whole interval.", func(x *T) *claims.Date { return &v(x).At })
}

func note[T any](p func(*T) *string) field[T] {
	return text("note", "Free text for readers.", p)
}

func inferred[T any](p func(*T) *[]claims.Inference) field[T] {
	return objects("inferred", "Values the material does not state directly.", p, inferenceFields)
}

func merged[T any](p func(*T) *[]string) field[T] {
	return texts("merged", "IDs of items merged into this one (see Batch.Merges): looking one of them up finds this item.", p)
}

// matching sets the pattern every valid value matches.
func (f field[T]) matching(pattern string) field[T] {
	f.Pattern = pattern
	return f
}

func (f field[T]) required() field[T] {
	f.Required = true
	return f
}

// A section is a list of the top level: one kind of item, which the
// JSON Lines format writes one per line under the item's name.
type section struct {
	key, item string
	doc       string
	fields    []Field
	decode    func(d *decoder, b *Batch, i int, n *yaml.Node) // appends item i to b
	reserve   func(b *Batch, n int)                           // makes room in b for n more items
	encode    func(s *store, yield func(*yaml.Node))          // yields every item of the store
}

// sectionOf returns the section key of items of type T, which a batch
// holds in list and a store yields with each.
func sectionOf[T any](key, doc string, t *table[T], list func(*Batch) *[]T, each func(s *store, yield func(*T))) section {
	return section{
		key: key, item: t.name, doc: doc, fields: t.describe(),
		decode: func(d *decoder, b *Batch, i int, n *yaml.Node) {
			if !d.countItem(n) {
				return
			}
			if d.more > 0 {
				// Past MaxErrors problems the batch is neither checked
				// nor built: the item is decoded only to count its
				// problems, and b does not grow with a hostile input.
				var x T
				t.decode(d, &x, n, d.item(t.name, i, n))
				return
			}
			// Decoded in place: an item on the stack would escape
			// through the fields' funcs, at one allocation per item.
			l := list(b)
			var zero T
			*l = append(*l, zero)
			t.decode(d, &(*l)[len(*l)-1], n, d.item(t.name, i, n))
		},
		reserve: func(b *Batch, n int) { *list(b) = slices.Grow(*list(b), n) },
		encode: func(s *store, yield func(*yaml.Node)) {
			each(s, func(x *T) { yield(t.encode(x).n) })
		},
	}
}

// sections are the lists of the top level, in the order they are
// written, after "claimgraph".
var sections = []section{
	sectionOf("entities", "Who or what claims are about, or who utters them.",
		entityFields, func(b *Batch) *[]claims.Entity { return &b.Entities },
		stored(func(s *store) []claims.Entity { return s.entities }, func(e *claims.Entity) bool { return e.ID != "" })),
	sectionOf("sources", "Where claims appear.",
		sourceFields, func(b *Batch) *[]sources.Source { return &b.Sources },
		stored(func(s *store) []sources.Source { return s.sources }, func(x *sources.Source) bool { return x.ID != "" })),
	sectionOf("claims", "Propositions, each with every utterance of it.",
		claimFields, func(b *Batch) *[]claims.Claim { return &b.Claims },
		stored(func(s *store) []claims.Claim { return s.claims }, func(c *claims.Claim) bool { return c.ID != "" })),
	sectionOf("relations", "Support and contradiction between claims.",
		relationFields, func(b *Batch) *[]claims.Relation { return &b.Relations },
		func(s *store, yield func(*claims.Relation)) {
			var r claims.Relation // one for all: it escapes through yield
			for i := range s.rels {
				if s.deadRel(int32(i)) {
					continue
				}
				r = s.relation(int32(i))
				yield(&r)
			}
		}),
}

// stored yields the items of one of the store's lists that live
// reports are not removed.
func stored[T any](list func(*store) []T, live func(*T) bool) func(*store, func(*T)) {
	return func(s *store, yield func(*T)) {
		l := list(s)
		for i := range l {
			if live(&l[i]) {
				yield(&l[i])
			}
		}
	}
}

// topKeys and itemKeys list the keys of the top level and the names of
// the items, for messages: "entities, sources, claims or relations".
var topKeys, itemKeys = func() (string, string) {
	top, items := []string{"claimgraph"}, []string{}
	for _, s := range sections {
		top, items = append(top, s.key), append(items, s.item)
	}
	return orList(top), orList(items)
}()

// sectionByItem returns the section of items named item ("claim").
func sectionByItem(item string) *section {
	if k := sectionIndex(item); k >= 0 {
		return &sections[k]
	}
	return nil
}

// sectionByKey returns the section listed under key ("claims") at the
// top level of a document, or nil.
func sectionByKey(key string) *section {
	for k := range sections {
		if sections[k].key == key {
			return &sections[k]
		}
	}
	return nil
}

// sectionIndex returns the index in sections of the section of items
// named item, or -1.
func sectionIndex(item string) int {
	for k := range sections {
		if sections[k].item == item {
			return k
		}
	}
	return -1
}

// ItemFields is the fields of one kind of item of the file format.
type ItemFields struct {
	Item   string // "claimgraph" for the top level, else "entity", "claim", "appearance"...
	Fields []Field
}

// FormatFields describes the file format that every reader and writer
// of this package uses: the fields of the top level, then of each kind
// of item in the order they are first met, each in the order the writers
// write them. The result is a new copy on every call.
func FormatFields() []ItemFields {
	top := []Field{{Key: "claimgraph", Type: "number", Required: true, Doc: "The version of the format: 1."}}
	for _, s := range sections {
		top = append(top, Field{Key: s.key, Type: "list of mappings", Item: s.item, Doc: s.doc})
	}
	out := []ItemFields{{Item: "claimgraph", Fields: top}}
	seen := map[string]bool{}
	var add func(item string, fields []Field)
	add = func(item string, fields []Field) {
		if seen[item] {
			return
		}
		seen[item] = true
		fs := make([]Field, len(fields))
		for i, f := range fields {
			f.Values, f.fields = slices.Clone(f.Values), nil
			fs[i] = f
		}
		out = append(out, ItemFields{Item: item, Fields: fs})
		for _, f := range fields {
			if f.Item != "" {
				add(f.Item, f.fields)
			}
		}
	}
	for _, s := range sections {
		add(s.item, s.fields)
	}
	return out
}
