package claims_test

import (
	"errors"
	"testing"

	"github.com/claimgraph/claimgraph/claims"
)

// The validities of the tables, written as in the YAML format.
func validUntil(t testing.TB, s string) claims.Validity {
	return claims.Validity{Until: testDate(t, s)}
}
func validFrom(t testing.TB, s string) claims.Validity { return claims.Validity{From: testDate(t, s)} }
func validAt(t testing.TB, s string) claims.Validity   { return claims.Validity{At: testDate(t, s)} }
func validBetween(t testing.TB, a, b string) claims.Validity {
	return claims.Validity{From: testDate(t, a), Until: testDate(t, b)}
}

func TestValidityHolds(t *testing.T) {
	type check struct {
		at   string
		want bool
	}
	tests := []struct {
		name   string
		v      claims.Validity
		checks []check
	}{
		// valid_until is exclusive: the first day it no longer holds.
		{"until 2024-06-19", validUntil(t, "2024-06-19"), []check{
			{"2024-06-18", true}, {"2024-06-19", false}, {"1900", true},
			{"2024", true}, {"2024-06", true}, {"2024-07", false}, {"", true},
		}},
		{"from 2024-06-19", validFrom(t, "2024-06-19"), []check{
			{"2024-06-18", false}, {"2024-06-19", true}, {"2024", true},
			{"2023", false}, {"9999", true},
		}},
		{"from 2024-06-19, still holds", claims.Validity{From: testDate(t, "2024-06-19"), Ongoing: true}, []check{
			{"2024-06-18", false}, {"2024-06-19", true}, {"2030", true},
		}},
		{"always", claims.Validity{}, []check{{"0001", true}, {"2024-02-29", true}, {"", true}}},
		{"still holds, no start", claims.Validity{Ongoing: true}, []check{{"0001", true}, {"9999-12-31", true}}},
		// A point in time that is a month: every day of June.
		{"at 2024-06", validAt(t, "2024-06"), []check{
			{"2024-05-31", false}, {"2024-06-01", true}, {"2024-06-30", true},
			{"2024-07-01", false}, {"2024", true}, {"2024-06", true},
		}},
		{"at 2024-02-29", validAt(t, "2024-02-29"), []check{
			{"2024-02-28", false}, {"2024-02-29", true}, {"2024-03-01", false}, {"2024-02", true},
		}},
		// Until a month ends at the first day of that month.
		{"2024 – 2024-06", validBetween(t, "2024", "2024-06"), []check{
			{"2023-12-31", false}, {"2024-01-01", true}, {"2024-05-31", true},
			{"2024-06-01", false}, {"2024-06", false}, {"2024", true},
		}},
		// From a year starts on 1 January; until a year ends on 1 January.
		{"2023 – 2024", validBetween(t, "2023", "2024"), []check{
			{"2022-12-31", false}, {"2023-01-01", true}, {"2023-12-31", true},
			{"2024-01-01", false}, {"2024", false}, {"2023", true},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.v.Check(); err != nil {
				t.Fatal(err)
			}
			for _, c := range tt.checks {
				if got := tt.v.Holds(testDate(t, c.at)); got != c.want {
					t.Errorf("Holds(%q) = %v, want %v", c.at, got, c.want)
				}
			}
		})
	}
}

func TestValidityEndedBegan(t *testing.T) {
	tests := []struct {
		name         string
		v            claims.Validity
		at           string
		ended, began bool
	}{
		{"until, day before", validUntil(t, "2024-06-19"), "2024-06-18", false, true},
		{"until, the day", validUntil(t, "2024-06-19"), "2024-06-19", true, true},
		// The year 2024 starts before the end: not every day of it is after.
		{"until, year of end", validUntil(t, "2024-06-19"), "2024", false, true},
		{"until, month after", validUntil(t, "2024-06-19"), "2024-07", true, true},
		{"until, month of end", validUntil(t, "2024-06-19"), "2024-06", false, true},
		{"until, no date", validUntil(t, "2024-06-19"), "", false, true},
		{"from, day before", validFrom(t, "2024-06-19"), "2024-06-18", false, false},
		{"from, the day", validFrom(t, "2024-06-19"), "2024-06-19", false, true},
		// June 2024 starts on 1 June, before the start.
		{"from, month of start", validFrom(t, "2024-06-19"), "2024-06", false, false},
		{"from, year of start", validFrom(t, "2024-06-19"), "2024", false, false},
		{"from year, the year", validFrom(t, "2024"), "2024", false, true},
		{"point, last day", validAt(t, "2024-06"), "2024-06-30", false, true},
		{"point, day after", validAt(t, "2024-06"), "2024-07-01", true, true},
		{"point, first day", validAt(t, "2024-06"), "2024-06-01", false, true},
		{"point, day before", validAt(t, "2024-06"), "2024-05-31", false, false},
		{"always", claims.Validity{}, "9999", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testDate(t, tt.at)
			if got := tt.v.Ended(d); got != tt.ended {
				t.Errorf("Ended(%q) = %v, want %v", tt.at, got, tt.ended)
			}
			if got := tt.v.Began(d); got != tt.began {
				t.Errorf("Began(%q) = %v, want %v", tt.at, got, tt.began)
			}
		})
	}
}

