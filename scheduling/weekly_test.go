package scheduling_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/scheduling"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

type ws = []calendar.Window

// pairOf returns a request with one volunteer and one pair.
func pairOf(vol, cli ws, minutes int, start, end calendar.Date) scheduling.WeeklyRequest {
	return scheduling.WeeklyRequest{
		Volunteers: []scheduling.Volunteer{{ID: "V1", Windows: vol}},
		Pairs: []scheduling.Pair{{ID: "P1", VolunteerID: "V1", ClientID: "C1", ClientWindows: cli, Minutes: minutes,
			Start: start, End: end}},
	}
}

func planWeekly(t *testing.T, req scheduling.WeeklyRequest, opt scheduling.WeeklyOptions) *scheduling.WeeklyPlan {
	t.Helper()
	plan, err := scheduling.PlanWeekly(context.Background(), req, opt)
	require.NoError(t, err)
	return plan
}

// on returns the meetings of plan whose regular or actual date is d.
func on(plan *scheduling.WeeklyPlan, pair string, d calendar.Date) []scheduling.Meeting {
	var ms []scheduling.Meeting
	for _, m := range plan.Pair(pair) {
		if m.Date == d || calendar.DateOf(m.RegularStart) == d {
			ms = append(ms, m)
		}
	}
	return ms
}

func TestPlanWeeklySlot(t *testing.T) {
	tue, wed, thu, sat := time.Tuesday, time.Wednesday, time.Thursday, time.Saturday
	tests := []struct {
		name      string
		want      ws
		vol, busy ws
		cli, pref ws
		perWeek   int
		minutes   int
	}{
		{"earliest common time", ws{win(tue, 18, 0, 19, 30)},
			ws{win(tue, 17, 0, 21, 0), win(thu, 17, 0, 21, 0)}, nil, ws{win(tue, 18, 0, 20, 0), win(thu, 16, 0, 20, 0)}, nil, 1, 90},
		{"preferred time first", ws{win(thu, 17, 0, 18, 30)},
			ws{win(tue, 17, 0, 21, 0), win(thu, 17, 0, 21, 0)}, nil, ws{win(tue, 18, 0, 20, 0), win(thu, 16, 0, 20, 0)},
			ws{win(thu, 17, 0, 20, 0)}, 1, 90},
		{"busy windows are subtracted", ws{win(tue, 19, 30, 20, 30)},
			ws{win(tue, 17, 0, 21, 0)}, ws{win(tue, 17, 0, 19, 30)}, ws{win(tue, 17, 0, 21, 0)}, nil, 1, 60},
		{"twice a week on two weekdays", ws{win(tue, 17, 0, 19, 0), win(thu, 17, 0, 19, 0)},
			ws{win(tue, 17, 0, 21, 0), win(wed, 17, 0, 21, 0), win(thu, 17, 0, 21, 0)}, nil,
			ws{win(tue, 17, 0, 20, 0), win(thu, 17, 0, 20, 0)}, nil, 2, 120},
		{"twice on one day when only one day fits", ws{win(sat, 10, 0, 12, 0), win(sat, 12, 0, 14, 0)},
			ws{win(sat, 10, 0, 18, 0)}, nil, ws{win(sat, 10, 0, 18, 0)}, nil, 2, 120},
		{"a length that is not whole quarters", ws{win(tue, 17, 0, 17, 50)},
			ws{win(tue, 17, 0, 18, 0)}, nil, ws{win(tue, 17, 0, 18, 0)}, nil, 1, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := pairOf(tt.vol, tt.cli, tt.minutes, date(2026, 2, 2), date(2026, 2, 28))
			req.Volunteers[0].Busy = tt.busy
			req.Pairs[0].Preferred = tt.pref
			req.Pairs[0].PerWeek = tt.perWeek
			plan := planWeekly(t, req, scheduling.WeeklyOptions{})
			require.Len(t, plan.Slots, 1)
			assert.Equal(t, tt.want, plan.Slots[0].Windows)
			assert.Empty(t, plan.Issues)
			assert.Len(t, plan.Meetings, 4*tt.perWeek, "four weeks in February 2026")
		})
	}
}

