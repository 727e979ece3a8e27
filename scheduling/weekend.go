package scheduling

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/kontaktlab/kontakt/matching/assign"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Family is a kontaktfamilj as weekend planning sees it: how many children it can host at once, and which
// weekends it cannot.
type Family struct {
	ID       string  `json:"id"`                 // opaque
	Capacity int     `json:"capacity,omitempty"` // children per weekend; 0 means the largest sibling group of its agreements
	Blocked  Blocked `json:"blocked,omitzero"`   // the family's own plans
}

// LogValue logs a Family as its ID only.
func (f Family) LogValue() slog.Value { return slog.StringValue(f.ID) }

// Frequency is how often an agreement's children stay with the family.
type Frequency string

// The frequencies of an Agreement.
const (
	// Monthly is one stay a month: the k-th stay in the k-th month, ideally on the same ordinal weekend.
	Monthly Frequency = "monthly"
	// TwiceMonthly is two stays a month, one among the month's first two weekends and one among the rest (or one
	// in a month that the horizon cuts to a single weekend), ideally the 1st and 3rd or the 2nd and 4th.
	TwiceMonthly Frequency = "twice_monthly"
	// EveryOtherWeekend is one stay in every two consecutive weekends, ideally always the same one of the two.
	EveryOtherWeekend Frequency = "every_other_weekend"
	// EveryThirdWeekend is one stay in every three consecutive weekends.
	EveryThirdWeekend Frequency = "every_third_weekend"
)

// phases returns how many ideal positions f has to choose from: the ordinal weekend of a month (Monthly), or the
// position within each block of weekends.
func (f Frequency) phases() int {
	switch f {
	case Monthly:
		return 4
	case EveryThirdWeekend:
		return 3
	}
	return 2
}

func (f Frequency) valid() bool {
	return f == Monthly || f == TwiceMonthly || f == EveryOtherWeekend || f == EveryThirdWeekend
}

// Agreement is one child, or a sibling group of two or three who always stay together, placed with one family.
type Agreement struct {
	ID        string          `json:"id"`               // opaque
	FamilyID  string          `json:"family_id"`        // a Family of the request
	Children  []string        `json:"children"`         // 1 to 3 opaque child IDs; siblings stay together
	Frequency Frequency       `json:"frequency"`        // monthly, twice_monthly, every_other_weekend, every_third_weekend
	Start     calendar.Date   `json:"start,omitzero"`   // first day of the agreement; zero means the horizon's start
	End       calendar.Date   `json:"end,omitzero"`     // last day, inclusive; zero means the horizon's end
	Blocked   Blocked         `json:"blocked,omitzero"` // the child's side: e.g. the other parent's weekends
	Booked    []calendar.Week `json:"booked,omitempty"` // weekends already booked; kept, and they count toward the frequency
	Extra     []DateRange     `json:"extra,omitempty"`  // explicit extra stays such as a lov week; kept as given
}

// LogValue logs an Agreement as its ID only.
func (a Agreement) LogValue() slog.Value { return slog.StringValue(a.ID) }

// WeekendRequest is the input of PlanWeekends: the horizon and every family and agreement to plan in it. Its JSON
// form is what DecodeWeekendRequest reads.
type WeekendRequest struct {
	From       calendar.Date `json:"from"` // first day of the horizon
	To         calendar.Date `json:"to"`   // last day of the horizon, inclusive
	Families   []Family      `json:"families"`
	Agreements []Agreement   `json:"agreements"`
}

// WeekendOptions control PlanWeekends and RescheduleStay. The zero value plans stays from Friday 17:00 to Sunday
// 17:00, counts the arrival day as the half dygn and logs nothing.
type WeekendOptions struct {
	ArriveAt      calendar.Clock `json:"arrive_at,omitempty"`      // arrival time; 0 means 17:00
	LeaveAt       calendar.Clock `json:"leave_at,omitempty"`       // departure time; 0 means 17:00
	ArriveEarlier int            `json:"arrive_earlier,omitempty"` // arrival days before Friday, 0..4; 0 means Friday
	LeaveLater    int            `json:"leave_later,omitempty"`    // departure days after Sunday; 0 means Sunday
	Half          HalfDay        `json:"half,omitempty"`           // which day counts ½ dygn; zero: the arrival day
	Logger        *slog.Logger   `json:"-"`                        // debug timings; nil discards them
	Progress      func(Progress) `json:"-"`                        // if set, called after each family
}

func (o *WeekendOptions) arrive() calendar.Clock { return cmp.Or(o.ArriveAt, calendar.NewClock(17, 0)) }
func (o *WeekendOptions) leave() calendar.Clock  { return cmp.Or(o.LeaveAt, calendar.NewClock(17, 0)) }

