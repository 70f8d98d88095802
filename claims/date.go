package claims

import (
	"fmt"
	"strconv"
	"time"
)

// Precision says how much of a [Date] is known.
type Precision uint8

// The precisions of a [Date], from none to a full day.
const (
	NoDate    Precision = iota // the zero Date: no date at all
	YearOnly                   // "2024"
	MonthOnly                  // "2024-06"
	FullDay                    // "2024-06-19"
)

// Date is a calendar date that may be partial: a year ("2024"), a month
// ("2024-06") or a day ("2024-06-19"). A partial date stands for every day
// it covers, so the year 2024 is the interval from 1 January to 31
// December 2024 and compares as such (see [Date.Before] and
// [Date.Overlaps]).
//
// Date is a small comparable value, like [net/netip.Addr]: use it as a map
// key and compare it with ==. The zero Date means "no date"; [Date.IsZero]
// reports it, and it marshals to the empty string. Years run from 1 to
// 9999; there is no time of day and no time zone.
type Date struct {
	year  int16
	month uint8 // 0 when only the year is known
	day   uint8 // 0 when only the year and month are known
}

// NewDate returns the date year-month-day, where day may be 0 for a month
// and month and day may both be 0 for a year. It reports [ErrInvalidDate]
// for a date that does not exist in the proleptic Gregorian calendar.
func NewDate(year, month, day int) (Date, error) {
	bad := func() (Date, error) {
		return Date{}, fmt.Errorf("%w: year %d, month %d, day %d", ErrInvalidDate, year, month, day)
	}
	if year < 1 || year > 9999 || month < 0 || month > 12 || day < 0 || (month == 0 && day != 0) {
		return bad()
	}
	if day > 0 && day > daysIn(year, month) {
		return bad()
	}
	return Date{year: int16(year), month: uint8(month), day: uint8(day)}, nil
}

// MustDate is like [NewDate] but panics on an invalid date. It is meant for
// constants in programs and tests, never for input.
func MustDate(year, month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the day of t, in t's location.
func DateOf(t time.Time) Date {
	return Date{year: int16(t.Year()), month: uint8(t.Month()), day: uint8(t.Day())}
}

// ParseDate parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (four-digit year, two
// digits for month and day). The empty string parses to the zero Date.
// Errors wrap [ErrInvalidDate].
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	bad := func() (Date, error) {
		return Date{}, fmt.Errorf("%w %s: want YYYY, YYYY-MM or YYYY-MM-DD", ErrInvalidDate, Quote(s))
	}
	num := func(part string) (int, bool) {
		for _, r := range part {
			if r < '0' || r > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(part)
		return n, err == nil
	}
	var y, m, d int
	var ok bool
	switch len(s) {
	case 4, 7, 10:
	default:
		return bad()
	}
	if y, ok = num(s[:4]); !ok {
		return bad()
	}
	if len(s) >= 7 {
		if s[4] != '-' {
			return bad()
		}
		if m, ok = num(s[5:7]); !ok || m == 0 {
			return bad()
		}
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return bad()
		}
		if d, ok = num(s[8:10]); !ok || d == 0 {
			return bad()
		}
	}
	if m > 12 {
		return bad()
	}
	if n := daysIn(y, m); m > 0 && d > n { // the right shape, a day that does not exist
		return Date{}, fmt.Errorf("%w %s: %s %04d has %d days", ErrInvalidDate, Quote(s), time.Month(m), y, n)
	}
	date, err := NewDate(y, m, d)
	if err != nil {
		return bad()
	}
	return date, nil
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is the zero Date, "no date".
func (d Date) IsZero() bool { return d == Date{} }

// Precision reports how much of d is known.
func (d Date) Precision() Precision {
	switch {
	case d.year == 0:
		return NoDate
	case d.month == 0:
		return YearOnly
	case d.day == 0:
		return MonthOnly
	}
	return FullDay
}

// Year returns the year of d, 0 for the zero Date.
func (d Date) Year() int { return int(d.year) }

// Month returns the month of d, 0 when unknown.
func (d Date) Month() int { return int(d.month) }

// Day returns the day of the month of d, 0 when unknown.
func (d Date) Day() int { return int(d.day) }

// String formats d as YYYY, YYYY-MM or YYYY-MM-DD, and the zero Date as "".
func (d Date) String() string {
	switch d.Precision() {
	case NoDate:
		return ""
	case YearOnly:
		return fmt.Sprintf("%04d", d.year)
	case MonthOnly:
		return fmt.Sprintf("%04d-%02d", d.year, d.month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
}

// First returns the first day that d covers: d itself for a full day,
// 1 January for a year. The zero Date gives the zero Date.
func (d Date) First() Date {
	if d.IsZero() {
		return d
	}
	f := d
	if f.month == 0 {
		f.month = 1
	}
	if f.day == 0 {
		f.day = 1
	}
	return f
}

// Last returns the last day that d covers: d itself for a full day,
// 31 December for a year. The zero Date gives the zero Date.
func (d Date) Last() Date {
	if d.IsZero() {
		return d
	}
	l := d
	if l.month == 0 {
		l.month = 12
	}
	if l.day == 0 {
		l.day = uint8(daysIn(int(l.year), int(l.month)))
	}
	return l
}

// Time returns midnight UTC at the start of the first day d covers. The
// zero Date gives the zero time.Time.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	f := d.First()
	return time.Date(int(f.year), time.Month(f.month), int(f.day), 0, 0, 0, 0, time.UTC)
}

// ordinal numbers the days: equal for equal days, increasing with time.
// It is only meaningful for a full day.
func (d Date) ordinal() int32 {
	return int32(d.year)*372 + int32(d.month)*31 + int32(d.day)
}

// start and end bound the interval of days d covers as [start, end) in
// ordinal numbers. They are used for every comparison, so that a partial
// date always compares as the interval it stands for.
func (d Date) start() int32 { return d.First().ordinal() }
func (d Date) end() int32   { return d.Last().ordinal() + 1 }

// Compare orders dates by their first day, then the more precise first:
// 2024-01-01 < 2024-01 < 2024 < 2024-02. The zero Date sorts first. It
// is a total order suited to [slices.SortFunc]; use [Date.Before] for "wholly
// earlier".
func (d Date) Compare(e Date) int {
	switch {
	case d == e:
		return 0
	case d.IsZero():
		return -1
	case e.IsZero():
		return 1
	}
	if a, b := d.start(), e.start(); a != b {
		return cmpInt(a, b)
	}
	if a, b := d.end(), e.end(); a != b {
		return cmpInt(a, b)
	}
	return 0
}

func cmpInt(a, b int32) int {
	if a < b {
		return -1
	}
	return 1
}

// Before reports whether every day of d comes before every day of e: the
// year 2023 is before 2024-01-01, but 2024 is not before 2024-06-19 (nor
// after it: they overlap). A zero Date is never before or after anything.
func (d Date) Before(e Date) bool {
	return !d.IsZero() && !e.IsZero() && d.end() <= e.start()
}

// After reports whether every day of d comes after every day of e.
func (d Date) After(e Date) bool { return e.Before(d) }

// Overlaps reports whether d and e share at least one day. A zero Date
// overlaps nothing.
func (d Date) Overlaps(e Date) bool {
	return !d.IsZero() && !e.IsZero() && d.start() < e.end() && e.start() < d.end()
}

// MarshalText implements [encoding.TextMarshaler] with [Date.String].
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDate].
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Equal reports whether d and e are the same date with the same
// precision (2024 is not equal to 2024-01-01). It is the same as ==, and
// lets go-cmp compare values that hold dates.
func (d Date) Equal(e Date) bool { return d == e }