func TestPlanWeeklyIssues(t *testing.T) {
	tests := []struct {
		name string
		want []scheduling.Issue
		cli2 ws
	}{
		{"no common time", []scheduling.Issue{{PairID: "P2", Reason: scheduling.ReasonNoCommonTime}},
			ws{win(time.Monday, 17, 0, 19, 0)}},
		{"common time taken by the volunteer's other pair",
			[]scheduling.Issue{{PairID: "P2", Reason: scheduling.ReasonVolunteerBooked}},
			ws{win(time.Tuesday, 17, 0, 19, 0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := pairOf(ws{win(time.Tuesday, 17, 0, 19, 0)}, ws{win(time.Tuesday, 17, 0, 19, 0)}, 120,
				date(2026, 2, 2), date(2026, 2, 28))
			req.Pairs = append(req.Pairs, scheduling.Pair{ID: "P2", VolunteerID: "V1", ClientID: "C2",
				ClientWindows: tt.cli2, Minutes: 120, Start: date(2026, 2, 2), End: date(2026, 2, 28)})
			plan := planWeekly(t, req, scheduling.WeeklyOptions{})
			assert.Equal(t, tt.want, plan.Issues)
			assert.Empty(t, plan.Pair("P2"), "a pair without a slot has no meetings")
			assert.Len(t, plan.Pair("P1"), 4)
		})
	}
}

func TestPlanWeeklySearchPlacesEveryPairWhenPossible(t *testing.T) {
	// P1 could take Tuesday or Thursday, P2 only Tuesday: taking P1's best time first would leave P2 without.
	vol := ws{win(time.Tuesday, 17, 0, 19, 0), win(time.Thursday, 17, 0, 19, 0)}
	req := pairOf(vol, vol, 120, date(2026, 2, 2), date(2026, 2, 28))
	req.Pairs = append(req.Pairs, scheduling.Pair{ID: "P2", VolunteerID: "V1", ClientID: "C2",
		ClientWindows: ws{win(time.Tuesday, 17, 0, 19, 0)}, Minutes: 120, Start: date(2026, 2, 2), End: date(2026, 2, 28)})
	plan := planWeekly(t, req, scheduling.WeeklyOptions{})
	assert.Empty(t, plan.Issues)
	assert.Equal(t, []scheduling.PairSlot{
		{PairID: "P1", VolunteerID: "V1", Windows: ws{win(time.Thursday, 17, 0, 19, 0)}},
		{PairID: "P2", VolunteerID: "V1", Windows: ws{win(time.Tuesday, 17, 0, 19, 0)}},
	}, plan.Slots)
}

func TestPlanWeeklySharedVolunteerOnlyWhenSpansOverlap(t *testing.T) {
	// The same volunteer may reuse a time once the earlier pair has ended.
	vol := ws{win(time.Tuesday, 17, 0, 19, 0)}
	req := pairOf(vol, vol, 120, date(2026, 1, 1), date(2026, 1, 31))
	req.Pairs = append(req.Pairs, scheduling.Pair{ID: "P2", VolunteerID: "V1", ClientID: "C2",
		ClientWindows: vol, Minutes: 120, Start: date(2026, 2, 1), End: date(2026, 2, 28)})
	plan := planWeekly(t, req, scheduling.WeeklyOptions{})
	assert.Empty(t, plan.Issues)
	assert.Equal(t, plan.Slots[0].Windows, plan.Slots[1].Windows)
}

func TestPlanWeeklyHolidayPolicies(t *testing.T) {
	tue, wed, thu, fri := time.Tuesday, time.Wednesday, time.Thursday, time.Friday
	tests := []struct {
		name     string
		want     []scheduling.Meeting // date, clock, status and reason only
		day      calendar.Date
		slot     ws // the client's windows; the volunteer is free Monday to Friday 17–21
		opt      scheduling.WeeklyOptions
		holidays []string
	}{
		{"Tuesday on trettondedag jul, skip",
			[]scheduling.Meeting{{Date: date(2026, 1, 6), Status: scheduling.Skipped, Reason: scheduling.ReasonPublicHoliday}},
			date(2026, 1, 6), ws{win(tue, 17, 0, 19, 0), win(wed, 17, 0, 19, 0)}, scheduling.WeeklyOptions{}, []string{"Trettondedag jul"}},
		{"Tuesday on trettondedag jul, move to Wednesday",
			[]scheduling.Meeting{{Date: date(2026, 1, 7), Status: scheduling.Moved, Reason: scheduling.ReasonPublicHoliday}},
			date(2026, 1, 6), ws{win(tue, 17, 0, 19, 0), win(wed, 17, 0, 19, 0)},
			scheduling.WeeklyOptions{Holidays: scheduling.Move}, nil},
		{"Tuesday on trettondedag jul, keep",
			[]scheduling.Meeting{{Date: date(2026, 1, 6), Status: scheduling.Planned}},
			date(2026, 1, 6), ws{win(tue, 17, 0, 19, 0)}, scheduling.WeeklyOptions{Holidays: scheduling.Keep},
			[]string{"Trettondedag jul"}},
		{"Kristi himmelsfärdsdag moves to the earlier of two equally near days",
			[]scheduling.Meeting{{Date: date(2026, 5, 13), Status: scheduling.Moved, Reason: scheduling.ReasonPublicHoliday}},
			date(2026, 5, 14), ws{win(wed, 17, 0, 19, 0), win(thu, 17, 0, 19, 0), win(fri, 17, 0, 19, 0)},
			scheduling.WeeklyOptions{Holidays: scheduling.Move}, nil},
		{"Kristi himmelsfärdsdag with nowhere to move is a conflict",
			[]scheduling.Meeting{{Date: date(2026, 5, 14), Status: scheduling.Conflict, Reason: scheduling.ReasonPublicHoliday}},
			date(2026, 5, 14), ws{win(thu, 17, 0, 19, 0)}, scheduling.WeeklyOptions{Holidays: scheduling.Move},
			[]string{"Kristi himmelsfärdsdag"}},
		{"midsommarafton is an ordinary day by default",
			[]scheduling.Meeting{{Date: date(2026, 6, 19), Status: scheduling.Planned}},
			date(2026, 6, 19), ws{win(fri, 17, 0, 19, 0)}, scheduling.WeeklyOptions{}, []string{"Midsommarafton"}},
		{"midsommarafton like a holiday",
			[]scheduling.Meeting{{Date: date(2026, 6, 19), Status: scheduling.Skipped, Reason: scheduling.ReasonEve}},
			date(2026, 6, 19), ws{win(fri, 17, 0, 19, 0)}, scheduling.WeeklyOptions{EvesLikeHolidays: true},
			[]string{"Midsommarafton"}},
	}
	loc := stockholm(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vol := ws{win(time.Monday, 17, 0, 21, 0), win(tue, 17, 0, 21, 0), win(wed, 17, 0, 21, 0),
				win(thu, 17, 0, 21, 0), win(fri, 17, 0, 21, 0)}
			req := pairOf(vol, tt.slot, 120, tt.day.AddDays(-14), tt.day.AddDays(14))
			req.Pairs[0].Preferred = ws{win(tt.day.Weekday(), 0, 0, 24, 0)}
			plan := planWeekly(t, req, tt.opt)
			got := on(plan, "P1", tt.day)
			require.Len(t, got, len(tt.want))
			for i, w := range tt.want {
				assert.Equal(t, w.Date, got[i].Date)
				assert.Equal(t, w.Status, got[i].Status)
				assert.Equal(t, w.Reason, got[i].Reason)
				assert.Equal(t, tt.day.At(17, 0, loc), got[i].RegularStart)
				assert.Equal(t, w.Date.At(17, 0, loc), got[i].Start, "moves keep the time of day when it is free")
				var names []string
				for _, h := range got[i].Holidays {
					names = append(names, h.Name)
				}
				assert.Equal(t, tt.holidays, names)
			}
			assert.Len(t, plan.Meetings, 5, "every due meeting is in the plan, held or not")
		})
	}
}

