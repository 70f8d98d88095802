package main

import (
	"context"
	"fmt"
	"io"
	"path"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/sources/truth"
)

// Shard is one input file and its place among the shards: the pipeline
// numbers items by (shard, position in it), which is the order a
// sequential reader of the shards, one after another, would see them in.
type Shard struct {
	Index int
	Path  string
}

// listSorted returns the files matching glob, through Beam's file
// systems, sorted.
func listSorted(ctx context.Context, glob string) ([]string, error) {
	fs, err := filesystem.New(ctx, glob)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	files, err := fs.List(ctx, glob)
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	return files, nil
}

// expand returns the files matching glob, sorted, as shards. It runs
// while the pipeline is built, so the shard order is fixed before any
// worker starts.
func expand(ctx context.Context, glob string) ([]Shard, error) {
	files, err := listSorted(ctx, glob)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no file matches %q", glob)
	}
	out := make([]Shard, len(files))
	for i, f := range files {
		out[i] = Shard{Index: i, Path: f}
	}
	return out, nil
}

// open opens a shard through Beam's file systems (local, gs://), so that
// workers of a cluster read the same paths.
func open(ctx context.Context, name string) (io.ReadCloser, error) {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	return fs.OpenRead(ctx, name)
}

// rank orders items across shards: shard first, then position.
func rank(shard, pos int) int64 { return int64(shard)<<32 | int64(pos) }

// Assertion is one source asserting one fact. Fact is the fact's key,
// unique across objects; Rank orders the facts as their IDs in a
// truth.Dataset read from the shards in order would (the position of the
// fact's first assertion), which decides ties between equal beliefs.
type Assertion struct {
	Source  string
	SrcRank int64 // the place where the source first occurs in the shard
	Fact    string
	Object  string
	Value   string
	Rank    int64
}

// Edge is a relation between two claims: a contradiction, which puts
// both in one question, or a support, supporter first, along which
// origins are lent.
type Edge struct {
	From, To    string
	Contradicts bool
	Rank        int64 // the relation's place in the input
	Valid       Valid // the relation's validity
}

// factKey is the key of the fact with value v of object o in a triples
// input: the pair, kept apart by a separator no name contains.
func factKey(o, v string) string { return o + "\x1f" + v }

// readTriplesFn reads a shard of triples with the library's reader
// (truth.Dataset.ReadTriples, so that columns, delimiters and value
// normalisation mean what they mean there) and emits its assertions.
type readTriplesFn struct {
	Comma                 int32
	Source, Object, Value int
	Header, Tokens        bool
}

func (fn *readTriplesFn) options() truth.ReadOptions {
	o := truth.ReadOptions{Comma: rune(fn.Comma), SourceColumn: fn.Source, ObjectColumn: fn.Object, ValueColumn: fn.Value, Header: fn.Header}
	if fn.Tokens {
		o.Normalize = truth.TokenSet
	}
	return o
}

func (fn *readTriplesFn) ProcessElement(ctx context.Context, sh Shard, emit func(Assertion)) error {
	r, err := open(ctx, sh.Path)
	if err != nil {
		return err
	}
	defer r.Close()
	d := truth.NewDataset()
	if err := d.ReadTriples(r, path.Base(sh.Path), fn.options()); err != nil {
		return err
	}
	for s := range d.NumSources() {
		src := d.SourceName(truth.SourceID(s))
		for _, f := range d.Asserted(truth.SourceID(s)) {
			o := d.ObjectName(d.FactObject(f))
			v := d.Value(f)
			emit(Assertion{Source: src, SrcRank: rank(sh.Index, s), Fact: factKey(o, v), Object: o, Value: v, Rank: rank(sh.Index, int(f))})
		}
	}
	return nil
}

// decodeFn reads a shard of the JSON Lines bulk format with the
// library's reader (graph.ReadOptions.DecodeJSONL) and emits what the
// pipelines use of its claims, sources and relations.
type decodeFn struct{}

// Claim is what the pipelines use of a claim: its ID, rank and
// appearances.
type Claim struct {
	ID    string
	Rank  int64
	Apps  []App
	Valid Valid
}

// Valid is a claims.Validity as the pipelines carry it, its dates
// written out ("" for none): whether a contradiction is live is
// claims.HoldTogether's answer on the validities.
type Valid struct {
	From, Until, At, Occurred string
	Ongoing                   bool
}

// validOf returns v as the pipelines carry it.
func validOf(v claims.Validity) Valid {
	return Valid{From: v.From.String(), Until: v.Until.String(), At: v.At.String(), Occurred: v.Occurred.String(), Ongoing: v.Ongoing}
}

// validity returns v as a claims.Validity. The dates were written by
// validOf from a graph the library read, so they parse.
func (v Valid) validity() claims.Validity {
	d := func(s string) claims.Date {
		x, _ := claims.ParseDate(s)
		return x
	}
	return claims.Validity{From: d(v.From), Until: d(v.Until), At: d(v.At), Occurred: d(v.Occurred), Ongoing: v.Ongoing}
}

// App is an appearance: its source and the source it was taken from.
type App struct{ Source, Via string }

// Source is what the pipelines use of a source: its ID, kind and
// derivation links.
type Source struct {
	ID    string
	Rank  int64 // its place in the input
	Kind  uint8 // sources.Kind
	Links []Link
}

// Link is a derivation link to Source, of kind Kind (sources.DerivationKind).
type Link struct {
	Source string
	Kind   uint8
}

func (decodeFn) ProcessElement(ctx context.Context, sh Shard, claimsOut func(Claim), sourcesOut func(Source), edges func(Edge)) error {
	r, err := open(ctx, sh.Path)
	if err != nil {
		return err
	}
	defer r.Close()
	b, err := graph.ReadOptions{}.DecodeJSONL(r, sh.Path)
	if err != nil {
		return err
	}
	for i, c := range b.Claims {
		out := Claim{ID: c.ID, Rank: rank(sh.Index, i), Apps: make([]App, len(c.Appearances)), Valid: validOf(c.Validity)}
		for j, a := range c.Appearances {
			out.Apps[j] = App{Source: a.Source, Via: a.Via}
		}
		claimsOut(out)
	}
	for i, s := range b.Sources {
		out := Source{ID: s.ID, Rank: rank(sh.Index, i), Kind: uint8(s.Kind), Links: make([]Link, len(s.DerivedFrom))}
		for j, d := range s.DerivedFrom {
			out.Links[j] = Link{Source: d.Source, Kind: uint8(d.Kind)}
		}
		sourcesOut(out)
	}
	for i, rel := range b.Relations {
		if !rel.Kind.Bearing() {
			continue // same_as, distinct_from: truth discovery ignores them
		}
		edges(Edge{From: rel.From, To: rel.To, Contradicts: rel.Kind == claims.Contradicts, Rank: rank(sh.Index, i), Valid: validOf(rel.Validity)})
	}
	return nil
}

// readGraph reads the shards of a claim graph: its claims, sources and
// relations.
func readGraph(s beam.Scope, shards beam.PCollection) (cl, src, rel beam.PCollection) {
	s = s.Scope("read graph")
	return beam.ParDo3(s, decodeFn{}, shards)
}
