package timeline_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph/timeline"
)

// dateEq lets go-cmp compare Dates, whose fields are unexported.
var dateEq = cmp.Comparer(func(a, b claims.Date) bool { return a == b })

func TestConflicts(t *testing.T) {
	// Each case is one contradiction between claims a and b. Expected
	// overlaps are worked out by hand as [first day, first day after).
	type want struct {
		status             timeline.Status
		earlier, later     string
		boundary, laterFr  string
		adjacent           bool
		overlapFrom, until string
	}
	tests := []struct {
		name     string
		a, b     string // validities, see period
		relValid string
		swap     bool // relation written from b to a
		at       string
		want     want
	}{
		{"adjacent, all time", "..2024-06-19", "2024-06-19..!", "", false, "",
			want{status: timeline.ResolvedByTime, earlier: "a", later: "b", boundary: "2024-06-19", laterFr: "2024-06-19", adjacent: true}},
		// Each holds on some day of 2024 but never on the same day.
		{"adjacent, as of the year both touch", "..2024-06-19", "2024-06-19..", "", false, "2024",
			want{status: timeline.ResolvedByTime, earlier: "a", later: "b", boundary: "2024-06-19", laterFr: "2024-06-19", adjacent: true}},
		{"adjacent, written later first", "..2024-06-19", "2024-06-19..", "", true, "2024-06-18",
			want{status: timeline.ResolvedByTime, earlier: "a", later: "b", boundary: "2024-06-19", laterFr: "2024-06-19", adjacent: true}},
		{"gap between periods", "2020..2021", "2023..", "", false, "",
			want{status: timeline.ResolvedByTime, earlier: "a", later: "b", boundary: "2021", laterFr: "2023"}},
		{"later claim given first", "2023..", "2020..2021", "", false, "",
			want{status: timeline.ResolvedByTime, earlier: "b", later: "a", boundary: "2021", laterFr: "2023"}},
		// A month as a point in time ends on the first of the next month.
		{"point in time then period", "@2024-06", "2024-07-01..", "", false, "",
			want{status: timeline.ResolvedByTime, earlier: "a", later: "b", boundary: "2024-07-01", laterFr: "2024-07-01", adjacent: true}},
		{"point in time shares its last day", "@2024-06", "2024-06-30..", "", false, "",
			want{status: timeline.Live, overlapFrom: "2024-06-30", until: "2024-07-01"}},
		// 2020..2025 and 2024.. share the year 2024.
		{"overlap, all time", "2020..2025", "2024..", "", false, "",
			want{status: timeline.Live, overlapFrom: "2024-01-01", until: "2025-01-01"}},
		{"overlap, inside", "2020..2025", "2024..", "", false, "2024-06",
			want{status: timeline.Live, overlapFrom: "2024-01-01", until: "2025-01-01"}},
		{"overlap, before", "2020..2025", "2024..", "", false, "2023",
			want{status: timeline.NotAtDate, overlapFrom: "2024-01-01", until: "2025-01-01"}},
		{"overlap, exclusive end", "2020..2025", "2024..", "", false, "2025-01-01",
			want{status: timeline.NotAtDate, overlapFrom: "2024-01-01", until: "2025-01-01"}},
		{"overlap, last day", "2020..2025", "2024..", "", false, "2024-12-31",
			want{status: timeline.Live, overlapFrom: "2024-01-01", until: "2025-01-01"}},
		{"always", "", "", "", false, "1999",
			want{status: timeline.Live}},
		// The relation narrows the overlap of the claims.
		{"relation narrows", "", "2020..", "2022..2023", false, "2021",
			want{status: timeline.NotAtDate, overlapFrom: "2022-01-01", until: "2023-01-01"}},
		{"relation narrows, inside", "", "2020..", "2022..2023", false, "2022-05-05",
			want{status: timeline.Live, overlapFrom: "2022-01-01", until: "2023-01-01"}},
		// An event holds from when it happened on.
		{"event after the period", "..2024-06-19", "^2024-06-19", "", false, "",
			want{status: timeline.ResolvedByTime, earlier: "a", later: "b", boundary: "2024-06-19", laterFr: "2024-06-19", adjacent: true}},
		{"event in the period", "2020..2025", "^2024-06", "", false, "2024",
			want{status: timeline.Live, overlapFrom: "2024-06-01", until: "2025-01-01"}},
		{"event, before it", "2020..2025", "^2024-06", "", false, "2023",
			want{status: timeline.NotAtDate, overlapFrom: "2024-06-01", until: "2025-01-01"}},
		{"relation lapsed", "", "2020..", "2010..2015", false, "",
			want{status: timeline.RelationLapsed, overlapFrom: "2020-01-01"}},
		// lapse.yaml: both claims hold 2020–2022, the relation from 2023.
		{"relation lapsed, as of a year both hold", "2020..2022", "2020..2022", "2023..", false, "2021",
			want{status: timeline.RelationLapsed, overlapFrom: "2020-01-01", until: "2022-01-01"}},
		// The last year there is: the overlap stays open, as no date
		// follows 9999-12-31 (it was "10000-01-01", which no parser reads).
		{"last day there is", "9999-12-31..", "@9999", "", false, "9999",
			want{status: timeline.Live, overlapFrom: "9999-12-31"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := contra("a", "b")
			if tt.swap {
				r = contra("b", "a")
			}
			r.Validity = period(t, tt.relValid)
			g := build(t, map[string]string{"s": "2020"}, []claimSpec{{id: "a", valid: tt.a, in: []string{"s"}}, {id: "b", valid: tt.b, in: []string{"s"}}}, r)
			got := timeline.Conflicts(g.At(d(t, tt.at)))
			w := timeline.Conflict{
				Relation: r, Status: tt.want.status,
				Earlier: tt.want.earlier, Later: tt.want.later,
				Boundary: d(t, tt.want.boundary), LaterFrom: d(t, tt.want.laterFr),
				Overlap: claims.Validity{From: d(t, tt.want.overlapFrom), Until: d(t, tt.want.until)},
			}
			if diff := cmp.Diff([]timeline.Conflict{w}, got, dateEq); diff != "" {
				t.Errorf("Conflicts (-want +got):\n%s", diff)
			}
			if a := got[0].Adjacent(); a != tt.want.adjacent {
				t.Errorf("Adjacent() = %v, want %v", a, tt.want.adjacent)
			}
			// StatusOf says the same of the one relation, and a status
			// is live exactly when the view, holding both claims, does
			// not call it resolved.
			v := g.At(d(t, tt.at))
			if st := timeline.StatusOf(v, r); st != tt.want.status {
				t.Errorf("StatusOf = %v, want %v", st, tt.want.status)
			}
			_, okA := v.Claim("a")
			_, okB := v.Claim("b")
			if okA && okB && v.Resolved(r) == (tt.want.status == timeline.Live) {
				t.Errorf("Resolved = %v with status %v", v.Resolved(r), tt.want.status)
			}
			// NotLive is the status, but 0 for a live one.
			wantNot := tt.want.status
			if wantNot == timeline.Live {
				wantNot = 0
			}
			if st := timeline.NotLive(v, r); st != wantNot {
				t.Errorf("NotLive = %v, want %v", st, wantNot)
			}
		})
	}
}

func TestStatusWords(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range []timeline.Status{timeline.Live, timeline.ResolvedByTime, timeline.NotAtDate, timeline.RelationLapsed} {
		w := s.Words()
		if w == "" || seen[w] {
			t.Errorf("%v: Words() = %q, empty or shared", s, w)
		}
		seen[w] = true
	}
	if w := timeline.RelationLapsed.Words(); w == timeline.ResolvedByTime.Words() {
		t.Errorf("a lapsed relation is worded as resolved by time: %q", w)
	}
}

func TestStatusText(t *testing.T) {
	for s, want := range map[timeline.Status]string{
		timeline.Live: "live", timeline.ResolvedByTime: "resolved-by-time",
		timeline.NotAtDate: "not-at-date", timeline.RelationLapsed: "relation-lapsed",
	} {
		b, err := s.MarshalText()
		if err != nil || string(b) != want || s.String() != want {
			t.Errorf("%d: MarshalText = %q, %v; String = %q; want %q", s, b, err, s, want)
		}
	}
	for _, s := range []timeline.Status{0, 99} {
		if _, err := s.MarshalText(); err == nil {
			t.Errorf("Status(%d).MarshalText: no error", s)
		}
	}
}