func TestPlanWeeklyPause(t *testing.T) {
	tue := ws{win(time.Tuesday, 17, 0, 19, 0)}
	tests := []struct {
		name        string
		wantPlanned int
		wantPaused  []calendar.Date
		pause       scheduling.Pause
	}{
		{"summer pause weeks 27–32", 7,
			[]calendar.Date{date(2026, 6, 30), date(2026, 7, 7), date(2026, 7, 14), date(2026, 7, 21), date(2026, 7, 28),
				date(2026, 8, 4)},
			scheduling.Pause{FromWeek: 27, ToWeek: 32}},
		{"pause as dates", 11, []calendar.Date{date(2026, 7, 14), date(2026, 7, 21)},
			scheduling.Pause{Dates: []scheduling.DateRange{{From: date(2026, 7, 13), To: date(2026, 7, 26)}}}},
		{"no pause", 13, nil, scheduling.Pause{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := planWeekly(t, pairOf(tue, tue, 120, date(2026, 6, 1), date(2026, 8, 31)),
				scheduling.WeeklyOptions{Pause: tt.pause})
			var planned int
			var paused []calendar.Date
			for _, m := range plan.Meetings {
				switch m.Status {
				case scheduling.Planned:
					planned++
				case scheduling.Skipped:
					assert.Equal(t, scheduling.ReasonPause, m.Reason)
					paused = append(paused, m.Date)
				}
			}
			assert.Equal(t, tt.wantPlanned, planned)
			assert.Equal(t, tt.wantPaused, paused)
		})
	}
}

