package scheduling_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/kontaktlab/kontakt/scheduling"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// oracleWeekend is one weekend of the brute-force oracle.
type oracleWeekend struct {
	week     calendar.Week
	from, to calendar.Date
}

// oracleWindows cuts the weekends into the windows of frequency f, independently of the package: a month,
// half a month (the first two weekends, or one if the month has two) or a block of 2 or 3 weekends.
func oracleWindows(ws []oracleWeekend, f scheduling.Frequency) [][]int {
	var out [][]int
	switch f {
	case scheduling.Monthly, scheduling.TwiceMonthly:
		for i := 0; i < len(ws); {
			j := i
			for j+1 < len(ws) && ws[j+1].from.Month() == ws[i].from.Month() {
				j++
			}
			var g []int
			for k := i; k <= j; k++ {
				g = append(g, k)
			}
			if f == scheduling.TwiceMonthly && len(g) > 1 {
				k := min(2, len(g)-1)
				out = append(out, g[:k], g[k:])
			} else {
				out = append(out, g)
			}
			i = j + 1
		}
	default:
		size := 2
		if f == scheduling.EveryThirdWeekend {
			size = 3
		}
		for i := 0; i < len(ws); i += size {
			var g []int
			for k := i; k < min(i+size, len(ws)); k++ {
				g = append(g, k)
			}
			out = append(out, g)
		}
	}
	return out
}

func phasesOf(f scheduling.Frequency) int {
	switch f {
	case scheduling.Monthly:
		return 4
	case scheduling.EveryThirdWeekend:
		return 3
	}
	return 2
}

// bruteForce returns, for one family, the fewest unmet windows and then the least sum of squared distances from
// the ideal weekends (each agreement taking its best phase), by trying every placement.
func bruteForce(ws []oracleWeekend, fam scheduling.Family, agrs []scheduling.Agreement) (missed int, cost int64, required map[string]int) {
	capacity := fam.Capacity
	if capacity == 0 {
		for _, a := range agrs {
			capacity = max(capacity, len(a.Children))
		}
	}
	left := make([]int, len(ws))
	for i := range left {
		left[i] = capacity
	}
	type row struct {
		a   int
		win []int
	}
	var rows []row
	required = map[string]int{}
	for ai, a := range agrs {
		for _, wk := range a.Booked {
			for i, w := range ws {
				if w.week == wk {
					left[i] -= len(a.Children)
				}
			}
		}
		wins := oracleWindows(ws, a.Frequency)
		required[a.ID] = len(wins)
		for _, win := range wins {
			filled := slices.ContainsFunc(win, func(i int) bool { return slices.Contains(a.Booked, ws[i].week) })
			if !filled {
				rows = append(rows, row{ai, win})
			}
		}
	}
	free := func(a scheduling.Agreement, i int) bool {
		return !slices.Contains(a.Blocked.Weeks, ws[i].week) && !slices.Contains(fam.Blocked.Weeks, ws[i].week) &&
			!slices.Contains(a.Booked, ws[i].week)
	}
	chosen := make([]int, len(rows))
	missed, cost = len(rows)+1, 0
	var dfs func(r, miss int)
	dfs = func(r, miss int) {
		if miss > missed {
			return
		}
		if r == len(rows) {
			var c int64
			for ai, a := range agrs {
				best := int64(-1)
				for p := range phasesOf(a.Frequency) {
					var s int64
					for k, rw := range rows {
						if rw.a == ai && chosen[k] >= 0 {
							d := int64(chosen[k] - rw.win[min(p, len(rw.win)-1)])
							s += d * d
						}
					}
					if best < 0 || s < best {
						best = s
					}
				}
				c += best
			}
			if miss < missed || c < cost {
				missed, cost = miss, c
			}
			return
		}
		a := agrs[rows[r].a]
		for _, i := range rows[r].win {
			if free(a, i) && left[i] >= len(a.Children) {
				left[i] -= len(a.Children)
				chosen[r] = i
				dfs(r+1, miss)
				left[i] += len(a.Children)
			}
		}
		chosen[r] = -1
		dfs(r+1, miss+1)
	}
	dfs(0, 0)
	return missed, cost, required
}

