package claims_test

import (
	"errors"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/claims"
)

// testDate parses s for a test table, failing on a typo.
func testDate(t testing.TB, s string) claims.Date {
	t.Helper()
	d, err := claims.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in               string
		year, month, day int
		prec             claims.Precision
		bad              bool
	}{
		{in: "", prec: claims.NoDate},
		{in: "2024", year: 2024, prec: claims.YearOnly},
		{in: "2024-06", year: 2024, month: 6, prec: claims.MonthOnly},
		{in: "2024-06-19", year: 2024, month: 6, day: 19, prec: claims.FullDay},
		{in: "2024-02-29", year: 2024, month: 2, day: 29, prec: claims.FullDay}, // leap year
		{in: "2000-02-29", year: 2000, month: 2, day: 29, prec: claims.FullDay}, // divisible by 400
		{in: "2024-04-30", year: 2024, month: 4, day: 30, prec: claims.FullDay},
		{in: "2024-12-31", year: 2024, month: 12, day: 31, prec: claims.FullDay},
		{in: "0001", year: 1, prec: claims.YearOnly},
		{in: "9999-12-31", year: 9999, month: 12, day: 31, prec: claims.FullDay},
		{in: "2023-02-29", bad: true}, // not a leap year
		{in: "1900-02-29", bad: true}, // divisible by 100, not 400
		{in: "2024-02-30", bad: true},
		{in: "2024-04-31", bad: true},
		{in: "2024-06-31", bad: true},
		{in: "2024-13", bad: true},
		{in: "2024-00", bad: true},
		{in: "2024-06-00", bad: true},
		{in: "0000", bad: true},
		{in: "24", bad: true},
		{in: "20245", bad: true},
		{in: "2024-6-19", bad: true},
		{in: "2024-06-9", bad: true},
		{in: "2024/06/19", bad: true},
		{in: "2024-06/19", bad: true},
		{in: "2024-06-19T00:00", bad: true},
		{in: " 2024", bad: true},
		{in: "+024", bad: true},
		{in: "-024", bad: true},
		{in: "2O24", bad: true},
		{in: "2024-+6", bad: true},
		{in: "２０２４", bad: true}, // full-width digits
		{in: "2024-06-19\n", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := claims.ParseDate(tt.in)
			if tt.bad {
				if !errors.Is(err, claims.ErrInvalidDate) || !d.IsZero() {
					t.Errorf("ParseDate(%q) = %v, %v; want zero and ErrInvalidDate", tt.in, d, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if d.Year() != tt.year || d.Month() != tt.month || d.Day() != tt.day || d.Precision() != tt.prec {
				t.Errorf("ParseDate(%q) = %d-%d-%d precision %d; want %d-%d-%d precision %d",
					tt.in, d.Year(), d.Month(), d.Day(), d.Precision(), tt.year, tt.month, tt.day, tt.prec)
			}
			if d.String() != tt.in {
				t.Errorf("String() = %q, want %q", d, tt.in)
			}
			if d.IsZero() != (tt.in == "") {
				t.Errorf("IsZero() = %v", d.IsZero())
			}
		})
	}
}

func TestNewDate(t *testing.T) {
	tests := []struct {
		y, m, d int
		bad     bool
	}{
		{2024, 0, 0, false},
		{2024, 2, 0, false},
		{2024, 2, 29, false},
		{2023, 2, 29, true},
		{2024, 0, 5, true}, // a day without a month
		{2024, 13, 0, true},
		{2024, -1, 0, true},
		{2024, 1, -1, true},
		{2024, 1, 32, true},
		{0, 0, 0, true},
		{10000, 1, 1, true},
	}
	for _, tt := range tests {
		d, err := claims.NewDate(tt.y, tt.m, tt.d)
		if tt.bad != (err != nil) || (err != nil && !errors.Is(err, claims.ErrInvalidDate)) {
			t.Errorf("NewDate(%d, %d, %d) = %v, %v; want error %v", tt.y, tt.m, tt.d, d, err, tt.bad)
		}
		if err == nil && (d.Year() != tt.y || d.Month() != tt.m || d.Day() != tt.d) {
			t.Errorf("NewDate(%d, %d, %d) = %v", tt.y, tt.m, tt.d, d)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("MustDate(2023, 2, 29) did not panic")
		}
	}()
	claims.MustDate(2023, 2, 29)
}

func TestDateComparisons(t *testing.T) {
	// Expected values by hand from the days each date covers.
	tests := []struct {
		a, b             string
		before, overlaps bool
		compare          int // a.Compare(b)
	}{
		{"2023", "2024-01-01", true, false, -1},
		{"2023-12-31", "2024", true, false, -1},
		{"2024", "2024-06-19", false, true, -1}, // the year contains the day
		{"2024", "2024-01-01", false, true, 1},  // same first day: the more precise first
		{"2024-01", "2024-01-01", false, true, 1},
		{"2024-01", "2024", false, true, -1},
		{"2024", "2024-02", false, true, -1},
		{"2024-06", "2024-06-30", false, true, -1}, // month end
		{"2024-06", "2024-07-01", true, false, -1},
		{"2024-02", "2024-02-29", false, true, -1}, // leap month end
		{"2023-02", "2023-03-01", true, false, -1},
		{"2024-04", "2024-05-01", true, false, -1},
		{"2024-12", "2025-01-01", true, false, -1},
		{"2024-06-18", "2024-06-19", true, false, -1},
		{"2024", "2024", false, true, 0},
		{"2024-06-19", "2024-06-19", false, true, 0},
		{"", "2024", false, false, -1}, // the zero Date is no date
		{"", "", false, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.a+" vs "+tt.b, func(t *testing.T) {
			a, b := testDate(t, tt.a), testDate(t, tt.b)
			if got := a.Before(b); got != tt.before {
				t.Errorf("Before = %v, want %v", got, tt.before)
			}
			if got := b.After(a); got != tt.before {
				t.Errorf("b.After(a) = %v, want %v", got, tt.before)
			}
			if got := a.After(b) || b.Before(a); got {
				t.Error("b is before a too")
			}
			if got, rev := a.Overlaps(b), b.Overlaps(a); got != tt.overlaps || rev != tt.overlaps {
				t.Errorf("Overlaps = %v, reversed %v, want %v", got, rev, tt.overlaps)
			}
			if got, rev := a.Compare(b), b.Compare(a); got != tt.compare || rev != -tt.compare {
				t.Errorf("Compare = %d, reversed %d, want %d", got, rev, tt.compare)
			}
		})
	}
}

func TestDateFirstLast(t *testing.T) {
	tests := []struct{ in, first, last string }{
		{"2024", "2024-01-01", "2024-12-31"},
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2023-02", "2023-02-01", "2023-02-28"},
		{"2024-04", "2024-04-01", "2024-04-30"},
		{"2024-12", "2024-12-01", "2024-12-31"},
		{"2024-06-19", "2024-06-19", "2024-06-19"},
		{"", "", ""},
	}
	for _, tt := range tests {
		d := testDate(t, tt.in)
		if f, l := d.First(), d.Last(); f.String() != tt.first || l.String() != tt.last {
			t.Errorf("%q: First %s, Last %s; want %s, %s", tt.in, f, l, tt.first, tt.last)
		}
	}
}

func TestDateTime(t *testing.T) {
	d := testDate(t, "2024-06")
	if want := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC); !d.Time().Equal(want) {
		t.Errorf("Time() = %v, want %v", d.Time(), want)
	}
	if !(claims.Date{}).Time().IsZero() {
		t.Error("zero Date: Time() is not zero")
	}
	loc := time.FixedZone("UTC+9", 9*3600)
	// 23:30 UTC on 18 June is 08:30 on 19 June in UTC+9: the day of t in
	// its own location.
	if got := claims.DateOf(time.Date(2024, 6, 18, 23, 30, 0, 0, time.UTC).In(loc)); got != testDate(t, "2024-06-19") {
		t.Errorf("DateOf = %s, want 2024-06-19", got)
	}
}