func TestPlanWeeklyAway(t *testing.T) {
	vol := ws{win(time.Tuesday, 17, 0, 19, 0), win(time.Thursday, 17, 0, 19, 0)}
	tests := []struct {
		name       string
		want       scheduling.Meeting // date, status and reason of the meeting due 2026-02-10
		volAway    []scheduling.DateRange
		clientAway []scheduling.DateRange
		policy     scheduling.Policy
	}{
		{"volunteer away, skip", scheduling.Meeting{Date: date(2026, 2, 10), Status: scheduling.Skipped,
			Reason: scheduling.ReasonVolunteerAway}, []scheduling.DateRange{{From: date(2026, 2, 9), To: date(2026, 2, 15)}},
			nil, scheduling.Skip},
		{"volunteer away all week, move is a conflict", scheduling.Meeting{Date: date(2026, 2, 10),
			Status: scheduling.Conflict, Reason: scheduling.ReasonVolunteerAway},
			[]scheduling.DateRange{{From: date(2026, 2, 9), To: date(2026, 2, 15)}}, nil, scheduling.Move},
		{"client away one day, move", scheduling.Meeting{Date: date(2026, 2, 12), Status: scheduling.Moved,
			Reason: scheduling.ReasonClientAway}, nil, []scheduling.DateRange{{From: date(2026, 2, 10), To: date(2026, 2, 10)}},
			scheduling.Move},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := pairOf(vol, ws{win(time.Tuesday, 17, 0, 19, 0), win(time.Thursday, 17, 0, 19, 0)}, 120,
				date(2026, 2, 2), date(2026, 2, 28))
			req.Pairs[0].Preferred = ws{win(time.Tuesday, 0, 0, 24, 0)}
			req.Volunteers[0].Away = tt.volAway
			req.Pairs[0].ClientAway = tt.clientAway
			plan := planWeekly(t, req, scheduling.WeeklyOptions{Away: tt.policy})
			got := on(plan, "P1", date(2026, 2, 10))
			require.Len(t, got, 1)
			assert.Equal(t, tt.want.Date, got[0].Date)
			assert.Equal(t, tt.want.Status, got[0].Status)
			assert.Equal(t, tt.want.Reason, got[0].Reason)
		})
	}
}

