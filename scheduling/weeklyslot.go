package scheduling

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Search limits of the weekly slot choice.
const (
	startsPerDay   = 12     // best start times kept per weekday and pair
	maxTwiceOpts   = 128    // best pairs of slots kept for a pair meeting twice a week
	searchNodes    = 50_000 // branch-and-bound nodes per group before the best plan so far is kept
	prefPenalty    = 10_000 // cost of a slot outside Preferred; more than any weekday-and-time cost
	sameDayPenalty = 100_000
)

// slot is one weekly meeting time: ISO weekday (0 Monday) and start quarter-hour.
type slot struct {
	iso, q int
}

// option is one way to place a pair: its weekly slots and their cost (lower is better).
type option struct {
	slots [2]slot
	n     int
	cost  int64
}

type wpair struct {
	Pair
	vol      *Volunteer
	res      [3]int // occupancy resources: volunteer, client, pair
	quarters int
	avail    calendar.WeekMask
	opts     []option
	chosen   int // index into opts, or -1
}

type weekly struct {
	opt            WeeklyOptions
	loc            *time.Location
	pairs          []wpair        // sorted by ID
	volIdx, cliIdx map[string]int // occupancy resource of each volunteer and client ID
}

// newWeekly copies the request into the planner's own structures.
func newWeekly(req WeeklyRequest, opt WeeklyOptions, loc *time.Location) *weekly {
	vols := make(map[string]*Volunteer, len(req.Volunteers))
	for i := range req.Volunteers {
		v := req.Volunteers[i]
		v.Away = slices.Clone(v.Away)
		vols[v.ID] = &v
	}
	w := &weekly{opt: opt, loc: loc, pairs: make([]wpair, len(req.Pairs))}
	for i, p := range req.Pairs {
		p.ClientAway = slices.Clone(p.ClientAway)
		if p.PerWeek == 0 {
			p.PerWeek = 1
		}
		w.pairs[i] = wpair{Pair: p, vol: vols[p.VolunteerID], chosen: -1}
	}
	slices.SortFunc(w.pairs, func(a, b wpair) int { return cmp.Compare(a.ID, b.ID) })
	volIdx, cliIdx := map[string]int{}, map[string]int{}
	for i := range w.pairs {
		p := &w.pairs[i]
		p.res = [3]int{index(volIdx, p.VolunteerID), len(req.Pairs) + index(cliIdx, p.ClientID), 2*len(req.Pairs) + i}
		p.quarters = (p.Minutes + calendar.SlotMinutes - 1) / calendar.SlotMinutes
		p.avail = calendar.MaskOf(p.vol.Windows...).And(calendar.MaskOf(p.ClientWindows...)).
			AndNot(calendar.MaskOf(p.vol.Busy...))
	}
	w.volIdx, w.cliIdx = volIdx, cliIdx
	return w
}

// listOptions lists every pair's ways to meet, best first.
func (w *weekly) listOptions() {
	for i := range w.pairs {
		w.pairs[i].opts = options(&w.pairs[i])
	}
}

func index(m map[string]int, k string) int {
	i, ok := m[k]
	if !ok {
		i = len(m)
		m[k] = i
	}
	return i
}

// run reports whether m holds the n quarter-hours from quarter q of ISO day iso.
func run(m *calendar.WeekMask, iso, q, n int) bool {
	if q < 0 || q+n > calendar.SlotsPerDay {
		return false
	}
	for b := iso*calendar.SlotsPerDay + q; n > 0; b, n = b+1, n-1 {
		if m[b>>6]>>(b&63)&1 == 0 {
			return false
		}
	}
	return true
}

