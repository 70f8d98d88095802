package explore

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"slices"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// DefaultMaxDates is the number of dated verdict states [Build] computes
// when [Options.MaxDates] is zero.
const DefaultMaxDates = 64

// ErrOptions reports invalid [Options].
var ErrOptions = errors.New("explore: invalid options")

// Options tunes [Build].
type Options struct {
	// Title is shown at the top of the page; "" means the base name of
	// File.
	Title string
	// File is the name of the file the graph was read from, shown on
	// the page.
	File string
	// MaxDates caps the dated verdict states computed, each one run of
	// verdict.Compute: when the graph changes at more dates than that,
	// only the latest MaxDates states get verdicts, and the page says
	// so for earlier dates (it still greys out the claims not holding).
	// 0 means DefaultMaxDates; a negative value computes them all.
	MaxDates int
	// Verdict is passed to verdict.Compute for every state.
	Verdict verdict.Options
	// Live makes the page poll the server it came from for a new
	// version (see [Model.Version]) and reload when there is one. Only
	// for a page served over HTTP.
	Live bool
	// Version is a token that changes when the graph does, for Live.
	Version string
}

// Model is the graph as the page reads it: a JSON document with every
// entity, source, claim and relation, referring to each other by their
// index in their list, and the verdicts of every claim at every date at
// which something changes. Its JSON shape is documented in the package
// documentation.
type Model struct {
	Format   int      `json:"format"` // FormatVersion
	Title    string   `json:"title"`
	File     string   `json:"file"`
	Live     bool     `json:"live"`
	Version  string   `json:"version"`
	Entities []Entity `json:"entities"`
	Sources  []Source `json:"sources"`
	Claims   []Claim  `json:"claims"`
	// Rels holds the support and contradiction relations.
	Rels []Rel `json:"rels"`
	// Dates are the full days on which a claim or relation starts or
	// stops holding, in order. Dated state k (0 ≤ k ≤ len(Dates)) is
	// the view of the days from Dates[k-1] (inclusive; open for k = 0)
	// to Dates[k] (exclusive; open for k = len(Dates)).
	Dates []string `json:"dates"`
	// From is the first dated state with verdicts; earlier ones were
	// left out by Options.MaxDates.
	From int `json:"from"`
	// States holds the verdicts: States[0] those of the undated graph
	// (every claim and contradiction counts), one per claim in order;
	// States[1+i] those of dated state From+i that differ from the
	// state before it (States[i]).
	States [][]Verdict `json:"states"`
	// Labels names the verdict labels by their code in Verdict.Label.
	Labels []string `json:"labels"`
}

// FormatVersion is the version of the JSON shape of [Model].
const FormatVersion = 1

// Entity is an entity of the model.
type Entity struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// Source is a source of the model. Derived holds the sources it draws
// on, as [index, kind] pairs with the kind's name.
type Source struct {
	ID        string  `json:"id"`
	Title     string  `json:"title,omitempty"`
	Publisher string  `json:"pub,omitempty"`
	Kind      string  `json:"kind"`
	Published string  `json:"date,omitempty"`
	URL       string  `json:"url,omitempty"`
	Derived   [][]any `json:"from,omitempty"`
}

// Claim is a claim of the model. Lo and Hi are the first day on which it
// holds and the first on which it no longer does ("" when open), so the
// page can grey out claims by date without the verdicts.
type Claim struct {
	ID       string       `json:"id"`
	Text     string       `json:"text"`
	About    []int        `json:"about,omitempty"`
	Validity string       `json:"valid,omitempty"`
	Lo       string       `json:"lo,omitempty"`
	Hi       string       `json:"hi,omitempty"`
	Apps     []Appearance `json:"apps,omitempty"`
	Origins  []Origin     `json:"orig,omitempty"`
}

// Appearance is one appearance of a claim. Speaker and Via are -1 when
// not given.
type Appearance struct {
	Source  int    `json:"s"`
	Speaker int    `json:"by"`
	Date    string `json:"date,omitempty"`
	Quote   string `json:"quote,omitempty"`
	Via     int    `json:"via"`
}

// Origin is one independent origin of a claim with the appearances that
// collapse onto it. Each chain is [appearance index, source, link, source,
// link, ..., origin]: source indices alternating with the names of the
// derivation links between them.
type Origin struct {
	Source int     `json:"s"`
	Class  string  `json:"class"`
	Chains [][]any `json:"chains"`
}