func TestPlanWeeklyMoveNeverDoubleBooks(t *testing.T) {
	// P1 meets on Tuesdays, P2 on Wednesdays 17–19, same volunteer. When trettondedag jul moves P1, Wednesday
	// 17–19 is taken by P2, so P1 goes to Wednesday 19–21.
	vol := ws{win(time.Tuesday, 17, 0, 21, 0), win(time.Wednesday, 17, 0, 21, 0)}
	req := pairOf(vol, ws{win(time.Tuesday, 17, 0, 19, 0), win(time.Wednesday, 17, 0, 21, 0)}, 120,
		date(2026, 1, 5), date(2026, 1, 11))
	req.Pairs[0].Preferred = ws{win(time.Tuesday, 17, 0, 19, 0)}
	req.Pairs = append(req.Pairs, scheduling.Pair{ID: "P2", VolunteerID: "V1", ClientID: "C2",
		ClientWindows: ws{win(time.Wednesday, 17, 0, 19, 0)}, Minutes: 120, Start: date(2026, 1, 5), End: date(2026, 1, 11)})
	plan := planWeekly(t, req, scheduling.WeeklyOptions{Holidays: scheduling.Move})
	loc := stockholm(t)
	require.Len(t, plan.Meetings, 2)
	assert.Equal(t, "P2", plan.Meetings[0].PairID)
	assert.Equal(t, date(2026, 1, 7).At(17, 0, loc), plan.Meetings[0].Start)
	assert.Equal(t, "P1", plan.Meetings[1].PairID)
	assert.Equal(t, scheduling.Moved, plan.Meetings[1].Status)
	assert.Equal(t, date(2026, 1, 7).At(19, 0, loc), plan.Meetings[1].Start)
}

func TestPlanWeeklyDST(t *testing.T) {
	loc := stockholm(t)
	sun := ws{win(time.Sunday, 17, 0, 21, 0)}
	tests := []struct {
		name       string
		start, end calendar.Date
		wantOffset map[calendar.Date]int // seconds east of UTC
	}{
		{"summer time starts 2026-03-29", date(2026, 3, 16), date(2026, 4, 4), map[calendar.Date]int{
			date(2026, 3, 22): 3600, date(2026, 3, 29): 7200}},
		{"summer time ends 2026-10-25", date(2026, 10, 12), date(2026, 10, 31), map[calendar.Date]int{
			date(2026, 10, 18): 7200, date(2026, 10, 25): 3600}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := planWeekly(t, pairOf(sun, sun, 120, tt.start, tt.end), scheduling.WeeklyOptions{})
			require.Len(t, plan.Meetings, len(tt.wantOffset))
			for _, m := range plan.Meetings {
				local := m.Start.In(loc)
				assert.Equal(t, 17, local.Hour(), "meetings stay at 17:00 local on %s", m.Date)
				assert.Equal(t, 0, local.Minute())
				_, off := local.Zone()
				assert.Equal(t, tt.wantOffset[m.Date], off, "UTC offset on %s", m.Date)
				assert.Equal(t, 17-off/3600, m.Start.UTC().Hour(), "UTC hour on %s", m.Date)
				assert.Equal(t, 2*time.Hour, m.End.Sub(m.Start), "a two-hour meeting on %s", m.Date)
			}
		})
	}
	t.Run("18:00 on weekdays around both changes", func(t *testing.T) {
		tue := ws{win(time.Tuesday, 18, 0, 20, 0)}
		plan := planWeekly(t, pairOf(tue, tue, 120, date(2026, 3, 23), date(2026, 11, 1)), scheduling.WeeklyOptions{})
		for _, m := range plan.Meetings {
			assert.Equal(t, "18:00", m.Start.In(loc).Format("15:04"), "%s", m.Date)
			want := 16
			if m.Date.Before(date(2026, 3, 29)) || m.Date.After(date(2026, 10, 25)) {
				want = 17
			}
			assert.Equal(t, want, m.Start.UTC().Hour(), "%s", m.Date)
		}
	})
}

