package explore

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/provenance"
	"github.com/claimgraph/claimgraph/graph/timeline"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// DefaultMaxDates is the number of dated verdict states [Build] computes
// when [Options.MaxDates] is zero.
const DefaultMaxDates = 64

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
// which something changes. Its JSON is that of its fields, documented
// with their types; the page reads it as it is.
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
	// (every claim counts, and every contradiction that time does not
	// resolve), one per claim in order;
	// States[1+i] those of dated state From+i that differ from the
	// state before it (States[i]).
	States [][]Verdict `json:"states"`
	// Labels names the verdict labels by their code in Verdict.Label.
	Labels []string `json:"labels"`
	// Ratings, Reasons, Attacks and Classes name the codes of
	// Verdict.Rating, Reason.Kind, Reason.Attack and Origin.Class.
	Ratings []string `json:"ratings"`
	Reasons []string `json:"reasons"`
	Attacks []string `json:"attacks"`
	Classes []string `json:"classes"`
	// Problems, when not empty, are shown above the graph, each on a
	// line of its own, as [ErrorPage] shows its problems: what the
	// reader should know of the file the graph was read from, such as
	// a served file gone since the page was built, its graph the one
	// last read.
	Problems []string `json:"problems,omitempty"`
}

// FormatVersion is the version of the JSON shape of [Model]: 2 since a
// [Verdict] carries the claim's evidence.
const FormatVersion = 2

// Entity is an entity of the model.
type Entity struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// Source is a source of the model. Derived holds the sources it draws
// on, as [index, kind] pairs with the kind's name; Primary says that the
// source is first-hand material (sources.Kind.Primary).
type Source struct {
	ID        string  `json:"id"`
	Primary   bool    `json:"p,omitempty"`
	Title     string  `json:"title,omitempty"`
	Publisher string  `json:"pub,omitempty"`
	Kind      string  `json:"kind"`
	Published string  `json:"date,omitempty"`
	URL       string  `json:"url,omitempty"`
	Derived   [][]any `json:"from,omitempty"`
}

// Claim is a claim of the model. Lo and Hi are the first day on which it
// holds and the first on which it no longer does ("" when open), so the
// page can grey out claims by date without the verdicts. Origins is nil
// when they are plain: each distinct source of the appearances is an
// origin of its own, of class primary when the source is Primary and
// unresolved otherwise, as most are; the page then derives them.
type Claim struct {
	ID       string       `json:"id"`
	Text     string       `json:"text"`
	About    []int        `json:"about,omitempty"`
	Validity string       `json:"valid,omitempty"`
	Lo       string       `json:"lo,omitempty"`
	Hi       string       `json:"hi,omitempty"`
	Apps     []Appearance `json:"apps,omitempty"`
	Origins  []Origin     `json:"orig,omitempty"`
	// Review is the review a person published of the claim, nil for
	// none (or one not published): the page shows it beside the
	// computed verdict, which is a suggestion.
	Review *Review `json:"rev,omitempty"`
}

// Review is a published review of a claim (claims.Review): its rating,
// date, reviewer and URL, each left out of the JSON when not given.
type Review struct {
	Rating   string `json:"rating"`
	Date     string `json:"date,omitempty"`
	Reviewer string `json:"by,omitempty"`
	URL      string `json:"url,omitempty"`
}

// Appearance is one appearance of a claim. Speaker and Via are nil (and
// left out of the JSON) when not given.
type Appearance struct {
	Source  int    `json:"s"`
	Speaker *int   `json:"by,omitempty"`
	Date    string `json:"date,omitempty"`
	Quote   string `json:"quote,omitempty"`
	Via     *int   `json:"via,omitempty"`
}

