package calendar_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

func stockholm(t *testing.T) *time.Location {
	t.Helper()
	loc, err := calendar.Stockholm()
	require.NoError(t, err)
	return loc
}

func TestStockholm(t *testing.T) {
	loc := stockholm(t)
	assert.Equal(t, "Europe/Stockholm", loc.String())
	again, err := calendar.Stockholm()
	require.NoError(t, err)
	assert.Same(t, loc, again, "loaded once")
}

// TestAtAcrossDST: a weekly 18:00 meeting stays 18:00 local when the clocks change; only its UTC instant moves.
func TestAtAcrossDST(t *testing.T) {
	loc := stockholm(t)
	tests := []struct {
		d       calendar.Date
		wantUTC string
	}{
		{date(2026, 3, 28), "2026-03-28T17:00:00Z"},
		{date(2026, 3, 29), "2026-03-29T16:00:00Z"}, // summer time starts at 01:00 UTC
		{date(2026, 3, 30), "2026-03-30T16:00:00Z"},
		{date(2026, 10, 24), "2026-10-24T16:00:00Z"},
		{date(2026, 10, 25), "2026-10-25T17:00:00Z"}, // summer time ends at 01:00 UTC
		{date(2026, 10, 26), "2026-10-26T17:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.d.String(), func(t *testing.T) {
			got := tt.d.At(18, 0, loc)
			assert.Equal(t, 18, got.Hour())
			assert.Equal(t, 0, got.Minute())
			assert.Equal(t, tt.d, calendar.DateOf(got))
			assert.Equal(t, tt.wantUTC, got.UTC().Format(time.RFC3339))
		})
	}
	// Stepping by AddDays keeps the wall clock; adding 24 hours does not.
	d := date(2026, 3, 28)
	assert.Equal(t, 18, d.AddDays(1).At(18, 0, loc).Hour())
	assert.Equal(t, 19, d.At(18, 0, loc).Add(24*time.Hour).Hour())
}

// TestAtInTheGapAndFold pins time.Date's choice for wall times that do not exist or exist twice in Stockholm, as
// documented on Date.At. If a Go release changes it, this test says so.
func TestAtInTheGapAndFold(t *testing.T) {
	loc := stockholm(t)
	gap := date(2026, 3, 29).At(2, 30, loc)
	assert.Equal(t, "2026-03-29T03:30:00+02:00", gap.Format(time.RFC3339), "02:30 does not exist: moved forward to 03:30 CEST")
	assert.Equal(t, "2026-03-29T01:30:00Z", gap.UTC().Format(time.RFC3339))

	fold := date(2026, 10, 25).At(2, 30, loc)
	assert.Equal(t, "2026-10-25T02:30:00+01:00", fold.Format(time.RFC3339), "02:30 happens twice: the second one, CET")
	assert.Equal(t, "2026-10-25T01:30:00Z", fold.UTC().Format(time.RFC3339))
}

func TestAtNormalisesAndNilLocation(t *testing.T) {
	d := date(2026, 12, 31)
	assert.Equal(t, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), d.At(24, 0, nil), "nil means UTC; 24:00 is the next midnight")
	assert.Equal(t, time.Date(2026, 12, 31, 1, 30, 0, 0, time.UTC), d.At(0, 90, time.UTC))
	assert.Equal(t, date(2026, 6, 19), calendar.DateOf(time.Date(2026, 6, 19, 23, 59, 0, 0, stockholm(t))))
	assert.Equal(t, date(2026, 6, 19), calendar.DateOf(time.Date(2026, 6, 19, 22, 30, 0, 0, time.UTC).In(stockholm(t)).Add(-time.Hour)))
}
