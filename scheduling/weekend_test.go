package scheduling_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/scheduling"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

func TestStayDays(t *testing.T) {
	tests := []struct {
		name         string
		wantHalvdygn []int
		wantPublic   []bool
		wantEve      []bool
		from, to     calendar.Date
		half         scheduling.HalfDay
	}{
		{"friday to sunday is 2½ dygn", []int{1, 2, 2}, []bool{false, false, true}, []bool{false, false, false},
			date(2026, 3, 6), date(2026, 3, 8), scheduling.HalfOnArrival},
		{"over midsommar", []int{1, 2, 2}, []bool{false, true, true}, []bool{true, false, false},
			date(2026, 6, 19), date(2026, 6, 21), scheduling.HalfOnArrival},
		{"easter, långfredagen to annandag påsk", []int{1, 2, 2, 2}, []bool{true, false, true, true},
			[]bool{false, false, false, false}, date(2026, 4, 3), date(2026, 4, 6), scheduling.HalfOnArrival},
		{"half on departure", []int{2, 2, 1}, []bool{false, false, true}, []bool{false, false, false},
			date(2026, 3, 6), date(2026, 3, 8), scheduling.HalfOnDeparture},
		{"a day visit", []int{1}, []bool{false}, []bool{false}, date(2026, 3, 4), date(2026, 3, 4), scheduling.HalfOnArrival},
		{"backwards", nil, nil, nil, date(2026, 3, 8), date(2026, 3, 6), scheduling.HalfOnArrival},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			days := scheduling.StayDays(tt.from, tt.to, tt.half)
			var hd []int
			var pub, eve []bool
			for _, d := range days {
				hd, pub, eve = append(hd, d.Halvdygn), append(pub, d.PublicHoliday), append(eve, d.Eve)
				assert.Equal(t, d.Date.Weekday() == time.Saturday, d.Saturday)
				assert.Equal(t, d.Date.Weekday() == time.Sunday, d.Sunday)
			}
			assert.Equal(t, tt.wantHalvdygn, hd)
			assert.Equal(t, tt.wantPublic, pub)
			assert.Equal(t, tt.wantEve, eve)
		})
	}
	days := scheduling.StayDays(date(2026, 6, 19), date(2026, 6, 21), scheduling.HalfOnArrival)
	assert.Equal(t, "Midsommarafton", days[0].Holidays[0].Name)
	assert.Equal(t, "Midsommardagen", days[1].Holidays[0].Name)
	assert.Empty(t, days[2].Holidays, "an ordinary Sunday is a helgdag without a name")
}

func planWeekends(t *testing.T, req scheduling.WeekendRequest, opt scheduling.WeekendOptions) *scheduling.WeekendPlan {
	t.Helper()
	plan, err := scheduling.PlanWeekends(context.Background(), req, opt)
	require.NoError(t, err)
	return plan
}

func agreement(id, family string, f scheduling.Frequency, children ...string) scheduling.Agreement {
	return scheduling.Agreement{ID: id, FamilyID: family, Children: children, Frequency: f}
}

func weeksOf(ss []scheduling.Stay) []calendar.Week {
	var out []calendar.Week
	for _, s := range ss {
		out = append(out, s.Week)
	}
	return out
}

func TestPlanWeekendsEvenSpread(t *testing.T) {
	tests := []struct {
		name  string
		want  []calendar.Week
		freq  scheduling.Frequency
		child scheduling.Blocked
	}{
		{"monthly on the first weekend", []calendar.Week{week(2026, 1), week(2026, 6), week(2026, 10), week(2026, 14),
			week(2026, 18), week(2026, 23)}, scheduling.Monthly, scheduling.Blocked{}},
		{"twice a month on the 1st and 3rd weekends", []calendar.Week{week(2026, 1), week(2026, 3), week(2026, 6),
			week(2026, 8), week(2026, 10), week(2026, 12), week(2026, 14), week(2026, 16), week(2026, 18), week(2026, 20),
			week(2026, 23), week(2026, 25)}, scheduling.TwiceMonthly, scheduling.Blocked{}},
		{"every other weekend", []calendar.Week{week(2026, 1), week(2026, 3), week(2026, 5), week(2026, 7), week(2026, 9),
			week(2026, 11), week(2026, 13)}, scheduling.EveryOtherWeekend, scheduling.Blocked{}},
		{"every other weekend around the other parent's odd weeks", []calendar.Week{week(2026, 2), week(2026, 4),
			week(2026, 6), week(2026, 8), week(2026, 10), week(2026, 12), week(2026, 14)}, scheduling.EveryOtherWeekend,
			scheduling.Blocked{Weeks: []calendar.Week{week(2026, 1), week(2026, 3), week(2026, 5), week(2026, 7),
				week(2026, 9), week(2026, 11), week(2026, 13)}}},
		{"every third weekend", []calendar.Week{week(2026, 1), week(2026, 4), week(2026, 7), week(2026, 10),
			week(2026, 13)}, scheduling.EveryThirdWeekend, scheduling.Blocked{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := agreement("A1", "F1", tt.freq, "C1")
			a.Blocked = tt.child
			to := date(2026, 6, 30)
			if tt.freq == scheduling.EveryOtherWeekend || tt.freq == scheduling.EveryThirdWeekend {
				to = date(2026, 4, 5) // 14 weekends
			}
			plan := planWeekends(t, scheduling.WeekendRequest{From: date(2026, 1, 1), To: to,
				Families: []scheduling.Family{{ID: "F1"}}, Agreements: []scheduling.Agreement{a}}, scheduling.WeekendOptions{})
			assert.Equal(t, tt.want, weeksOf(plan.Stays))
			assert.Empty(t, plan.Shortfalls)
			require.Len(t, plan.Agreements, 1)
			assert.Equal(t, len(tt.want), plan.Agreements[0].Required)
			assert.Equal(t, len(tt.want), plan.Agreements[0].Met)
			assert.Zero(t, plan.Agreements[0].WeeksOff)
		})
	}
}

