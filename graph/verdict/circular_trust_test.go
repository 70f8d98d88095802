package verdict_test

import (
	"testing"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
	"github.com/claimgraph/claimgraph/sources"
)

// circularGraph is claim x carried by a video and an article that draw on
// each other (circular reporting: one origin, a cycle), named video and
// article, against claim y of one article, src. Sources are named by
// the arguments, so that a test can rename them.
func circularGraph(t *testing.T, video, article, src string) *graph.Graph {
	t.Helper()
	g := graph.New()
	if err := g.Apply(graph.Batch{
		Sources: []sources.Source{
			{ID: video, Kind: sources.Video, DerivedFrom: []sources.Derivation{{Source: article, Kind: sources.Cites}}},
			{ID: article, Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: video, Kind: sources.Quotes}}},
			{ID: src, Kind: sources.NewsArticle},
		},
		Claims: []claims.Claim{
			{ID: "x", Text: "X.", Appearances: []claims.Appearance{{Source: video}, {Source: article}}},
			{ID: "y", Text: "Y.", Appearances: []claims.Appearance{{Source: src}}},
		},
		Relations: []claims.Relation{{From: "x", To: "y", Kind: claims.Contradicts}},
	}); err != nil {
		t.Fatal(err)
	}
	return g
}

// TestCircularWeighsLeastTrusted: a cycle of sources is one origin, and
// weighs what its least trusted source weighs, whatever the sources' IDs.
// The cycle stood for its member of smallest ID, so that renaming the
// article from "b-article" to "0-article" turned x (a video trusted 0.95
// and an article trusted 0.1 citing each other) from accepted, True
// ("a primary source of established trust") against y (0.5), to
// rejected. Now both names give x evidence 0.1, rejected, the reason on
// y naming the article; Compute and the Tracker agree.
func TestCircularWeighsLeastTrusted(t *testing.T) {
	for _, article := range []string{"b-article", "0-article"} {
		g := circularGraph(t, "a-video", article, "c1")
		// computeAndTrack checks that the Tracker gives every verdict alike.
		r := computeAndTrack(t, g, verdict.Options{Trust: map[string]float64{"a-video": 0.95, article: 0.1, "c1": 0.5}})
		x, _ := r.Verdict("x")
		y, _ := r.Verdict("y")
		if x.Label != verdict.Rejected || x.Evidence != 0.1 || x.Independent() != 1 || x.Primary != 0 {
			t.Errorf("%s: x %v, evidence %v, %d origins, primary %v; want rejected, 0.1, 1, 0", article, x.Label, x.Evidence, x.Independent(), x.Primary)
		}
		if y.Label != verdict.Accepted || len(y.Reasons) != 1 || y.Reasons[0].Claim != "x" || y.Reasons[0].Evidence != 0.1 {
			t.Errorf("%s: y %v, reasons %+v; want accepted, x weaker at 0.1", article, y.Label, y.Reasons)
		}
		if len(x.Origins) != 1 || x.Origins[0] != article {
			t.Errorf("%s: x's origins %v; want the least trusted, [%s]", article, x.Origins, article)
		}
	}
}

// TestCircularNoPrimary: circular reporting is first-hand material of no
// one. A video and an article both trusted at 0.97, citing each other,
// are one origin standing for the video (the smaller ID at equal trust),
// of evidence 0.97: not corroborated, and no primary source, so x is
// Unproven, not True. The video alone, with its derivation pointing at a
// source that does not carry x, is a primary source: True. So is a
// video that x's appearance says was taken from nothing; one whose
// appearance came via the article that takes it from the video is a
// cycle again.
func TestCircularNoPrimary(t *testing.T) {
	trust := map[string]float64{"a-video": 0.97, "b-article": 0.97, "c1": 0.5}
	rate := func(g *graph.Graph) verdict.Verdict {
		t.Helper()
		x, _ := computeAndTrack(t, g, verdict.Options{Trust: trust}).Verdict("x")
		return x
	}
	if x := rate(circularGraph(t, "a-video", "b-article", "c1")); x.Rating != verdict.RatingUnproven || x.Primary != 0 || x.Evidence != 0.97 {
		t.Errorf("cycle: x rated %v, primary %v, evidence %v; want Unproven, 0, 0.97", x.Rating, x.Primary, x.Evidence)
	}

	// The video alone carries x: it draws on the article, which does not.
	g := graph.New()
	if err := g.Apply(graph.Batch{
		Sources: []sources.Source{
			{ID: "a-video", Kind: sources.Video, DerivedFrom: []sources.Derivation{{Source: "b-article", Kind: sources.Cites}}},
			{ID: "b-article", Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: "a-video", Kind: sources.Quotes}}},
		},
		Claims: []claims.Claim{{ID: "x", Text: "X.", Appearances: []claims.Appearance{{Source: "a-video"}}}},
	}); err != nil {
		t.Fatal(err)
	}
	if x := rate(g); x.Rating != verdict.RatingTrue || x.Primary != 0.97 {
		t.Errorf("video alone: x rated %v, primary %v; want True, 0.97", x.Rating, x.Primary)
	}

	// A cycle made by an appearance's via: the video's appearance was
	// taken from the article, which quotes the video.
	g = graph.New()
	if err := g.Apply(graph.Batch{
		Sources: []sources.Source{
			{ID: "a-video", Kind: sources.Video},
			{ID: "b-article", Kind: sources.NewsArticle, DerivedFrom: []sources.Derivation{{Source: "a-video", Kind: sources.Quotes}}},
		},
		Claims: []claims.Claim{{ID: "x", Text: "X.", Appearances: []claims.Appearance{{Source: "a-video", Via: "b-article"}, {Source: "b-article"}}}},
	}); err != nil {
		t.Fatal(err)
	}
	if x := rate(g); x.Rating != verdict.RatingUnproven || x.Primary != 0 || x.Independent() != 1 {
		t.Errorf("via cycle: x rated %v, primary %v, %d origins; want Unproven, 0, 1", x.Rating, x.Primary, x.Independent())
	}
}
