package scheduling

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Volunteer is a kontaktperson as weekly planning sees them: when they can meet, what else they do every week,
// and when they are away. A volunteer with several pairs is never booked twice at the same time.
type Volunteer struct {
	ID      string            `json:"id"`             // opaque
	Windows []calendar.Window `json:"windows"`        // weekly availability
	Busy    []calendar.Window `json:"busy,omitempty"` // other weekly commitments, subtracted from Windows
	Away    []DateRange       `json:"away,omitempty"` // vacations and other absences
}

// LogValue logs a Volunteer as its ID only.
func (v Volunteer) LogValue() slog.Value { return slog.StringValue(v.ID) }

// Pair is an agreed kontaktperson assignment to plan: who meets whom, how often and for how long, from Start to End.
type Pair struct {
	ID            string            `json:"id"`                    // opaque
	VolunteerID   string            `json:"volunteer_id"`          // a Volunteer of the request
	ClientID      string            `json:"client_id"`             // opaque; pairs of one client are never booked at the same time
	ClientWindows []calendar.Window `json:"client_windows"`        // the client's weekly availability
	Preferred     []calendar.Window `json:"preferred,omitempty"`   // times to choose first if they fit; none means no preference
	ClientAway    []DateRange       `json:"client_away,omitempty"` // the client's absences
	PerWeek       int               `json:"per_week,omitempty"`    // meetings a week, 1 or 2; 0 means 1
	Minutes       int               `json:"minutes"`               // length of a meeting, 1..720 minutes
	Start         calendar.Date     `json:"start"`                 // first day of the plan
	End           calendar.Date     `json:"end"`                   // last day of the plan, inclusive
}

// LogValue logs a Pair as its ID only.
func (p Pair) LogValue() slog.Value { return slog.StringValue(p.ID) }

// WeeklyRequest is the input of PlanWeekly. Its JSON form is what DecodeWeeklyRequest reads.
type WeeklyRequest struct {
	Volunteers []Volunteer `json:"volunteers"`
	Pairs      []Pair      `json:"pairs"`
}

// Policy says what happens to a weekly meeting whose day is a holiday or a day one party is away.
type Policy uint8

const (
	// Skip leaves the meeting out; the plan reports it with status Skipped. It is the zero value.
	Skip Policy = iota
	// Move holds the meeting at the nearest free time of the same ISO week (nearest in wall-clock minutes from the
	// regular start, the earlier on a tie); if there is none the plan reports it with status Conflict.
	Move
	// Keep holds the meeting as usual. It is allowed for holidays only: nobody meets while away.
	Keep
)

var policyNames = [...]string{Skip: "skip", Move: "move", Keep: "keep"}

// String returns "skip", "move" or "keep".
func (p Policy) String() string {
	if int(p) < len(policyNames) {
		return policyNames[p]
	}
	return fmt.Sprintf("Policy(%d)", p)
}

// MarshalText returns "skip", "move" or "keep".
func (p Policy) MarshalText() ([]byte, error) {
	if int(p) >= len(policyNames) {
		return nil, &FieldError{Record: "options", Field: "policy", Reason: "unknown policy"}
	}
	return []byte(policyNames[p]), nil
}

// UnmarshalText reads "skip", "move" or "keep".
func (p *Policy) UnmarshalText(b []byte) error {
	i := slices.Index(policyNames[:], string(b))
	if i < 0 {
		return &FieldError{Record: "options", Field: "policy", Reason: `must be "skip", "move" or "keep"`}
	}
	*p = Policy(i)
	return nil
}

// WeeklyOptions control PlanWeekly and RescheduleMeeting. The zero value skips meetings on named public holidays
// and absences, treats eves as ordinary days, pauses nothing and logs nothing.
type WeeklyOptions struct {
	// Holidays is the policy for a meeting on a named allmän helgdag (Kristi himmelsfärdsdag, nationaldagen, …).
	// Ordinary Sundays are ordinary days for weekly plans. The zero value is Skip.
	Holidays Policy `json:"holidays"`
	// EvesLikeHolidays applies Holidays to midsommarafton, julafton and nyårsafton too. The zero value treats them
	// as ordinary days.
	EvesLikeHolidays bool `json:"eves_like_holidays,omitempty"`
	// Away is the policy for a meeting on a day either party is away: Skip (the zero value) or Move.
	Away Policy `json:"away"`
	// Pause pauses every pair, e.g. {FromWeek: 27, ToWeek: 32} for a summer pause. The zero value pauses nothing.
	Pause Pause `json:"pause,omitzero"`
	// Logger receives debug timings; nil discards them.
	Logger *slog.Logger `json:"-"`
	// Progress, if set, is called after each group of pairs that share a volunteer or client.
	Progress func(Progress) `json:"-"`
}