func TestPlanWeeklyAcrossNewYear(t *testing.T) {
	thuFri := ws{win(time.Thursday, 18, 0, 20, 0), win(time.Friday, 18, 0, 20, 0)}
	tests := []struct {
		name string
		want map[calendar.Date]scheduling.Status
		opt  scheduling.WeeklyOptions
	}{
		{"eves are ordinary days", map[calendar.Date]scheduling.Status{
			date(2026, 12, 17): scheduling.Planned, date(2026, 12, 18): scheduling.Planned,
			date(2026, 12, 24): scheduling.Planned, date(2026, 12, 25): scheduling.Skipped,
			date(2026, 12, 31): scheduling.Planned, date(2027, 1, 1): scheduling.Skipped,
			date(2027, 1, 7): scheduling.Planned, date(2027, 1, 8): scheduling.Planned,
		}, scheduling.WeeklyOptions{}},
		{"eves like holidays", map[calendar.Date]scheduling.Status{
			date(2026, 12, 17): scheduling.Planned, date(2026, 12, 18): scheduling.Planned,
			date(2026, 12, 24): scheduling.Skipped, date(2026, 12, 25): scheduling.Skipped,
			date(2026, 12, 31): scheduling.Skipped, date(2027, 1, 1): scheduling.Skipped,
			date(2027, 1, 7): scheduling.Planned, date(2027, 1, 8): scheduling.Planned,
		}, scheduling.WeeklyOptions{EvesLikeHolidays: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := pairOf(thuFri, thuFri, 120, date(2026, 12, 14), date(2027, 1, 10))
			req.Pairs[0].PerWeek = 2
			plan := planWeekly(t, req, tt.opt)
			got := map[calendar.Date]scheduling.Status{}
			weeks := map[calendar.Date]calendar.Week{}
			for _, m := range plan.Meetings {
				got[m.Date] = m.Status
				weeks[m.Date] = m.Date.ISOWeek()
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, week(2026, 53), weeks[date(2026, 12, 31)], "2026 has a week 53")
			assert.Equal(t, week(2026, 53), weeks[date(2027, 1, 1)], "1 January 2027 is in 2026-W53")
			assert.Equal(t, week(2027, 1), weeks[date(2027, 1, 7)])
		})
	}
}

func TestPlanWeeklyValidation(t *testing.T) {
	req := scheduling.WeeklyRequest{
		Volunteers: []scheduling.Volunteer{{ID: "V1", Windows: ws{win(time.Tuesday, 20, 0, 17, 0)}}, {ID: "V1"}},
		Pairs: []scheduling.Pair{
			{ID: "P1", VolunteerID: "V9", ClientID: "C1", Minutes: 0, PerWeek: 3, Start: date(2026, 2, 1)},
			{ID: "P2", VolunteerID: "V1", Minutes: 60, Start: date(2026, 2, 1), End: date(2026, 1, 1)},
		},
	}
	_, err := scheduling.PlanWeekly(context.Background(), req, scheduling.WeeklyOptions{Away: scheduling.Keep,
		Pause: scheduling.Pause{FromWeek: 60}})
	require.Error(t, err)
	assert.ErrorIs(t, err, scheduling.ErrInvalidInput)
	var fe *scheduling.FieldError
	require.ErrorAs(t, err, &fe)
	var got []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		for _, e := range flatten(e) {
			var f *scheduling.FieldError
			if errors.As(e, &f) {
				got = append(got, f.Record+" "+f.ID+" "+f.Field)
			}
		}
	}
	assert.ElementsMatch(t, []string{
		"options  away", "options  pause.from_week",
		"volunteer V1 windows[0]", "volunteer V1 id",
		"pair P1 volunteer_id", "pair P1 per_week", "pair P1 minutes", "pair P1 start",
		"pair P2 client_id", "pair P2 start",
	}, got)
}

