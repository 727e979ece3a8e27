package calendar_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// The fuzz targets check that the parsers never panic, that every error wraps the right sentinel, and that
// whatever they accept round-trips through the text form. Seeds live in testdata/fuzz/<FuzzName>/.

func FuzzParseDate(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		d, err := calendar.ParseDate(s)
		if err != nil {
			if !errors.Is(err, calendar.ErrInvalidDate) {
				t.Fatalf("error %v does not wrap ErrInvalidDate", err)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("accepted %q but prints %q", s, d.String())
		}
		b, err := d.MarshalText()
		if err != nil || string(b) != s {
			t.Fatalf("MarshalText: %q, %v", b, err)
		}
		var back calendar.Date
		if err := back.UnmarshalText(b); err != nil || back != d {
			t.Fatalf("UnmarshalText: %v, %v", back, err)
		}
	})
}

func FuzzParseWeek(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		w, err := calendar.ParseWeek(s)
		if err != nil {
			if !errors.Is(err, calendar.ErrInvalidWeek) {
				t.Fatalf("error %v does not wrap ErrInvalidWeek", err)
			}
			return
		}
		if !w.Valid() || w.String() != s {
			t.Fatalf("accepted %q as %v", s, w)
		}
		if w.Monday().ISOWeek() != w {
			t.Fatalf("Monday of %v is in %v", w, w.Monday().ISOWeek())
		}
		b, err := w.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back calendar.Week
		if err := back.UnmarshalText(b); err != nil || back != w {
			t.Fatalf("UnmarshalText: %v, %v", back, err)
		}
	})
}

func FuzzParseClock(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		c, err := calendar.ParseClock(s)
		if err != nil {
			if !errors.Is(err, calendar.ErrInvalidClock) {
				t.Fatalf("error %v does not wrap ErrInvalidClock", err)
			}
			return
		}
		if !c.Valid() {
			t.Fatalf("accepted %q as invalid %d", s, c)
		}
		back, err := calendar.ParseClock(c.String())
		if err != nil || back != c {
			t.Fatalf("%q → %v → %v, %v", s, c, back, err)
		}
	})
}

func FuzzWindowJSON(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		var w calendar.Window
		if err := json.Unmarshal(b, &w); err != nil {
			var se *json.SyntaxError
			if !errors.Is(err, calendar.ErrInvalidWindow) && !errors.As(err, &se) {
				t.Fatalf("error %v neither wraps ErrInvalidWindow nor is a JSON syntax error", err)
			}
			return
		}
		_ = w.Validate()
		m := calendar.MaskOf(w)
		if m.Minutes() > w.Minutes() {
			t.Fatalf("%v: mask of %d minutes", w, m.Minutes())
		}
		out, err := json.Marshal(w)
		if err != nil {
			t.Fatalf("accepted %q as %v, which does not marshal: %v", b, w, err)
		}
		var back calendar.Window
		if err := json.Unmarshal(out, &back); err != nil || back != w {
			t.Fatalf("%s → %v → %s → %v, %v", b, w, out, back, err)
		}
	})
}
