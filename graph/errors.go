package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
)

// Sentinel errors, matched with [errors.Is] on any error of this package.
var (
	// ErrNotFound: a query named an ID that the graph does not hold.
	ErrNotFound = errors.New("not found")
	// ErrWrongKind: an ID names a vertex of another kind than the one
	// required (a source where a claim was expected, say).
	ErrWrongKind = errors.New("wrong kind of vertex")
	// ErrDuplicateID: an ID is used twice. Entities, sources and claims
	// share one namespace.
	ErrDuplicateID = errors.New("duplicate ID")
	// ErrUnknownReference: an item refers to an entity, source or claim
	// that is neither in the graph nor in the same change.
	ErrUnknownReference = errors.New("unknown reference")
	// ErrDuplicateRelation: a pair of claims is related twice in the
	// same way (for a symmetric kind, in either direction).
	ErrDuplicateRelation = errors.New("duplicate relation")
	// ErrDuplicateAppearance: a claim appears twice in one source with
	// the same speaker, date, quote, language, via and about_past,
	// written alike or once through an alias (the appearances a merge
	// makes one): one utterance, which would count twice. Appearances
	// that differ only in their notes are one too.
	ErrDuplicateAppearance = errors.New("duplicate appearance")
	// ErrConflictingRelation: one claim both supports and contradicts
	// another, or a pair of claims already related one way is related
	// another way (say same_as and distinct_from); or a merge would
	// relate a claim to itself, derive a source from itself, or make one
	// two relations that differ in validity, or in a confidence or asserted_by both give.
	ErrConflictingRelation = errors.New("conflicting relation")
	// ErrNoPath: no chain of relations joins two claims.
	ErrNoPath = errors.New("no path")
	// ErrNegativeDepth: a query that follows relations up to a depth
	// was given a depth below 0. Every such query ([View.SupportTree],
	// [View.SupportTreeExcept], [View.SupportChains] and
	// [View.Neighbourhood]) refuses it alike, with an [*Error] whose ID
	// is the claim asked about, before it looks the claim up: a
	// negative depth is a caller's mistake (a depth computed as n-1 from
	// 0, say), not a request, since 0 already has a meaning in each of
	// them (no limit for the support chains, the claim alone for the
	// neighbourhood) that no negative number could tell apart.
	ErrNegativeDepth = errors.New("negative depth")
	// ErrSyntax: the input is not well-formed YAML or JSON.
	ErrSyntax = errors.New("syntax error")
	// ErrUnknownField: the input has a field the format does not define.
	ErrUnknownField = errors.New("unknown field")
	// ErrVersion: the input declares a format version this package
	// cannot read.
	ErrVersion = errors.New("unsupported format version")
	// ErrLimit: the input exceeds a limit of [ReadOptions].
	ErrLimit = errors.New("limit exceeded")
	// ErrTooLarge: the input is larger than [ReadOptions.MaxBytes], or
	// its aliases expand to more text than [ReadOptions.MaxAliasBytes].
	// It matches ErrLimit too.
	ErrTooLarge = fmt.Errorf("%w: input too large", ErrLimit)
	// ErrTooManyItems: a JSON Lines input has more items than
	// [ReadOptions.MaxItems]. It matches ErrTooLarge and ErrLimit too.
	ErrTooManyItems = fmt.Errorf("%w: too many items", ErrTooLarge)
	// ErrReadOnly: a write through the read-only [Graph.Underlying] view.
	ErrReadOnly = errors.New("read-only: change the graph through its own methods")
	// ErrNotWritable: a save refused to replace a file that is
	// read-only (see [SaveWith]).
	ErrNotWritable = errors.New("not writable: refusing to replace a read-only file")
	// ErrFileFormat: a file name names a format this package does not
	// read or write: RDF (".nq", ".ttl"), which package graph/rdf reads
	// and writes. [Open] and [Graph.Save] refuse such a name rather than
	// read or write it as YAML.
	ErrFileFormat = errors.New("not a format of this package")
)

// Error is one problem with input: a file, a change or a query. Its
// [claims.Position] is set when the problem comes from a file (zero
// otherwise), with a 1-based line and a column counted in characters; ID
// names the offending entity, source, claim or relation; Field is the path
// of the offending field in the YAML format ("appearances[1].source").
type Error struct {
	claims.Position
	ID    string
	Field string
	Err   error
	// Ref is, for a problem that a reference causes (an item still
	// naming one a change removes), where the reference is in the file
	// [EditYAML] edits; zero otherwise.
	Ref claims.Position

	loc location // where in a change the problem is, for positions
	ref location // the referring item and field, in the graph's own order
}

// Error formats the problem as "graph: FILE:LINE:COL: message" (see
// [claims.Position.Prefix]).
func (e *Error) Error() string {
	return e.Prefix("graph") + e.Message()
}

// Message returns the problem without the package prefix and the
// position: what a checker prints after "FILE:LINE:COL: ".
func (e *Error) Message() string {
	var b strings.Builder
	if e.loc.kind != "" && e.ID != "" {
		fmt.Fprintf(&b, "%s %s: ", e.loc.kind, claims.Quote(e.ID))
	}
	if e.Field != "" {
		b.WriteString(claims.Cut(e.Field) + ": ")
	}
	b.WriteString(e.Err.Error())
	if e.Ref.IsValid() && e.Ref != e.Position {
		b.WriteString(" at " + e.Ref.String())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// ErrorList is every problem found in one load or one change, in the
// order of the input. Load reports all problems it finds, not only the
// first. It unwraps to its elements, so [errors.Is] and [errors.As] see
// each of them.
type ErrorList []*Error

// Error returns the first problem and how many more there are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "graph: no errors"
	case 1:
		return l[0].Error()
	}
	more := len(l) - 1
	if m, ok := l[len(l)-1].Err.(moreProblems); ok {
		more += int(m) - 1
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s (and %d more problem", l[0].Error(), more)
	if more > 1 {
		b.WriteByte('s')
	}
	b.WriteByte(')')
	return b.String()
}

// Sort sorts the problems by position: by file, then line, then column,
// keeping the order of problems at the same position (as
// [go/scanner.ErrorList.Sort] does, without the message). A problem
// with no position comes first.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
}

// Unwrap returns the individual problems.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// moreProblems is the problem that ends an [ErrorList] cut at
// [ReadOptions.MaxErrors]: how many problems were left out.
type moreProblems int

func (m moreProblems) Error() string {
	return fmt.Sprintf("%d more problems not listed", int(m))
}

// Is makes the problem match ErrLimit.
func (m moreProblems) Is(target error) bool { return target == ErrLimit }

// checkDepth refuses a depth below 0 given to a query about claim id
// (see ErrNegativeDepth); zero says what a depth of 0 asks that query
// for, so that the message points to the value the caller likely meant.
func checkDepth(id string, depth int, zero string) error {
	if depth >= 0 {
		return nil
	}
	return &Error{ID: id, Err: tag(ErrNegativeDepth, "claim %s: depth %d is negative: want a number of relations, at least 0 (0: %s)", claims.Quote(id), depth, zero)}
}

// tagged is an error whose message is its own text but which matches a
// sentinel with errors.Is, for messages that read better without the
// sentinel's words in front.
type tagged struct {
	msg      string
	sentinel error
}

func (t *tagged) Error() string { return t.msg }
func (t *tagged) Unwrap() error { return t.sentinel }

func tag(sentinel error, format string, a ...any) error {
	return &tagged{msg: fmt.Sprintf(format, a...), sentinel: sentinel}
}
