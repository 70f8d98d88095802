package imports

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// TestArgdownSelfAttackWarned: "A attack A" was dropped without a word.
func TestArgdownSelfAttackWarned(t *testing.T) {
	in := `{"statements": {"A": {"members": [{"text": "A holds."}]}, "B": {"members": [{"text": "B holds."}]}},
 "relations": [
  {"from": "A", "to": "A", "fromType": "statement", "toType": "statement", "relationType": "attack"},
  {"from": "B", "to": "A", "fromType": "statement", "toType": "statement", "relationType": "contrary"}
 ]}`
	res, err := ReadArgdown(strings.NewReader(in), "ad2.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Relations) != 1 {
		t.Errorf("relations %v, want b contradicts a alone", res.Relations)
	}
	checkWarnings(t, res.Warnings, []string{`ad2.json:3:3: relation [A] contradicts [A] relates a claim to itself`})
}

// TestArgdownEveryProblem: a document with two pairs both supported and
// attacked reported the first alone; both are reported, each at its
// relation.
func TestArgdownEveryProblem(t *testing.T) {
	in := `{"statements": {"A": {"members": [{"text": "A."}]}, "B": {"members": [{"text": "B."}]}, "C": {"members": [{"text": "C."}]}},
 "relations": [
  {"from": "A", "to": "B", "fromType": "statement", "toType": "statement", "relationType": "support"},
  {"from": "A", "to": "B", "fromType": "statement", "toType": "statement", "relationType": "attack"},
  {"from": "C", "to": "B", "fromType": "statement", "toType": "statement", "relationType": "support"},
  {"from": "C", "to": "B", "fromType": "statement", "toType": "statement", "relationType": "attack"}
 ]}`
	_, err := ReadArgdown(strings.NewReader(in), "ad1.json")
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 || !errors.Is(err, graph.ErrConflictingRelation) {
		t.Fatalf("got %v, want two conflicting relations", err)
	}
	for i, want := range []string{`ad1.json:4:3: relation "ad-a -> ad-b"`, `ad1.json:6:3: relation "ad-c -> ad-b"`} {
		if !strings.Contains(list[i].Error(), want) {
			t.Errorf("problem %d = %v, want %s", i, list[i], want)
		}
	}
	if !strings.HasSuffix(err.Error(), "(and 1 more problem)") {
		t.Errorf("message %q does not count the second problem", err)
	}
}

// TestFactCheckEveryDate: one bad claimDate failed the whole response,
// and only the first problem was reported; every bad date is, at its
// claim, naming it.
func TestFactCheckEveryDate(t *testing.T) {
	in := `{"claims": [
 {"text": "T.", "claimDate": "2025-13-45T00:00:00Z"},
 {"text": "U.", "claimDate": "2025-01-02T00:00:00Z", "claimReview": [{"url": "https://x.org/2", "reviewDate": "2025-02-30"}]},
 {"text": "V.", "claimDate": "2025-01-02"}
]}`
	_, _, err := ReadFactCheck(strings.NewReader(in), "fc.json")
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 || !errors.Is(err, ErrFormat) {
		t.Fatalf("got %v, want two problems", err)
	}
	for i, want := range []string{`fc.json:2:2: not the expected format: claim 1 (fc-1): claimDate: invalid date "2025-13-45"`,
		`fc.json:3:2: not the expected format: claim 2 (fc-2): claimReview[0].reviewDate: invalid date "2025-02-30"`} {
		if !strings.Contains(list[i].Error(), want) {
			t.Errorf("problem %d = %v, want %s", i, list[i], want)
		}
	}
}

// TestArgdownManyTags: a statement's tags became its about list through a
// search of the list for each, 10^10 string comparisons (minutes) for a
// statement of 200,000 tags in 2 MB; they go through a set. Each of
// 20,000 tags is one entity about the claim, the repeated t0 once;
// BenchmarkArgdownTags measures a statement of 50,000.
func TestArgdownManyTags(t *testing.T) {
	tags := make([]string, 20_000)
	for i := range tags {
		tags[i] = fmt.Sprintf("%q", fmt.Sprint("t", i))
	}
	in := `{"statements": {"A": {"tags": [` + strings.Join(tags, ",") + `, "t0"], "members": [{"text": "a"}]}}}`
	res, err := ReadArgdown(strings.NewReader(in), "tags.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Claims) != 1 || len(res.Claims[0].About) != len(tags) || len(res.Entities) != len(tags) {
		t.Errorf("%d claims, %d entities; want 1 about %d entities", len(res.Claims), len(res.Entities), len(tags))
	}
}
