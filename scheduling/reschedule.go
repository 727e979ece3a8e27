package scheduling

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// MeetingCancellation names a held meeting to cancel, and the days in which to look for a make-up.
type MeetingCancellation struct {
	PairID string        `json:"pair_id"`
	Date   calendar.Date `json:"date"`          // the day the meeting is held
	From   calendar.Date `json:"from,omitzero"` // first day to look; zero means the day after Date
	To     calendar.Date `json:"to,omitzero"`   // last day, inclusive; zero means 13 days after From (two weeks)
}

// MeetingProposal is the answer to a MeetingCancellation: the cancelled meeting and a make-up, or the reason
// there is none.
type MeetingProposal struct {
	Cancelled Meeting  `json:"cancelled"`         // status cancelled
	MakeUp    *Meeting `json:"make_up,omitempty"` // status make_up; nil if none fits
	Reason    Reason   `json:"reason,omitempty"`  // why there is no make-up: horizon or no_free_slot
}

// RescheduleMeeting cancels a held meeting of plan and proposes a make-up under the rules PlanWeekly follows: a
// time in both parties' weeks and outside the volunteer's Busy windows, on a day the pair's span covers that is
// not paused, not a day either party is away and not a holiday (unless opt.Holidays is Keep), on which the pair
// has no other held meeting, and free of every held meeting of the volunteer and the client in plan. Of the
// fitting times it proposes the nearest to the cancelled one in wall-clock minutes, the earlier on a tie. The
// cancelled day itself is never proposed. It changes neither plan nor req.
//
// req and opt must be those plan was made from (plan may have been decoded from its JSON form). The error wraps
// ErrInvalidInput for an invalid request, options or cancellation, and ErrNotInPlan if plan holds no held
// meeting of the pair on that day.
func RescheduleMeeting(req WeeklyRequest, plan *WeeklyPlan, c MeetingCancellation, opt WeeklyOptions) (*MeetingProposal, error) {
	var fe fieldErrors
	opt.validate(&fe)
	if err := req.Validate(); err != nil {
		fe = append(fe, err)
	}
	from, to := c.window(c.Date, 13)
	if why := (DateRange{from, to}).check(); why != "" || c.Date.IsZero() {
		fe.add("cancellation", c.PairID, "date", cmp.Or(why, "required"))
	}
	if err := fe.err(); err != nil {
		return nil, err
	}
	loc, err := calendar.Stockholm()
	if err != nil {
		return nil, fmt.Errorf("scheduling: %w", err)
	}
	w := newWeekly(req, opt, loc)
	pi, ok := slices.BinarySearchFunc(w.pairs, c.PairID, func(p wpair, id string) int { return cmp.Compare(p.ID, id) })
	if !ok {
		return nil, &FieldError{Record: "cancellation", ID: c.PairID, Field: "pair_id", Reason: "no such pair in the request"}
	}
	p := &w.pairs[pi]
	cancelled := -1
	occ := occupancy{}
	for i, m := range plan.Meetings {
		if !m.Status.Held() {
			continue
		}
		if cancelled < 0 && m.PairID == c.PairID && m.Date == c.Date {
			cancelled = i
			continue
		}
		res := [3]int{-1, -1, -1}
		if r, ok := w.volIdx[m.VolunteerID]; ok {
			res[0] = r
		}
		if r, ok := w.cliIdx[m.ClientID]; ok {
			res[1] = len(w.pairs) + r
		}
		if m.PairID == p.ID {
			res[2] = p.res[2]
		}
		a, b := wallMinutes(m.Start.In(loc), m.Date), wallMinutes(m.End.In(loc), m.Date)
		occ.add(res, m.Date, a, b)
	}
	if cancelled < 0 {
		return nil, fmt.Errorf("%w: pair %s has no held meeting on %s", ErrNotInPlan, c.PairID, c.Date)
	}
	out := &MeetingProposal{Cancelled: plan.Meetings[cancelled]}
	out.Cancelled.Status = Cancelled
	occ.add([3]int{-1, -1, p.res[2]}, c.Date, 0, 0) // never propose the cancelled day
	from, to = calendar.MaxDate(from, p.Start), calendar.MinDate(to, p.End)
	if to.Before(from) {
		out.Reason = ReasonHorizon
		return out, nil
	}
	at := wallMinutes(out.Cancelled.Start.In(loc), c.Date)
	if pl, ok := w.nearest(p, occ, from, to, c.Date, at); ok {
		m := w.meeting(p, pl.day, pl.q, MakeUp, "", time.Time{})
		out.MakeUp = &m
	} else {
		out.Reason = ReasonNoFreeSlot
	}
	return out, nil
}

// window returns the search window of a cancellation: From (default the day after day) to To (default From
// plus span days).
func (c MeetingCancellation) window(day calendar.Date, span int) (calendar.Date, calendar.Date) {
	from := c.From
	if from.IsZero() {
		from = day.AddDays(1)
	}
	to := c.To
	if to.IsZero() {
		to = from.AddDays(span)
	}
	return from, to
}