// Progress reports how far a long run has come.
type Progress struct {
	Phase string `json:"phase"` // "weekly" or "weekends"
	Done  int    `json:"done"`  // groups (weekly) or families (weekends) finished
	Total int    `json:"total"` // groups or families in all
}

// Meeting is one dated occurrence of a pair's weekly slot: held (Planned, Moved) or reported (Skipped, Conflict).
type Meeting struct {
	PairID       string             `json:"pair_id"`
	VolunteerID  string             `json:"volunteer_id"`
	ClientID     string             `json:"client_id"`
	Date         calendar.Date      `json:"date"`               // the day it is held (or would have been)
	Start        time.Time          `json:"start"`              // Europe/Stockholm
	End          time.Time          `json:"end"`                // Europe/Stockholm
	Status       Status             `json:"status"`             // planned, moved, skipped, conflict, cancelled or make_up
	Reason       Reason             `json:"reason,omitempty"`   // why it is not at its regular time, if it is not
	RegularStart time.Time          `json:"regular_start"`      // where the regular weekly slot put it; identifies the meeting
	Holidays     []calendar.Holiday `json:"holidays,omitempty"` // named days on Date
}

// LogValue logs a Meeting as its pair and date only.
func (m Meeting) LogValue() slog.Value {
	return slog.GroupValue(slog.String("pair", m.PairID), slog.String("date", m.Date.String()))
}

// PairSlot is the regular weekly time chosen for a pair: one window per meeting a week, empty if none was found.
type PairSlot struct {
	PairID      string            `json:"pair_id"`
	VolunteerID string            `json:"volunteer_id"`
	Windows     []calendar.Window `json:"windows"`
}

// Issue reports a pair that got no regular slot at all, and why.
type Issue struct {
	PairID string `json:"pair_id"`
	Reason Reason `json:"reason"` // no_common_time or volunteer_booked
}

// WeeklyPlan is the result of PlanWeekly. Slots and Issues are sorted by pair ID; Meetings by date, start and pair
// ID. Its JSON form is the plan's stable exchange format.
type WeeklyPlan struct {
	Slots    []PairSlot `json:"slots"`
	Meetings []Meeting  `json:"meetings"`
	Issues   []Issue    `json:"issues"`
}

// Pair returns the meetings of pair id in date order, held or not.
func (p *WeeklyPlan) Pair(id string) []Meeting {
	var ms []Meeting
	for _, m := range p.Meetings {
		if m.PairID == id {
			ms = append(ms, m)
		}
	}
	return ms
}

// Conflicts returns the meetings that should have been moved but could not be, in date order.
func (p *WeeklyPlan) Conflicts() []Meeting {
	var ms []Meeting
	for _, m := range p.Meetings {
		if m.Status == Conflict {
			ms = append(ms, m)
		}
	}
	return ms
}

// Validate reports every unusable record of r as a *FieldError, joined.
func (r *WeeklyRequest) Validate() error {
	var fe fieldErrors
	vols := make(map[string]bool, len(r.Volunteers))
	for _, v := range r.Volunteers {
		if v.ID == "" {
			fe.add("volunteer", "", "id", "required")
		} else if vols[v.ID] {
			fe.add("volunteer", v.ID, "id", "duplicate")
		}
		vols[v.ID] = true
		validateWindows(&fe, "volunteer", v.ID, "windows", v.Windows)
		validateWindows(&fe, "volunteer", v.ID, "busy", v.Busy)
		validateRanges(&fe, "volunteer", v.ID, "away", v.Away)
	}
	pairs := make(map[string]bool, len(r.Pairs))
	for _, p := range r.Pairs {
		if p.ID == "" {
			fe.add("pair", "", "id", "required")
		} else if pairs[p.ID] {
			fe.add("pair", p.ID, "id", "duplicate")
		}
		pairs[p.ID] = true
		if !vols[p.VolunteerID] {
			fe.add("pair", p.ID, "volunteer_id", "no such volunteer in the request")
		}
		if p.ClientID == "" {
			fe.add("pair", p.ID, "client_id", "required")
		}
		validateWindows(&fe, "pair", p.ID, "client_windows", p.ClientWindows)
		validateWindows(&fe, "pair", p.ID, "preferred", p.Preferred)
		validateRanges(&fe, "pair", p.ID, "client_away", p.ClientAway)
		if p.PerWeek < 0 || p.PerWeek > 2 {
			fe.add("pair", p.ID, "per_week", "must be 1 or 2 (0 means 1)")
		}
		if p.Minutes < 1 || p.Minutes > 720 {
			fe.add("pair", p.ID, "minutes", "must be 1 to 720")
		}
		if why := (DateRange{p.Start, p.End}).check(); why != "" {
			fe.add("pair", p.ID, "start", why)
		}
	}
	return fe.err()
}