func TestValidityOverlaps(t *testing.T) {
	tests := []struct {
		name string
		a, b claims.Validity
		want bool
	}{
		{"adjacent periods", validUntil(t, "2024-06-19"), validFrom(t, "2024-06-19"), false},
		{"one day shared", validUntil(t, "2024-06-20"), validFrom(t, "2024-06-19"), true},
		{"gap", validBetween(t, "2020", "2021"), validFrom(t, "2023"), false},
		{"always and anything", claims.Validity{}, validAt(t, "2024-06-19"), true},
		{"point inside", validAt(t, "2024-06-19"), validBetween(t, "2024", "2025"), true},
		{"month point and next day", validAt(t, "2024-06"), validFrom(t, "2024-07-01"), false},
		{"month point and its last day", validAt(t, "2024-06"), validFrom(t, "2024-06-30"), true},
		{"year until and year from", validUntil(t, "2024"), validFrom(t, "2024"), false},
		{"open both", validUntil(t, "2030"), validFrom(t, "2000"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, rev := tt.a.Overlaps(tt.b), tt.b.Overlaps(tt.a); got != tt.want || rev != tt.want {
				t.Errorf("Overlaps = %v, reversed %v, want %v", got, rev, tt.want)
			}
		})
	}
}

func TestValidityCheck(t *testing.T) {
	tests := []struct {
		name string
		v    claims.Validity
		bad  bool
	}{
		{"zero", claims.Validity{}, false},
		{"period", validBetween(t, "2023", "2024-06-19"), false},
		{"until a month of the start year", validBetween(t, "2024", "2024-06"), false},
		{"until before from", validBetween(t, "2024-06-19", "2024-06-18"), true},
		{"until equal to from", validBetween(t, "2024-06-19", "2024-06-19"), true},
		{"until the year of from", validBetween(t, "2024-06", "2024"), true},
		{"same year", validBetween(t, "2024", "2024"), true},
		{"still holds with until", claims.Validity{Until: testDate(t, "2025"), Ongoing: true}, true},
		{"still holds with from", claims.Validity{From: testDate(t, "2025"), Ongoing: true}, false},
		{"at with from", claims.Validity{At: testDate(t, "2024"), From: testDate(t, "2023")}, true},
		{"at with until", claims.Validity{At: testDate(t, "2024"), Until: testDate(t, "2025")}, true},
		{"at with still holds", claims.Validity{At: testDate(t, "2024"), Ongoing: true}, true},
		{"at alone", validAt(t, "2024-02-29"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.v.Check()
			if tt.bad != (err != nil) || (err != nil && !errors.Is(err, claims.ErrInvalidValidity)) {
				t.Errorf("Check() = %v, want error %v wrapping ErrInvalidValidity", err, tt.bad)
			}
		})
	}
}

func TestValidityStartEndString(t *testing.T) {
	tests := []struct {
		name            string
		v               claims.Validity
		start, end, str string
	}{
		{"always", claims.Validity{}, "", "", "always"},
		{"until", validUntil(t, "2024-06-19"), "", "2024-06-19", "until 2024-06-19"},
		{"from, still holds", claims.Validity{From: testDate(t, "1961"), Ongoing: true}, "1961", "", "from 1961, still holds"},
		{"period", validBetween(t, "2023", "2024-06-19"), "2023", "2024-06-19", "2023 – 2024-06-19"},
		// A point in time ends on the day after its last day.
		{"point day", validAt(t, "2024-06-19"), "2024-06-19", "2024-06-20", "at 2024-06-19"},
		{"point leap month", validAt(t, "2024-02"), "2024-02", "2024-03-01", "at 2024-02"},
		{"point year", validAt(t, "2024"), "2024", "2025-01-01", "at 2024"},
		{"point year end", validAt(t, "2024-12-31"), "2024-12-31", "2025-01-01", "at 2024-12-31"},
		// No day follows the last one there is: the end is open, never
		// a date ParseDate refuses ("10000-01-01").
		{"point last year", validAt(t, "9999"), "9999", "", "at 9999"},
		{"point last day", validAt(t, "9999-12-31"), "9999-12-31", "", "at 9999-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if s, e, str := tt.v.Start().String(), tt.v.End().String(), tt.v.String(); s != tt.start || e != tt.end || str != tt.str {
				t.Errorf("Start %q, End %q, String %q; want %q, %q, %q", s, e, str, tt.start, tt.end, tt.str)
			}
			if tt.v.IsZero() != (tt.str == "always") {
				t.Errorf("IsZero() = %v", tt.v.IsZero())
			}
		})
	}
}