// Rel is a relation between two claims, by index. Kind is "supports" or
// "contradicts".
type Rel struct {
	From       int     `json:"a"`
	To         int     `json:"b"`
	Kind       string  `json:"kind"`
	Sources    []int   `json:"src,omitempty"`
	Note       string  `json:"note,omitempty"`
	Confidence float64 `json:"conf,omitempty"`
	Validity   string  `json:"valid,omitempty"`
	Lo         string  `json:"lo,omitempty"`
	Hi         string  `json:"hi,omitempty"`
}

// Verdict is the verdict of claim C in one state; Label is an index into
// Model.Labels and Strength is rounded to three decimals.
type Verdict struct {
	C        int      `json:"c"`
	Label    int      `json:"l"`
	Rating   string   `json:"r"`
	Value    int      `json:"v"`
	Strength float64  `json:"s"`
	Since    string   `json:"since,omitempty"`
	Reasons  []Reason `json:"why,omitempty"`
	More     int      `json:"more,omitempty"`
}

// Reason is one reason of a verdict, with claims and sources by index; Via
// and By are -1 when empty.
type Reason struct {
	Kind      string `json:"kind"`
	Claim     int    `json:"c"`
	Attack    string `json:"attack"`
	Via       int    `json:"via"`
	Sources   []int  `json:"src,omitempty"`
	By        int    `json:"by"`
	BySources []int  `json:"bysrc,omitempty"`
}

// builder holds the indices of the items by ID while a Model is built.
type builder struct {
	g                          *graph.Graph
	entity, source, claimIndex map[string]int
}

func (b *builder) index(m map[string]int, id string) int {
	if id == "" {
		return -1
	}
	if i, ok := m[id]; ok {
		return i
	}
	return -1
}

func (b *builder) sourceList(ids []string) []int {
	if len(ids) == 0 {
		return nil
	}
	out := make([]int, len(ids))
	for i, id := range ids {
		out[i] = b.index(b.source, id)
	}
	return out
}

// Build makes the model of g. It reads every item once, finds the origins
// of every claim (package graph/provenance) and computes the verdicts
// (package graph/verdict) of the undated graph and of each dated state,
// at most Options.MaxDates of them: O(items + D × verdict.Compute) for D
// dated states.
func Build(g *graph.Graph, opts Options) (*Model, error) {
	if opts.MaxDates == 0 {
		opts.MaxDates = DefaultMaxDates
	}
	m := &Model{
		Format: FormatVersion, Title: opts.Title, File: opts.File, Live: opts.Live, Version: opts.Version,
		Labels: labelNames(),
	}
	if m.Title == "" {
		m.Title = filepath.Base(opts.File)
	}
	n := g.Counts()
	b := &builder{g: g, entity: make(map[string]int, n.Entities), source: make(map[string]int, n.Sources), claimIndex: make(map[string]int, n.Claims)}
	m.Entities = make([]Entity, 0, n.Entities)
	for e := range g.Entities() {
		b.entity[e.ID] = len(m.Entities)
		m.Entities = append(m.Entities, Entity{ID: e.ID, Name: e.Name, Kind: e.Kind.String()})
	}
	m.Sources = make([]Source, 0, n.Sources)
	for s := range g.Sources() {
		b.source[s.ID] = len(m.Sources)
		m.Sources = append(m.Sources, Source{ID: s.ID, Title: s.Title, Publisher: s.Publisher, Kind: s.Kind.String(), Published: s.Published.String(), URL: s.URL})
	}
	i := 0
	for s := range g.Sources() {
		for _, d := range s.DerivedFrom {
			m.Sources[i].Derived = append(m.Sources[i].Derived, []any{b.index(b.source, d.Source), d.Kind.String()})
		}
		i++
	}
	days := make(map[claims.Date]bool)
	m.Claims = make([]Claim, 0, n.Claims)
	for c := range g.Claims() {
		b.claimIndex[c.ID] = len(m.Claims)
		lo, hi := span(c.Validity, days)
		mc := Claim{ID: c.ID, Text: c.Text, Lo: lo, Hi: hi}
		if !c.Validity.IsZero() {
			mc.Validity = c.Validity.String()
		}
		for _, e := range c.About {
			mc.About = append(mc.About, b.index(b.entity, e))
		}
		for _, a := range c.Appearances {
			mc.Apps = append(mc.Apps, Appearance{
				Source: b.index(b.source, a.Source), Speaker: b.index(b.entity, a.Speaker),
				Date: a.Date.String(), Quote: a.Quote, Via: b.index(b.source, a.Via),
			})
		}
		m.Claims = append(m.Claims, mc)
	}
	if err := b.origins(m); err != nil {
		return nil, err
	}
	m.Rels = []Rel{}
	for r := range g.Relations() {
		lo, hi := span(r.Validity, days)
		mr := Rel{
			From: b.index(b.claimIndex, r.From), To: b.index(b.claimIndex, r.To), Kind: r.Kind.String(),
			Sources: b.sourceList(r.Sources), Note: r.Note, Confidence: r.Confidence, Lo: lo, Hi: hi,
		}
		if !r.Validity.IsZero() {
			mr.Validity = r.Validity.String()
		}
		m.Rels = append(m.Rels, mr)
	}
	dates := make([]claims.Date, 0, len(days))
	for d := range days {
		dates = append(dates, d)
	}
	slices.SortFunc(dates, claims.Date.Compare)
	m.Dates = make([]string, len(dates))
	for i, d := range dates {
		m.Dates[i] = d.String()
	}
	return m, b.states(m, dates, opts)
}