// TestPlanWeekendsExactAgainstBruteForce checks, on small random instances, that PlanWeekends meets as many
// windows as any plan can and then has the least total squared distance from the ideal weekends, and that every
// plan keeps the rules: capacity, blocked weekends, bookings, siblings, one stay per agreement and weekend.
func TestPlanWeekendsExactAgainstBruteForce(t *testing.T) {
	freqs := []scheduling.Frequency{scheduling.Monthly, scheduling.TwiceMonthly, scheduling.EveryOtherWeekend,
		scheduling.EveryThirdWeekend}
	rapid.Check(t, func(t *rapid.T) {
		from := date(2026, 1, 1).AddDays(rapid.IntRange(0, 330).Draw(t, "start"))
		to := from.AddDays(rapid.IntRange(20, 48).Draw(t, "days"))
		var ws []oracleWeekend
		for wk := from.ISOWeek(); !wk.Monday().After(to); wk = wk.AddWeeks(1) {
			w := oracleWeekend{wk, wk.Day(time.Friday), wk.Day(time.Sunday)}
			if !w.from.Before(from) && !w.to.After(to) {
				ws = append(ws, w)
			}
		}
		pick := func(label string) []calendar.Week {
			var out []calendar.Week
			for i, w := range ws {
				if rapid.IntRange(0, 3).Draw(t, fmt.Sprintf("%s%d", label, i)) == 0 {
					out = append(out, w.week)
				}
			}
			return out
		}
		req := scheduling.WeekendRequest{From: from, To: to}
		child := 0
		for f := range rapid.IntRange(1, 2).Draw(t, "families") {
			fam := scheduling.Family{ID: fmt.Sprintf("F%d", f), Capacity: rapid.IntRange(0, 4).Draw(t, "capacity"),
				Blocked: scheduling.Blocked{Weeks: pick("fb")}}
			req.Families = append(req.Families, fam)
			for a := range rapid.IntRange(1, 3).Draw(t, "agreements") {
				ag := scheduling.Agreement{ID: fmt.Sprintf("A%d%d", f, a), FamilyID: fam.ID,
					Frequency: rapid.SampledFrom(freqs).Draw(t, "frequency"), Blocked: scheduling.Blocked{Weeks: pick("cb")}}
				for range rapid.IntRange(1, 3).Draw(t, "siblings") {
					child++
					ag.Children = append(ag.Children, fmt.Sprintf("C%d", child))
				}
				if len(ws) > 0 && rapid.IntRange(0, 3).Draw(t, "booked") == 0 {
					ag.Booked = []calendar.Week{rapid.SampledFrom(ws).Draw(t, "booking").week}
				}
				req.Agreements = append(req.Agreements, ag)
			}
		}
		plan, err := scheduling.PlanWeekends(context.Background(), req, scheduling.WeekendOptions{})
		if errors.Is(err, scheduling.ErrInvalidInput) {
			t.Skip("bookings over capacity")
		}
		if err != nil {
			t.Fatal(err)
		}
		checkWeekendRules(t, req, plan)
		for _, fam := range req.Families {
			var agrs []scheduling.Agreement
			for _, a := range req.Agreements {
				if a.FamilyID == fam.ID {
					agrs = append(agrs, a)
				}
			}
			wantMissed, wantCost, required := bruteForce(ws, fam, agrs)
			missed, cost := 0, int64(0)
			for _, r := range plan.Agreements {
				if r.FamilyID == fam.ID {
					missed += r.Required - r.Met
					if r.Required != required[r.AgreementID] {
						t.Fatalf("agreement %s: required %d stays, the oracle %d", r.AgreementID, r.Required, required[r.AgreementID])
					}
				}
			}
			for _, s := range plan.Family(fam.ID) {
				cost += int64(s.Deviation * s.Deviation)
			}
			if missed != wantMissed || cost != wantCost {
				t.Fatalf("family %s: unmet %d, cost %d; brute force: unmet %d, cost %d", fam.ID, missed, cost, wantMissed, wantCost)
			}
			if missed != len(slices.DeleteFunc(slices.Clone(plan.Shortfalls), func(s scheduling.Shortfall) bool {
				return s.FamilyID != fam.ID
			})) {
				t.Fatalf("family %s: every unmet window must be a shortfall", fam.ID)
			}
		}
	})
}

