package scheduling_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/kontaktlab/kontakt/scheduling"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// weekendBenchRequest is a year of 500 families and 800 children: 80 sibling pairs, 20 sibling triples and 580
// single children in 680 agreements, with the other parent's weekends and some family weeks blocked.
func weekendBenchRequest() scheduling.WeekendRequest {
	r := rand.New(rand.NewPCG(1, 2))
	freqs := []scheduling.Frequency{scheduling.Monthly, scheduling.TwiceMonthly, scheduling.EveryOtherWeekend,
		scheduling.EveryThirdWeekend}
	req := scheduling.WeekendRequest{From: date(2026, 1, 1), To: date(2026, 12, 31)}
	for f := range 500 {
		fam := scheduling.Family{ID: fmt.Sprintf("F%03d", f), Capacity: 1 + r.IntN(3)}
		for range r.IntN(4) {
			fam.Blocked.Weeks = append(fam.Blocked.Weeks, week(2026, 1+r.IntN(52)))
		}
		req.Families = append(req.Families, fam)
	}
	child := 0
	for a := range 680 {
		size := 1
		if a < 80 {
			size = 2
		} else if a < 100 {
			size = 3
		}
		ag := scheduling.Agreement{ID: fmt.Sprintf("A%03d", a), FamilyID: req.Families[a%500].ID,
			Frequency: freqs[r.IntN(len(freqs))]}
		if req.Families[a%500].Capacity < size {
			req.Families[a%500].Capacity = size
		}
		for range size {
			ag.Children = append(ag.Children, fmt.Sprintf("C%03d", child))
			child++
		}
		if r.IntN(2) == 0 { // the other parent's weekends: every other week
			for w := 1 + r.IntN(2); w <= 53; w += 2 {
				ag.Blocked.Weeks = append(ag.Blocked.Weeks, week(2026, w))
			}
		}
		req.Agreements = append(req.Agreements, ag)
	}
	return req
}

// weeklyBenchRequest is a year of 3,000 kontaktperson pairs with 2,000 volunteers (a third with two or more pairs).
func weeklyBenchRequest() scheduling.WeeklyRequest {
	r := rand.New(rand.NewPCG(3, 4))
	days := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
	window := func() calendar.Window {
		a := 15 + r.IntN(4)
		return calendar.Window{Day: days[r.IntN(len(days))], Start: clock(a, 0), End: clock(a+2+r.IntN(4), 0)}
	}
	var req scheduling.WeeklyRequest
	for v := range 2000 {
		req.Volunteers = append(req.Volunteers, scheduling.Volunteer{ID: fmt.Sprintf("V%04d", v),
			Windows: []calendar.Window{window(), window(), window()}})
	}
	for p := range 3000 {
		pair := scheduling.Pair{ID: fmt.Sprintf("P%04d", p), VolunteerID: req.Volunteers[r.IntN(2000)].ID,
			ClientID: fmt.Sprintf("C%04d", p), ClientWindows: []calendar.Window{window(), window(), window()},
			Minutes: 60 * (1 + r.IntN(3)), PerWeek: 1 + r.IntN(4)/3, Start: date(2026, 1, 1), End: date(2026, 12, 31)}
		req.Pairs = append(req.Pairs, pair)
	}
	return req
}

func BenchmarkPlanWeekends500Families800Children(b *testing.B) {
	req := weekendBenchRequest()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scheduling.PlanWeekends(context.Background(), req, scheduling.WeekendOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlanWeekly3000Pairs(b *testing.B) {
	req := weeklyBenchRequest()
	opt := scheduling.WeeklyOptions{Holidays: scheduling.Move, Pause: scheduling.Pause{FromWeek: 28, ToWeek: 31}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scheduling.PlanWeekly(context.Background(), req, opt); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteICalWeekends(b *testing.B) {
	plan, err := scheduling.PlanWeekends(context.Background(), weekendBenchRequest(), scheduling.WeekendOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := plan.WriteICal(io.Discard, scheduling.ICalOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBenchFixtures checks that the benchmark inputs are valid and plan to something sensible.
func TestBenchFixtures(t *testing.T) {
	if testing.Short() {
		t.Skip("plans a year for 500 families")
	}
	plan, err := scheduling.PlanWeekends(context.Background(), weekendBenchRequest(), scheduling.WeekendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	met, required := 0, 0
	for _, a := range plan.Agreements {
		met, required = met+a.Met, required+a.Required
	}
	t.Logf("weekends: %d stays, %d of %d windows met, %d shortfalls", len(plan.Stays), met, required, len(plan.Shortfalls))
	if met < required*3/4 {
		t.Errorf("only %d of %d windows met", met, required)
	}
}
