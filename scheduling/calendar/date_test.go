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

func TestDateZeroValue(t *testing.T) {
	var d calendar.Date
	assert.True(t, d.IsZero())
	assert.Equal(t, date(1, time.January, 1), d)
	assert.Equal(t, "0001-01-01", d.String())
	assert.Equal(t, time.Monday, d.Weekday())
	assert.False(t, date(1, time.January, 2).IsZero())
}

// TestDateMatchesTime checks NewDate, YMD, Weekday, YearDay and AddDays against time.Date for every day of
// 1900–2200 and every 13th day of 0001–9999.
func TestDateMatchesTime(t *testing.T) {
	check := func(tm time.Time, d calendar.Date) bool {
		y, m, dd := d.YMD()
		wy, wm, wd := tm.Date()
		return y == wy && m == wm && dd == wd && d.Weekday() == tm.Weekday() && d.YearDay() == tm.YearDay() &&
			d == calendar.NewDate(wy, wm, wd) && d == calendar.DateOf(tm) &&
			d.Year() == wy && d.Month() == wm && d.Day() == wd
	}
	tm := time.Date(1900, time.January, 1, 12, 0, 0, 0, time.UTC)
	d := date(1900, time.January, 1)
	for tm.Year() <= 2200 {
		if !check(tm, d) {
			require.Failf(t, "mismatch", "time %s, date %s", tm.Format(time.DateOnly), d)
		}
		tm, d = tm.AddDate(0, 0, 1), d.AddDays(1)
	}
	tm = time.Date(1, time.January, 1, 12, 0, 0, 0, time.UTC)
	d = date(1, time.January, 1)
	for tm.Year() <= 9999 {
		if !check(tm, d) {
			require.Failf(t, "mismatch", "time %s, date %s", tm.Format(time.DateOnly), d)
		}
		tm, d = tm.AddDate(0, 0, 13), d.AddDays(13)
	}
}

func TestNewDateNormalises(t *testing.T) {
	tests := []struct {
		name string
		y    int
		m    time.Month
		d    int
		want string
	}{
		{"january 32", 2026, time.January, 32, "2026-02-01"},
		{"february 29 in a common year", 2026, time.February, 29, "2026-03-01"},
		{"february 29 in a leap year", 2028, time.February, 29, "2028-02-29"},
		{"day 0", 2026, time.March, 0, "2026-02-28"},
		{"month 13", 2026, 13, 1, "2027-01-01"},
		{"month 0", 2026, 0, 1, "2025-12-01"},
		{"month -11", 2026, -11, 1, "2025-01-01"},
		{"day 366", 2024, time.January, 366, "2024-12-31"},
		{"negative day", 2026, time.January, -30, "2025-12-01"},
		{"year 0", 0, time.December, 31, "0000-12-31"},
		{"year -1", -1, time.January, 1, "-0001-01-01"},
		{"year 10000", 10000, time.January, 1, "10000-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := calendar.NewDate(tt.y, tt.m, tt.d)
			assert.Equal(t, tt.want, got.String())
			want := time.Date(tt.y, tt.m, tt.d, 0, 0, 0, 0, time.UTC)
			assert.Equal(t, calendar.DateOf(want), got, "same as time.Date")
		})
	}
}

func TestDateSaturates(t *testing.T) {
	maxInt := int(^uint(0) >> 1)
	hi := calendar.NewDate(maxInt, time.December, 31)
	lo := calendar.NewDate(-maxInt-1, time.January, 1)
	assert.True(t, lo.Before(hi))
	assert.Equal(t, hi, hi.AddDays(1), "saturates at the end")
	assert.Equal(t, lo, lo.AddDays(-1), "saturates at the start")
	assert.Equal(t, hi, date(2026, 1, 1).AddDays(maxInt))
	assert.Equal(t, lo, date(-5_000_000, 1, 1).AddDays(-maxInt-1))
	assert.Equal(t, hi, date(2026, 1, 1).AddDate(maxInt, maxInt, maxInt))
	assert.Equal(t, lo, date(2026, 1, 1).AddDate(-maxInt-1, -maxInt-1, -maxInt-1))
	assert.Equal(t, hi, calendar.NewDate(2026, time.January, maxInt))
	assert.Greater(t, hi.Year(), 5_000_000)
	assert.Less(t, lo.Year(), -5_000_000)
	for _, d := range []calendar.Date{hi, lo} {
		_, err := d.MarshalText()
		require.ErrorIs(t, err, calendar.ErrInvalidDate)
		assert.NotPanics(t, func() { _ = d.ISOWeek(); _ = d.String(); _ = d.YearDay(); _ = d.Weekday() })
	}
}

