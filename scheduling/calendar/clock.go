package calendar

import (
	"fmt"
	"strconv"
)

// Clock is a time of day in whole minutes after midnight, 0 (00:00) to 1440 (24:00). 24:00 is meaningful only as
// the end of a Window, meaning the end of the day. The text and JSON form is "18:30".
type Clock int16

// MinutesPerDay is the number of minutes in a day, and the Clock value of 24:00.
const MinutesPerDay = 24 * 60

// NewClock returns the Clock hour:min, that is hour*60 + min minutes, so NewClock(8, 90) is 09:30. A result
// outside 00:00..24:00 gives a Clock that is not Valid, which Window.Validate rejects.
func NewClock(hour, min int) Clock {
	m := clamp(int64(hour), yearClamp)*60 + clamp(int64(min), yearClamp)
	if m < 0 || m > MinutesPerDay {
		return -1
	}
	return Clock(m)
}

// ParseClock parses "18:30", "8:00" or "24:00": an hour of one or two digits from 0 to 24, a colon, and a minute
// of two digits; 24 only as "24:00". The Swedish form with a period, "18.30", is accepted too. The error is a
// *ParseError wrapping ErrInvalidClock.
func ParseClock(s string) (Clock, error) {
	sep := len(s) - 3
	if sep < 1 || sep > 2 || (s[sep] != ':' && s[sep] != '.') {
		return 0, clockError("layout", "want HH:MM")
	}
	h, ok1 := digits(s[:sep])
	m, ok2 := digits(s[sep+1:])
	switch {
	case !ok1 || !ok2:
		return 0, clockError("layout", "want HH:MM with digits only")
	case h > 24:
		return 0, clockError("hour", strconv.Itoa(h)+" is not in 0..24")
	case m > 59:
		return 0, clockError("minute", strconv.Itoa(m)+" is not in 00..59")
	case h == 24 && m != 0:
		return 0, clockError("minute", "24 allows only :00")
	}
	return Clock(h*60 + m), nil
}

func clockError(field, reason string) error {
	return &ParseError{Type: "clock", Field: field, Reason: reason, Err: ErrInvalidClock}
}

// Valid reports whether c is within 00:00..24:00.
func (c Clock) Valid() bool { return c >= 0 && c <= MinutesPerDay }

// Hour returns the hour of c, 0 to 24.
func (c Clock) Hour() int { return int(c) / 60 }

// Minute returns the minute within the hour of c, 0 to 59.
func (c Clock) Minute() int { return int(c) % 60 }

// String returns c as "08:00", "18:30" or "24:00", or "Clock(n)" if c is not Valid.
func (c Clock) String() string {
	if !c.Valid() {
		return fmt.Sprintf("Clock(%d)", int16(c))
	}
	h, m := c.Hour(), c.Minute()
	return string([]byte{byte('0' + h/10), byte('0' + h%10), ':', byte('0' + m/10), byte('0' + m%10)})
}

// MarshalText returns the text form "18:30", which is also the JSON form. A Clock that is not Valid gives an
// error wrapping ErrInvalidClock.
func (c Clock) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, fmt.Errorf("%w: %d minutes is not in 00:00..24:00", ErrInvalidClock, int16(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText parses b with ParseClock.
func (c *Clock) UnmarshalText(b []byte) error {
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