// span returns the first day on which v holds and the first on which it no
// longer does, "" for an open end, and adds both to days.
func span(v claims.Validity, days map[claims.Date]bool) (lo, hi string) {
	if s := v.Start().First(); !s.IsZero() {
		days[s] = true
		lo = s.String()
	}
	if e := v.End().First(); !e.IsZero() {
		days[e] = true
		hi = e.String()
	}
	return lo, hi
}

// origins fills in the origins of every claim of m.
func (b *builder) origins(m *Model) error {
	x := provenance.New(b.g.View)
	i := 0
	for c := range b.g.Claims() {
		rep, err := x.Of(c)
		if err != nil {
			return fmt.Errorf("explore: origins of %s: %w", c.ID, err)
		}
		for _, grp := range rep.Groups {
			o := Origin{Source: b.index(b.source, grp.Origin.Source), Class: grp.Origin.Class.String()}
			for j, app := range grp.Appearances {
				chain := []any{app}
				ch := grp.Chains[j]
				for k, s := range ch.Sources {
					if k > 0 {
						chain = append(chain, ch.Links[k-1].String())
					}
					chain = append(chain, b.index(b.source, s))
				}
				o.Chains = append(o.Chains, chain)
			}
			m.Claims[i].Origins = append(m.Claims[i].Origins, o)
		}
		i++
	}
	return nil
}

// states computes the verdicts of the undated graph and of the dated
// states that opts allows.
func (b *builder) states(m *Model, dates []claims.Date, opts Options) error {
	undated, err := b.verdicts(b.g.View, opts)
	if err != nil {
		return err
	}
	m.States = [][]Verdict{undated}
	m.From = 0
	if opts.MaxDates > 0 && len(dates)+1 > opts.MaxDates {
		m.From = len(dates) + 1 - opts.MaxDates
	}
	prev := undated
	for k := m.From; k <= len(dates); k++ {
		cur := undated // no dates: nothing is dated, so every day is the undated graph
		if len(dates) > 0 {
			at := dates[0].Time().AddDate(0, 0, -1) // a day before anything changes
			day := claims.DateOf(at)
			if k > 0 {
				day = dates[k-1]
			}
			if cur, err = b.verdicts(b.g.At(day), opts); err != nil {
				return err
			}
		}
		diff := []Verdict{}
		for i, v := range cur {
			if !reflect.DeepEqual(v, prev[i]) {
				diff = append(diff, v)
			}
		}
		m.States = append(m.States, diff)
		prev = cur
	}
	return nil
}

// verdicts returns the verdict of every claim of the graph in view v.
func (b *builder) verdicts(v graph.View, opts Options) ([]Verdict, error) {
	r, err := verdict.Compute(v, opts.Verdict)
	if err != nil {
		return nil, err
	}
	out := make([]Verdict, len(r.Verdicts))
	for i, vd := range r.Verdicts {
		out[i] = Verdict{
			C: b.index(b.claimIndex, vd.Claim), Label: int(vd.Label), Rating: vd.Rating.Name, Value: vd.Rating.Value,
			Strength: math.Round(vd.Strength*1000) / 1000, Since: vd.Since.String(), More: vd.More,
		}
		for _, why := range vd.Reasons {
			out[i].Reasons = append(out[i].Reasons, Reason{
				Kind: why.Kind.String(), Claim: b.index(b.claimIndex, why.Claim), Attack: why.Attack.String(),
				Via: b.index(b.claimIndex, why.Via), Sources: b.sourceList(why.Sources),
				By: b.index(b.claimIndex, why.By), BySources: b.sourceList(why.BySources),
			})
		}
	}
	return out, nil
}

// labelNames returns the names of the verdict labels by code.
func labelNames() []string {
	var names []string
	for l := verdict.Undecided; l <= verdict.NotYetHolding; l++ {
		names = append(names, l.String())
	}
	return names
}