func TestAddDate(t *testing.T) {
	tests := []struct {
		name                string
		from                calendar.Date
		years, months, days int
		want                calendar.Date
	}{
		{"one month from 31 January overflows", date(2026, 1, 31), 0, 1, 0, date(2026, 3, 3)},
		{"one year from 29 February", date(2024, 2, 29), 1, 0, 0, date(2025, 3, 1)},
		{"minus one month", date(2026, 3, 31), 0, -1, 0, date(2026, 3, 3)},
		{"14 months", date(2026, 6, 19), 0, 14, 0, date(2027, 8, 19)},
		{"days across a year", date(2026, 12, 25), 0, 0, 10, date(2027, 1, 4)},
		{"all three", date(2026, 1, 1), 1, 2, 3, date(2027, 3, 4)},
		{"nothing", date(2026, 6, 19), 0, 0, 0, date(2026, 6, 19)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.from.AddDate(tt.years, tt.months, tt.days))
			y, m, d := tt.from.YMD()
			asTime := time.Date(y, m, d, 12, 0, 0, 0, time.UTC).AddDate(tt.years, tt.months, tt.days)
			assert.Equal(t, tt.want, calendar.DateOf(asTime), "same as time.Time.AddDate")
		})
	}
}

func TestSubAndCompare(t *testing.T) {
	a, b := date(2026, 3, 28), date(2026, 3, 30)
	assert.Equal(t, 2, b.Sub(a))
	assert.Equal(t, -2, a.Sub(b))
	assert.Equal(t, 0, a.Sub(a))
	assert.Equal(t, 365, date(2027, 1, 1).Sub(date(2026, 1, 1)))
	assert.Equal(t, 366, date(2029, 1, 1).Sub(date(2028, 1, 1)))
	assert.True(t, a.Before(b))
	assert.False(t, b.Before(a))
	assert.True(t, b.After(a))
	assert.False(t, a.After(a))
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 1, b.Compare(a))
	assert.Equal(t, 0, a.Compare(a))

	ds := []calendar.Date{date(2026, 12, 24), date(2025, 1, 1), date(2026, 6, 19)}
	slices.SortFunc(ds, calendar.Date.Compare)
	assert.Equal(t, []calendar.Date{date(2025, 1, 1), date(2026, 6, 19), date(2026, 12, 24)}, ds)

	seen := map[calendar.Date]bool{date(2026, 6, 19): true}
	assert.True(t, seen[calendar.NewDate(2026, time.May, 50)], "usable as a map key")
}

func TestDaysIn(t *testing.T) {
	tests := []struct {
		year  int
		month time.Month
		want  int
	}{
		{2026, time.January, 31}, {2026, time.February, 28}, {2024, time.February, 29}, {2000, time.February, 29},
		{1900, time.February, 28}, {2026, time.April, 30}, {2026, time.June, 30}, {2026, time.September, 30},
		{2026, time.November, 30}, {2026, time.December, 31}, {2026, 14, 28}, {2028, 0, 31}, {2029, -10, 29},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, calendar.DaysIn(tt.year, tt.month), "%d-%d", tt.year, tt.month)
	}
}

func TestParseDate(t *testing.T) {
	good := []struct {
		in   string
		want calendar.Date
	}{
		{"2026-06-19", date(2026, 6, 19)},
		{"0001-01-01", calendar.Date{}},
		{"9999-12-31", date(9999, 12, 31)},
		{"2024-02-29", date(2024, 2, 29)},
	}
	for _, tt := range good {
		got, err := calendar.ParseDate(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
		assert.Equal(t, tt.in, got.String(), "canonical")
	}

	bad := []struct {
		in, field string
	}{
		{"2026-02-30", "day"},
		{"2025-02-29", "day"},
		{"2026-04-31", "day"},
		{"2026-01-00", "day"},
		{"2026-13-01", "month"},
		{"2026-00-01", "month"},
		{"0000-01-01", "year"},
		{"2026-2-3", "layout"},
		{" 2026-01-01", "layout"},
		{"2026-01-01 ", "layout"},
		{"", "layout"},
		{"2026/01/01", "layout"},
		{"20260101", "layout"},
		{"+026-01-01", "layout"},
		{"2026-0a-01", "layout"},
		{"2026-01-01T00:00:00Z", "layout"},
		{"١٢٣٤-01-01", "layout"},
	}
	for _, tt := range bad {
		t.Run(tt.in, func(t *testing.T) {
			_, err := calendar.ParseDate(tt.in)
			require.ErrorIs(t, err, calendar.ErrInvalidDate)
			var pe *calendar.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "date", pe.Type)
			assert.Equal(t, tt.field, pe.Field)
			if tt.in != "" {
				assert.NotContains(t, err.Error(), tt.in, "the error never repeats the input")
			}
		})
	}
}