// Origin is one independent origin of a claim with the appearances that
// collapse onto it, Class a code of Model.Classes. The chains from the
// appearances to the origin are a tree of steps, each source on them
// once (provenance.Group.Steps): Apps[i] is an appearance index and
// Starts[i] the step of its source, whose chain is read by following
// Step.Next to the origin. So the page holds each link once and grows
// with the sources, not with the square of a long line of relays, as
// when every chain was written out in full.
type Origin struct {
	Source int    `json:"s"`
	Class  int    `json:"c"`
	Apps   []int  `json:"a"`
	Starts []int  `json:"at"`
	Steps  []Step `json:"st"`
}

// Step is one source of the chains of an [Origin]: Source draws on the
// source of step Next by Link; at the origin Next is -1 and Link "". Its
// JSON is an array, [Source, Next, Link], or [Source] at the origin.
type Step struct {
	Source, Next int
	Link         string
}

// MarshalJSON implements json.Marshaler.
func (s Step) MarshalJSON() ([]byte, error) {
	b := strconv.AppendInt([]byte{'['}, int64(s.Source), 10)
	if s.Next >= 0 {
		b = strconv.AppendInt(append(b, ','), int64(s.Next), 10)
		link, err := json.Marshal(s.Link)
		if err != nil {
			return nil, err
		}
		b = append(append(b, ','), link...)
	}
	return append(b, ']'), nil
}

// UnmarshalJSON implements json.Unmarshaler.
func (s *Step) UnmarshalJSON(data []byte) error {
	*s = Step{Next: -1}
	return unmarshalArray(data, 1, &s.Source, &s.Next, &s.Link)
}

// Rel is a relation between two claims, by index. Kind is 0 for supports
// and 1 for contradicts. Its JSON is an array, [From, To, Kind], with an
// object of the other fields as a fourth element when any is set, for a
// graph has many relations.
type Rel struct {
	From, To, Kind int
	RelInfo
}

// RelInfo is what a Rel says besides its ends and kind.
type RelInfo struct {
	Sources    []int   `json:"src,omitempty"`
	Note       string  `json:"note,omitempty"`
	Confidence float64 `json:"conf,omitempty"`
	Validity   string  `json:"valid,omitempty"`
	Lo         string  `json:"lo,omitempty"`
	Hi         string  `json:"hi,omitempty"`
	// Apart says how time leaves a contradiction not live, in the words
	// of [timeline.Status.Words]: its claims and the relation never hold
	// together ([graph.View.Resolved] on the whole graph), either as the
	// claims never both hold ("resolved by time (never both holding)")
	// or as the relation lapsed while they do ("relation lapsed (not
	// valid while both hold)"). No verdict weighs it; the panel says so.
	// It is "" for a live contradiction and any other relation.
	Apart string `json:"apart,omitempty"`
}

// MarshalJSON implements json.Marshaler.
func (r Rel) MarshalJSON() ([]byte, error) {
	b := strconv.AppendInt([]byte{'['}, int64(r.From), 10)
	b = strconv.AppendInt(append(b, ','), int64(r.To), 10)
	b = strconv.AppendInt(append(b, ','), int64(r.Kind), 10)
	if !reflect.ValueOf(r.RelInfo).IsZero() {
		more, err := json.Marshal(r.RelInfo)
		if err != nil {
			return nil, err
		}
		b = append(append(b, ','), more...)
	}
	return append(b, ']'), nil
}

// UnmarshalJSON implements json.Unmarshaler.
func (r *Rel) UnmarshalJSON(data []byte) error {
	*r = Rel{}
	return unmarshalArray(data, 3, &r.From, &r.To, &r.Kind, &r.RelInfo)
}

// Verdict is the verdict of claim C in one state; Label is an index into
// Model.Labels, Rating one into Model.Ratings, and Strength is rounded to
// three decimals. Evidence, Lent and Capped are the claim's evidence as
// the verdicts of the state weigh it (verdict.Verdict): its weight, to
// the four significant digits of evidence.Text, the number of its
// origins lent by supporters, and whether the weight is a lower bound;
// the page shows them beside the verdict and beside each reason that
// names the claim, as the command line does. Its JSON is an array, [C,
// Label, Rating, Value, Strength, Reasons, Since, More, Evidence, Lent,
// Capped], without the empty values at its end, for a graph has a
// verdict per claim.
type Verdict struct {
	C        int
	Label    int
	Rating   int
	Value    int
	Strength float64
	Reasons  []Reason
	Since    string
	More     int
	Evidence float64
	Lent     int
	Capped   bool
}