func TestCheckLang(t *testing.T) {
	for _, tag := range []string{"en", "de-CH", "zh-Hant-TW", "es-419", "x-klingon", "i-default", "sgn-BE-FR"} {
		if err := claims.CheckLang(tag); err != nil {
			t.Errorf("CheckLang(%q) = %v, want nil", tag, err)
		}
	}
	for _, tag := range []string{"", "e", "engl", "de_CH", "en GB", "en-", "-en", "en-toolongsubtag", "12"} {
		if err := claims.CheckLang(tag); !errors.Is(err, claims.ErrInvalidLang) {
			t.Errorf("CheckLang(%q) = %v, want ErrInvalidLang", tag, err)
		}
	}
}

// TestHoldTogether checks the predicate against its definition, day by
// day: a, b and r hold together as of t when some full day of t (of
// 2015–2030 when t is zero; every validity here starts or ends inside)
// is one on which each of them holds.
func TestHoldTogether(t *testing.T) {
	always := claims.Validity{}
	pool := []claims.Validity{
		always,
		validUntil(t, "2024-06-19"), validFrom(t, "2024-06-19"), // adjacent
		{From: testDate(t, "2024-06-19"), Ongoing: true},
		validFrom(t, "2024-07"), validUntil(t, "2024"),
		validAt(t, "2023"), validAt(t, "2024-06-19"), validAt(t, "2024-06"), validAt(t, "2025"),
		validBetween(t, "2020", "2025"), validBetween(t, "2016-03", "2016-04-02"),
		{Occurred: testDate(t, "2023-09-13")}, {Occurred: testDate(t, "2024")},
	}
	rels := []claims.Validity{always, validUntil(t, "2024-06-19"), validFrom(t, "2023"), validAt(t, "2024")}
	dates := []claims.Date{{}}
	for _, s := range []string{"2016", "2023", "2024", "2024-06", "2024-06-18", "2024-06-19", "2024-07", "2025", "2030"} {
		dates = append(dates, testDate(t, s))
	}
	// Every day from 2015 to 2030, and on which of them each validity
	// holds.
	first := testDate(t, "2015-01-01").Time()
	var days []claims.Date
	for d := first; d.Year() <= 2030; d = d.AddDate(0, 0, 1) {
		days = append(days, claims.DateOf(d))
	}
	holds := func(v claims.Validity) []bool {
		on := make([]bool, len(days))
		for i, d := range days {
			on[i] = v.Holds(d)
		}
		return on
	}
	onPool, onRel := make([][]bool, len(pool)), make([][]bool, len(rels))
	for i, v := range pool {
		onPool[i] = holds(v)
	}
	for i, v := range rels {
		onRel[i] = holds(v)
	}
	together, apart := 0, 0
	for _, when := range dates {
		lo, hi := 0, len(days) // the days of when
		if !when.IsZero() {
			lo = int(when.First().Time().Sub(first).Hours() / 24)
			hi = int(when.Last().Time().Sub(first).Hours()/24) + 1
		}
		for ai, a := range pool {
			for bi, b := range pool {
				for ri, r := range rels {
					want := false
					for i := lo; i < hi && !want; i++ {
						want = onPool[ai][i] && onPool[bi][i] && onRel[ri][i]
					}
					if got := claims.HoldTogether(when, a, b, r); got != want {
						t.Errorf("HoldTogether(%v, %v, %v, %v) = %v, want %v", when, a, b, r, got, want)
					}
					if want {
						together++
					} else {
						apart++
					}
				}
			}
		}
	}
	if together == 0 || apart == 0 {
		t.Errorf("%d cases together, %d apart: the table tests one answer only", together, apart)
	}
}
