package imports

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

type argdownMember struct {
	Text string   `json:"text"`
	Tags []string `json:"tags"`
}

type argdownStatement struct {
	Title   string          `json:"title"`
	Members []argdownMember `json:"members"`
	Tags    []string        `json:"tags"`
}

type argdownPCS struct {
	Title string `json:"title"`
	Role  string `json:"role"`
}

type argdownArgument struct {
	PCS     []argdownPCS    `json:"pcs"`
	Members []argdownMember `json:"members"` // descriptions
	Tags    []string        `json:"tags"`
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
// "arguments" and "relations", and returns claims and relations for
// [graph.Graph.Apply], with a [Warning] for each element left out; name is
// the file name used in errors and warnings.
//
// Each statement becomes a claim with the ID "ad-" followed by its title
// (see [ID]) and the text of its first member that has one (the title
// when none has). Tags become entities, not text: each tag (#video,
// #(Vladimir Putin)) is an entity of kind other with the ID "ad-tag-"
// followed by the tag, that the claims tagged with it are about. A tag
// at the end of a text is removed from it; one inside a sentence leaves
// its words ("met #(Vladimir Putin) in" reads "met Vladimir Putin in").
//
// Arguments:
//
//   - an argument with a premise-conclusion structure gives "premise
//     supports conclusion" for each premise and each conclusion it leads
//     to (an intermediary conclusion supports the next one), and stands
//     for its main conclusion in relations (its description, a gist of
//     what the structure says, is not kept);
//   - an argument without one (the usual "+ <Name>: gist" of an argument
//     map) becomes a claim of its own, with the ID "ad-arg-" followed by
//     its title, the text of its description and its tags, and stands for
//     that claim in relations;
//   - an argument with neither is left out, with its relations (warned).
//
// Relations, between statements or between the claims arguments stand
// for:
//
//   - support (+, entails) gives supports;
//   - attack (-, contrary) and contradictory (><) give contradicts, both
//     saying that the two statements cannot both hold;
//   - undercut (an attack on an inference) has no counterpart between
//     claims and is left out (warned);
//   - a support from an argument to its own main conclusion says what
//     its premises' supports already say, and gives nothing more; any
//     other relation of a claim with itself (a statement attacking
//     itself) is left out (warned).
//
// A document without "statements" is an error. Errors are [*ParseError]
// values pointing at the statement, argument or relation at fault, every
// problem of the batch as a graph reported (an [ErrorList] when there are
// several: two statements both supported and attacked, say).
func ReadArgdown(r io.Reader, name string) (Result, error) {
	in, err := newInput(r, name)
	if err != nil {
		return Result{}, err
	}
	var b graph.Batch
	claimID := func(title string) string { return ID("ad-", title) }
	statementAt := make(map[string]int64)
	stands := make(map[string]string) // argument title -> the claim it stands for
	argAt := make(map[string]int64)
	sawStatements := false
	tags := make(map[string]string) // tag -> entity ID
	about := func(ts []string) []string {
		var ids []string
		seen := make(map[string]bool, len(ts)) // not a search of ids: a statement may have many tags
		for _, t := range ts {
			id, ok := tags[t]
			if !ok {
				id = ID("ad-tag-", t)
				tags[t] = id
				b.Entities = append(b.Entities, claims.Entity{ID: id, Name: t, Kind: claims.OtherEntity})
			}
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
		return ids
	}
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
				text := described(s.Members)
				if text == "" {
					text = title
				}
				c := claims.Claim{ID: claimID(title), Text: text, About: about(s.Tags)}
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
							stands[title] = claimID(s.Title)
						}
					}
				}
				if _, ok := stands[title]; ok {
					return nil
				}
				text := described(a.Members)
				if text == "" {
					in.warn(off, "argument <%s> has neither a conclusion nor a description: left out, with its relations", title)
					return nil
				}
				c := claims.Claim{ID: ID("ad-arg-", title), Text: text, About: about(a.Tags)}
				b.Claims = append(b.Claims, c)
				in.at[c.ID], stands[title] = off, c.ID
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
					in.warn(off, "%s undercuts the inference of <%s>: relations hold between claims, left out", adName(ar.From, ar.FromType == "argument"), ar.To)
					return nil
				default:
					return in.errAt(off, fmt.Errorf("%w: unknown relationType %q", ErrFormat, ar.RelationType))
				}
				rels = append(rels, relAt{end{ar.From, ar.FromType == "argument"}, end{ar.To, ar.ToType == "argument"}, kind, off})
				return nil
			})
		case "sections", "tags":
			// Headings, and the list of the tags the statements carry.
			return false, nil
		default:
			in.warn(in.key, "key %q is not part of Argdown's JSON: left out", key)
			return false, nil
		}
	})
	if perr == nil {
		perr = in.end()
	}
	if perr == nil && !sawStatements {
		perr = in.missing("statements")
	}
	if perr != nil {
		return Result{}, perr
	}
	// resolve returns the claim of a relation's end: the statement's, or
	// the one an argument stands for (false when it stands for none).
	resolve := func(e end, off int64) (string, bool, *ParseError) {
		if e.arg {
			if _, known := argAt[e.title]; !known {
				return "", false, in.errAt(off, fmt.Errorf("%w: relation names argument %q, which is not in \"arguments\"", ErrFormat, e.title))
			}
			c, has := stands[e.title]
			return c, has, nil
		}
		if _, known := statementAt[e.title]; !known {
			return "", false, in.errAt(off, fmt.Errorf("%w: relation names statement %q, which is not in \"statements\"", ErrFormat, e.title))
		}
		return claimID(e.title), true, nil
	}
	for _, ra := range rels {
		from, okFrom, perr := resolve(ra.from, ra.off)
		if perr != nil {
			return Result{}, perr
		}
		to, okTo, perr := resolve(ra.to, ra.off)
		if perr != nil {
			return Result{}, perr
		}
		r := claims.Relation{From: from, To: to, Kind: ra.kind}
		switch {
		case !okFrom || !okTo:
			in.warn(ra.off, "relation %s %s %s names an argument left out: left out",
				adName(ra.from.title, ra.from.arg), ra.kind, adName(ra.to.title, ra.to.arg))
			continue
		case r.From == r.To && r.Kind == claims.Supports && (ra.from.arg || ra.to.arg):
			continue // an argument and its own conclusion: see the doc
		case r.From == r.To:
			in.warn(ra.off, "relation %s %s %s relates a claim to itself, which a claim graph cannot hold: left out",
				adName(ra.from.title, ra.from.arg), ra.kind, adName(ra.to.title, ra.to.arg))
			continue
		}
		in.addRelation(&b, r, ra.off)
	}
	if err := in.check(b); err != nil {
		return Result{}, err
	}
	return in.result(b), nil
}