func TestParseErrorText(t *testing.T) {
	_, err := calendar.ParseDate("2026-02-30")
	assert.EqualError(t, err, "calendar: invalid date: day: 30 is not in 01..28 for 2026-02")
	pe := &calendar.ParseError{Type: "date", Field: "day", Reason: "bad"}
	assert.EqualError(t, pe, "calendar: invalid date: day: bad", "a ParseError without Err still reads well")
}

func TestDateJSON(t *testing.T) {
	type stay struct {
		From calendar.Date  `json:"from"`
		To   *calendar.Date `json:"to,omitempty"`
		Next calendar.Date  `json:"next,omitzero"`
	}
	to := date(2026, 6, 21)
	b, err := json.Marshal(stay{From: date(2026, 6, 19), To: &to})
	require.NoError(t, err)
	assert.JSONEq(t, `{"from":"2026-06-19","to":"2026-06-21"}`, string(b))

	var got stay
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, stay{From: date(2026, 6, 19), To: &to}, got)

	err = json.Unmarshal([]byte(`{"from":"2026-6-19"}`), &got)
	assert.ErrorIs(t, err, calendar.ErrInvalidDate)
	err = json.Unmarshal([]byte(`{"from":20260619}`), &got)
	assert.Error(t, err)

	_, err = json.Marshal(stay{From: date(10000, 1, 1)})
	assert.ErrorIs(t, err, calendar.ErrInvalidDate)
	_, err = date(0, 12, 31).MarshalText()
	assert.ErrorIs(t, err, calendar.ErrInvalidDate)
}

func TestDateProperties(t *testing.T) {
	genDate := rapid.Custom(func(t *rapid.T) calendar.Date {
		return calendar.NewDate(rapid.IntRange(1, 9999).Draw(t, "year"), time.January, rapid.IntRange(1, 365).Draw(t, "day"))
	})
	rapid.Check(t, func(t *rapid.T) {
		d := genDate.Draw(t, "d")
		n := rapid.IntRange(-100_000, 100_000).Draw(t, "n")
		e := d.AddDays(n)
		if e.Sub(d) != n {
			t.Fatalf("%s + %d = %s, Sub gives %d", d, n, e, e.Sub(d))
		}
		if n > 0 && !e.After(d) || n < 0 && !e.Before(d) {
			t.Fatalf("order of %s and %s", d, e)
		}
		if (int(e.Weekday())-int(d.Weekday())-n)%7 != 0 {
			t.Fatalf("weekday of %s and %s", d, e)
		}
		y, m, dd := d.YMD()
		if calendar.NewDate(y, m, dd) != d {
			t.Fatalf("YMD of %s does not round-trip", d)
		}
		back, err := calendar.ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("text of %s does not round-trip: %v", d, err)
		}
	})
}

func TestAge(t *testing.T) {
	d := func(y int, m time.Month, day int) calendar.Date { return calendar.NewDate(y, m, day) }
	tests := []struct {
		name      string
		birth, on calendar.Date
		want      int
	}{
		{"the day before the 13th birthday", d(2013, time.March, 7), d(2026, time.March, 6), 12},
		{"on the 13th birthday", d(2013, time.March, 7), d(2026, time.March, 7), 13},
		{"born on 29 February, common year", d(2012, time.February, 29), d(2026, time.February, 28), 13},
		{"born on 29 February, 1 March", d(2012, time.February, 29), d(2026, time.March, 1), 14},
		{"born on 29 February, leap year", d(2012, time.February, 29), d(2024, time.February, 29), 12},
		{"day of birth", d(2026, time.June, 1), d(2026, time.June, 1), 0},
		{"before birth", d(2026, time.June, 1), d(2026, time.May, 31), -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, calendar.Age(tt.birth, tt.on))
		})
	}
}

func TestMinMaxDate(t *testing.T) {
	a, b := calendar.NewDate(2026, time.March, 6), calendar.NewDate(2026, time.March, 8)
	assert.Equal(t, a, calendar.MinDate(a, b))
	assert.Equal(t, a, calendar.MinDate(b, a))
	assert.Equal(t, b, calendar.MaxDate(a, b))
	assert.Equal(t, b, calendar.MaxDate(b, a))
	assert.Equal(t, a, calendar.MaxDate(a, a))
}