func (o *WeekendOptions) validate(fe *fieldErrors) {
	if !o.ArriveAt.Valid() || o.ArriveAt >= calendar.MinutesPerDay {
		fe.add("options", "", "arrive_at", "must be 00:00..23:59")
	}
	if !o.LeaveAt.Valid() || o.LeaveAt >= calendar.MinutesPerDay {
		fe.add("options", "", "leave_at", "must be 00:00..23:59")
	}
	if o.ArriveEarlier < 0 || o.LeaveLater < 0 || o.ArriveEarlier+o.LeaveLater > 4 {
		fe.add("options", "", "arrive_earlier", "arrive_earlier and leave_later must be ≥ 0 with a sum of at most 4")
	}
	if o.Half > HalfOnDeparture {
		fe.add("options", "", "half", "unknown half day")
	}
}

// AgreementResult sums up how well an agreement's frequency was met.
type AgreementResult struct {
	AgreementID string `json:"agreement_id"`
	FamilyID    string `json:"family_id"`
	Required    int    `json:"required"`  // stays the frequency asks for within the horizon and the agreement's span
	Met         int    `json:"met"`       // of those, met by a planned stay, a booking or an extra stay
	WeeksOff    int    `json:"weeks_off"` // weeks between planned stays and their ideal weekends, summed
}

// Shortfall is one stay an agreement's frequency asked for that could not be planned, and why.
type Shortfall struct {
	AgreementID string        `json:"agreement_id"`
	FamilyID    string        `json:"family_id"`
	From        calendar.Date `json:"from"` // arrival day of the first weekend the stay could have taken
	To          calendar.Date `json:"to"`   // departure day of the last
	Reason      Reason        `json:"reason"`
}

// WeekendPlan is the result of PlanWeekends. Stays are sorted by arrival, family and agreement; Agreements and
// Shortfalls by agreement ID (and date). Its JSON form is the plan's stable exchange format.
type WeekendPlan struct {
	From       calendar.Date     `json:"from"`
	To         calendar.Date     `json:"to"`
	Stays      []Stay            `json:"stays"`
	Agreements []AgreementResult `json:"agreements"`
	Shortfalls []Shortfall       `json:"shortfalls"`
}

// Agreement returns the stays of agreement id in date order.
func (p *WeekendPlan) Agreement(id string) []Stay {
	var ss []Stay
	for _, s := range p.Stays {
		if s.AgreementID == id {
			ss = append(ss, s)
		}
	}
	return ss
}

// Family returns the stays hosted by family id in date order.
func (p *WeekendPlan) Family(id string) []Stay {
	var ss []Stay
	for _, s := range p.Stays {
		if s.FamilyID == id {
			ss = append(ss, s)
		}
	}
	return ss
}

// Validate reports every unusable record of r as a *FieldError, joined. PlanWeekends also checks what depends on
// the options: that bookings and extra stays lie in the horizon and fit the families' capacity.
func (r *WeekendRequest) Validate() error {
	var fe fieldErrors
	if why := (DateRange{r.From, r.To}).check(); why != "" {
		fe.add("request", "", "from", why)
	}
	fams := make(map[string]bool, len(r.Families))
	for _, f := range r.Families {
		if f.ID == "" {
			fe.add("family", "", "id", "required")
		} else if fams[f.ID] {
			fe.add("family", f.ID, "id", "duplicate")
		}
		fams[f.ID] = true
		if f.Capacity < 0 || f.Capacity > 20 {
			fe.add("family", f.ID, "capacity", "must be 0 to 20")
		}
		f.Blocked.validate(&fe, "family", f.ID, "blocked")
	}
	agrs := make(map[string]bool, len(r.Agreements))
	type span struct {
		agreement  string
		start, end calendar.Date
	}
	children := map[string][]span{}
	for _, a := range r.Agreements {
		if a.ID == "" {
			fe.add("agreement", "", "id", "required")
		} else if agrs[a.ID] {
			fe.add("agreement", a.ID, "id", "duplicate")
		}
		agrs[a.ID] = true
		if !fams[a.FamilyID] {
			fe.add("agreement", a.ID, "family_id", "no such family in the request")
		}
		if !a.Frequency.valid() {
			fe.add("agreement", a.ID, "frequency", "must be monthly, twice_monthly, every_other_weekend or every_third_weekend")
		}
		if len(a.Children) < 1 || len(a.Children) > 3 {
			fe.add("agreement", a.ID, "children", "must hold 1 to 3 child IDs")
		}
		s, e := cmp.Or(a.Start, r.From), cmp.Or(a.End, r.To)
		if e.Before(s) {
			fe.add("agreement", a.ID, "end", "before start")
		}
		for i, c := range a.Children {
			if c == "" || slices.Contains(a.Children[:i], c) {
				fe.add("agreement", a.ID, fmt.Sprintf("children[%d]", i), "empty or repeated child ID")
				continue
			}
			for _, o := range children[c] {
				if !o.end.Before(s) && !e.Before(o.start) {
					fe.add("agreement", a.ID, fmt.Sprintf("children[%d]", i),
						"the child is in agreement "+o.agreement+" at the same time")
				}
			}
			children[c] = append(children[c], span{a.ID, s, e})
		}
		a.Blocked.validate(&fe, "agreement", a.ID, "blocked")
		for i, w := range a.Booked {
			if !w.Valid() {
				fe.add("agreement", a.ID, fmt.Sprintf("booked[%d]", i), "not an ISO week")
			} else if slices.Contains(a.Booked[:i], w) {
				fe.add("agreement", a.ID, fmt.Sprintf("booked[%d]", i), "booked twice")
			}
		}
		validateRanges(&fe, "agreement", a.ID, "extra", a.Extra)
	}
	return fe.err()
}

