package provenance

import (
	"errors"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
	"github.com/google/go-cmp/cmp"
)

func ch(ss ...string) Chain {
	// ch("a", "quotes", "b", "via", "c"): sources at even places, links between.
	var c Chain
	for i, s := range ss {
		if i%2 == 0 {
			c.Sources = append(c.Sources, s)
			continue
		}
		for k := Cites; k <= Via; k++ {
			if k.String() == s {
				c.Links = append(c.Links, k)
			}
		}
	}
	return c
}

func TestCycles(t *testing.T) {
	// Worked by hand: b and c quote each other; d -> e -> f -> g -> d; h
	// draws on d from outside the cycle; i draws on nothing. (A source
	// that cites itself is refused by the graph, as a merge making one
	// is: see graph's TestSelfDerivation.)
	g := build(t, []string{
		"b news-article quotes:c",
		"c news-article quotes:b",
		"d news-article cites:e",
		"e news-article cites:f",
		"f news-article cites:g",
		"g news-article republishes:d",
		"h news-article cites:d",
		"i video",
	})
	want := []Cycle{
		{Sources: []string{"b", "c"}, Loop: []string{"b", "c", "b"}},
		{Sources: []string{"d", "e", "f", "g"}, Loop: []string{"d", "e", "f", "g", "d"}},
	}
	if diff := cmp.Diff(want, Cycles(g.View)); diff != "" {
		t.Errorf("Cycles (-want +got):\n%s", diff)
	}
}

