package imports

import (
	"fmt"
	"io"
	"math/bits"
	"math/rand/v2"
	"slices"
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
//
// The tag forms ("#(tag)", then "#tag", for each tag in turn) at the end
// go as if one pass over the tags after another took off each form that
// ends the text, until a pass takes none. Then one pass over the text
// replaces each form by its tag's words, the first of the tags whose form
// is whole there winning: "#(tag)" is, "#tag" when no letter, digit, '-'
// or '_' follows. Replaced words are not read again.
//
// It takes time and memory O(len(text) + the tags' total length) when no
// tag holds a '#'. Each distinct length of the tags that do adds O(1) for
// each '#' of the text and each form taken off its end: at most
// O(len(text) * sqrt(their total length)) more time. An empty tag,
// which Argdown never writes but a file may hold, has no form: a '#' on
// its own is text.
func untag(text string, tags []string) string {
	if slices.Contains(tags, "") {
		tags = slices.DeleteFunc(slices.Clone(tags), func(t string) bool { return t == "" })
	}
	text = strings.TrimSpace(text)
	if len(tags) > 0 && strings.IndexByte(text, '#') >= 0 {
		fs := newTagForms(text, tags)
		text = fs.replace(text[:fs.trim(len(text))])
	}
	return strings.Join(strings.Fields(text), " ")
}

// tagForms is the tag forms of untag, looked up in a text by a rolling
// hash (the random base makes a search for collisions pointless; each
// form found is compared with the text before it counts).
type tagForms struct {
	tags   []string
	forms  []string // distinct forms
	hashed []bool   // forms holding a '#' after their first byte
	at     []int    // places of form f in the order tried (2i for "#(tags[i])", 2i+1 for "#tags[i]"): at[start[f]:start[f+1]]
	start  []int
	key    map[formKey]int // the first form of each hash and length
	next   []int           // the next form of the same hash and length, -1 if none
	plain  []int           // the lengths of the forms without a '#' after their first byte, ascending
	hashes []int           // the lengths of the others, ascending
	h      rollingHash     // of the text
}

type formKey struct {
	hash uint64
	n    int
}

// newTagForms returns the forms of tags, to be looked up in text (or a
// prefix of it), in time O(len(text) + the tags' total length).
func newTagForms(text string, tags []string) *tagForms {
	maxLen := 0
	for _, t := range tags {
		maxLen = max(maxLen, len(t)+3)
	}
	n := 2 * len(tags)
	fs := &tagForms{tags: tags, key: make(map[formKey]int, n), h: newRollingHash(text, min(maxLen, len(text))),
		forms: make([]string, 0, n), next: make([]int, 0, n), hashed: make([]bool, 0, n)}
	of := make([]int, 0, n) // place -> form
	plain, hashes := make(map[int]bool), make(map[int]bool)
	for _, t := range tags {
		for _, s := range [2]string{"#(" + t + ")", "#" + t} {
			k := formKey{fs.h.of(s), len(s)}
			f, ok := fs.key[k]
			for ok && f >= 0 && fs.forms[f] != s {
				f = fs.next[f]
			}
			if !ok || f < 0 {
				f = len(fs.forms)
				fs.forms = append(fs.forms, s)
				fs.next = append(fs.next, -1)
				if g, ok := fs.key[k]; ok {
					fs.next[f] = g
				}
				fs.key[k] = f
				hashed := strings.IndexByte(s[1:], '#') >= 0
				fs.hashed = append(fs.hashed, hashed)
				if hashed {
					hashes[len(s)] = true
				} else {
					plain[len(s)] = true
				}
			}
			of = append(of, f)
		}
	}
	fs.start = make([]int, len(fs.forms)+1)
	for _, f := range of {
		fs.start[f+1]++
	}
	for f := range fs.forms {
		fs.start[f+1] += fs.start[f]
	}
	fs.at = make([]int, len(of))
	fill := append([]int(nil), fs.start[:len(fs.forms)]...)
	for p, f := range of {
		fs.at[fill[f]] = p
		fill[f]++
	}
	fs.plain, fs.hashes = sortedKeys(plain), sortedKeys(hashes)
	return fs
}

func sortedKeys(m map[int]bool) []int {
	s := make([]int, 0, len(m))
	for k := range m {
		s = append(s, k)
	}
	slices.Sort(s)
	return s
}

// find calls yield with each form f, holding a '#' after its first byte
// or not as hashed says, that hashes as text[i:j] (when j-i is a form's
// length, and no further than the text hashed).
func (fs *tagForms) find(text string, i, j int, hashed bool, yield func(f int)) {
	if j-i > len(fs.h.pow)-1 {
		return
	}
	f, ok := fs.key[formKey{fs.h.sub(i, j), j - i}]
	for ; ok && f >= 0; f = fs.next[f] {
		if fs.hashed[f] == hashed && len(fs.forms[f]) == j-i {
			yield(f)
		}
	}
}

// trim returns the length of the hashed text less the forms at its end
// (and the spaces before each), taken off as untag says: from each form
// taken off at place p, the next is the first form ending the text at a
// place after p, or from the start. That form starts at the last '#', or
// holds a '#' after its first byte; time O(the bytes taken off + the
// lengths of forms holding a '#' for each).
func (fs *tagForms) trim(k int) int {
	text := fs.h.text
	n := len(fs.at)
	type cand struct{ f, p, dist int }
	var cs []cand
	from := 0 // the place to try first
	add := func(f int) {
		at := fs.at[fs.start[f]:fs.start[f+1]]
		i, _ := slices.BinarySearch(at, from)
		if i < len(at) {
			cs = append(cs, cand{f, at[i], at[i] - from})
		} else {
			cs = append(cs, cand{f, at[0], at[0] + n - from})
		}
	}
	for k > 0 {
		h := strings.LastIndexByte(text[:k], '#')
		if h < 0 {
			break
		}
		cs = cs[:0]
		fs.find(text, h, k, false, add)
		for _, l := range fs.hashes {
			if l > k {
				break
			}
			if text[k-l] == '#' {
				fs.find(text, k-l, k, true, add)
			}
		}
		slices.SortFunc(cs, func(a, b cand) int { return a.dist - b.dist })
		found := false
		for _, c := range cs {
			if f := fs.forms[c.f]; text[k-len(f):k] == f {
				k = len(strings.TrimRightFunc(text[:k-len(f)], unicode.IsSpace))
				from, found = c.p+1, true
				break
			}
		}
		if !found {
			break
		}
	}
	return k
}

// replace returns text, a prefix of the hashed text, with each tag form
// in it replaced by its tag's words, in one pass: at each '#', the first
// form in the order tried that is there and whole. A form without a '#'
// after its first byte ends by the next '#'; time O(len(text) + the
// number of lengths of forms holding a '#' for each '#').
func (fs *tagForms) replace(text string) string {
	var out strings.Builder
	var cs []int
	add := func(f int) { cs = append(cs, f) }
	last := 0 // text[last:] is not written yet
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '#')
		if j < 0 {
			break
		}
		h := i + j
		end := len(text) // of a form without a '#' after its first byte
		if j := strings.IndexByte(text[h+1:], '#'); j >= 0 {
			end = h + 1 + j
		}
		cs = cs[:0]
		for _, l := range fs.plain {
			if h+l > end {
				break
			}
			fs.find(text, h, h+l, false, add)
		}
		for _, l := range fs.hashes {
			if h+l > len(text) {
				break
			}
			fs.find(text, h, h+l, true, add)
		}
		slices.SortFunc(cs, func(a, b int) int { return fs.at[fs.start[a]] - fs.at[fs.start[b]] })
		i = h + 1
		for _, c := range cs {
			f := fs.forms[c]
			if wholeTag(f, text[h+len(f):]) && text[h:h+len(f)] == f {
				if out.Len() == 0 {
					out.Grow(len(text))
				}
				out.WriteString(text[last:h])
				out.WriteString(fs.tags[fs.at[fs.start[c]]/2])
				last, i = h+len(f), h+len(f)
				break
			}
		}
	}
	if last == 0 {
		return text
	}
	out.WriteString(text[last:])
	return out.String()
}