// options lists a pair's ways to meet, best first.
func options(p *wpair) []option {
	pref := calendar.MaskOf(p.Preferred...)
	type single struct {
		s    slot
		cost int64
	}
	var singles []single
	for iso := range 7 {
		var day []single
		for q := 0; q+p.quarters <= calendar.SlotsPerDay; q++ {
			if !run(&p.avail, iso, q, p.quarters) {
				continue
			}
			c := int64(iso*calendar.SlotsPerDay + q)
			if len(p.Preferred) > 0 && !run(&pref, iso, q, p.quarters) {
				c += prefPenalty
			}
			day = append(day, single{slot{iso, q}, c})
		}
		slices.SortStableFunc(day, func(a, b single) int { return cmp.Compare(a.cost, b.cost) })
		singles = append(singles, day[:min(len(day), startsPerDay)]...)
	}
	slices.SortStableFunc(singles, func(a, b single) int { return cmp.Compare(a.cost, b.cost) })
	var opts []option
	if p.PerWeek == 1 {
		opts = make([]option, len(singles))
		for i, s := range singles {
			opts[i] = option{slots: [2]slot{s.s}, n: 1, cost: s.cost}
		}
		return opts
	}
	for i, a := range singles {
		for _, b := range singles[i+1:] {
			if overlap(a.s, p.quarters, b.s, p.quarters) {
				continue
			}
			c := a.cost + b.cost
			if a.s.iso == b.s.iso {
				c += sameDayPenalty
			}
			x, y := a.s, b.s
			if y.iso < x.iso || y.iso == x.iso && y.q < x.q {
				x, y = y, x
			}
			opts = append(opts, option{slots: [2]slot{x, y}, n: 2, cost: c})
		}
	}
	slices.SortStableFunc(opts, func(a, b option) int { return cmp.Compare(a.cost, b.cost) })
	return opts[:min(len(opts), maxTwiceOpts)]
}

func overlap(a slot, an int, b slot, bn int) bool {
	return a.iso == b.iso && a.q < b.q+bn && b.q < a.q+an
}

// clash reports whether options a of pair p and b of pair r put the same person in two places at once.
func clash(p *wpair, a option, r *wpair, b option) bool {
	for _, x := range a.slots[:a.n] {
		for _, y := range b.slots[:b.n] {
			if overlap(x, p.quarters, y, r.quarters) {
				return true
			}
		}
	}
	return false
}

// related reports whether pairs p and r share a volunteer or client at overlapping dates.
func related(p, r *wpair) bool {
	return (p.res[0] == r.res[0] || p.res[1] == r.res[1]) && !p.End.Before(r.Start) && !r.End.Before(p.Start)
}