func TestPlanWeekendsCapacityAndSiblings(t *testing.T) {
	req := scheduling.WeekendRequest{From: date(2026, 1, 1), To: date(2026, 6, 30),
		Families: []scheduling.Family{{ID: "F1", Capacity: 2}},
		Agreements: []scheduling.Agreement{
			agreement("A1", "F1", scheduling.Monthly, "C1", "C2"),
			agreement("A2", "F1", scheduling.EveryOtherWeekend, "C3"),
			agreement("A3", "F1", scheduling.Monthly, "C4"),
		}}
	plan := planWeekends(t, req, scheduling.WeekendOptions{})
	assert.Empty(t, plan.Shortfalls)
	perWeek := map[calendar.Week]int{}
	for _, s := range plan.Stays {
		perWeek[s.Week] += len(s.Children)
		if s.AgreementID == "A1" {
			assert.Equal(t, []string{"C1", "C2"}, s.Children, "siblings stay together")
		}
	}
	for w, n := range perWeek {
		assert.LessOrEqual(t, n, 2, "capacity in %s", w)
	}
	for i, want := range []scheduling.AgreementResult{
		{AgreementID: "A1", FamilyID: "F1", Required: 6, Met: 6},
		{AgreementID: "A2", FamilyID: "F1", Required: 13, Met: 13},
		{AgreementID: "A3", FamilyID: "F1", Required: 6, Met: 6},
	} {
		want.WeeksOff = plan.Agreements[i].WeeksOff // no plan puts every stay on its ideal weekend here
		assert.Equal(t, want, plan.Agreements[i])
	}
	assert.Equal(t, plan.Agreements, planWeekends(t, req, scheduling.WeekendOptions{}).Agreements, "deterministic")
}

func TestPlanWeekendsBookingsAndExtraStays(t *testing.T) {
	a := agreement("A1", "F1", scheduling.Monthly, "C1")
	a.Booked = []calendar.Week{week(2026, 3)}
	a.Extra = []scheduling.DateRange{{From: date(2026, 2, 16), To: date(2026, 2, 20)}}
	plan := planWeekends(t, scheduling.WeekendRequest{From: date(2026, 1, 1), To: date(2026, 3, 31),
		Families: []scheduling.Family{{ID: "F1", Capacity: 1}}, Agreements: []scheduling.Agreement{a}},
		scheduling.WeekendOptions{})
	var kinds []scheduling.StayKind
	for _, s := range plan.Stays {
		kinds = append(kinds, s.Kind)
	}
	assert.Equal(t, []calendar.Week{week(2026, 3), week(2026, 6), {}, week(2026, 10)}, weeksOf(plan.Stays))
	assert.Equal(t, []scheduling.StayKind{scheduling.StayBooked, scheduling.StayPlanned, scheduling.StayExtra,
		scheduling.StayPlanned}, kinds)
	assert.Equal(t, 9, plan.Stays[2].Halvdygn, "a sportlov week Monday to Friday is 4½ dygn")
	assert.Equal(t, scheduling.AgreementResult{AgreementID: "A1", FamilyID: "F1", Required: 3, Met: 3},
		plan.Agreements[0], "the booking meets January's stay")
}

