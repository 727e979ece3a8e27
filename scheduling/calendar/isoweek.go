package calendar

import (
	"cmp"
	"fmt"
	"strconv"
	"time"
)

// Week is an ISO 8601 week: weeks start on Monday, and week 1 of a year is the week that holds 4 January (so
// also the year's first Thursday). A year has 52 or 53 weeks. The text form, and so the JSON form, is "2026-W53".
//
// The zero Week is not Valid; mark optional Week fields `json:",omitzero"` or use *Week, since an invalid Week
// has no text form.
type Week struct {
	Year   int `json:"year"`   // the ISO week-numbering year, which can differ from the calendar year of some of its days
	Number int `json:"number"` // 1 to WeeksIn(Year)
}

// WeeksIn returns the number of ISO weeks in year: 53 if the year starts on a Thursday, or is a leap year that
// starts on a Wednesday, and 52 otherwise. 2026 and 2032 have 53 weeks.
func WeeksIn(year int) int {
	// 28 December is always in the last week of its year.
	return NewDate(year, time.December, 28).ISOWeek().Number
}

// ParseWeek parses the strict form "2026-W05" (four-digit year 0001..9999, capital W, two-digit week that exists
// in that year). The error is a *ParseError wrapping ErrInvalidWeek.
func ParseWeek(s string) (Week, error) {
	if len(s) != 8 || s[4] != '-' || s[5] != 'W' {
		return Week{}, weekError("layout", "want YYYY-Www")
	}
	y, ok1 := digits(s[0:4])
	n, ok2 := digits(s[6:8])
	switch {
	case !ok1 || !ok2:
		return Week{}, weekError("layout", "want YYYY-Www with digits only")
	case y < 1:
		return Week{}, weekError("year", "0000 is before 0001")
	case n < 1 || n > WeeksIn(y):
		return Week{}, weekError("week", fmt.Sprintf("%02d is not in 01..%02d for %04d", n, WeeksIn(y), y))
	}
	return Week{Year: y, Number: n}, nil
}

func weekError(field, reason string) error {
	return &ParseError{Type: "week", Field: field, Reason: reason, Err: ErrInvalidWeek}
}

// Valid reports whether w is a week that exists: Year in 1..9999 and Number in 1..WeeksIn(Year).
func (w Week) Valid() bool {
	return w.Year >= 1 && w.Year <= 9999 && w.Number >= 1 && w.Number <= WeeksIn(w.Year)
}

// Monday returns the first day of w. A Number outside the year's weeks is counted on from week 1, so week 0 is
// the last week of the previous year.
func (w Week) Monday() Date {
	jan4 := NewDate(w.Year, time.January, 4)
	week1 := int64(jan4.days) - int64(jan4.isoDay())
	return fromDays(week1 + 7*(clamp(int64(w.Number), dayClamp)-1))
}

// Day returns the day of w that falls on wd. Weeks run Monday to Sunday, so Sunday is the last day, six days
// after Monday. Weekday values outside Sunday..Saturday are taken modulo 7.
func (w Week) Day(wd time.Weekday) Date {
	return w.Monday().AddDays(int(floorMod(int64(wd)+6, 7)))
}

// AddWeeks returns the week n weeks after w (before it if n < 0), counting across year ends.
func (w Week) AddWeeks(n int) Week {
	return w.Monday().AddDays(int(7 * clamp(int64(n), dayClamp))).ISOWeek()
}

// Compare returns -1 if w is before u, 0 if they are equal and +1 if w is after u, as slices.SortFunc wants.
func (w Week) Compare(u Week) int {
	if c := cmp.Compare(w.Year, u.Year); c != 0 {
		return c
	}
	return cmp.Compare(w.Number, u.Number)
}

// String returns w as "2026-W05". It prints invalid weeks as well, e.g. "2026-W54".
func (w Week) String() string {
	b := appendYear(make([]byte, 0, 16), w.Year)
	b = append(b, '-', 'W')
	if w.Number >= 0 && w.Number < 10 {
		b = append(b, '0')
	}
	return string(strconv.AppendInt(b, int64(w.Number), 10))
}

// MarshalText returns the text form "2026-W53", so that JSON holds the string "2026-W53". A week that is not
// Valid gives an error wrapping ErrInvalidWeek.
func (w Week) MarshalText() ([]byte, error) {
	if !w.Valid() {
		return nil, fmt.Errorf("%w: %d-W%d does not exist", ErrInvalidWeek, w.Year, w.Number)
	}
	return []byte(w.String()), nil
}

// UnmarshalText parses b with ParseWeek.
func (w *Week) UnmarshalText(b []byte) error {
	v, err := ParseWeek(string(b))
	if err != nil {
		return err
	}
	*w = v
	return nil
}
