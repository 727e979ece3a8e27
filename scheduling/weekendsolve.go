package scheduling

import (
	"cmp"
	"context"
	"fmt"
	"math/bits"
	"slices"
	"time"

	"github.com/kontaktlab/kontakt/matching/assign"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Limits of the exact weekend solver.
const (
	maxPhaseCombos = 64 // phase combinations enumerated per family; beyond, agreement-by-agreement improvement
	maxMixed       = 6  // agreements per family for the dynamic program (sibling groups of different sizes)
)

// weekend is one regular stay slot of the horizon: an ISO week's Friday-to-Sunday (or the configured shape).
type weekend struct {
	week     calendar.Week
	from, to calendar.Date // arrival and departure days
	friday   calendar.Date
}

type horizon struct {
	from, to calendar.Date
	opt      *WeekendOptions
	loc      *time.Location
	weekends []weekend
}

func newHorizon(from, to calendar.Date, opt *WeekendOptions, loc *time.Location) *horizon {
	h := &horizon{from: from, to: to, opt: opt, loc: loc}
	for wk := from.ISOWeek(); !wk.Monday().After(to); wk = wk.AddWeeks(1) {
		if ws, ok := h.shape(wk); ok {
			h.weekends = append(h.weekends, ws)
		}
	}
	return h
}

// shape returns the regular stay of week wk, and whether it lies inside the horizon.
func (h *horizon) shape(wk calendar.Week) (weekend, bool) {
	fri := wk.Day(time.Friday)
	ws := weekend{week: wk, friday: fri, from: fri.AddDays(-h.opt.ArriveEarlier),
		to: wk.Day(time.Sunday).AddDays(h.opt.LeaveLater)}
	return ws, !ws.from.Before(h.from) && !ws.to.After(h.to)
}

// index returns the index of week wk among the horizon's weekends, or -1.
func (h *horizon) index(wk calendar.Week) int {
	i, ok := slices.BinarySearchFunc(h.weekends, wk, func(w weekend, t calendar.Week) int { return w.week.Compare(t) })
	if !ok {
		return -1
	}
	return i
}

type window struct {
	lo, hi int  // weekend indexes, inclusive
	full   bool // false if the horizon or the agreement's span cut the window short
	filled bool // a booking or a covering extra stay meets it
	chosen int  // the planned weekend, or -1
	ideal  int  // the ideal weekend of the chosen phase
}

func (w *window) idealAt(phase int) int { return w.lo + min(phase, w.hi-w.lo) }

type agr struct {
	Agreement
	size   int
	avail  []bool // per weekend: a regular stay may go there
	own    []bool // per weekend: the agreement's own booking or extra stay is there
	wins   []window
	winOf  []int // per weekend: the window holding it, or -1
	phase  int
	unmet  int // windows neither filled nor planned
	hasRow bool
}

type fam struct {
	Family
	agrs   []*agr
	capEff []int // per weekend: places left after bookings and extra stays
}

// families copies the request into per-family structures, sorted by ID, and checks what depends on the horizon.
func (h *horizon) families(req WeekendRequest) ([]*fam, error) {
	var fe fieldErrors
	byID := map[string]*fam{}
	var fams []*fam
	for _, f := range req.Families {
		f.Blocked.Weeks, f.Blocked.Dates = slices.Clone(f.Blocked.Weeks), slices.Clone(f.Blocked.Dates)
		x := &fam{Family: f}
		byID[f.ID] = x
		fams = append(fams, x)
	}
	slices.SortFunc(fams, func(a, b *fam) int { return cmp.Compare(a.ID, b.ID) })
	for _, a := range req.Agreements {
		f := byID[a.FamilyID]
		x := &agr{Agreement: a, size: len(a.Children)}
		x.Children = slices.Clone(a.Children)
		x.Booked, x.Extra = slices.Clone(a.Booked), slices.Clone(a.Extra)
		x.Blocked.Weeks, x.Blocked.Dates = slices.Clone(a.Blocked.Weeks), slices.Clone(a.Blocked.Dates)
		x.Start, x.End = cmp.Or(a.Start, h.from), cmp.Or(a.End, h.to)
		f.agrs = append(f.agrs, x)
	}
	days := h.to.Sub(h.from) + 1
	for _, f := range fams {
		slices.SortFunc(f.agrs, func(a, b *agr) int { return cmp.Compare(a.ID, b.ID) })
		if f.Capacity == 0 {
			for _, a := range f.agrs {
				f.Capacity = max(f.Capacity, a.size)
			}
		}
		fixed := make([]int, days)
		for _, a := range f.agrs {
			h.prepare(&fe, f, a, fixed)
		}
		for d, n := range fixed {
			if n > f.Capacity {
				fe.add("family", f.ID, "capacity", fmt.Sprintf("bookings and extra stays need %d places on %s",
					n, h.from.AddDays(d)))
				break
			}
		}
		f.capEff = make([]int, len(h.weekends))
		for i, w := range h.weekends {
			most := 0
			for d := w.from; !d.After(w.to); d = d.AddDays(1) {
				most = max(most, fixed[d.Sub(h.from)])
			}
			f.capEff[i] = f.Capacity - most
		}
		if n := len(f.agrs); n > maxMixed {
			for _, a := range f.agrs[1:] {
				if a.size != f.agrs[0].size {
					fe.add("family", f.ID, "agreements", fmt.Sprintf(
						"%d agreements with sibling groups of different sizes; at most %d can be planned together",
						n, maxMixed))
					break
				}
			}
		}
	}
	return fams, fe.err()
}

// prepare computes an agreement's windows and free weekends and adds its bookings and extra stays to fixed.
func (h *horizon) prepare(fe *fieldErrors, f *fam, a *agr, fixed []int) {
	n := len(h.weekends)
	a.avail, a.own, a.winOf = make([]bool, n), make([]bool, n), make([]int, n)
	occupied := make([]bool, len(fixed))
	take := func(field string, from, to calendar.Date) {
		for d := from; !d.After(to); d = d.AddDays(1) {
			k := d.Sub(h.from)
			if occupied[k] {
				fe.add("agreement", a.ID, field, "overlaps another booking or extra stay of the agreement")
				return
			}
			occupied[k] = true
			fixed[k] += a.size
		}
	}
	for i, wk := range a.Booked {
		j := h.index(wk)
		if j < 0 {
			fe.add("agreement", a.ID, fmt.Sprintf("booked[%d]", i), "not a weekend of the horizon")
			continue
		}
		take(fmt.Sprintf("booked[%d]", i), h.weekends[j].from, h.weekends[j].to)
	}
	for i, r := range a.Extra {
		if r.From.Before(h.from) || r.To.After(h.to) {
			fe.add("agreement", a.ID, fmt.Sprintf("extra[%d]", i), "outside the horizon")
			continue
		}
		take(fmt.Sprintf("extra[%d]", i), r.From, r.To)
	}
	first, last := -1, -1
	for i, w := range h.weekends {
		a.winOf[i] = -1
		if w.from.Before(a.Start) || w.to.After(a.End) {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
		a.own[i] = slices.Contains(a.Booked, w.week) || overlapsAny(a.Extra, w.from, w.to)
		a.avail[i] = !a.own[i] && !a.Blocked.blocks(w.week, w.from, w.to) && !f.Blocked.blocks(w.week, w.from, w.to)
	}
	if first < 0 {
		return
	}
	add := func(lo, hi int, full bool) {
		win := window{lo: lo, hi: hi, full: full, chosen: -1}
		for i := lo; i <= hi; i++ {
			a.winOf[i] = len(a.wins)
			w := h.weekends[i]
			win.filled = win.filled || slices.Contains(a.Booked, w.week) ||
				slices.ContainsFunc(a.Extra, func(r DateRange) bool { return r.Contains(w.from) && r.Contains(w.to) })
		}
		a.wins = append(a.wins, win)
	}
	switch a.Frequency {
	case Monthly, TwiceMonthly:
		for lo := first; lo <= last; {
			hi := lo
			for hi < last && sameMonth(h.weekends[hi+1].friday, h.weekends[lo].friday) {
				hi++
			}
			full := hi-lo+1 == fridaysIn(h.weekends[lo].friday)
			if k := min(2, hi-lo); a.Frequency == TwiceMonthly && k > 0 {
				add(lo, lo+k-1, full)
				add(lo+k, hi, full)
			} else {
				add(lo, hi, full)
			}
			lo = hi + 1
		}
	default:
		size := 2
		if a.Frequency == EveryThirdWeekend {
			size = 3
		}
		for lo := first; lo <= last; lo += size {
			hi := min(lo+size-1, last)
			add(lo, hi, hi-lo+1 == size)
		}
	}
}

func sameMonth(a, b calendar.Date) bool { return a.Year() == b.Year() && a.Month() == b.Month() }

// fridaysIn returns the number of Fridays in the month of d.
func fridaysIn(d calendar.Date) int {
	first := calendar.NewDate(d.Year(), d.Month(), 1)
	off := (int(time.Friday) - int(first.Weekday()) + 7) % 7
	return (calendar.DaysIn(d.Year(), d.Month())-1-off)/7 + 1
}

// row is one window still to be met: agreement agrs[a], window w.
type row struct{ a, w int }

// solve chooses the planned weekend of every open window of family f, exactly (see PlanWeekends).
func (h *horizon) solve(ctx context.Context, solver *assign.Solver, f *fam) error {
	var rows []row
	uniform := true
	for ai, a := range f.agrs {
		for wi, w := range a.wins {
			if !w.filled {
				rows = append(rows, row{ai, wi})
				a.hasRow = true
			}
		}
		if a.hasRow && a.size != f.agrs[rows[0].a].size {
			uniform = false
		}
	}
	if len(rows) == 0 {
		return nil
	}
	phases := make([]int, len(f.agrs))
	eval := func() (result, error) {
		if uniform {
			return h.assign(ctx, solver, f, rows, phases)
		}
		return h.dp(f, rows, phases), nil
	}
	best, err := eval()
	if err != nil {
		return err
	}
	bestPhases := slices.Clone(phases)
	combos := 1
	for _, a := range f.agrs {
		if a.hasRow {
			combos = min(combos*a.Frequency.phases(), maxPhaseCombos+1)
		}
	}
	try := func() error {
		r, err := eval()
		if err == nil && r.better(best) {
			best = r
			copy(bestPhases, phases)
		}
		return err
	}
	if combos <= maxPhaseCombos {
		// Enumerate every combination, the last agreement's phase counting fastest.
		for next(phases, f.agrs) {
			if err := try(); err != nil {
				return err
			}
		}
	} else {
		for round, changed := 0, true; changed && round < 4; round++ {
			changed = false
			for ai, a := range f.agrs {
				if !a.hasRow {
					continue
				}
				for p := range a.Frequency.phases() {
					copy(phases, bestPhases)
					if p == phases[ai] {
						continue
					}
					phases[ai] = p
					before := best.cost
					if err := try(); err != nil {
						return err
					}
					changed = changed || best.cost < before
				}
			}
		}
	}
	for ai, a := range f.agrs {
		a.phase = bestPhases[ai]
		for wi := range a.wins {
			a.wins[wi].ideal = a.wins[wi].idealAt(a.phase)
		}
	}
	for r, rw := range rows {
		a := f.agrs[rw.a]
		a.wins[rw.w].chosen = best.chosen[r]
		if best.chosen[r] < 0 {
			a.unmet++
		}
	}
	return nil
}

// next advances phases to the next combination and reports false after the last.
func next(phases []int, agrs []*agr) bool {
	for i := len(phases) - 1; i >= 0; i-- {
		if !agrs[i].hasRow {
			continue
		}
		phases[i]++
		if phases[i] < agrs[i].Frequency.phases() {
			return true
		}
		phases[i] = 0
	}
	return false
}

// result is one placement of a family's rows: the weekend of each row (-1 unmet), how many are unmet, and the
// sum of squared distances from the ideal weekends.
type result struct {
	chosen []int
	missed int
	cost   int64
}

func (r result) better(o result) bool {
	return r.missed < o.missed || r.missed == o.missed && r.cost < o.cost
}

func sq(x int) int64 { return int64(x) * int64(x) }

// assign places rows whose agreements all have the same group size with the assignment solver.
func (h *horizon) assign(ctx context.Context, solver *assign.Solver, f *fam, rows []row, phases []int) (result, error) {
	g := f.agrs[rows[0].a].size
	n := len(h.weekends)
	// A weekend takes at most one stay per agreement, so it needs no more slots than agreements with a window there.
	slots, base := make([]int, n), make([]int, n+1)
	for i := range n {
		users := 0
		for _, a := range f.agrs {
			if a.hasRow && a.winOf[i] >= 0 && a.avail[i] {
				users++
			}
		}
		slots[i] = min(max(f.capEff[i], 0)/g, users)
		base[i+1] = base[i] + slots[i]
	}
	res := result{chosen: make([]int, len(rows))}
	var arcs []assign.Arc
	for r, rw := range rows {
		a := f.agrs[rw.a]
		w := &a.wins[rw.w]
		ideal := w.idealAt(phases[rw.a])
		for i := w.lo; i <= w.hi; i++ {
			if !a.avail[i] {
				continue
			}
			for s := range slots[i] {
				arcs = append(arcs, assign.Arc{Row: int32(r), Col: int32(base[i] + s), Cost: float64(sq(i - ideal))})
			}
		}
	}
	for r := range res.chosen {
		res.chosen[r] = -1
	}
	if len(arcs) > 0 {
		sol, err := solver.Sparse(ctx, len(rows), base[n], arcs, assign.Options{MaxCardinality: true})
		if err != nil {
			return res, err
		}
		for r, c := range sol.RowCol {
			if c >= 0 {
				i, _ := slices.BinarySearch(base, c+1)
				res.chosen[r] = i - 1
			}
		}
	}
	for r, rw := range rows {
		if res.chosen[r] < 0 {
			res.missed++
		} else {
			res.cost += sq(res.chosen[r] - f.agrs[rw.a].wins[rw.w].idealAt(phases[rw.a]))
		}
	}
	return res, nil
}

// dp places rows of agreements with different group sizes by dynamic programming over the weekends. The state
// before a weekend is the set of agreements whose current window is already met (or that have no window there).
func (h *horizon) dp(f *fam, rows []row, phases []int) result {
	n, m := len(h.weekends), len(f.agrs)
	states := 1 << m
	type cell struct {
		missed int32
		cost   int64
	}
	const unreached = -1
	cur, nxt := make([]cell, states), make([]cell, states)
	back := make([][]uint32, n+1) // back[i+1][state] = previous state << 16 | placed set at weekend i
	bitsAt := func(i int) int {
		s := 0
		for j, a := range f.agrs {
			if i >= n || a.winOf[i] < 0 || a.wins[a.winOf[i]].filled {
				s |= 1 << j
			}
		}
		return s
	}
	for s := range cur {
		cur[s].missed = unreached
	}
	start := bitsAt(0)
	cur[start] = cell{}
	for i := range n {
		for s := range nxt {
			nxt[s].missed = unreached
		}
		back[i+1] = make([]uint32, states)
		costs := make([]int64, m)
		endMask, resetMask, nextBits, availMask := 0, 0, bitsAt(i+1), 0
		for j, a := range f.agrs {
			w := a.winOf[i]
			if w >= 0 && a.avail[i] {
				availMask |= 1 << j
				costs[j] = sq(i - a.wins[w].idealAt(phases[j]))
			}
			if w >= 0 && a.wins[w].hi == i {
				endMask |= 1 << j
			}
			if i+1 >= n || a.winOf[i+1] != w {
				resetMask |= 1 << j
			}
		}
		nextBits &= resetMask
		for s := range states {
			c := cur[s]
			if c.missed == unreached {
				continue
			}
			cand := availMask &^ s
			for t := cand; ; t = (t - 1) & cand {
				size, add := 0, int64(0)
				for b := t; b != 0; b &= b - 1 {
					j := bits.TrailingZeros(uint(b))
					size += f.agrs[j].size
					add += costs[j]
				}
				if size <= f.capEff[i] {
					s2 := s | t
					ns := s2&^resetMask | nextBits
					nc := cell{c.missed + int32(bits.OnesCount(uint(endMask&^s2))), c.cost + add}
					if o := nxt[ns]; o.missed == unreached || nc.missed < o.missed ||
						nc.missed == o.missed && nc.cost < o.cost {
						nxt[ns] = nc
						back[i+1][ns] = uint32(s)<<16 | uint32(t)
					}
				}
				if t == 0 {
					break
				}
			}
		}
		cur, nxt = nxt, cur
	}
	bestS := -1
	for s, c := range cur {
		if c.missed != unreached && (bestS < 0 || c.missed < cur[bestS].missed ||
			c.missed == cur[bestS].missed && c.cost < cur[bestS].cost) {
			bestS = s
		}
	}
	at := map[row]int{}
	for i, s := n, bestS; i > 0; i-- {
		b := back[i][s]
		t := int(b & 0xffff)
		for ; t != 0; t &= t - 1 {
			j := bits.TrailingZeros(uint(t))
			at[row{j, f.agrs[j].winOf[i-1]}] = i - 1
		}
		s = int(b >> 16)
	}
	res := result{chosen: make([]int, len(rows))}
	for r, rw := range rows {
		i, ok := at[rw]
		if !ok {
			res.chosen[r] = -1
			res.missed++
			continue
		}
		res.chosen[r] = i
		res.cost += sq(i - f.agrs[rw.a].wins[rw.w].idealAt(phases[rw.a]))
	}
	return res
}

// emit appends family f's stays, results and shortfalls to plan.
func (h *horizon) emit(f *fam, plan *WeekendPlan) {
	for _, a := range f.agrs {
		ar := AgreementResult{AgreementID: a.ID, FamilyID: f.ID, Required: len(a.wins), Met: len(a.wins) - a.unmet}
		for _, wk := range a.Booked {
			w := h.weekends[h.index(wk)]
			plan.Stays = append(plan.Stays, h.stay(f, a, StayBooked, w.from, w.to, wk))
		}
		for _, r := range a.Extra {
			plan.Stays = append(plan.Stays, h.stay(f, a, StayExtra, r.From, r.To, calendar.Week{}))
		}
		for _, win := range a.wins {
			switch {
			case win.filled:
			case win.chosen >= 0:
				w := h.weekends[win.chosen]
				s := h.stay(f, a, StayPlanned, w.from, w.to, w.week)
				s.Ideal = h.weekends[win.ideal].week
				s.Deviation = abs(win.chosen - win.ideal)
				ar.WeeksOff += s.Deviation
				plan.Stays = append(plan.Stays, s)
			default:
				plan.Shortfalls = append(plan.Shortfalls, Shortfall{AgreementID: a.ID, FamilyID: f.ID,
					From: h.weekends[win.lo].from, To: h.weekends[win.hi].to, Reason: h.why(f, a, win)})
			}
		}
		plan.Agreements = append(plan.Agreements, ar)
	}
}

// why explains an unmet window.
func (h *horizon) why(f *fam, a *agr, win window) Reason {
	child, family := true, true
	for i := win.lo; i <= win.hi; i++ {
		w := h.weekends[i]
		cb, fb := a.Blocked.blocks(w.week, w.from, w.to), f.Blocked.blocks(w.week, w.from, w.to)
		if !cb && !fb && !a.own[i] {
			return ReasonCapacity
		}
		child, family = child && cb, family && fb
	}
	switch {
	case !win.full:
		return ReasonHorizon
	case child:
		return ReasonChildBlocked
	case family:
		return ReasonFamilyBlocked
	}
	return ReasonBlocked
}

// stay builds the Stay of agreement a from arrival day from to departure day to.
func (h *horizon) stay(f *fam, a *agr, kind StayKind, from, to calendar.Date, wk calendar.Week) Stay {
	days := StayDays(from, to, h.opt.Half)
	hd := 0
	for _, d := range days {
		hd += d.Halvdygn
	}
	ar, lv := h.opt.arrive(), h.opt.leave()
	return Stay{AgreementID: a.ID, FamilyID: f.ID, Children: slices.Clone(a.Children), Kind: kind, Week: wk,
		From: from, To: to, Start: from.At(ar.Hour(), ar.Minute(), h.loc), End: to.At(lv.Hour(), lv.Minute(), h.loc),
		Halvdygn: hd, Days: days}
}
