package calendar_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

func clock(s string) calendar.Clock {
	c, err := calendar.ParseClock(s)
	if err != nil {
		panic(err) // a typo in a test table
	}
	return c
}

func window(day time.Weekday, start, end string) calendar.Window {
	return calendar.Window{Day: day, Start: clock(start), End: clock(end)}
}

func TestParseWeekday(t *testing.T) {
	tests := []struct {
		want  time.Weekday
		names []string
	}{
		{time.Monday, []string{"monday", "Monday", "MON", "mon", "måndag", "Måndag", "MÅNDAG", "mån", "mandag", "man"}},
		{time.Tuesday, []string{"tuesday", "tue", "tisdag", "tis"}},
		{time.Wednesday, []string{"wednesday", "wed", "onsdag", "ons"}},
		{time.Thursday, []string{"thursday", "thu", "torsdag", "tor", "tors"}},
		{time.Friday, []string{"friday", "fri", "fredag", "fre", "FREDAG"}},
		{time.Saturday, []string{"saturday", "sat", "lördag", "lör", "LÖRDAG", "lordag", "lor"}},
		{time.Sunday, []string{"sunday", "sun", "söndag", "sön", "Söndag", "sondag", "son"}},
	}
	for _, tt := range tests {
		for _, name := range tt.names {
			got, err := calendar.ParseWeekday(name)
			require.NoError(t, err, name)
			assert.Equal(t, tt.want, got, name)
		}
	}
	for _, bad := range []string{"", "mo", "må", "monday ", "1", "måndagar", "\xff"} {
		_, err := calendar.ParseWeekday(bad)
		assert.ErrorIs(t, err, calendar.ErrInvalidWeekday, "%q", bad)
		assert.ErrorIs(t, err, calendar.ErrInvalidWindow, "%q", bad)
	}
	assert.Equal(t, "calendar: invalid weekday", calendar.ErrInvalidWeekday.Error())
}

func TestWindowValidate(t *testing.T) {
	tests := []struct {
		name  string
		w     calendar.Window
		field string // "" means valid
	}{
		{"an evening", window(time.Tuesday, "17:00", "20:00"), ""},
		{"the whole day", window(time.Sunday, "0:00", "24:00"), ""},
		{"one minute", window(time.Saturday, "23:59", "24:00"), ""},
		{"empty", window(time.Tuesday, "17:00", "17:00"), "end"},
		{"backwards", window(time.Tuesday, "20:00", "17:00"), "end"},
		{"bad day", calendar.Window{Day: 7, Start: 0, End: 60}, "day"},
		{"negative day", calendar.Window{Day: -1, Start: 0, End: 60}, "day"},
		{"bad start", calendar.Window{Day: time.Monday, Start: -15, End: 60}, "start"},
		{"bad end", calendar.Window{Day: time.Monday, Start: 0, End: 1455}, "end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.w.Validate()
			if tt.field == "" {
				require.NoError(t, err)
				assert.Equal(t, int(tt.w.End-tt.w.Start), tt.w.Minutes())
				return
			}
			require.ErrorIs(t, err, calendar.ErrInvalidWindow)
			var we *calendar.WindowError
			require.ErrorAs(t, err, &we)
			assert.Equal(t, tt.field, we.Field)
			assert.Equal(t, 0, tt.w.Minutes())
		})
	}
	err := window(time.Tuesday, "20:00", "17:00").Validate()
	assert.EqualError(t, err, "calendar: invalid window: end: end 17:00 is not after start 20:00")
}

func TestWindowString(t *testing.T) {
	assert.Equal(t, "tuesday 17:00-20:00", window(time.Tuesday, "17:00", "20:00").String())
	assert.Equal(t, "Weekday(9) 00:00-Clock(2000)", calendar.Window{Day: 9, End: 2000}.String())
}

func TestWindowJSON(t *testing.T) {
	w := window(time.Tuesday, "17:00", "20:00")
	b, err := json.Marshal(w)
	require.NoError(t, err)
	assert.JSONEq(t, `{"day":"tuesday","start":"17:00","end":"20:00"}`, string(b))

	good := []struct {
		name, in string
		want     calendar.Window
	}{
		{"canonical", `{"day":"tuesday","start":"17:00","end":"20:00"}`, w},
		{"swedish", `{"day":"Tisdag","start":"17.00","end":"20:00"}`, w},
		{"short and reordered", ` {"end":"20:00", "start":"17:00", "day":"TUE"} `, w},
		{"start after end parses; Validate rejects it", `{"day":"mån","start":"20:00","end":"17:00"}`, window(time.Monday, "20:00", "17:00")},
		{"sunday to midnight", `{"day":"söndag","start":"18:00","end":"24:00"}`, window(time.Sunday, "18:00", "24:00")},
	}
	for _, tt := range good {
		t.Run(tt.name, func(t *testing.T) {
			var got calendar.Window
			require.NoError(t, json.Unmarshal([]byte(tt.in), &got))
			assert.Equal(t, tt.want, got)
		})
	}

	bad := []struct {
		name, in, field string
	}{
		{"missing day", `{"start":"17:00","end":"20:00"}`, "day"},
		{"null day", `{"day":null,"start":"17:00","end":"20:00"}`, "day"},
		{"unknown day", `{"day":"someday","start":"17:00","end":"20:00"}`, "day"},
		{"numeric day", `{"day":2,"start":"17:00","end":"20:00"}`, "window"},
		{"missing start", `{"day":"tuesday","end":"20:00"}`, "start"},
		{"missing end", `{"day":"tuesday","start":"17:00"}`, "end"},
		{"numeric start", `{"day":"tuesday","start":1020,"end":"20:00"}`, "start"},
		{"bad end", `{"day":"tuesday","start":"17:00","end":"25:00"}`, "end"},
		{"unknown field", `{"day":"tuesday","start":"17:00","end":"20:00","note":"x"}`, "window"},
		{"an array", `["tuesday","17:00","20:00"]`, "window"},
		{"a string", `"tuesday 17-20"`, "window"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			got := w
			err := json.Unmarshal([]byte(tt.in), &got)
			require.ErrorIs(t, err, calendar.ErrInvalidWindow)
			var we *calendar.WindowError
			require.ErrorAs(t, err, &we)
			assert.Equal(t, tt.field, we.Field)
			assert.Equal(t, w, got, "unchanged on error")
		})
	}

	var got calendar.Window
	assert.Error(t, got.UnmarshalJSON([]byte(`{"day":"tuesday","start":"17:00","end":"20:00"} {}`)), "trailing data")
	require.NoError(t, got.UnmarshalJSON([]byte(`null`)))
	assert.Equal(t, calendar.Window{}, got, "null is a no-op")

	var ws []calendar.Window
	require.NoError(t, json.Unmarshal([]byte(`[{"day":"mon","start":"8:00","end":"12:00"},null]`), &ws))
	assert.Equal(t, []calendar.Window{window(time.Monday, "08:00", "12:00"), {}}, ws)

	_, err = json.Marshal(calendar.Window{Day: 7, Start: 0, End: 60})
	assert.ErrorIs(t, err, calendar.ErrInvalidWindow)
	_, err = json.Marshal(calendar.Window{Day: time.Monday, Start: 0, End: 1500})
	assert.ErrorIs(t, err, calendar.ErrInvalidWindow)
}
