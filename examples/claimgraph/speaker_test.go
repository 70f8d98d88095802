package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources"
)

// TestBySpeakerAliases: the report's claims per speaker took the
// speakers of each claim from graph.View.Speakers, which copies each
// speaker with its aliases: O(claims × aliases) for one speaker of many
// claims and names. report on 12,000 claims of a speaker of 12,000
// aliases spent 2.5 s there (0.26 s at 3,000). Here 2,000 claims of a
// speaker of 200,000 aliases took some 20 s; the test allows 10 s for
// what takes milliseconds. A claim said twice by the speaker, once
// under an ID merged into it, counts once.
func TestBySpeakerAliases(t *testing.T) {
	const n, aliases = 2000, 200_000
	p := claims.Entity{ID: "p", Name: "P", Kind: claims.Person, Merged: []string{"old-p"}}
	for i := range aliases {
		p.Aliases = append(p.Aliases, fmt.Sprintf("alias %d", i))
	}
	b := graph.Batch{Entities: []claims.Entity{p}, Sources: []sources.Source{{ID: "s", Kind: sources.NewsArticle}}}
	for i := range n {
		b.Claims = append(b.Claims, claims.Claim{ID: fmt.Sprintf("c%d", i), Text: "T.",
			Appearances: []claims.Appearance{{Source: "s", Speaker: "p"}, {Source: "s", Speaker: "old-p", Quote: "T"}}})
	}
	b.Claims = append(b.Claims, claims.Claim{ID: "unsaid", Text: "U.", Appearances: []claims.Appearance{{Source: "s"}}})
	g := graph.New()
	if err := g.Apply(b); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		out, err := bySpeaker(g.View)
		if err == nil && (len(out) != 2 || out[0].speaker.ID != "p" || len(out[0].claims) != n || !slices.Equal(out[1].claims, []string{"unsaid"})) {
			err = fmt.Errorf("%d speakers, want p with %d claims and nobody with one", len(out), n)
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the claims per speaker of 2,000 claims by a speaker of 200,000 aliases take more than 10 s")
	}
}

// TestSpeakerAliasesCommands: sources looked the speaker of each
// appearance up, and check each entity a claim is about, with
// graph.View.Entity, which copies the entity's aliases: a claim said
// 12,000 times by a speaker of 12,000 aliases took 2.4 s in sources.
// Here 2,000 appearances and claims about a speaker of 200,000 aliases
// took over 10 s each; the test allows 10 s for both, which take 0.5.
func TestSpeakerAliasesCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("a guard against a quadratic cost, at a size that tells it: runs without -short")
	}
	const n, aliases = 2000, 200_000
	var b strings.Builder
	b.WriteString("{\"claimgraph\":1}\n{\"entity\":{\"id\":\"p\",\"name\":\"P\",\"kind\":\"person\",\"aliases\":[")
	for i := range aliases {
		fmt.Fprintf(&b, "%q%s", fmt.Sprintf("alias %d", i), map[bool]string{true: ",", false: ""}[i < aliases-1])
	}
	b.WriteString("]}}\n{\"entity\":{\"id\":\"q\",\"name\":\"Q\",\"kind\":\"place\"}}\n{\"source\":{\"id\":\"s\",\"kind\":\"wire\"}}\n")
	b.WriteString(`{"claim":{"id":"c","text":"T.","about":["p","q"],"appearances":[`)
	for i := range n {
		fmt.Fprintf(&b, "%s{\"source\":\"s\",\"speaker\":\"p\",\"quote\":\"q%d\"}", map[bool]string{true: ",", false: ""}[i > 0], i)
	}
	b.WriteString("]}}\n")
	for i := range n {
		fmt.Fprintf(&b, "{\"claim\":{\"id\":\"c%d\",\"text\":\"T.\",\"about\":[\"p\",\"q\"]}}\n", i)
	}
	path := writeTemp(t, "p.jsonl", b.String())
	runWithin(t, 10*time.Second, "sources and check on 2,000 appearances and claims of a speaker of 200,000 aliases",
		[]string{"sources", path, "c"}, []string{"check", path})
}
