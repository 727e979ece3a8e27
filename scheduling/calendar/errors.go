package calendar

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error this package returns wraps exactly one of them, so callers can branch with errors.Is.
var (
	// ErrInvalidDate reports a Date text that is not a real day in the form YYYY-MM-DD, years 0001..9999.
	ErrInvalidDate = errors.New("calendar: invalid date")

	// ErrInvalidWeek reports a Week text that is not a real ISO week in the form YYYY-Www.
	ErrInvalidWeek = errors.New("calendar: invalid week")

	// ErrInvalidClock reports a Clock text that is not a time of day from 00:00 to 24:00.
	ErrInvalidClock = errors.New("calendar: invalid clock")

	// ErrInvalidWindow reports a weekly Window that is malformed or empty.
	ErrInvalidWindow = errors.New("calendar: invalid window")

	// ErrInvalidWeekday reports an unknown weekday name. It wraps ErrInvalidWindow, because a weekday name is
	// only ever read as the day of a Window, so errors.Is(err, ErrInvalidWindow) holds as well.
	ErrInvalidWeekday error = &nestedError{msg: "calendar: invalid weekday", parent: ErrInvalidWindow}

	// ErrInvalidKind reports a Kind text other than "public" or "eve".
	ErrInvalidKind = errors.New("calendar: invalid holiday kind")
)

// nestedError is a sentinel that is a special case of another sentinel.
type nestedError struct {
	msg    string
	parent error
}

func (e *nestedError) Error() string { return e.msg }
func (e *nestedError) Unwrap() error { return e.parent }

// ParseError reports text that does not parse as a Date, Week, Clock or weekday. It names the part that is wrong
// but never repeats the whole input, which may have been a mistyped personal identity number.
type ParseError struct {
	Type   string // what was being parsed: "date", "week", "clock" or "weekday"
	Field  string // the part that is wrong: "layout", "year", "month", "day", "week", "hour", "minute" or "name"
	Reason string // what is wrong with it, e.g. "30 is past the last day of 2026-02"
	Err    error  // the sentinel it wraps: ErrInvalidDate, ErrInvalidWeek, ErrInvalidClock or ErrInvalidWeekday
}

// Error returns e.g. "calendar: invalid date: day: 30 is past the last day of 2026-02".
func (e *ParseError) Error() string {
	prefix := "calendar: invalid " + e.Type
	if e.Err != nil {
		prefix = e.Err.Error()
	}
	return fmt.Sprintf("%s: %s: %s", prefix, e.Field, e.Reason)
}

// Unwrap returns the sentinel e.Err.
func (e *ParseError) Unwrap() error { return e.Err }

// WindowError reports one unusable field of a Window. It wraps ErrInvalidWindow and, when the field did not
// parse, the cause as well. Its text never repeats the input.
type WindowError struct {
	Field  string // "day", "start" or "end"; "window" when the JSON is not an object of those fields
	Reason string // what is wrong, e.g. "end 17:00 is not after start 20:00"
	Err    error  // the cause when the field did not parse (a *ParseError or an encoding/json error), else nil
}

// Error returns e.g. "calendar: invalid window: end: end 17:00 is not after start 20:00".
func (e *WindowError) Error() string {
	return fmt.Sprintf("%s: %s: %s", ErrInvalidWindow, e.Field, e.Reason)
}

// Unwrap returns ErrInvalidWindow and, if set, e.Err.
func (e *WindowError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrInvalidWindow}
	}
	return []error{ErrInvalidWindow, e.Err}
}
