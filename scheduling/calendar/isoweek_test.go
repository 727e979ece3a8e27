package calendar_test

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// TestISOWeekMatchesTime checks Date.ISOWeek against time.Time.ISOWeek, and Week.Monday and Week.Day as its
// inverse, for every day of 1990–2100.
func TestISOWeekMatchesTime(t *testing.T) {
	for d := date(1990, 1, 1); d.Year() <= 2100; d = d.AddDays(1) {
		wy, wn := d.At(12, 0, time.UTC).ISOWeek()
		w := d.ISOWeek()
		if w != (calendar.Week{Year: wy, Number: wn}) {
			require.Failf(t, "ISOWeek", "%s: want %d-W%02d, got %s", d, wy, wn, w)
		}
		mon := w.Monday()
		if mon.Weekday() != time.Monday || d.Sub(mon) < 0 || d.Sub(mon) > 6 || w.Day(d.Weekday()) != d || !w.Valid() {
			require.Failf(t, "Monday", "%s in %s: Monday %s", d, w, mon)
		}
	}
}

func TestWeekBoundaries(t *testing.T) {
	tests := []struct {
		name string
		d    calendar.Date
		want string
	}{
		{"2025-12-29 is in week 1 of 2026", date(2025, 12, 29), "2026-W01"},
		{"2026-01-01", date(2026, 1, 1), "2026-W01"},
		{"2026-12-28 opens week 53", date(2026, 12, 28), "2026-W53"},
		{"2027-01-01 is still 2026-W53", date(2027, 1, 1), "2026-W53"},
		{"2027-01-03 closes 2026-W53", date(2027, 1, 3), "2026-W53"},
		{"2027-01-04 opens 2027-W01", date(2027, 1, 4), "2027-W01"},
		{"2020-12-31", date(2020, 12, 31), "2020-W53"},
		{"2021-01-03 is 2020-W53", date(2021, 1, 3), "2020-W53"},
		{"2024-12-30 is 2025-W01", date(2024, 12, 30), "2025-W01"},
		{"0001-01-01 is a Monday", date(1, 1, 1), "0001-W01"},
		{"9999-12-31", date(9999, 12, 31), "9999-W52"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.d.ISOWeek().String())
		})
	}
	assert.Equal(t, date(2027, 1, 4), calendar.Week{Year: 2027, Number: 1}.Monday())
	assert.Equal(t, date(2026, 12, 28), calendar.Week{Year: 2026, Number: 53}.Monday())
	assert.Equal(t, date(2020, 12, 28), calendar.Week{Year: 2020, Number: 53}.Monday())
	assert.Equal(t, date(2025, 12, 29), calendar.Week{Year: 2026, Number: 1}.Monday())
}

func TestWeeksIn(t *testing.T) {
	var long []int
	for y := 2000; y <= 2040; y++ {
		if calendar.WeeksIn(y) == 53 {
			long = append(long, y)
		} else {
			assert.Equal(t, 52, calendar.WeeksIn(y), "%d", y)
		}
	}
	assert.Equal(t, []int{2004, 2009, 2015, 2020, 2026, 2032, 2037}, long)
	for y := 1990; y <= 2100; y++ {
		_, want := time.Date(y, time.December, 28, 0, 0, 0, 0, time.UTC).ISOWeek()
		assert.Equal(t, want, calendar.WeeksIn(y), "%d", y)
	}
}

func TestWeekDay(t *testing.T) {
	w := calendar.Week{Year: 2026, Number: 25}
	tests := []struct {
		wd   time.Weekday
		want calendar.Date
	}{
		{time.Monday, date(2026, 6, 15)},
		{time.Friday, date(2026, 6, 19)},
		{time.Saturday, date(2026, 6, 20)},
		{time.Sunday, date(2026, 6, 21)},
		{time.Sunday + 7, date(2026, 6, 21)},
		{time.Monday - 8, date(2026, 6, 21)},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, w.Day(tt.wd), "%d", tt.wd)
	}
}

