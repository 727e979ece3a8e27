package calendar_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/se"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

func TestEaster(t *testing.T) {
	tests := []struct {
		year int
		want calendar.Date
	}{
		{1990, date(1990, 4, 15)},
		{2005, date(2005, 3, 27)},
		{2008, date(2008, 3, 23)}, // earliest of this century
		{2019, date(2019, 4, 21)}, // not 24 March: the computus, not the astronomical full moon
		{2025, date(2025, 4, 20)},
		{2026, date(2026, 4, 5)},
		{2038, date(2038, 4, 25)}, // latest of this century
		{1818, date(1818, 3, 22)}, // earliest possible date
		{1943, date(1943, 4, 25)}, // latest possible date
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, calendar.Easter(tt.year), "%d", tt.year)
	}
	for y := 1583; y <= 9999; y++ {
		e := calendar.Easter(y)
		if e.Weekday() != time.Sunday || e.Before(date(y, 3, 22)) || e.After(date(y, 4, 25)) {
			require.Failf(t, "Easter", "%d: %s", y, e)
		}
	}
	maxInt := int(^uint(0) >> 1)
	assert.NotPanics(t, func() { _, _ = calendar.Easter(-maxInt-1), calendar.Easter(maxInt) })
}

// fixture writes one year's named days compactly: "01-01 Nyårsdagen", with an Eve marked by a trailing " (eve)".
func fixture(t *testing.T, year int, lines ...string) []calendar.Holiday {
	t.Helper()
	hs := make([]calendar.Holiday, 0, len(lines))
	for _, l := range lines {
		var m, d int
		_, err := fmt.Sscanf(l[:5], "%d-%d", &m, &d)
		require.NoError(t, err)
		name, kind := l[6:], calendar.Public
		if n := len(name) - len(" (eve)"); n > 0 && name[n:] == " (eve)" {
			name, kind = name[:n], calendar.Eve
		}
		hs = append(hs, calendar.Holiday{Date: date(year, time.Month(m), d), Name: name, Kind: kind})
	}
	return hs
}

// TestHolidaysBefore2005 checks the years the rickar/cal oracle gets wrong: annandag pingst was a helgdag until
// 2004 and nationaldagen only from 2005 (SFS 2004:1320). Dates typed from almanacs.
func TestHolidaysFixtures(t *testing.T) {
	tests := []struct {
		year int
		want []calendar.Holiday
	}{
		{1990, fixture(t, 1990,
			"01-01 Nyårsdagen", "01-06 Trettondedag jul", "04-13 Långfredagen", "04-15 Påskdagen", "04-16 Annandag påsk",
			"05-01 Första maj", "05-24 Kristi himmelsfärdsdag", "06-03 Pingstdagen", "06-04 Annandag pingst",
			"06-22 Midsommarafton (eve)", "06-23 Midsommardagen", "11-03 Alla helgons dag", "12-24 Julafton (eve)",
			"12-25 Juldagen", "12-26 Annandag jul", "12-31 Nyårsafton (eve)")},
		{1999, fixture(t, 1999,
			"01-01 Nyårsdagen", "01-06 Trettondedag jul", "04-02 Långfredagen", "04-04 Påskdagen", "04-05 Annandag påsk",
			"05-01 Första maj", "05-13 Kristi himmelsfärdsdag", "05-23 Pingstdagen", "05-24 Annandag pingst",
			"06-25 Midsommarafton (eve)", "06-26 Midsommardagen", "11-06 Alla helgons dag", "12-24 Julafton (eve)",
			"12-25 Juldagen", "12-26 Annandag jul", "12-31 Nyårsafton (eve)")},
		{2004, fixture(t, 2004,
			"01-01 Nyårsdagen", "01-06 Trettondedag jul", "04-09 Långfredagen", "04-11 Påskdagen", "04-12 Annandag påsk",
			"05-01 Första maj", "05-20 Kristi himmelsfärdsdag", "05-30 Pingstdagen", "05-31 Annandag pingst",
			"06-25 Midsommarafton (eve)", "06-26 Midsommardagen", "11-06 Alla helgons dag", "12-24 Julafton (eve)",
			"12-25 Juldagen", "12-26 Annandag jul", "12-31 Nyårsafton (eve)")},
		{2005, fixture(t, 2005,
			"01-01 Nyårsdagen", "01-06 Trettondedag jul", "03-25 Långfredagen", "03-27 Påskdagen", "03-28 Annandag påsk",
			"05-01 Första maj", "05-05 Kristi himmelsfärdsdag", "05-15 Pingstdagen", "06-06 Nationaldagen",
			"06-24 Midsommarafton (eve)", "06-25 Midsommardagen", "11-05 Alla helgons dag", "12-24 Julafton (eve)",
			"12-25 Juldagen", "12-26 Annandag jul", "12-31 Nyårsafton (eve)")},
		{2008, fixture(t, 2008,
			"01-01 Nyårsdagen", "01-06 Trettondedag jul", "03-21 Långfredagen", "03-23 Påskdagen", "03-24 Annandag påsk",
			"05-01 Första maj", "05-01 Kristi himmelsfärdsdag", "05-11 Pingstdagen", "06-06 Nationaldagen",
			"06-20 Midsommarafton (eve)", "06-21 Midsommardagen", "11-01 Alla helgons dag", "12-24 Julafton (eve)",
			"12-25 Juldagen", "12-26 Annandag jul", "12-31 Nyårsafton (eve)")},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.year), func(t *testing.T) {
			assert.Equal(t, tt.want, calendar.Holidays(tt.year))
		})
	}
}

