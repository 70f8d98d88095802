package imports

import (
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

type argdownStatement struct {
	Title   string `json:"title"`
	Members []struct {
		Text string `json:"text"`
	} `json:"members"`
}

type argdownPCS struct {
	Title string `json:"title"`
	Role  string `json:"role"`
}

type argdownArgument struct {
	PCS []argdownPCS `json:"pcs"`
}

type argdownRelation struct {
	RelationType string `json:"relationType"`
	From         string `json:"from"`
	FromType     string `json:"fromType"`
	To           string `json:"to"`
	ToType       string `json:"toType"`
}

// ReadArgdown reads the JSON export of an Argdown document ("argdown
// json FILE.argdown"): its "statements" (equivalence classes by title),
// "arguments" and "relations", and returns claims and relations as a
// batch for [graph.Graph.Apply]; name is the file name used in errors.
//
// Each statement becomes a claim with the ID "ad-" followed by its title
// (see [ID]) and the text of its first member that has one (the title
// when none has). Relations:
//
//   - support (+, entails) gives supports;
//   - attack (-, contrary) and contradictory (><) give contradicts, both
//     saying that the two statements cannot both hold;
//   - undercut has no counterpart and is left out;
//   - an argument with a premise-conclusion structure gives "premise
//     supports conclusion" for each premise and each conclusion it leads
//     to (an intermediary conclusion supports the next one);
//   - a relation from or to an argument stands for one from or to its
//     main conclusion; an argument without one is left out.
//
// A document without "statements" is an error. Errors are [*ParseError]
// values pointing at the statement, argument or relation at fault.
func ReadArgdown(r io.Reader, name string) (graph.Batch, error) {
	in, err := newInput(r, name)
	if err != nil {
		return graph.Batch{}, err
	}
	var b graph.Batch
	claimID := func(title string) string { return ID("ad-", title) }
	statementAt := make(map[string]int64)
	conclusion := make(map[string]string) // argument title -> main conclusion title
	argAt := make(map[string]int64)
	sawStatements := false
	// relAt is a relation between titles of statements or arguments,
	// resolved to claims once everything is read.
	type end struct {
		title string
		arg   bool
	}
	type relAt struct {
		from, to end
		kind     claims.RelationKind
		off      int64
	}
	var rels []relAt
	perr := in.object("Argdown JSON document", func(key string) (bool, *ParseError) {
		switch key {
		case "statements":
			sawStatements = true
			return true, entries(in, "statements", func(title string, s argdownStatement, off int64) *ParseError {
				text := ""
				for _, m := range s.Members {
					if t := strings.TrimSpace(m.Text); t != "" {
						text = t
						break
					}
				}
				if text == "" {
					text = title
				}
				c := claims.Claim{ID: claimID(title), Text: text}
				b.Claims = append(b.Claims, c)
				in.at[c.ID], statementAt[title] = off, off
				return nil
			})
		case "arguments":
			return true, entries(in, "arguments", func(title string, a argdownArgument, off int64) *ParseError {
				argAt[title] = off
				var current []string
				for _, s := range a.PCS {
					switch s.Role {
					case "premise":
						current = append(current, s.Title)
					case "intermediary-conclusion", "main-conclusion":
						for _, p := range current {
							rels = append(rels, relAt{end{p, false}, end{s.Title, false}, claims.Supports, off})
						}
						current = []string{s.Title}
						if s.Role == "main-conclusion" {
							conclusion[title] = s.Title
						}
					}
				}
				return nil
			})
		case "relations":
			return true, list(in, "relations", func(ar argdownRelation, off int64) *ParseError {
				kind := claims.Supports
				switch ar.RelationType {
				case "support", "entails":
				case "attack", "contrary", "contradictory":
					kind = claims.Contradicts
				case "undercut":
					return nil
				default:
					return in.errAt(off, fmt.Errorf("%w: unknown relationType %q", ErrFormat, ar.RelationType))
				}
				rels = append(rels, relAt{end{ar.From, ar.FromType == "argument"}, end{ar.To, ar.ToType == "argument"}, kind, off})
				return nil
			})
		}
		return false, nil
	})
	if perr == nil {
		perr = in.end()
	}
	if perr == nil && !sawStatements {
		perr = in.missing("statements")
	}
	if perr != nil {
		return graph.Batch{}, perr
	}
	// resolve returns the claim of a relation's end: the statement's, or
	// the main conclusion's of an argument (false when it has none).
	resolve := func(e end, off int64) (string, bool, *ParseError) {
		if e.arg {
			if _, known := argAt[e.title]; !known {
				return "", false, in.errAt(off, fmt.Errorf("%w: relation names argument %q, which is not in \"arguments\"", ErrFormat, e.title))
			}
			c, has := conclusion[e.title]
			return claimID(c), has, nil
		}
		if _, known := statementAt[e.title]; !known {
			return "", false, in.errAt(off, fmt.Errorf("%w: relation names statement %q, which is not in \"statements\"", ErrFormat, e.title))
		}
		return claimID(e.title), true, nil
	}
	for _, ra := range rels {
		from, okFrom, perr := resolve(ra.from, ra.off)
		if perr != nil {
			return graph.Batch{}, perr
		}
		to, okTo, perr := resolve(ra.to, ra.off)
		if perr != nil {
			return graph.Batch{}, perr
		}
		r := claims.Relation{From: from, To: to, Kind: ra.kind}
		ok := okFrom && okTo
		if !ok || r.From == r.To {
			continue // an argument without a conclusion, or one that restates its own
		}
		in.addRelation(&b, r, ra.off)
	}
	if err := in.check(b); err != nil {
		return graph.Batch{}, err
	}
	return b, nil
}