func TestWeekValidAndNormalise(t *testing.T) {
	assert.True(t, calendar.Week{Year: 2026, Number: 53}.Valid())
	assert.False(t, calendar.Week{Year: 2025, Number: 53}.Valid())
	assert.False(t, calendar.Week{Year: 2026, Number: 0}.Valid())
	assert.False(t, calendar.Week{}.Valid())
	assert.False(t, calendar.Week{Year: 10000, Number: 1}.Valid())
	assert.Equal(t, date(2024, 12, 23), calendar.Week{Year: 2025, Number: 0}.Monday(), "week 0 is the last of the year before")
	assert.Equal(t, date(2025, 12, 29), calendar.Week{Year: 2025, Number: 53}.Monday(), "week 53 of a 52-week year is week 1 of the next")
	maxInt := int(^uint(0) >> 1)
	assert.NotPanics(t, func() {
		_ = calendar.Week{Year: maxInt, Number: maxInt}.Monday()
		_ = calendar.Week{Year: -maxInt - 1, Number: -maxInt - 1}.AddWeeks(maxInt)
		_ = calendar.WeeksIn(maxInt)
	})
}

func TestAddWeeksAndCompare(t *testing.T) {
	w := calendar.Week{Year: 2026, Number: 52}
	assert.Equal(t, calendar.Week{Year: 2026, Number: 53}, w.AddWeeks(1))
	assert.Equal(t, calendar.Week{Year: 2027, Number: 1}, w.AddWeeks(2))
	assert.Equal(t, calendar.Week{Year: 2025, Number: 51}, w.AddWeeks(-53))
	assert.Equal(t, w, w.AddWeeks(0))

	ws := []calendar.Week{{Year: 2027, Number: 1}, {Year: 2026, Number: 53}, {Year: 2026, Number: 2}}
	slices.SortFunc(ws, calendar.Week.Compare)
	assert.Equal(t, []calendar.Week{{Year: 2026, Number: 2}, {Year: 2026, Number: 53}, {Year: 2027, Number: 1}}, ws)
	assert.Equal(t, 0, w.Compare(w))

	rapid.Check(t, func(t *rapid.T) {
		w := date(rapid.IntRange(1900, 2200).Draw(t, "year"), 1, rapid.IntRange(1, 365).Draw(t, "day")).ISOWeek()
		n := rapid.IntRange(-1000, 1000).Draw(t, "n")
		got := w.AddWeeks(n)
		if got.Monday().Sub(w.Monday()) != 7*n || !got.Valid() || got.Compare(w) != cmpInt(n, 0) {
			t.Fatalf("%s + %d weeks = %s", w, n, got)
		}
	})
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestParseWeek(t *testing.T) {
	good := []struct {
		in   string
		want calendar.Week
	}{
		{"2026-W05", calendar.Week{Year: 2026, Number: 5}},
		{"2026-W53", calendar.Week{Year: 2026, Number: 53}},
		{"2020-W53", calendar.Week{Year: 2020, Number: 53}},
		{"0001-W01", calendar.Week{Year: 1, Number: 1}},
	}
	for _, tt := range good {
		got, err := calendar.ParseWeek(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
		assert.Equal(t, tt.in, got.String(), "canonical")
	}
	bad := []struct{ in, field string }{
		{"2025-W53", "week"},
		{"2026-W54", "week"},
		{"2026-W00", "week"},
		{"0000-W01", "year"},
		{"2026-W5", "layout"},
		{"2026W05", "layout"},
		{"2026-w05", "layout"},
		{"2026-W05-1", "layout"},
		{"2026-Wx5", "layout"},
		{"", "layout"},
	}
	for _, tt := range bad {
		_, err := calendar.ParseWeek(tt.in)
		require.ErrorIs(t, err, calendar.ErrInvalidWeek, tt.in)
		var pe *calendar.ParseError
		require.ErrorAs(t, err, &pe, tt.in)
		assert.Equal(t, tt.field, pe.Field, tt.in)
	}
}

func TestWeekJSON(t *testing.T) {
	type plan struct {
		Week calendar.Week `json:"week"`
		Next calendar.Week `json:"next,omitzero"`
	}
	b, err := json.Marshal(plan{Week: calendar.Week{Year: 2026, Number: 53}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"week":"2026-W53"}`, string(b))
	var got plan
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, calendar.Week{Year: 2026, Number: 53}, got.Week)

	assert.ErrorIs(t, json.Unmarshal([]byte(`{"week":"2025-W53"}`), &got), calendar.ErrInvalidWeek)
	_, err = json.Marshal(calendar.Week{Year: 2025, Number: 53})
	assert.ErrorIs(t, err, calendar.ErrInvalidWeek)
	assert.Equal(t, "2026-W54", calendar.Week{Year: 2026, Number: 54}.String(), "String prints invalid weeks too")
	assert.Equal(t, "-0001-W-1", calendar.Week{Year: -1, Number: -1}.String())
}