// PlanWeekends plans the weekend stays of every agreement in the horizon, exactly.
//
// The stays of each agreement are due in windows: a month (Monthly), half a month (TwiceMonthly) or a block of
// two or three consecutive weekends (EveryOtherWeekend, EveryThirdWeekend), counted within the horizon and the
// agreement's span. Each window wants one stay, at its ideal weekend: the same ordinal weekend of each month, or
// the same position in each block. A stay may be placed on a weekend of its window that neither side has blocked,
// and a family never hosts more children on a weekend than its capacity; siblings are one agreement, so they
// always come together. Bookings and extra stays are kept as given, use capacity, and meet the window they fall
// in (an extra stay only if it covers the whole weekend stay).
//
// Agreements belong to one family each, so every family is planned on its own. For each family PlanWeekends
// finds, exactly, a plan that first meets as many windows as possible and then minimises the sum over planned
// stays of the squared number of weeks from the ideal weekend; the choice of ideal weekend (phase) of each
// agreement is part of the optimum, enumerated for up to 64 combinations per family and improved agreement by
// agreement beyond that. When every agreement of a family has the same number of children, the placement is an
// assignment problem solved by matching/assign (rows: the windows; columns: the weekends' capacity slots; cost:
// the squared distance; with MaxCardinality); with sibling groups of different sizes it is a dynamic program over
// the weekends whose state is the set of agreements already served in their current window (at most 6 such
// agreements per family). Every window left without a stay is a Shortfall saying why.
//
// The same input gives the same plan. PlanWeekends returns a *FieldError-joined error wrapping ErrInvalidInput
// for an invalid request or options, an error wrapping calendar.ErrNoTimeZoneData without time zone data, or
// ctx's error if it is cancelled.
func PlanWeekends(ctx context.Context, req WeekendRequest, opt WeekendOptions) (*WeekendPlan, error) {
	loc, log, err := begin(opt.validate, req.Validate, opt.Logger)
	if err != nil {
		return nil, err
	}
	began := time.Now()
	h := newHorizon(req.From, req.To, &opt, loc)
	fams, err := h.families(req)
	if err != nil {
		return nil, err
	}
	plan := &WeekendPlan{From: req.From, To: req.To, Stays: []Stay{}, Agreements: []AgreementResult{},
		Shortfalls: []Shortfall{}}
	var solver assign.Solver
	for fi, f := range fams {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("scheduling: weekend plan: %w", err)
		}
		if err := h.solve(ctx, &solver, f); err != nil {
			return nil, fmt.Errorf("scheduling: weekend plan: family %s: %w", f.ID, err)
		}
		h.emit(f, plan)
		if opt.Progress != nil {
			opt.Progress(Progress{Phase: "weekends", Done: fi + 1, Total: len(fams)})
		}
	}
	slices.SortFunc(plan.Stays, stayOrder)
	log.Debug("weekend plan done", "families", len(fams), "agreements", len(req.Agreements),
		"stays", len(plan.Stays), "elapsed", time.Since(began))
	return plan, nil
}

func stayOrder(a, b Stay) int {
	return cmp.Or(a.From.Compare(b.From), cmp.Compare(a.FamilyID, b.FamilyID), cmp.Compare(a.AgreementID, b.AgreementID),
		a.To.Compare(b.To), cmp.Compare(a.Kind, b.Kind))
}
