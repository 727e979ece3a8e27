package calendar

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// Window is a recurring weekly interval [Start, End) on one weekday, such as "Tuesdays 17:00–20:00". It never
// crosses midnight: an evening that runs past midnight is two windows, the first ending at 24:00.
//
// Its JSON form is {"day":"tuesday","start":"17:00","end":"20:00"}. UnmarshalJSON requires all three fields,
// rejects unknown ones and checks that each parses, but does not check that Start is before End: call Validate,
// so that a caller can report every bad window of a record at once.
type Window struct {
	Day   time.Weekday `json:"day"`   // lowercase English name "monday"; see ParseWeekday for what is read
	Start Clock        `json:"start"` // inclusive, e.g. "17:00"
	End   Clock        `json:"end"`   // exclusive, e.g. "20:00"; "24:00" is the end of the day
}

// weekdayNames are the lowercase English names indexed by time.Weekday.
var weekdayNames = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// ParseWeekday parses a weekday name, ignoring case: English ("monday", "mon"), Swedish ("måndag", "mån",
// "tors") or Swedish written without å, ä, ö ("mandag", "lordag", "sondag"). The error is a *ParseError
// wrapping ErrInvalidWeekday, which wraps ErrInvalidWindow.
func ParseWeekday(s string) (time.Weekday, error) {
	switch strings.ToLower(s) {
	case "monday", "mon", "måndag", "mån", "mandag", "man":
		return time.Monday, nil
	case "tuesday", "tue", "tisdag", "tis":
		return time.Tuesday, nil
	case "wednesday", "wed", "onsdag", "ons":
		return time.Wednesday, nil
	case "thursday", "thu", "torsdag", "tor", "tors":
		return time.Thursday, nil
	case "friday", "fri", "fredag", "fre":
		return time.Friday, nil
	case "saturday", "sat", "lördag", "lör", "lordag", "lor":
		return time.Saturday, nil
	case "sunday", "sun", "söndag", "sön", "sondag", "son":
		return time.Sunday, nil
	}
	return 0, &ParseError{Type: "weekday", Field: "name", Reason: "not a weekday name in English or Swedish", Err: ErrInvalidWeekday}
}

// Validate returns nil if w is usable: Day is Sunday..Saturday, Start and End are within 00:00..24:00, and Start
// is before End. Otherwise it returns a *WindowError, wrapping ErrInvalidWindow, for the first field at fault.
func (w Window) Validate() error {
	switch {
	case w.Day < time.Sunday || w.Day > time.Saturday:
		return &WindowError{Field: "day", Reason: fmt.Sprintf("weekday %d is not in 0..6", int(w.Day))}
	case !w.Start.Valid():
		return &WindowError{Field: "start", Reason: fmt.Sprintf("%d minutes is not in 00:00..24:00", int16(w.Start))}
	case !w.End.Valid():
		return &WindowError{Field: "end", Reason: fmt.Sprintf("%d minutes is not in 00:00..24:00", int16(w.End))}
	case w.Start >= w.End:
		return &WindowError{Field: "end", Reason: fmt.Sprintf("end %s is not after start %s", w.End, w.Start)}
	}
	return nil
}

// Minutes returns the length of w in minutes, End − Start, or 0 if w is not valid.
func (w Window) Minutes() int {
	if w.Validate() != nil {
		return 0
	}
	return int(w.End - w.Start)
}

// String returns w as "tuesday 17:00-20:00".
func (w Window) String() string {
	day := fmt.Sprintf("Weekday(%d)", int(w.Day))
	if w.Day >= time.Sunday && w.Day <= time.Saturday {
		day = weekdayNames[w.Day]
	}
	return day + " " + w.Start.String() + "-" + w.End.String()
}

type windowJSON struct {
	Day   string `json:"day"`
	Start Clock  `json:"start"`
	End   Clock  `json:"end"`
}

// MarshalJSON returns {"day":"tuesday","start":"17:00","end":"20:00"}. A Day outside Sunday..Saturday or a Clock
// that is not Valid gives a *WindowError.
func (w Window) MarshalJSON() ([]byte, error) {
	if w.Day < time.Sunday || w.Day > time.Saturday {
		return nil, &WindowError{Field: "day", Reason: fmt.Sprintf("weekday %d is not in 0..6", int(w.Day))}
	}
	for _, f := range [...]struct {
		name string
		c    Clock
	}{{"start", w.Start}, {"end", w.End}} {
		if !f.c.Valid() {
			return nil, &WindowError{Field: f.name, Reason: fmt.Sprintf("%d minutes is not in 00:00..24:00", int16(f.c))}
		}
	}
	return json.Marshal(windowJSON{Day: weekdayNames[w.Day], Start: w.Start, End: w.End})
}

// UnmarshalJSON reads the form that MarshalJSON writes, with any weekday name that ParseWeekday accepts. All
// three fields are required and unknown fields are rejected; null leaves w unchanged. It does not check
// Start < End; see Validate. The error is a *WindowError naming the field ("window" if b is not such an
// object).
func (w *Window) UnmarshalJSON(b []byte) error {
	var raw struct {
		Day   *string          `json:"day"`
		Start *json.RawMessage `json:"start"`
		End   *json.RawMessage `json:"end"`
	}
	if string(bytes.TrimSpace(b)) == "null" {
		return nil // as encoding/json does for a null value
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return &WindowError{Field: "window", Reason: "not a JSON object with only day, start and end", Err: err}
	}
	if _, err := dec.Token(); err != io.EOF {
		return &WindowError{Field: "window", Reason: "data after the object"}
	}
	var v Window
	if raw.Day == nil {
		return &WindowError{Field: "day", Reason: "missing"}
	}
	day, err := ParseWeekday(*raw.Day)
	if err != nil {
		return &WindowError{Field: "day", Reason: "not a weekday name", Err: err}
	}
	v.Day = day
	for _, f := range [...]struct {
		name string
		raw  *json.RawMessage
		dst  *Clock
	}{{"start", raw.Start, &v.Start}, {"end", raw.End, &v.End}} {
		if f.raw == nil {
			return &WindowError{Field: f.name, Reason: "missing"}
		}
		var s string
		if err := json.Unmarshal(*f.raw, &s); err != nil {
			return &WindowError{Field: f.name, Reason: "not a string \"HH:MM\""}
		}
		c, err := ParseClock(s)
		if err != nil {
			return &WindowError{Field: f.name, Reason: "not a time of day \"HH:MM\"", Err: err}
		}
		*f.dst = c
	}
	*w = v
	return nil
}