// groups splits the pairs into groups connected by a shared volunteer or client, each in ID order.
func (w *weekly) groups() [][]int {
	parent := make([]int, len(w.pairs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	first := map[int]int{}
	for i := range w.pairs {
		for _, r := range w.pairs[i].res[:2] {
			if j, ok := first[r]; ok {
				a, b := find(i), find(j)
				parent[max(a, b)] = min(a, b)
			} else {
				first[r] = i
			}
		}
	}
	at := map[int]int{}
	var gs [][]int
	for i := range w.pairs {
		root := find(i)
		gi, ok := at[root]
		if !ok {
			gi = len(gs)
			at[root] = gi
			gs = append(gs, nil)
		}
		gs[gi] = append(gs[gi], i)
	}
	return gs
}

// search chooses an option for every pair of group g, exactly: first as many pairs placed as possible, then the
// least total cost. It reports false if it stopped at the node limit with the best plan found so far.
func (w *weekly) search(g []int) bool {
	n := len(g)
	ps := make([]*wpair, n)
	for i, pi := range g {
		ps[i] = &w.pairs[pi]
	}
	if n == 1 {
		if len(ps[0].opts) > 0 {
			ps[0].chosen = 0
		}
		return true
	}
	rel := make([][]bool, n)
	for i := range rel {
		rel[i] = make([]bool, n)
		for k := range i {
			rel[i][k] = related(ps[i], ps[k])
		}
	}
	minRest := make([]int64, n+1)
	noneRest := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		minRest[i], noneRest[i] = minRest[i+1], noneRest[i+1]
		if len(ps[i].opts) > 0 {
			minRest[i] += ps[i].opts[0].cost
		} else {
			noneRest[i]++
		}
	}
	cur, best := make([]int, n), make([]int, n)
	bestUn, bestCost := n+1, int64(math.MaxInt64)
	nodes, complete := 0, true
	var dfs func(i, un int, cost int64)
	dfs = func(i, un int, cost int64) {
		if nodes >= searchNodes {
			complete = false
			return
		}
		nodes++
		lbUn, lbCost := un+noneRest[i], cost+minRest[i]
		if lbUn > bestUn || lbUn == bestUn && lbCost >= bestCost {
			return
		}
		if i == n {
			bestUn, bestCost = un, cost
			copy(best, cur)
			return
		}
		p := ps[i]
	next:
		for oi, o := range p.opts {
			for k := range i {
				if rel[i][k] && cur[k] >= 0 && clash(p, o, ps[k], ps[k].opts[cur[k]]) {
					continue next
				}
			}
			cur[i] = oi
			dfs(i+1, un, cost+o.cost)
		}
		cur[i] = -1
		dfs(i+1, un+1, cost)
	}
	dfs(0, 0, 0)
	for i, p := range ps {
		p.chosen = best[i]
	}
	return complete
}

// occKey is one resource (volunteer, client or pair) on one day.
type occKey struct {
	res int
	day calendar.Date
}

// occupancy holds the held meetings' minutes of each resource and day.
type occupancy map[occKey][][2]int

func (o occupancy) free(res [3]int, day calendar.Date, a, b int) bool {
	for _, r := range res[:2] {
		for _, iv := range o[occKey{r, day}] {
			if a < iv[1] && iv[0] < b {
				return false
			}
		}
	}
	return true
}

func (o occupancy) add(res [3]int, day calendar.Date, a, b int) {
	for _, r := range res {
		k := occKey{r, day}
		o[k] = append(o[k], [2]int{a, b})
	}
}

// cause says why pair p cannot meet as usual on day, and the policy that applies; "" if nothing stands in the way.
func (w *weekly) cause(p *wpair, day calendar.Date) (Reason, Policy) {
	switch {
	case w.opt.Pause.Contains(day):
		return ReasonPause, Skip
	case inAny(p.vol.Away, day):
		return ReasonVolunteerAway, w.opt.Away
	case inAny(p.ClientAway, day):
		return ReasonClientAway, w.opt.Away
	case namedPublic(day):
		return ReasonPublicHoliday, w.opt.Holidays
	case w.opt.EvesLikeHolidays && calendar.IsEve(day):
		return ReasonEve, w.opt.Holidays
	}
	return "", Keep
}

// namedPublic reports whether day is a named allmän helgdag (not merely a Sunday).
func namedPublic(day calendar.Date) bool {
	if !calendar.IsPublicHoliday(day) {
		return false
	}
	for _, h := range calendar.HolidayOn(day) {
		if h.Kind == calendar.Public {
			return true
		}
	}
	return false
}

// usable reports whether pair p may meet on day at all (for a move or a make-up).
func (w *weekly) usable(p *wpair, day calendar.Date) bool {
	if day.Before(p.Start) || day.After(p.End) {
		return false
	}
	r, pol := w.cause(p, day)
	return r == "" || pol == Keep
}

func (w *weekly) meeting(p *wpair, day calendar.Date, q int, st Status, why Reason, regular time.Time) Meeting {
	a := q * calendar.SlotMinutes
	start := day.At(a/60, a%60, w.loc)
	if regular.IsZero() {
		regular = start
	}
	return Meeting{
		PairID: p.ID, VolunteerID: p.VolunteerID, ClientID: p.ClientID, Date: day,
		Start: start, End: day.At(0, a+p.Minutes, w.loc), Status: st, Reason: why,
		RegularStart: regular, Holidays: calendar.HolidayOn(day),
	}
}

// date turns the chosen slots into dated meetings and applies the holiday, absence and pause policies.
func (w *weekly) date() *WeeklyPlan {
	plan := &WeeklyPlan{Slots: make([]PairSlot, 0, len(w.pairs)), Meetings: []Meeting{}, Issues: []Issue{}}
	occ := occupancy{}
	type pending struct {
		p *wpair
		m Meeting
		q int
	}
	var moves []pending
	type heldAt struct {
		i    int    // index in plan.Meetings
		res  [3]int // volunteer, client and pair
		a, b int    // wall-clock minutes
	}
	var held []heldAt
	for i := range w.pairs {
		p := &w.pairs[i]
		ps := PairSlot{PairID: p.ID, VolunteerID: p.VolunteerID, Windows: []calendar.Window{}}
		if p.chosen < 0 {
			why := ReasonNoCommonTime
			if len(p.opts) > 0 {
				why = ReasonVolunteerBooked
			}
			plan.Issues = append(plan.Issues, Issue{PairID: p.ID, Reason: why})
			plan.Slots = append(plan.Slots, ps)
			continue
		}
		o := p.opts[p.chosen]
		for _, s := range o.slots[:o.n] {
			a := calendar.Clock(s.q * calendar.SlotMinutes)
			ps.Windows = append(ps.Windows, calendar.Window{Day: isoWeekday(s.iso), Start: a,
				End: a + calendar.Clock(p.Minutes)})
		}
		plan.Slots = append(plan.Slots, ps)
		for wk := p.Start.ISOWeek(); !wk.Monday().After(p.End); wk = wk.AddWeeks(1) {
			for _, s := range o.slots[:o.n] {
				day := wk.Monday().AddDays(s.iso)
				if day.Before(p.Start) || day.After(p.End) {
					continue
				}
				why, pol := w.cause(p, day)
				m := w.meeting(p, day, s.q, Planned, "", time.Time{})
				switch {
				case why == "" || pol == Keep:
					a := s.q * calendar.SlotMinutes
					held = append(held, heldAt{len(plan.Meetings), p.res, a, a + p.Minutes})
				case pol == Skip:
					m.Status, m.Reason = Skipped, why
				default:
					m.Status, m.Reason = Conflict, why
					moves = append(moves, pending{p, m, s.q})
					continue
				}
				plan.Meetings = append(plan.Meetings, m)
			}
		}
	}
	// Moves need to know who is busy when, but only in the weeks where something moves.
	weeks := map[calendar.Week]bool{}
	for _, mv := range moves {
		weeks[mv.m.Date.ISOWeek()] = true
	}
	for _, h := range held {
		if m := &plan.Meetings[h.i]; len(weeks) > 0 && weeks[m.Date.ISOWeek()] {
			occ.add(h.res, m.Date, h.a, h.b)
		}
	}
	slices.SortFunc(moves, func(a, b pending) int { return meetingOrder(a.m, b.m) })
	for _, mv := range moves {
		mon := mv.m.Date.ISOWeek().Monday()
		if to, ok := w.nearest(mv.p, occ, mon, mon.AddDays(6), mv.m.Date, mv.q*calendar.SlotMinutes); ok {
			mv.m = w.meeting(mv.p, to.day, to.q, Moved, mv.m.Reason, mv.m.RegularStart)
			occ.add(mv.p.res, to.day, to.q*calendar.SlotMinutes, to.q*calendar.SlotMinutes+mv.p.Minutes)
		}
		plan.Meetings = append(plan.Meetings, mv.m)
	}
	slices.SortFunc(plan.Meetings, meetingOrder)
	return plan
}

type place struct {
	day calendar.Date
	q   int
}

// nearest finds the free time for pair p on the days from..to nearest, in wall-clock minutes, to minute at of day
// origin (the earlier of two equally near), on a day the pair may meet and has no other held meeting.
func (w *weekly) nearest(p *wpair, occ occupancy, from, to, origin calendar.Date, at int) (place, bool) {
	type cand struct {
		place
		dist, at int
	}
	var cs []cand
	for day := from; !day.After(to); day = day.AddDays(1) {
		if !w.usable(p, day) || len(occ[occKey{p.res[2], day}]) > 0 {
			continue
		}
		d := isoDay(day.Weekday())
		for s := 0; s+p.quarters <= calendar.SlotsPerDay; s++ {
			if run(&p.avail, d, s, p.quarters) {
				t := day.Sub(origin)*calendar.MinutesPerDay + s*calendar.SlotMinutes
				cs = append(cs, cand{place{day, s}, abs(t - at), t})
			}
		}
	}
	slices.SortFunc(cs, func(a, b cand) int { return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(a.at, b.at)) })
	for _, c := range cs {
		a := c.q * calendar.SlotMinutes
		if occ.free(p.res, c.day, a, a+p.Minutes) {
			return c.place, true
		}
	}
	return place{}, false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// isoWeekday returns the weekday of ISO day iso (0 Monday … 6 Sunday).
func isoWeekday(iso int) time.Weekday { return time.Weekday((iso + 1) % 7) }

// isoDay returns the ISO day (0 Monday … 6 Sunday) of wd.
func isoDay(wd time.Weekday) int { return (int(wd) + 6) % 7 }

// wallMinutes returns the wall-clock minutes of t counted from the midnight that starts day.
func wallMinutes(t time.Time, day calendar.Date) int {
	return calendar.DateOf(t).Sub(day)*calendar.MinutesPerDay + t.Hour()*60 + t.Minute()
}