// oracleHolidays returns rickar/cal/v2's Swedish holidays for year (valid from 2005 only), with Påskdagen and
// Pingstdagen added, as calendar.Holiday values in an arbitrary order.
func oracleHolidays(year int) []calendar.Holiday {
	names := map[string]string{"Sveriges nationaldag": "Nationaldagen"}
	kinds := map[cal.ObservanceType]calendar.Kind{cal.ObservancePublic: calendar.Public, cal.ObservanceOther: calendar.Eve}
	var hs []calendar.Holiday
	for _, h := range append([]*cal.Holiday{se.Paskdagen, se.Pingstdagen}, se.Holidays...) {
		actual, _ := h.Calc(year)
		if actual.IsZero() {
			continue
		}
		name := h.Name
		if n, ok := names[name]; ok {
			name = n
		}
		hs = append(hs, calendar.Holiday{Date: calendar.DateOf(actual), Name: name, Kind: kinds[h.Type]})
	}
	return hs
}

func TestHolidaysMatchOracle(t *testing.T) {
	for y := 2005; y <= 2100; y++ {
		got := calendar.Holidays(y)
		assert.ElementsMatch(t, oracleHolidays(y), got, "%d", y)
		assert.Len(t, got, 16, "%d", y)
	}
}

func TestHolidaysOrderAndRange(t *testing.T) {
	for y := calendar.FirstYear; y <= 2300; y++ {
		hs := calendar.Holidays(y)
		for i := 1; i < len(hs); i++ {
			a, b := hs[i-1], hs[i]
			ordered := a.Date.Before(b.Date) || a.Date == b.Date && (a.Kind < b.Kind || a.Kind == b.Kind && a.Name < b.Name)
			if !ordered {
				require.Failf(t, "order", "%d: %v before %v", y, a, b)
			}
		}
	}
	assert.Nil(t, calendar.Holidays(calendar.FirstYear-1))
	assert.Nil(t, calendar.Holidays(calendar.LastYear+1))
	assert.Len(t, calendar.Holidays(calendar.LastYear), 16)

	a, b := calendar.Holidays(2026), calendar.Holidays(2026)
	a[0].Name = "changed"
	assert.Equal(t, "Nyårsdagen", b[0].Name, "a fresh slice each call")
	assert.Equal(t, "Nyårsdagen", calendar.Holidays(2026)[0].Name)
}

func TestHolidayOn(t *testing.T) {
	tests := []struct {
		name string
		d    calendar.Date
		want []string
	}{
		{"two on 2008-05-01", date(2008, 5, 1), []string{"Första maj", "Kristi himmelsfärdsdag"}},
		{"two on 2049-06-06", date(2049, 6, 6), []string{"Nationaldagen", "Pingstdagen"}},
		{"two on 2055-06-06", date(2055, 6, 6), []string{"Nationaldagen", "Pingstdagen"}},
		{"two on 2060-06-06", date(2060, 6, 6), []string{"Nationaldagen", "Pingstdagen"}},
		{"midsommarafton", date(2026, 6, 19), []string{"Midsommarafton"}},
		{"annandag pingst 2004", date(2004, 5, 31), []string{"Annandag pingst"}},
		{"no annandag pingst 2005", date(2005, 5, 16), nil},
		{"no nationaldagen 2004", date(2004, 6, 6), nil},
		{"an unnamed Sunday", date(2026, 6, 21), nil},
		{"an ordinary day", date(2026, 6, 18), nil},
		{"before the law", date(1989, 12, 25), nil},
		{"after the table", date(2300, 12, 25), []string{"Juldagen"}},
		{"after LastYear", date(10000, 12, 25), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, h := range calendar.HolidayOn(tt.d) {
				assert.Equal(t, tt.d, h.Date)
				got = append(got, h.Name)
			}
			assert.Equal(t, tt.want, got)
		})
	}
	assert.Nil(t, calendar.HolidayOn(date(2026, 6, 18)))
}