func (o *WeeklyOptions) validate(fe *fieldErrors) {
	if o.Holidays > Keep {
		fe.add("options", "", "holidays", "unknown policy")
	}
	if o.Away > Move {
		fe.add("options", "", "away", "must be skip or move")
	}
	o.Pause.validate(fe)
}

func validateWindows(fe *fieldErrors, record, id, field string, ws []calendar.Window) {
	for i, w := range ws {
		if err := w.Validate(); err != nil {
			fe.add(record, id, fmt.Sprintf("%s[%d]", field, i), err.Error())
		}
	}
}

func validateRanges(fe *fieldErrors, record, id, field string, rs []DateRange) {
	for i, r := range rs {
		if why := r.check(); why != "" {
			fe.add(record, id, fmt.Sprintf("%s[%d]", field, i), why)
		}
	}
}

// PlanWeekly plans the meetings of kontaktperson pairs, all at once so that no volunteer (and no client) is ever
// booked twice at the same time.
//
// For each pair it chooses a regular weekly slot: a time inside both parties' windows and outside the volunteer's
// Busy windows, long enough for Minutes, and free of the slots of the volunteer's and client's other pairs whose
// date spans overlap. Pairs that share a volunteer or client are planned together by an exact branch-and-bound
// search that places as many pairs as possible and then prefers, for every pair, times inside Preferred, then
// earlier in the week (Monday first), then earlier in the day; two meetings a week go on two different weekdays
// whenever possible. A very large group (over 50 000 search nodes) keeps the best plan found so far.
//
// It then dates the slot in every ISO week from Start to End and applies the options: a paused day is Skipped,
// a day either party is away follows opt.Away, a named public holiday (and, with EvesLikeHolidays, an eve)
// follows opt.Holidays. Moves are made after every regular meeting is placed, in date order, and never collide
// with another held meeting of the volunteer or client. Nothing is dropped silently: every due meeting is in the
// plan with its status, and every pair without a slot is an Issue.
//
// The same input gives the same plan. PlanWeekly returns a *FieldError-joined error wrapping ErrInvalidInput for
// an invalid request or options, an error wrapping calendar.ErrNoTimeZoneData without time zone data, or ctx's
// error if it is cancelled.
func PlanWeekly(ctx context.Context, req WeeklyRequest, opt WeeklyOptions) (*WeeklyPlan, error) {
	loc, log, err := begin(opt.validate, req.Validate, opt.Logger)
	if err != nil {
		return nil, err
	}
	began := time.Now()
	w := newWeekly(req, opt, loc)
	w.listOptions()
	groups := w.groups()
	for gi, g := range groups {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("scheduling: weekly plan: %w", err)
		}
		if !w.search(g) {
			log.Debug("weekly search node limit reached", "pairs", len(g))
		}
		if opt.Progress != nil {
			opt.Progress(Progress{Phase: "weekly", Done: gi + 1, Total: len(groups)})
		}
	}
	plan := w.date()
	log.Debug("weekly plan done", "pairs", len(req.Pairs), "meetings", len(plan.Meetings),
		"elapsed", time.Since(began))
	return plan, nil
}

// meetingOrder sorts meetings by date, start, pair and regular start.
func meetingOrder(a, b Meeting) int {
	return cmp.Or(a.Date.Compare(b.Date), a.Start.Compare(b.Start), cmp.Compare(a.PairID, b.PairID),
		a.RegularStart.Compare(b.RegularStart))
}