// checkWeekendRules checks the rules every weekend plan keeps.
func checkWeekendRules(t *rapid.T, req scheduling.WeekendRequest, plan *scheduling.WeekendPlan) {
	fams := map[string]scheduling.Family{}
	for _, f := range req.Families {
		fams[f.ID] = f
	}
	agrs := map[string]scheduling.Agreement{}
	capacity := map[string]int{}
	for _, a := range req.Agreements {
		agrs[a.ID] = a
		c := fams[a.FamilyID].Capacity
		if c == 0 {
			c = max(capacity[a.FamilyID], len(a.Children))
		}
		capacity[a.FamilyID] = c
	}
	used := map[string]map[calendar.Date]int{}
	seen := map[string]bool{}
	for _, s := range plan.Stays {
		a := agrs[s.AgreementID]
		if !slices.Equal(a.Children, s.Children) {
			t.Fatalf("stay %s %s: children %v, want the whole group %v", s.AgreementID, s.Week, s.Children, a.Children)
		}
		key := s.AgreementID + s.Week.String()
		if seen[key] {
			t.Fatalf("agreement %s has two stays in %s", s.AgreementID, s.Week)
		}
		seen[key] = true
		if s.Kind == scheduling.StayPlanned &&
			(slices.Contains(a.Blocked.Weeks, s.Week) || slices.Contains(fams[a.FamilyID].Blocked.Weeks, s.Week)) {
			t.Fatalf("agreement %s planned on blocked weekend %s", s.AgreementID, s.Week)
		}
		if used[s.FamilyID] == nil {
			used[s.FamilyID] = map[calendar.Date]int{}
		}
		for d := s.From; !d.After(s.To); d = d.AddDays(1) {
			used[s.FamilyID][d] += len(s.Children)
			if n := used[s.FamilyID][d]; n > capacity[s.FamilyID] {
				t.Fatalf("family %s hosts %d children on %s, capacity %d", s.FamilyID, n, d, capacity[s.FamilyID])
			}
		}
	}
	for _, a := range req.Agreements {
		for _, wk := range a.Booked {
			if !slices.ContainsFunc(plan.Stays, func(s scheduling.Stay) bool {
				return s.AgreementID == a.ID && s.Week == wk && s.Kind == scheduling.StayBooked
			}) {
				t.Fatalf("booking %s of %s was not kept", wk, a.ID)
			}
		}
	}
}

// TestPlanWeeklyProperties checks on random requests that no volunteer or client is ever in two held meetings
// at once, that held meetings lie in both parties' weeks, outside Busy and absences and within the pair's span,
// that every due meeting is reported, and that the search places as many pairs as brute force can.
func TestPlanWeeklyProperties(t *testing.T) {
	days := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	rapid.Check(t, func(t *rapid.T) {
		window := func(label string) calendar.Window {
			d := rapid.SampledFrom(days).Draw(t, label+"day")
			a := rapid.IntRange(16, 19).Draw(t, label+"start")
			return calendar.Window{Day: d, Start: clock(a, 0), End: clock(a+rapid.IntRange(1, 3).Draw(t, label+"len"), 0)}
		}
		start := date(2026, 1, 1).AddDays(rapid.IntRange(0, 340).Draw(t, "start"))
		var req scheduling.WeeklyRequest
		for v := range rapid.IntRange(1, 2).Draw(t, "volunteers") {
			vol := scheduling.Volunteer{ID: fmt.Sprintf("V%d", v), Windows: []calendar.Window{window("v"), window("v")}}
			if rapid.Bool().Draw(t, "away") {
				a := start.AddDays(rapid.IntRange(0, 20).Draw(t, "awayfrom"))
				vol.Away = []scheduling.DateRange{{From: a, To: a.AddDays(rapid.IntRange(0, 6).Draw(t, "awaylen"))}}
			}
			req.Volunteers = append(req.Volunteers, vol)
		}
		for p := range rapid.IntRange(1, 4).Draw(t, "pairs") {
			req.Pairs = append(req.Pairs, scheduling.Pair{ID: fmt.Sprintf("P%d", p),
				VolunteerID:   rapid.SampledFrom(req.Volunteers).Draw(t, "vol").ID,
				ClientID:      fmt.Sprintf("C%d", rapid.IntRange(0, 2).Draw(t, "client")),
				ClientWindows: []calendar.Window{window("c"), window("c")}, Minutes: 60 * rapid.IntRange(1, 2).Draw(t, "hours"),
				PerWeek: 1, Start: start, End: start.AddDays(rapid.IntRange(6, 34).Draw(t, "span"))})
		}
		opt := scheduling.WeeklyOptions{Holidays: scheduling.Policy(rapid.IntRange(0, 2).Draw(t, "holidays")),
			Away: scheduling.Policy(rapid.IntRange(0, 1).Draw(t, "awaypolicy")), EvesLikeHolidays: rapid.Bool().Draw(t, "eves")}
		plan, err := scheduling.PlanWeekly(context.Background(), req, opt)
		if err != nil {
			t.Fatal(err)
		}
		vols := map[string]scheduling.Volunteer{}
		for _, v := range req.Volunteers {
			vols[v.ID] = v
		}
		pairs := map[string]scheduling.Pair{}
		for _, p := range req.Pairs {
			pairs[p.ID] = p
		}
		var held []scheduling.Meeting
		for _, m := range plan.Meetings {
			if !m.Status.Held() {
				continue
			}
			p, v := pairs[m.PairID], vols[pairs[m.PairID].VolunteerID]
			if m.Date.Before(p.Start) || m.Date.After(p.End) {
				t.Fatalf("meeting of %s on %s outside its span", m.PairID, m.Date)
			}
			for _, r := range append(slices.Clone(v.Away), p.ClientAway...) {
				if r.Contains(m.Date) {
					t.Fatalf("meeting of %s on %s while away", m.PairID, m.Date)
				}
			}
			for c := clock(m.Start.Hour(), m.Start.Minute()); c < clock(m.End.Hour(), m.End.Minute()); c += 15 {
				avail := calendar.MaskOf(v.Windows...).And(calendar.MaskOf(p.ClientWindows...))
				if !avail.Has(m.Date.Weekday(), c) {
					t.Fatalf("meeting of %s on %s at %s outside the common windows", m.PairID, m.Date, c)
				}
			}
			for _, o := range held {
				if (o.VolunteerID == m.VolunteerID || o.ClientID == m.ClientID) && o.Start.Before(m.End) && m.Start.Before(o.End) {
					t.Fatalf("double booking: %s and %s on %s", o.PairID, m.PairID, m.Date)
				}
			}
			held = append(held, m)
		}
		for _, s := range plan.Slots {
			p := pairs[s.PairID]
			due := 0
			for d := p.Start; !d.After(p.End); d = d.AddDays(1) {
				for _, w := range s.Windows {
					if d.Weekday() == w.Day {
						due++
					}
				}
			}
			if got := len(plan.Pair(s.PairID)); got != due {
				t.Fatalf("pair %s: %d meetings reported, %d due", s.PairID, got, due)
			}
		}
		if want := len(req.Pairs) - maxPlaced(req); len(plan.Issues) != want {
			t.Fatalf("%d pairs without a slot, brute force leaves %d", len(plan.Issues), want)
		}
	})
}