func TestPlanWeekendsShortfalls(t *testing.T) {
	feb := []calendar.Week{week(2026, 6), week(2026, 7), week(2026, 8), week(2026, 9)}
	tests := []struct {
		name    string
		want    []scheduling.Shortfall
		child   scheduling.Blocked
		family  scheduling.Blocked
		kids    []string
		cap     int
		start   calendar.Date
		horizon calendar.Date
	}{
		{"the other parent has every February weekend", []scheduling.Shortfall{{From: date(2026, 2, 6),
			To: date(2026, 3, 1), Reason: scheduling.ReasonChildBlocked}}, scheduling.Blocked{Weeks: feb},
			scheduling.Blocked{}, []string{"C1"}, 1, calendar.Date{}, date(2026, 1, 1)},
		{"the family is away in February", []scheduling.Shortfall{{From: date(2026, 2, 6), To: date(2026, 3, 1),
			Reason: scheduling.ReasonFamilyBlocked}}, scheduling.Blocked{},
			scheduling.Blocked{Dates: []scheduling.DateRange{{From: date(2026, 2, 1), To: date(2026, 3, 1)}}},
			[]string{"C1"}, 1, calendar.Date{}, date(2026, 1, 1)},
		{"both sides together block February", []scheduling.Shortfall{{From: date(2026, 2, 6), To: date(2026, 3, 1),
			Reason: scheduling.ReasonBlocked}}, scheduling.Blocked{Weeks: feb[:2]}, scheduling.Blocked{Weeks: feb[2:]},
			[]string{"C1"}, 1, calendar.Date{}, date(2026, 1, 1)},
		{"three siblings in a family with room for two", []scheduling.Shortfall{
			{From: date(2026, 1, 2), To: date(2026, 2, 1), Reason: scheduling.ReasonCapacity},
			{From: date(2026, 2, 6), To: date(2026, 3, 1), Reason: scheduling.ReasonCapacity},
			{From: date(2026, 3, 6), To: date(2026, 3, 29), Reason: scheduling.ReasonCapacity}},
			scheduling.Blocked{}, scheduling.Blocked{}, []string{"C1", "C2", "C3"}, 2, calendar.Date{}, date(2026, 1, 1)},
		{"a month cut short by the agreement's start", []scheduling.Shortfall{{From: date(2026, 1, 30),
			To: date(2026, 2, 1), Reason: scheduling.ReasonHorizon}}, scheduling.Blocked{Weeks: []calendar.Week{week(2026, 5)}},
			scheduling.Blocked{}, []string{"C1"}, 1, date(2026, 1, 26), date(2026, 1, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := agreement("A1", "F1", scheduling.Monthly, tt.kids...)
			a.Blocked, a.Start = tt.child, tt.start
			plan := planWeekends(t, scheduling.WeekendRequest{From: tt.horizon, To: date(2026, 3, 31),
				Families:   []scheduling.Family{{ID: "F1", Capacity: tt.cap, Blocked: tt.family}},
				Agreements: []scheduling.Agreement{a}}, scheduling.WeekendOptions{})
			for i := range tt.want {
				tt.want[i].AgreementID, tt.want[i].FamilyID = "A1", "F1"
			}
			assert.Equal(t, tt.want, plan.Shortfalls)
			assert.Equal(t, 3, plan.Agreements[0].Required)
			assert.Equal(t, 3-len(tt.want), plan.Agreements[0].Met)
		})
	}
}

func TestPlanWeekendsOptions(t *testing.T) {
	loc := stockholm(t)
	plan := planWeekends(t, scheduling.WeekendRequest{From: date(2026, 3, 1), To: date(2026, 3, 31),
		Families: []scheduling.Family{{ID: "F1"}}, Agreements: []scheduling.Agreement{
			agreement("A1", "F1", scheduling.Monthly, "C1")}},
		scheduling.WeekendOptions{ArriveEarlier: 1, LeaveLater: 1, ArriveAt: clock(18, 30), LeaveAt: clock(8, 0),
			Half: scheduling.HalfOnDeparture})
	require.Len(t, plan.Stays, 1)
	s := plan.Stays[0]
	assert.Equal(t, date(2026, 3, 5), s.From, "Thursday")
	assert.Equal(t, date(2026, 3, 9), s.To, "Monday")
	assert.Equal(t, date(2026, 3, 5).At(18, 30, loc), s.Start)
	assert.Equal(t, date(2026, 3, 9).At(8, 0, loc), s.End)
	assert.Equal(t, 9, s.Halvdygn)
	assert.Equal(t, 1, s.Days[4].Halvdygn)
	assert.InDelta(t, 4.5, s.Dygn(), 0)
}