// flatten unpacks joined errors.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

func TestPlanWeeklyCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tue := ws{win(time.Tuesday, 17, 0, 19, 0)}
	_, err := scheduling.PlanWeekly(ctx, pairOf(tue, tue, 60, date(2026, 1, 1), date(2026, 2, 1)), scheduling.WeeklyOptions{})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestRescheduleMeeting(t *testing.T) {
	loc := stockholm(t)
	vol := ws{win(time.Tuesday, 17, 0, 19, 0), win(time.Thursday, 17, 0, 21, 0)}
	req := pairOf(vol, ws{win(time.Tuesday, 17, 0, 19, 0), win(time.Thursday, 17, 0, 21, 0)}, 120,
		date(2026, 2, 2), date(2026, 3, 1))
	req.Pairs[0].Preferred = ws{win(time.Tuesday, 17, 0, 19, 0)}
	req.Pairs = append(req.Pairs, scheduling.Pair{ID: "P2", VolunteerID: "V1", ClientID: "C2",
		ClientWindows: ws{win(time.Thursday, 17, 0, 19, 0)}, Minutes: 120, Start: date(2026, 2, 2), End: date(2026, 3, 1)})
	opt := scheduling.WeeklyOptions{}
	plan := planWeekly(t, req, opt)

	tests := []struct {
		name       string
		wantStart  time.Time // zero if no make-up
		wantReason scheduling.Reason
		c          scheduling.MeetingCancellation
	}{
		{"nearest free time after the volunteer's other pair", date(2026, 2, 12).At(19, 0, loc), "",
			scheduling.MeetingCancellation{PairID: "P1", Date: date(2026, 2, 10)}},
		{"window with no free time", time.Time{}, scheduling.ReasonNoFreeSlot,
			scheduling.MeetingCancellation{PairID: "P1", Date: date(2026, 2, 10), From: date(2026, 2, 13), To: date(2026, 2, 16)}},
		{"window outside the pair's span", time.Time{}, scheduling.ReasonHorizon,
			scheduling.MeetingCancellation{PairID: "P1", Date: date(2026, 2, 24), From: date(2026, 3, 2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := scheduling.RescheduleMeeting(req, plan, tt.c, opt)
			require.NoError(t, err)
			assert.Equal(t, scheduling.Cancelled, got.Cancelled.Status)
			assert.Equal(t, tt.c.Date, got.Cancelled.Date)
			assert.Equal(t, tt.wantReason, got.Reason)
			if tt.wantStart.IsZero() {
				assert.Nil(t, got.MakeUp)
				return
			}
			require.NotNil(t, got.MakeUp)
			assert.Equal(t, tt.wantStart, got.MakeUp.Start)
			assert.Equal(t, scheduling.MakeUp, got.MakeUp.Status)
		})
	}
	t.Run("not in the plan", func(t *testing.T) {
		_, err := scheduling.RescheduleMeeting(req, plan, scheduling.MeetingCancellation{PairID: "P1", Date: date(2026, 2, 11)}, opt)
		assert.ErrorIs(t, err, scheduling.ErrNotInPlan)
		_, err = scheduling.RescheduleMeeting(req, plan, scheduling.MeetingCancellation{PairID: "P9", Date: date(2026, 2, 10)}, opt)
		assert.ErrorIs(t, err, scheduling.ErrInvalidInput)
		_, err = scheduling.RescheduleMeeting(req, plan, scheduling.MeetingCancellation{PairID: "P1"}, opt)
		assert.ErrorIs(t, err, scheduling.ErrInvalidInput)
	})
}