// described returns the first text among members, without its tags.
func described(members []argdownMember) string {
	for _, m := range members {
		if t := untag(m.Text, m.Tags); t != "" {
			return t
		}
	}
	return ""
}

// untag removes the Argdown tags of text: those at its end go, and those
// inside it leave their words: "met #(Vladimir Putin) in Beijing. #visit"
// reads "met Vladimir Putin in Beijing.".
func untag(text string, tags []string) string {
	text = strings.TrimSpace(text)
	forms := func(tag string) []string { return []string{"#(" + tag + ")", "#" + tag} }
	for trimmed := true; trimmed; {
		trimmed = false
		for _, tag := range tags {
			for _, f := range forms(tag) {
				if strings.HasSuffix(text, f) {
					text, trimmed = strings.TrimSpace(strings.TrimSuffix(text, f)), true
				}
			}
		}
	}
	for _, tag := range tags {
		for _, f := range forms(tag) {
			text = replaceTag(text, f, tag)
		}
	}
	return strings.Join(strings.Fields(text), " ")
}

// replaceTag replaces each whole occurrence of the tag form f in text by
// the tag's words: "#video" in "a #video." but not in "#videos".
func replaceTag(text, f, tag string) string {
	var out strings.Builder
	for {
		i := strings.Index(text, f)
		if i < 0 {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[i+len(f):])
		whole := f[1] == '(' || !(unicode.IsLetter(next) || unicode.IsDigit(next) || next == '-' || next == '_')
		out.WriteString(text[:i])
		if whole {
			out.WriteString(tag)
		} else {
			out.WriteString(f)
		}
		text = text[i+len(f):]
	}
	out.WriteString(text)
	return out.String()
}

// adName returns an Argdown title as Argdown writes it: "<Argument>" or
// "[Statement]".
func adName(title string, arg bool) string {
	if arg {
		return "<" + title + ">"
	}
	return "[" + title + "]"
}