// MarshalJSON implements json.Marshaler.
func (v Verdict) MarshalJSON() ([]byte, error) {
	why := v.Reasons
	if why == nil {
		why = []Reason{}
	}
	return marshalTrimmed([]any{v.C, v.Label, v.Rating, v.Value, v.Strength, why, v.Since, v.More, v.Evidence, v.Lent, v.Capped},
		5, func(x any) bool { return x == "" || x == 0 || x == 0.0 || x == false || isEmptyList(x) })
}

// UnmarshalJSON implements json.Unmarshaler.
func (v *Verdict) UnmarshalJSON(data []byte) error {
	*v = Verdict{}
	return unmarshalArray(data, 5, &v.C, &v.Label, &v.Rating, &v.Value, &v.Strength, &v.Reasons, &v.Since, &v.More,
		&v.Evidence, &v.Lent, &v.Capped)
}

// Reason is one reason of a verdict, with claims by index and Kind and
// Attack codes of Model.Reasons and Model.Attacks; Via and By are nil when
// empty. The sources of verdict.Reason are left out: the page names the
// claim's own independent origins (Claim.Origins), which it has. Its
// JSON is an array, [Kind, Claim, Attack, Via, By], with -1 for a nil Via
// or By and without those at its end.
type Reason struct {
	Kind   int
	Claim  int
	Attack int
	Via    *int
	By     *int
}

// MarshalJSON implements json.Marshaler.
func (r Reason) MarshalJSON() ([]byte, error) {
	ref := func(p *int) int {
		if p == nil {
			return -1
		}
		return *p
	}
	return marshalTrimmed([]any{r.Kind, r.Claim, r.Attack, ref(r.Via), ref(r.By)}, 3, func(x any) bool { return x == -1 })
}

// UnmarshalJSON implements json.Unmarshaler.
func (r *Reason) UnmarshalJSON(data []byte) error {
	via, by := -1, -1
	*r = Reason{}
	if err := unmarshalArray(data, 3, &r.Kind, &r.Claim, &r.Attack, &via, &by); err != nil {
		return err
	}
	if via >= 0 {
		r.Via = &via
	}
	if by >= 0 {
		r.By = &by
	}
	return nil
}

// marshalTrimmed writes elems as a JSON array, leaving out the elements at
// its end past the first min for which empty is true.
func marshalTrimmed(elems []any, min int, empty func(any) bool) ([]byte, error) {
	for len(elems) > min && empty(elems[len(elems)-1]) {
		elems = elems[:len(elems)-1]
	}
	return json.Marshal(elems)
}

func isEmptyList(x any) bool {
	l, ok := x.([]Reason)
	return ok && len(l) == 0
}

// unmarshalArray reads a JSON array of at least min elements into dst,
// one element each, leaving the destinations past its end as they are.
func unmarshalArray(data []byte, min int, dst ...any) error {
	var parts []json.RawMessage
	if err := json.Unmarshal(data, &parts); err != nil {
		return err
	}
	if len(parts) < min || len(parts) > len(dst) {
		return fmt.Errorf("explore: array of %d elements, want %d to %d", len(parts), min, len(dst))
	}
	for i, p := range parts {
		if err := json.Unmarshal(p, dst[i]); err != nil {
			return err
		}
	}
	return nil
}

// names gives codes to names in the order they are first met.
type names struct {
	list  *[]string
	index map[string]int
}

func newNames(list *[]string) names {
	*list = []string{}
	return names{list, map[string]int{}}
}

func (n names) code(name string) int {
	i, ok := n.index[name]
	if !ok {
		i = len(*n.list)
		n.index[name] = i
		*n.list = append(*n.list, name)
	}
	return i
}