func TestSourceOrigins(t *testing.T) {
	// A diamond: a cites b and c, both quote the video v; d draws on
	// nothing; e cites the cycle x <-> y that has no exit, and the video.
	g := build(t, []string{
		"v video",
		"b news-article quotes:v",
		"c news-article quotes:v",
		"a news-article cites:b cites:c",
		"d news-article",
		"x news-article cites:y",
		"y news-article cites:x",
		"e news-article cites:x cites:v",
	})
	video := Origin{Source: "v", Kind: sources.Video, Class: Primary}
	tests := []struct {
		id   string
		want []Trail
	}{
		// Two trails lead from a to v; the chain takes the first link.
		{"a", []Trail{{video, ch("a", "cites", "b", "quotes", "v")}}},
		{"v", []Trail{{video, ch("v")}}},
		{"d", []Trail{{Origin{Source: "d", Kind: sources.NewsArticle, Class: Unresolved}, ch("d")}}},
		{"e", []Trail{
			{video, ch("e", "cites", "v")},
			{Origin{Source: "x", Kind: sources.NewsArticle, Class: Circular,
				Cycle: &Cycle{Sources: []string{"x", "y"}, Loop: []string{"x", "y", "x"}}}, ch("e", "cites", "x")},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got, err := SourceOrigins(g.View, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("SourceOrigins (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClaimOrigins(t *testing.T) {
	srcs := []string{
		"tg video",                             // named only as Via
		"v video",                              // a hoax video
		"s official-statement",                 // a second, independent origin
		"a news-article",                       // takes it via tg
		"b news-article quotes:a",              // relays a
		"c news-article republishes:b cites:v", // relays b; cites v, which does not carry claim "relay"
		"fc news-article cites:v cites:h",      // a fact-check citing the hoax and its relay
		"h news-article quotes:v",              // relays the hoax
		"p news-article cites:q",               // p and q cite each other ...
		"q news-article cites:p",               // ... and nothing else
		"r news-article cites:p cites:s",       // r rests on the cycle and on s
		"lone report",                          // draws on nothing
	}
	g := build(t, srcs,
		"relay a/tg b c", // one origin: tg, named only as Via
		"two a/tg s r",   // two origins: tg and s (r cites s, not p/q which do not carry it)
		"hoax v h",       // origin v
		"debunk fc",      // origin fc: it cites v and h, which do not carry the debunking
		"circle p q r s", // p <-> q has no exit: one circular origin; s another
		"alone lone",     // its own origin, unresolved
	)
	tg := Origin{Source: "tg", Kind: sources.Video, Class: Primary}
	st := Origin{Source: "s", Kind: sources.OfficialStatement, Class: Primary}
	pq := Cycle{Sources: []string{"p", "q"}, Loop: []string{"p", "q", "p"}}
	tests := []struct {
		claim string
		want  flatReport
	}{
		{"relay", flatReport{Claim: "relay", Appearances: 3, Sources: []string{"a", "b", "c"},
			Groups: []flatGroup{{tg, []int{0, 1, 2}, []Chain{
				ch("a", "via", "tg"),
				ch("b", "quotes", "a", "via", "tg"),
				ch("c", "republishes", "b", "quotes", "a", "via", "tg"),
			}}}}},
		{"two", flatReport{Claim: "two", Appearances: 3, Sources: []string{"a", "s", "r"},
			Groups: []flatGroup{
				{tg, []int{0}, []Chain{ch("a", "via", "tg")}},
				{st, []int{1, 2}, []Chain{ch("s"), ch("r", "cites", "s")}},
			}}},
		{"hoax", flatReport{Claim: "hoax", Appearances: 2, Sources: []string{"v", "h"},
			Groups: []flatGroup{{Origin{Source: "v", Kind: sources.Video, Class: Primary}, []int{0, 1},
				[]Chain{ch("v"), ch("h", "quotes", "v")}}}}},
		{"debunk", flatReport{Claim: "debunk", Appearances: 1, Sources: []string{"fc"},
			Groups: []flatGroup{{Origin{Source: "fc", Kind: sources.NewsArticle, Class: Unresolved}, []int{0},
				[]Chain{ch("fc")}}}}},
		{"circle", flatReport{Claim: "circle", Appearances: 4, Sources: []string{"p", "q", "r", "s"},
			Groups: []flatGroup{
				{Origin{Source: "p", Kind: sources.NewsArticle, Class: Circular, Cycle: &pq}, []int{0, 1, 2},
					[]Chain{ch("p"), ch("q"), ch("r", "cites", "p")}},
				{st, []int{2, 3}, []Chain{ch("r", "cites", "s"), ch("s")}},
			},
			Cycles: []Cycle{pq}}},
		{"alone", flatReport{Claim: "alone", Appearances: 1, Sources: []string{"lone"},
			Groups: []flatGroup{{Origin{Source: "lone", Kind: sources.Report, Class: Unresolved}, []int{0}, []Chain{ch("lone")}}}}},
	}
	x := New(g.View)
	indep, err := Independent(g.View)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.claim, func(t *testing.T) {
			got, err := x.Claim(tt.claim)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, flatten(t, got)); diff != "" {
				t.Errorf("Claim (-want +got):\n%s", diff)
			}
			if n := indep[tt.claim]; n != len(tt.want.Groups) {
				t.Errorf("Independent = %d, want %d", n, len(tt.want.Groups))
			}
		})
	}
}

func TestCycleWithExit(t *testing.T) {
	// a and b cite each other, and b quotes the video v: the cycle is
	// circular reporting, but the claim's one origin is v.
	g := build(t, []string{"v video", "a news-article cites:b", "b news-article cites:a quotes:v"}, "c a b v")
	r, err := Origins(g.View, "c")
	if err != nil {
		t.Fatal(err)
	}
	want := flatReport{Claim: "c", Appearances: 3, Sources: []string{"a", "b", "v"},
		Groups: []flatGroup{{Origin{Source: "v", Kind: sources.Video, Class: Primary}, []int{0, 1, 2},
			[]Chain{ch("a", "cites", "b", "quotes", "v"), ch("b", "quotes", "v"), ch("v")}}},
		Cycles: []Cycle{{Sources: []string{"a", "b"}, Loop: []string{"a", "b", "a"}}}}
	if diff := cmp.Diff(want, flatten(t, r)); diff != "" {
		t.Errorf("Origins (-want +got):\n%s", diff)
	}
}

func TestFalseCorroboration(t *testing.T) {
	g := build(t, []string{
		"v video", "a news-article quotes:v", "b news-article quotes:v", "s official-statement",
	},
		"relayed a b v", // 3 sources, 1 origin: false corroboration
		"solid v s",     // 2 sources, 2 origins: real corroboration
		"single a",      // one source: nothing to corroborate
	)
	got, err := FalseCorroboration(g.View)
	if err != nil {
		t.Fatal(err)
	}
	want := []Corroboration{{Claim: "relayed", Appearances: 3, Sources: 3, Publishers: 3, Origins: 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FalseCorroboration (-want +got):\n%s", diff)
	}
}

func TestErrors(t *testing.T) {
	g := build(t, []string{"v video"}, "c v")
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"unknown claim", func() error { _, err := Origins(g.View, "nope"); return err }(), graph.ErrNotFound},
		{"source as claim", func() error { _, err := Origins(g.View, "v"); return err }(), graph.ErrWrongKind},
		{"unknown source", func() error { _, err := SourceOrigins(g.View, "nope"); return err }(), graph.ErrNotFound},
		{"claim as source", func() error { _, err := SourceOrigins(g.View, "c"); return err }(), graph.ErrWrongKind},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !errors.Is(tt.err, tt.want) {
				t.Errorf("error %v, want %v", tt.err, tt.want)
			}
		})
	}
}
