package scheduling_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kontaktlab/kontakt/scheduling"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// A kontaktperson meets a client on Thursdays. In the week of Kristi himmelsfärdsdag (Thursday 14 May 2026) the
// meeting moves to the nearest free time: the latest time that fits on the Wednesday before.
func ExamplePlanWeekly() {
	thursdays := []calendar.Window{{Day: time.Thursday, Start: calendar.NewClock(17, 0), End: calendar.NewClock(20, 0)}}
	req := scheduling.WeeklyRequest{
		Volunteers: []scheduling.Volunteer{{ID: "V-1", Windows: append(thursdays,
			calendar.Window{Day: time.Wednesday, Start: calendar.NewClock(18, 0), End: calendar.NewClock(21, 0)})}},
		Pairs: []scheduling.Pair{{ID: "P-1", VolunteerID: "V-1", ClientID: "C-1", Minutes: 90,
			ClientWindows: []calendar.Window{
				{Day: time.Wednesday, Start: calendar.NewClock(16, 0), End: calendar.NewClock(20, 0)},
				{Day: time.Thursday, Start: calendar.NewClock(17, 0), End: calendar.NewClock(20, 0)}},
			Preferred: thursdays,
			Start:     calendar.NewDate(2026, 5, 4), End: calendar.NewDate(2026, 5, 24)}},
	}
	plan, err := scheduling.PlanWeekly(context.Background(), req, scheduling.WeeklyOptions{Holidays: scheduling.Move})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("slot:", plan.Slots[0].Windows[0])
	for _, m := range plan.Meetings {
		fmt.Println(strings.TrimSpace(fmt.Sprintln(m.Date, m.Start.Format("15:04"), m.Date.ISOWeek(), m.Status, m.Reason)))
	}
	// Output:
	// slot: thursday 17:00-18:30
	// 2026-05-07 17:00 2026-W19 planned
	// 2026-05-13 18:30 2026-W20 moved public_holiday
	// 2026-05-21 17:00 2026-W21 planned
}