// StayCancellation names a stay to cancel, by agreement and weekend, and the days in which to look for a make-up.
type StayCancellation struct {
	AgreementID string        `json:"agreement_id"`
	Week        calendar.Week `json:"week"`          // the ISO week of the weekend to cancel
	From        calendar.Date `json:"from,omitzero"` // first day a make-up may start; zero means the day after the stay
	To          calendar.Date `json:"to,omitzero"`   // last day a make-up may end; zero means 55 days after From (8 weeks)
}

// StayProposal is the answer to a StayCancellation: the cancelled stay and a make-up, or the reason there is none.
type StayProposal struct {
	Cancelled Stay   `json:"cancelled"`         // the stay as the plan had it
	MakeUp    *Stay  `json:"make_up,omitempty"` // kind make_up; nil if no weekend fits
	Reason    Reason `json:"reason,omitempty"`  // why there is no make-up
}

// RescheduleStay cancels a planned, booked or make-up stay of plan and proposes a make-up weekend under the rules
// PlanWeekends follows: a weekend of the horizon and of the agreement's span, within the window, that neither side
// has blocked, on which the agreement has no other stay, and on which the family's capacity, counting every stay
// of plan that overlaps it, still has room for the whole sibling group. Of the fitting weekends it proposes the
// nearest to the cancelled one, the earlier on a tie. It changes neither plan nor req.
//
// req and opt must be those plan was made from. The error wraps ErrInvalidInput for an invalid request, options
// or cancellation, and ErrNotInPlan if plan holds no such stay.
func RescheduleStay(req WeekendRequest, plan *WeekendPlan, c StayCancellation, opt WeekendOptions) (*StayProposal, error) {
	var fe fieldErrors
	opt.validate(&fe)
	if err := req.Validate(); err != nil {
		fe = append(fe, err)
	}
	if !c.Week.Valid() {
		fe.add("cancellation", c.AgreementID, "week", "not an ISO week")
	}
	if err := fe.err(); err != nil {
		return nil, err
	}
	loc, err := calendar.Stockholm()
	if err != nil {
		return nil, fmt.Errorf("scheduling: %w", err)
	}
	h := newHorizon(req.From, req.To, &opt, loc)
	fams, err := h.families(req)
	if err != nil {
		return nil, err
	}
	var f *fam
	var a *agr
	for _, x := range fams {
		for _, y := range x.agrs {
			if y.ID == c.AgreementID {
				f, a = x, y
			}
		}
	}
	if a == nil {
		return nil, &FieldError{Record: "cancellation", ID: c.AgreementID, Field: "agreement_id",
			Reason: "no such agreement in the request"}
	}
	ci := slices.IndexFunc(plan.Stays, func(s Stay) bool {
		return s.AgreementID == c.AgreementID && s.Week == c.Week && s.Kind != StayExtra
	})
	if ci < 0 {
		return nil, fmt.Errorf("%w: agreement %s has no stay in %s", ErrNotInPlan, c.AgreementID, c.Week)
	}
	out := &StayProposal{Cancelled: plan.Stays[ci]}
	from, to := c.From, c.To
	if from.IsZero() {
		from = out.Cancelled.To.AddDays(1)
	}
	if to.IsZero() {
		to = from.AddDays(55)
	}
	type cand struct{ i, dist int }
	var cands []cand
	blocked, child, family := 0, 0, 0
	origin := c.Week.Monday()
	for i, w := range h.weekends {
		if w.week == c.Week || w.from.Before(from) || w.to.After(to) || w.from.Before(a.Start) || w.to.After(a.End) {
			continue
		}
		cb, fb := a.Blocked.blocks(w.week, w.from, w.to), f.Blocked.blocks(w.week, w.from, w.to)
		if cb || fb {
			blocked++
			child, family = child+b2i(cb), family+b2i(fb)
			continue
		}
		cands = append(cands, cand{i, abs(w.week.Monday().Sub(origin))})
	}
	slices.SortStableFunc(cands, func(x, y cand) int { return cmp.Compare(x.dist, y.dist) })
	for _, cd := range cands {
		w := h.weekends[cd.i]
		if h.fits(plan, ci, f, a, w) {
			s := h.stay(f, a, StayMakeUp, w.from, w.to, w.week)
			out.MakeUp = &s
			return out, nil
		}
	}
	switch {
	case len(cands) > 0:
		out.Reason = ReasonCapacity
	case blocked == 0:
		out.Reason = ReasonHorizon
	case child == blocked:
		out.Reason = ReasonChildBlocked
	case family == blocked:
		out.Reason = ReasonFamilyBlocked
	default:
		out.Reason = ReasonBlocked
	}
	return out, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// fits reports whether agreement a of family f can take weekend w given plan's stays, less the one at skip.
func (h *horizon) fits(plan *WeekendPlan, skip int, f *fam, a *agr, w weekend) bool {
	for d := w.from; !d.After(w.to); d = d.AddDays(1) {
		used := 0
		for i, s := range plan.Stays {
			if i == skip || s.FamilyID != f.ID || d.Before(s.From) || d.After(s.To) {
				continue
			}
			if s.AgreementID == a.ID {
				return false
			}
			used += len(s.Children)
		}
		if used+a.size > f.Capacity {
			return false
		}
	}
	return true
}