// builder holds the indices of the items by ID and the codes of names
// while a Model is built.
type builder struct {
	v                                  graph.View // a snapshot of the graph
	entity, source, claimIndex         map[string]int
	ratings, reasons, attacks, classes names
}

// ref returns the index of id in m, nil for "" or an unknown ID.
func (b *builder) ref(m map[string]int, id string) *int {
	if i, ok := m[id]; ok {
		return &i
	}
	return nil
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
//
// It reads one state of g, a [graph.View.Snapshot], in all its passes,
// so that changes applied to g meanwhile are wholly in the model or not
// at all.
func Build(g *graph.Graph, opts Options) (*Model, error) {
	v := g.Snapshot()
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
	n := v.Counts()
	b := &builder{
		v: v, entity: make(map[string]int, n.Entities), source: make(map[string]int, n.Sources), claimIndex: make(map[string]int, n.Claims),
		ratings: newNames(&m.Ratings), reasons: newNames(&m.Reasons), attacks: newNames(&m.Attacks), classes: newNames(&m.Classes),
	}
	m.Entities = make([]Entity, 0, n.Entities)
	for e := range v.Entities() {
		b.entity[e.ID] = len(m.Entities)
		m.Entities = append(m.Entities, Entity{ID: e.ID, Name: e.Name, Kind: e.Kind.String()})
	}
	m.Sources = make([]Source, 0, n.Sources)
	for s := range v.Sources() {
		b.source[s.ID] = len(m.Sources)
		m.Sources = append(m.Sources, Source{ID: s.ID, Primary: s.Kind.Primary(), Title: s.Title, Publisher: s.Publisher, Kind: s.Kind.String(), Published: s.Published.String(), URL: s.URL})
	}
	i := 0
	for s := range v.Sources() {
		for _, d := range s.DerivedFrom {
			m.Sources[i].Derived = append(m.Sources[i].Derived, []any{b.index(b.source, d.Source), d.Kind.String()})
		}
		i++
	}
	days := make(map[claims.Date]bool)
	m.Claims = make([]Claim, 0, n.Claims)
	for c := range v.Claims() {
		b.claimIndex[c.ID] = len(m.Claims)
		lo, hi := span(c.Validity, days)
		mc := Claim{ID: c.ID, Text: c.Text, Lo: lo, Hi: hi}
		if !c.Validity.IsZero() {
			mc.Validity = c.Validity.String()
		}
		if r := c.Review; r != nil && r.Status == claims.Published {
			mc.Review = &Review{Rating: r.Rating, Date: r.Date.String(), Reviewer: r.Reviewer, URL: r.URL}
		}
		for _, e := range c.About {
			mc.About = append(mc.About, b.index(b.entity, e))
		}
		for _, a := range c.Appearances {
			mc.Apps = append(mc.Apps, Appearance{
				Source: b.index(b.source, a.Source), Speaker: b.ref(b.entity, a.Speaker),
				Date: a.Date.String(), Quote: a.Quote, Via: b.ref(b.source, a.Via),
			})
		}
		m.Claims = append(m.Claims, mc)
	}
	if err := b.origins(m, opts.Verdict); err != nil {
		return nil, err
	}
	m.Rels = []Rel{}
	for r := range v.Relations() {
		lo, hi := span(r.Validity, days)
		mr := Rel{
			From: b.index(b.claimIndex, r.From), To: b.index(b.claimIndex, r.To), Kind: int(r.Kind - claims.Supports),
			RelInfo: RelInfo{Sources: b.sourceList(r.Sources), Note: r.Note, Confidence: r.Confidence, Lo: lo, Hi: hi, Apart: apart(v, r)},
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

// origins fills in the origins of every claim of m, as the verdicts of
// vo find them: under trust, a cycle of sources stands for its least
// trusted source (evidence.IndependentWeighed), so that the origins a
// reason names are those the verdict weighed.
func (b *builder) origins(m *Model, vo verdict.Options) error {
	x := provenance.New(b.v)
	if vo.Origins == nil && vo.Evidence == nil {
		x.Rank = evidence.TrustRank(vo.Trust, vo.UnknownTrust)
	}
	i := 0
	for c := range b.v.Claims() {
		rep, err := x.Of(c)
		if err != nil {
			return fmt.Errorf("explore: origins of %s: %w", c.ID, err)
		}
		if plain(c, rep) {
			i++
			continue
		}
		for _, grp := range rep.Groups {
			o := Origin{Source: b.index(b.source, grp.Origin.Source), Class: b.classes.code(grp.Origin.Class.String()),
				Apps: grp.Appearances, Starts: grp.Starts, Steps: make([]Step, len(grp.Steps))}
			for k, st := range grp.Steps {
				o.Steps[k] = Step{Source: b.index(b.source, st.Source), Next: st.Next}
				if st.Next >= 0 {
					o.Steps[k].Link = st.Link.String()
				}
			}
			m.Claims[i].Origins = append(m.Claims[i].Origins, o)
		}
		i++
	}
	return nil
}

// plain reports whether the origins in rep are those a page derives from
// the appearances of c alone: one group per distinct source, in the order
// of first appearance, each the source itself, primary or unresolved by
// its kind, with the appearances in that source.
func plain(c claims.Claim, rep provenance.Report) bool {
	if len(rep.Groups) != len(rep.Sources) {
		return false
	}
	n := 0 // the appearances of the groups
	for k, grp := range rep.Groups {
		o := grp.Origin
		if o.Source != rep.Sources[k] || o.Class == provenance.Circular || (o.Class == provenance.Primary) != o.Kind.Primary() {
			return false
		}
		for j, app := range grp.Appearances {
			if c.Appearances[app].Source != o.Source || grp.Steps[grp.Starts[j]].Next >= 0 {
				return false
			}
		}
		n += len(grp.Appearances)
	}
	// The groups are of distinct sources and list an appearance once, each
	// of their own source: they hold every appearance when they hold as
	// many as c has. Counting a group's against c's, as this did, was
	// O(groups × appearances), quadratic in a claim of many sources.
	return n == len(c.Appearances)
}

// states computes the verdicts of the undated graph and of the dated
// states that opts allows.
func (b *builder) states(m *Model, dates []claims.Date, opts Options) error {
	undated, err := b.verdicts(b.v, opts)
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
			if cur, err = b.verdicts(b.v.At(day), opts); err != nil {
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
			C: b.index(b.claimIndex, vd.Claim), Label: int(vd.Label), Rating: b.ratings.code(vd.Rating.Name), Value: vd.Rating.Value,
			Strength: math.Round(vd.Strength*1000) / 1000, Since: vd.Since.String(), More: vd.More,
			Evidence: evidenceDigits(vd.Evidence), Lent: vd.Lent, Capped: vd.Capped,
		}
		for _, why := range vd.Reasons {
			out[i].Reasons = append(out[i].Reasons, Reason{
				Kind: b.reasons.code(why.Kind.String()), Claim: b.index(b.claimIndex, why.Claim), Attack: b.attacks.code(why.Attack.String()),
				Via: b.ref(b.claimIndex, why.Via), By: b.ref(b.claimIndex, why.By),
			})
		}
	}
	return out, nil
}

// evidenceDigits returns the weight x to the four significant digits
// that evidence.Text prints, so that the page shows what the command
// line does and the model carries no more digits than that.
func evidenceDigits(x float64) float64 {
	r, err := strconv.ParseFloat(evidence.Text(x, false), 64)
	if err != nil {
		return x
	}
	return r
}

// labelNames returns the names of the verdict labels by code.
func labelNames() []string {
	var names []string
	for l := verdict.Undecided; l <= verdict.NotYetHolding; l++ {
		names = append(names, l.String())
	}
	return names
}

// apart returns [RelInfo.Apart] for relation r of v.
func apart(v graph.View, r claims.Relation) string {
	if st := timeline.NotLive(v, r); st != 0 {
		return st.Words()
	}
	return ""
}
