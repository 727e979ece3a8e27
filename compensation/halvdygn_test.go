package compensation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

func TestHalvdygn(t *testing.T) {
	tests := []struct {
		name     string
		from, to calendar.Date
		want     int
	}{
		{"friday to sunday is SKR's 2½ dygn", date(2026, time.March, 6), date(2026, time.March, 8), 5},
		{"over midsommar", date(2026, time.June, 19), date(2026, time.June, 21), 5},
		{"one night", date(2026, time.March, 6), date(2026, time.March, 7), 3},
		{"thursday to monday", date(2026, time.March, 5), date(2026, time.March, 9), 9},
		{"across the DST change", date(2026, time.March, 27), date(2026, time.March, 29), 5},
		{"across New Year", date(2025, time.December, 31), date(2026, time.January, 2), 5},
		{"three weeks", date(2023, time.July, 1), date(2023, time.July, 22), 43},
		{"across 29 February", date(2024, time.February, 28), date(2024, time.March, 1), 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := compensation.Halvdygn(tt.from, tt.to)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestHalvdygnErrors(t *testing.T) {
	tests := []struct {
		name     string
		from, to calendar.Date
		field    string
	}{
		{"same-day visit", date(2026, time.March, 6), date(2026, time.March, 6), "to"},
		{"end before start", date(2026, time.March, 8), date(2026, time.March, 6), "to"},
		{"unset arrival", calendar.Date{}, date(2026, time.March, 6), "from"},
		{"unset departure", date(2026, time.March, 6), calendar.Date{}, "to"},
		{"longer than a year", date(2026, time.January, 1), date(2027, time.January, 3), "to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := compensation.Halvdygn(tt.from, tt.to)
			var fe *compensation.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.ErrorIs(t, err, compensation.ErrInvalidInput)
		})
	}
}

// TestHalvdygnAdditivity checks that splitting a stay at a day b counts that day twice as a half (½ + ½ = 1),
// so the halves add up to the whole, and that one more night adds a whole dygn.
func TestHalvdygnAdditivity(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := date(2000, time.January, 1).AddDays(rapid.IntRange(0, 20000).Draw(t, "a"))
		b := a.AddDays(rapid.IntRange(1, 180).Draw(t, "ab"))
		c := b.AddDays(rapid.IntRange(1, 180).Draw(t, "bc"))
		ac, err1 := compensation.Halvdygn(a, c)
		ab, err2 := compensation.Halvdygn(a, b)
		bc, err3 := compensation.Halvdygn(b, c)
		longer, err4 := compensation.Halvdygn(a, c.AddDays(1))
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			t.Fatal(err1, err2, err3, err4)
		}
		if ac != ab+bc-1 {
			t.Fatalf("H(a,c) = %d, H(a,b) + H(b,c) - 1 = %d", ac, ab+bc-1)
		}
		if longer != ac+2 {
			t.Fatalf("one more night: %d, want %d", longer, ac+2)
		}
		if ac%2 != 1 {
			t.Fatalf("H = %d is not a whole number of dygn plus a half", ac)
		}
	})
}