// maxPlaced returns the most pairs that can get a weekly slot at once, by trying every start of every pair.
func maxPlaced(req scheduling.WeeklyRequest) int {
	vols := map[string]scheduling.Volunteer{}
	for _, v := range req.Volunteers {
		vols[v.ID] = v
	}
	type slot struct {
		day  time.Weekday
		a, b calendar.Clock
	}
	opts := make([][]slot, len(req.Pairs))
	for i, p := range req.Pairs {
		v := vols[p.VolunteerID]
		m := calendar.MaskOf(v.Windows...).And(calendar.MaskOf(p.ClientWindows...)).AndNot(calendar.MaskOf(v.Busy...))
		for d := time.Sunday; d <= time.Saturday; d++ {
			for a := calendar.Clock(0); int(a)+p.Minutes <= calendar.MinutesPerDay; a += 15 {
				ok := true
				for c := a; c < a+calendar.Clock(p.Minutes); c += 15 {
					ok = ok && m.Has(d, c)
				}
				if ok {
					opts[i] = append(opts[i], slot{d, a, a + calendar.Clock(p.Minutes)})
				}
			}
		}
	}
	chosen := make([]int, len(req.Pairs))
	best := 0
	var dfs func(i, placed int)
	dfs = func(i, placed int) {
		if placed+len(req.Pairs)-i <= best {
			return
		}
		if i == len(req.Pairs) {
			best = placed
			return
		}
		p := req.Pairs[i]
	next:
		for k, s := range opts[i] {
			for j := range i {
				q := req.Pairs[j]
				if chosen[j] < 0 || (q.VolunteerID != p.VolunteerID && q.ClientID != p.ClientID) ||
					q.End.Before(p.Start) || p.End.Before(q.Start) {
					continue
				}
				o := opts[j][chosen[j]]
				if o.day == s.day && o.a < s.b && s.a < o.b {
					continue next
				}
			}
			chosen[i] = k
			dfs(i+1, placed+1)
		}
		chosen[i] = -1
		dfs(i+1, placed)
	}
	dfs(0, 0)
	return best
}