// Two families, three agreements: a sibling pair every other weekend around the other parent's weekends, and two
// children once a month in a family with room for one child at a time.
func ExamplePlanWeekends() {
	var otherParent []calendar.Week
	for n := 10; n <= 18; n += 2 {
		otherParent = append(otherParent, calendar.Week{Year: 2026, Number: n})
	}
	req := scheduling.WeekendRequest{
		From: calendar.NewDate(2026, 3, 1), To: calendar.NewDate(2026, 4, 30),
		Families: []scheduling.Family{{ID: "F-1", Capacity: 2}, {ID: "F-2", Capacity: 1}},
		Agreements: []scheduling.Agreement{
			{ID: "A-1", FamilyID: "F-1", Children: []string{"C-1", "C-2"}, Frequency: scheduling.EveryOtherWeekend,
				Blocked: scheduling.Blocked{Weeks: otherParent}},
			{ID: "A-2", FamilyID: "F-2", Children: []string{"C-3"}, Frequency: scheduling.Monthly},
			{ID: "A-3", FamilyID: "F-2", Children: []string{"C-4"}, Frequency: scheduling.Monthly},
		},
	}
	plan, err := scheduling.PlanWeekends(context.Background(), req, scheduling.WeekendOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range plan.Stays {
		fmt.Println(s.FamilyID, s.AgreementID, s.Week, s.From, s.To, s.Halvdygn, "halvdygn")
	}
	for _, a := range plan.Agreements {
		fmt.Printf("%s: %d of %d\n", a.AgreementID, a.Met, a.Required)
	}
	// Output:
	// F-2 A-2 2026-W10 2026-03-06 2026-03-08 5 halvdygn
	// F-1 A-1 2026-W11 2026-03-13 2026-03-15 5 halvdygn
	// F-2 A-3 2026-W11 2026-03-13 2026-03-15 5 halvdygn
	// F-1 A-1 2026-W13 2026-03-27 2026-03-29 5 halvdygn
	// F-2 A-2 2026-W14 2026-04-03 2026-04-05 5 halvdygn
	// F-1 A-1 2026-W15 2026-04-10 2026-04-12 5 halvdygn
	// F-2 A-3 2026-W15 2026-04-10 2026-04-12 5 halvdygn
	// F-1 A-1 2026-W17 2026-04-24 2026-04-26 5 halvdygn
	// A-1: 4 of 4
	// A-2: 2 of 2
	// A-3: 2 of 2
}

// A stay knows which of its days are holidays, so that compensation can price it without recomputing. The
// compensation package takes only the dates: compensation.Stay{From: s.From, To: s.To}.
func ExampleStayDays() {
	for _, d := range scheduling.StayDays(calendar.NewDate(2026, 4, 3), calendar.NewDate(2026, 4, 5), scheduling.HalfOnArrival) {
		var names []string
		for _, h := range d.Holidays {
			names = append(names, h.Name)
		}
		fmt.Println(strings.TrimSpace(fmt.Sprintln(d.Date, d.Halvdygn, d.Saturday, d.Sunday, d.PublicHoliday,
			strings.Join(names, ", "))))
	}
	// Output:
	// 2026-04-03 1 false false true Långfredagen
	// 2026-04-04 2 true false false
	// 2026-04-05 2 false true true Påskdagen
}

// Exporting a weekend plan: one VEVENT per stay, local times with the Europe/Stockholm VTIMEZONE, no IDs.
func ExampleWeekendPlan_WriteICal() {
	req := scheduling.WeekendRequest{
		From: calendar.NewDate(2026, 6, 1), To: calendar.NewDate(2026, 6, 30),
		Families: []scheduling.Family{{ID: "F-1"}},
		Agreements: []scheduling.Agreement{{ID: "A-1", FamilyID: "F-1", Children: []string{"C-1"},
			Frequency: scheduling.Monthly, Blocked: scheduling.Blocked{Weeks: []calendar.Week{
				{Year: 2026, Number: 23}, {Year: 2026, Number: 24}}}}},
	}
	plan, err := scheduling.PlanWeekends(context.Background(), req, scheduling.WeekendOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var b bytes.Buffer
	err = plan.WriteICal(&b, scheduling.ICalOptions{DTStamp: time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, event, _ := strings.Cut(b.String(), "BEGIN:VEVENT\r\n")
	for _, line := range strings.Split(event, "\r\n") {
		if !strings.HasPrefix(line, "UID") && line != "" {
			fmt.Println(line)
		}
	}
	// Output:
	// DTSTAMP:20260501T080000Z
	// DTSTART;TZID=Europe/Stockholm:20260619T170000
	// DTEND;TZID=Europe/Stockholm:20260621T170000
	// SUMMARY:Kontaktfamilj – vistelse
	// DESCRIPTION:5 halvdygn (2\,5 dygn). Helgdagar: Midsommarafton\,
	//   Midsommardagen.
	// STATUS:CONFIRMED
	// END:VEVENT
	// END:VCALENDAR
}

// The family cancels a weekend; the proposal is the nearest weekend with room that neither side has blocked.
func ExampleRescheduleStay() {
	req := scheduling.WeekendRequest{
		From: calendar.NewDate(2026, 9, 1), To: calendar.NewDate(2026, 10, 31),
		Families: []scheduling.Family{{ID: "F-1", Blocked: scheduling.Blocked{Weeks: []calendar.Week{{Year: 2026, Number: 38}}}}},
		Agreements: []scheduling.Agreement{{ID: "A-1", FamilyID: "F-1", Children: []string{"C-1", "C-2"},
			Frequency: scheduling.Monthly}},
	}
	opt := scheduling.WeekendOptions{}
	plan, err := scheduling.PlanWeekends(context.Background(), req, opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := scheduling.RescheduleStay(req, plan, scheduling.StayCancellation{AgreementID: "A-1",
		Week: plan.Stays[0].Week}, opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("cancelled:", p.Cancelled.Week, p.Cancelled.From, p.Cancelled.To)
	fmt.Println("make-up:  ", p.MakeUp.Week, p.MakeUp.From, p.MakeUp.To, p.MakeUp.Kind)
	// Output:
	// cancelled: 2026-W36 2026-09-04 2026-09-06
	// make-up:   2026-W37 2026-09-11 2026-09-13 make_up
}
