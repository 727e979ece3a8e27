package calendar_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

func TestNewClock(t *testing.T) {
	tests := []struct {
		hour, min int
		want      calendar.Clock
		valid     bool
	}{
		{18, 30, 1110, true},
		{0, 0, 0, true},
		{24, 0, 1440, true},
		{8, 90, 570, true},
		{24, 1, -1, false},
		{-1, 0, -1, false},
		{int(^uint(0) >> 1), 0, -1, false},
	}
	for _, tt := range tests {
		got := calendar.NewClock(tt.hour, tt.min)
		assert.Equal(t, tt.want, got, "%d:%d", tt.hour, tt.min)
		assert.Equal(t, tt.valid, got.Valid(), "%d:%d", tt.hour, tt.min)
	}
	c := calendar.NewClock(18, 30)
	assert.Equal(t, 18, c.Hour())
	assert.Equal(t, 30, c.Minute())
	assert.Equal(t, 24, calendar.NewClock(24, 0).Hour())
}

func TestParseClock(t *testing.T) {
	good := []struct {
		in   string
		want calendar.Clock
		text string
	}{
		{"18:30", calendar.NewClock(18, 30), "18:30"},
		{"8:00", calendar.NewClock(8, 0), "08:00"},
		{"08:00", calendar.NewClock(8, 0), "08:00"},
		{"0:00", 0, "00:00"},
		{"24:00", calendar.MinutesPerDay, "24:00"},
		{"23:59", calendar.NewClock(23, 59), "23:59"},
		{"18.30", calendar.NewClock(18, 30), "18:30"},
	}
	for _, tt := range good {
		got, err := calendar.ParseClock(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
		assert.Equal(t, tt.text, got.String(), tt.in)
	}
	bad := []struct{ in, field string }{
		{"24:30", "minute"},
		{"25:00", "hour"},
		{"18:60", "minute"},
		{"18:5", "layout"},
		{"018:00", "layout"},
		{"18", "layout"},
		{"", "layout"},
		{":30", "layout"},
		{"-1:00", "layout"},
		{"+8:00", "layout"},
		{" 8:00", "layout"},
		{"8:00 ", "layout"},
		{"18h30", "layout"},
		{"1a:30", "layout"},
	}
	for _, tt := range bad {
		_, err := calendar.ParseClock(tt.in)
		require.ErrorIs(t, err, calendar.ErrInvalidClock, tt.in)
		var pe *calendar.ParseError
		require.ErrorAs(t, err, &pe, tt.in)
		assert.Equal(t, tt.field, pe.Field, tt.in)
		assert.Equal(t, "clock", pe.Type, tt.in)
	}
}

func TestClockText(t *testing.T) {
	assert.Equal(t, "Clock(-1)", calendar.Clock(-1).String())
	assert.Equal(t, "Clock(1441)", calendar.Clock(1441).String())
	_, err := calendar.Clock(1441).MarshalText()
	assert.ErrorIs(t, err, calendar.ErrInvalidClock)

	b, err := json.Marshal(map[string]calendar.Clock{"start": calendar.NewClock(8, 0)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"start":"08:00"}`, string(b))
	var c calendar.Clock
	require.NoError(t, json.Unmarshal([]byte(`"24:00"`), &c))
	assert.Equal(t, calendar.Clock(calendar.MinutesPerDay), c)
	assert.ErrorIs(t, json.Unmarshal([]byte(`"7"`), &c), calendar.ErrInvalidClock)
	assert.Equal(t, calendar.Clock(calendar.MinutesPerDay), c, "unchanged on error")
}