func TestPlanWeekendsValidation(t *testing.T) {
	req := scheduling.WeekendRequest{From: date(2026, 1, 1), To: date(2026, 3, 31),
		Families: []scheduling.Family{{ID: "F1", Capacity: 1}, {ID: "F1", Capacity: -1}},
		Agreements: []scheduling.Agreement{
			{ID: "A1", FamilyID: "F9", Children: []string{"C1", "C1"}, Frequency: "weekly"},
			{ID: "A2", FamilyID: "F1", Children: []string{"C1"}, Frequency: scheduling.Monthly},
			{ID: "A3", FamilyID: "F1", Children: []string{"C3", "C4"}, Frequency: scheduling.Monthly,
				Booked: []calendar.Week{week(2026, 30)}},
		}}
	_, err := scheduling.PlanWeekends(context.Background(), req, scheduling.WeekendOptions{ArriveEarlier: 5})
	require.Error(t, err)
	assert.ErrorIs(t, err, scheduling.ErrInvalidInput)
	var got []string
	for _, e := range flatten(err) {
		var f *scheduling.FieldError
		require.ErrorAs(t, e, &f)
		got = append(got, f.Record+" "+f.ID+" "+f.Field)
	}
	assert.ElementsMatch(t, []string{
		"options  arrive_earlier", "family F1 id", "family F1 capacity",
		"agreement A1 family_id", "agreement A1 frequency", "agreement A1 children[1]",
		"agreement A2 children[0]",
	}, got)

	// What depends on the horizon and capacity is checked once the request itself is valid.
	req.Families, req.Agreements = req.Families[:1], req.Agreements[2:]
	_, err = scheduling.PlanWeekends(context.Background(), req, scheduling.WeekendOptions{})
	var fe *scheduling.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "booked[0]", fe.Field)
}

func TestRescheduleStay(t *testing.T) {
	req := scheduling.WeekendRequest{From: date(2026, 1, 1), To: date(2026, 3, 31),
		Families: []scheduling.Family{{ID: "F1", Capacity: 1, Blocked: scheduling.Blocked{Weeks: []calendar.Week{week(2026, 7)}}}},
		Agreements: []scheduling.Agreement{
			agreement("A1", "F1", scheduling.Monthly, "C1"),
			agreement("A2", "F1", scheduling.Monthly, "C2"),
		}}
	opt := scheduling.WeekendOptions{}
	plan := planWeekends(t, req, opt)
	// A2 takes the 3rd weekend of each month, because the 2nd of February is blocked.
	require.Equal(t, []calendar.Week{week(2026, 1), week(2026, 3), week(2026, 6), week(2026, 8),
		week(2026, 10), week(2026, 12)}, weeksOf(plan.Stays))
	tests := []struct {
		name       string
		want       calendar.Week // zero if none
		wantReason scheduling.Reason
		c          scheduling.StayCancellation
	}{
		{"next free weekend", week(2026, 2), "", scheduling.StayCancellation{AgreementID: "A1", Week: week(2026, 1)}},
		{"skips the blocked and the full weekends", week(2026, 9), "",
			scheduling.StayCancellation{AgreementID: "A1", Week: week(2026, 6), From: date(2026, 2, 9)}},
		{"nothing free in a short window", calendar.Week{}, scheduling.ReasonCapacity,
			scheduling.StayCancellation{AgreementID: "A1", Week: week(2026, 10), From: date(2026, 3, 16), To: date(2026, 3, 22)}},
		{"only a blocked weekend in the window", calendar.Week{}, scheduling.ReasonFamilyBlocked,
			scheduling.StayCancellation{AgreementID: "A1", Week: week(2026, 6), From: date(2026, 2, 13), To: date(2026, 2, 15)}},
		{"window after the horizon", calendar.Week{}, scheduling.ReasonHorizon,
			scheduling.StayCancellation{AgreementID: "A1", Week: week(2026, 10), From: date(2026, 4, 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := scheduling.RescheduleStay(req, plan, tt.c, opt)
			require.NoError(t, err)
			assert.Equal(t, tt.c.Week, got.Cancelled.Week)
			assert.Equal(t, tt.wantReason, got.Reason)
			if tt.want == (calendar.Week{}) {
				assert.Nil(t, got.MakeUp)
				return
			}
			require.NotNil(t, got.MakeUp)
			assert.Equal(t, tt.want, got.MakeUp.Week)
			assert.Equal(t, scheduling.StayMakeUp, got.MakeUp.Kind)
			assert.Equal(t, 5, got.MakeUp.Halvdygn)
		})
	}
	t.Run("errors", func(t *testing.T) {
		_, err := scheduling.RescheduleStay(req, plan, scheduling.StayCancellation{AgreementID: "A1", Week: week(2026, 3)}, opt)
		assert.ErrorIs(t, err, scheduling.ErrNotInPlan)
		_, err = scheduling.RescheduleStay(req, plan, scheduling.StayCancellation{AgreementID: "A9", Week: week(2026, 2)}, opt)
		assert.ErrorIs(t, err, scheduling.ErrInvalidInput)
		_, err = scheduling.RescheduleStay(req, plan, scheduling.StayCancellation{AgreementID: "A1"}, opt)
		assert.ErrorIs(t, err, scheduling.ErrInvalidInput)
	})
}