func TestDateText(t *testing.T) {
	for _, s := range []string{"", "2024", "2024-06", "2024-06-19"} {
		var d claims.Date
		if err := d.UnmarshalText([]byte(s)); err != nil {
			t.Fatal(err)
		}
		b, err := d.MarshalText()
		if err != nil || string(b) != s {
			t.Errorf("%q round trip: %q, %v", s, b, err)
		}
	}
	d := testDate(t, "2024")
	if err := d.UnmarshalText([]byte("2024-02-30")); !errors.Is(err, claims.ErrInvalidDate) || d != testDate(t, "2024") {
		t.Errorf("UnmarshalText(bad) = %v and changed the date to %s", err, d)
	}
}

// FuzzParseDate: ParseDate never panics, and what it accepts prints back
// to the same text and compares equal to itself.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"", "2024", "2024-06", "2024-06-19", "2024-02-29", "2023-02-29", "0000", "9999-12-31", "2024-6-1", "+024-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := claims.ParseDate(s)
		if err != nil {
			if !errors.Is(err, claims.ErrInvalidDate) {
				t.Fatalf("ParseDate(%q): error %v does not wrap ErrInvalidDate", s, err)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d)
		}
		if d.Compare(d) != 0 || (!d.IsZero() && !d.Overlaps(d)) || d.First().Compare(d.Last()) > 0 {
			t.Fatalf("%q: inconsistent comparisons", s)
		}
	})
}