// TestIsPublicHolidayAndIsEve checks both against Holidays plus Sundays for every day of 1990–2300, which covers
// the precomputed table (to 2199) and the computation beyond it.
func TestIsPublicHolidayAndIsEve(t *testing.T) {
	public, eve := map[calendar.Date]bool{}, map[calendar.Date]bool{}
	for y := calendar.FirstYear; y <= 2300; y++ {
		for _, h := range calendar.Holidays(y) {
			if h.Kind == calendar.Public {
				public[h.Date] = true
			} else {
				eve[h.Date] = true
			}
		}
	}
	for d := date(1990, 1, 1); d.Year() <= 2300; d = d.AddDays(1) {
		wantPublic := public[d] || d.Weekday() == time.Sunday
		if calendar.IsPublicHoliday(d) != wantPublic || calendar.IsEve(d) != eve[d] {
			require.Failf(t, "mismatch", "%s: IsPublicHoliday %v, IsEve %v", d, calendar.IsPublicHoliday(d), calendar.IsEve(d))
		}
		if public[d] && eve[d] {
			require.Failf(t, "both kinds", "%s", d)
		}
	}
}

func TestIsPublicHolidayOutsideTheLaw(t *testing.T) {
	tests := []struct {
		name          string
		d             calendar.Date
		public, isEve bool
	}{
		{"Christmas 1989 is before the law", date(1989, 12, 25), false, false},
		{"a Sunday in 1989 is a helgdag", date(1989, 12, 31), true, false},
		{"julafton 1989", date(1989, 12, 24), true, false}, // a Sunday
		{"Christmas 2300, computed", date(2300, 12, 25), true, false},
		{"julafton 2300, computed", date(2300, 12, 24), false, true},
		{"Christmas 10000 is after LastYear", date(10000, 12, 25), false, false},
		{"a Sunday in year 10000", date(10000, 1, 2), true, false},
		{"year 1", date(1, 1, 7), true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.public, calendar.IsPublicHoliday(tt.d))
			assert.Equal(t, tt.isEve, calendar.IsEve(tt.d))
		})
	}
}

func TestKind(t *testing.T) {
	assert.Equal(t, "Public", calendar.Public.String())
	assert.Equal(t, "Eve", calendar.Eve.String())
	assert.Equal(t, "Kind(0)", calendar.Kind(0).String())

	h := calendar.Holiday{Date: date(2026, 6, 6), Name: "Nationaldagen", Kind: calendar.Public}
	b, err := json.Marshal(h)
	require.NoError(t, err)
	assert.JSONEq(t, `{"date":"2026-06-06","name":"Nationaldagen","kind":"public"}`, string(b))
	var got calendar.Holiday
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, h, got)

	var k calendar.Kind
	require.NoError(t, k.UnmarshalText([]byte("eve")))
	assert.Equal(t, calendar.Eve, k)
	require.NoError(t, k.UnmarshalText([]byte("Public")))
	assert.Equal(t, calendar.Public, k)
	assert.ErrorIs(t, k.UnmarshalText([]byte("helgdag")), calendar.ErrInvalidKind)
	_, err = calendar.Kind(3).MarshalText()
	assert.ErrorIs(t, err, calendar.ErrInvalidKind)
}

func TestHolidaysConcurrentFirstUse(t *testing.T) {
	done := make(chan bool)
	for range 4 {
		go func() {
			done <- calendar.IsPublicHoliday(date(2026, 6, 6)) && calendar.IsEve(date(2026, 6, 19)) && len(calendar.HolidayOn(date(2026, 6, 20))) == 1
		}()
	}
	for range 4 {
		assert.True(t, <-done)
	}
}
