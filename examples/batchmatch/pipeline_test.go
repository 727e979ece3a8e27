package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

func date(y int, m time.Month, d int) calendar.Date { return calendar.NewDate(y, m, d) }

func TestFirstWholeMonth(t *testing.T) {
	tests := []struct {
		name     string
		from, to calendar.Date
		year     int
		month    time.Month
	}{
		{"starts mid-month", date(2026, 8, 24), date(2026, 11, 22), 2026, time.September},
		{"starts on the 1st", date(2026, 6, 1), date(2026, 8, 30), 2026, time.June},
		{"over New Year", date(2026, 12, 21), date(2027, 3, 21), 2027, time.January},
		{"no whole month: the month it starts", date(2026, 8, 24), date(2026, 9, 13), 2026, time.August},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			y, m := firstWholeMonth(tt.from, tt.to)
			assert.Equal(t, tt.year, y)
			assert.Equal(t, tt.month, m)
		})
	}
}

func TestFrequencies(t *testing.T) {
	assert.Equal(t, scheduling.Monthly, weekendFrequency(1))
	assert.Equal(t, scheduling.TwiceMonthly, weekendFrequency(2))
	assert.Equal(t, scheduling.EveryOtherWeekend, weekendFrequency(4))

	kp := func(s matching.Support, perWeek int) matching.Pair {
		return matching.Pair{Support: s, Frequency: matching.Frequency{MeetingsPerWeek: perWeek}}
	}
	assert.Equal(t, compensation.Category1, category(kp(matching.Kontaktperson, 1)))
	assert.Equal(t, compensation.Category2, category(kp(matching.Kontaktperson, 2)))
	assert.Equal(t, compensation.Category3, category(kp(matching.Kontaktperson, 5)))
	assert.Equal(t, compensation.CategorySKKP, category(kp(matching.SKKP, 1)))
}

// What scheduling cannot do as asked is planned as near as it can and said in a note, never dropped silently.
func TestPlanNotes(t *testing.T) {
	from, to := date(2026, 8, 24), date(2026, 11, 22)
	tue := calendar.Window{Day: time.Tuesday, Start: calendar.NewClock(17, 0), End: calendar.NewClock(21, 0)}
	often := matching.Pair{ClientID: "C-1", VolunteerID: "V-1", Support: matching.Kontaktperson, CommonTime: []calendar.Window{tue},
		Frequency: matching.Frequency{MeetingsPerWeek: 3, MeetingMinutes: 60}}
	req, notes := weeklyRequest([]matching.Pair{often}, map[string]matching.Volunteer{"V-1": {ID: "V-1"}}, from, to)
	require.Len(t, req.Pairs, 1)
	assert.Equal(t, 2, req.Pairs[0].PerWeek)
	assert.Equal(t, []string{"P-C-1: 3 meetings a week asked for, 2 planned (scheduling plans 1 or 2)"}, notes)

	var four []matching.Pair
	for _, id := range []string{"C-1", "C-2", "C-3", "C-4"} {
		four = append(four, matching.Pair{ClientID: id, VolunteerID: "V-9", SiblingGroup: "S-1", Support: matching.Kontaktfamilj,
			Frequency: matching.Frequency{WeekendsPerMonth: 1}})
	}
	vols := map[string]matching.Volunteer{"V-9": {ID: "V-9", Capacity: matching.Capacity{ChildrenPerWeekend: 4},
		Assignments: []matching.Assignment{{Support: matching.Kontaktfamilj, Weekends: []calendar.Week{
			{Year: 2026, Number: 36}, {Year: 2026, Number: 40}, {Year: 2027, Number: 5}}}}}}
	wreq, notes := weekendRequest(four, vols, from.ISOWeek(), 13, from, to)
	assert.Equal(t, []string{"A-S-1: 4 siblings; scheduling plans at most 3 together, so plan this group by hand"}, notes)
	require.Len(t, wreq.Agreements, 2, "the group is left out; the running assignment books its two weekends in the horizon")
	for _, a := range wreq.Agreements {
		assert.Len(t, a.Booked, 1)
		assert.Equal(t, "V-9", a.FamilyID)
	}
}