// wholeTag reports whether the tag form f, followed by rest, is a whole
// tag: "#(tag)" always, "#tag" when no letter, digit, '-' or '_' follows
// ("#video" in "a #video." but not in "#videos").
func wholeTag(f, rest string) bool {
	next, _ := utf8.DecodeRuneInString(rest)
	return f[1] == '(' || !(unicode.IsLetter(next) || unicode.IsDigit(next) || next == '-' || next == '_')
}

// rollingHash is the polynomial hashes modulo 2^61-1, with a random base,
// of the prefixes of a text, giving the hash of any part of it up to a
// length in O(1).
type rollingHash struct {
	text   string
	base   uint64
	prefix []uint64 // hash of text[:i]
	pow    []uint64 // base^l
}

const hashMod = 1<<61 - 1

func mulMod(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	x := (hi<<3 | lo>>61) + lo&hashMod
	if x >= hashMod {
		x -= hashMod
	}
	return x
}

// newRollingHash hashes text, for parts up to maxLen long.
func newRollingHash(text string, maxLen int) rollingHash {
	rh := rollingHash{text: text, base: 256 + rand.Uint64N(hashMod-256), prefix: make([]uint64, len(text)+1), pow: make([]uint64, maxLen+1)}
	for i := range len(text) {
		rh.prefix[i+1] = (mulMod(rh.prefix[i], rh.base) + uint64(text[i]) + 1) % hashMod
	}
	rh.pow[0] = 1
	for l := 1; l <= maxLen; l++ {
		rh.pow[l] = mulMod(rh.pow[l-1], rh.base)
	}
	return rh
}

// of returns the hash of s, as sub would of the same bytes in the text.
func (rh rollingHash) of(s string) uint64 {
	var x uint64
	for i := range len(s) {
		x = (mulMod(x, rh.base) + uint64(s[i]) + 1) % hashMod
	}
	return x
}

// sub returns the hash of text[i:j], j-i at most maxLen.
func (rh rollingHash) sub(i, j int) uint64 {
	return (rh.prefix[j] + hashMod - mulMod(rh.prefix[i], rh.pow[j-i])) % hashMod
}

// adName returns an Argdown title as Argdown writes it: "<Argument>" or
// "[Statement]".
func adName(title string, arg bool) string {
	if arg {
		return "<" + title + ">"
	}
	return "[" + title + "]"
}
