package scheduling

import (
	"fmt"
	"slices"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// maxHorizonDays bounds every horizon and range (about ten years), so that no input can ask for an unbounded plan.
const maxHorizonDays = 3660

// DateRange is an inclusive range of civil days, such as a vacation from 2026-07-06 to 2026-07-26. Its JSON form is
// {"from":"2026-07-06","to":"2026-07-26"}.
type DateRange struct {
	From calendar.Date `json:"from"` // first day
	To   calendar.Date `json:"to"`   // last day, inclusive
}

// Contains reports whether d lies in r.
func (r DateRange) Contains(d calendar.Date) bool { return !d.Before(r.From) && !d.After(r.To) }

// overlaps reports whether r and the days from..to share a day.
func (r DateRange) overlaps(from, to calendar.Date) bool {
	return !r.To.Before(from) && !r.From.After(to)
}

// check reports what is wrong with r, or "" if it is usable.
func (r DateRange) check() string {
	switch {
	case r.From.IsZero() || r.To.IsZero():
		return "from and to are required"
	case r.To.Before(r.From):
		return fmt.Sprintf("to %s is before from %s", r.To, r.From)
	case r.To.Sub(r.From) > maxHorizonDays:
		return fmt.Sprintf("longer than %d days", maxHorizonDays)
	}
	return ""
}

func inAny(rs []DateRange, d calendar.Date) bool {
	return slices.ContainsFunc(rs, func(r DateRange) bool { return r.Contains(d) })
}

func overlapsAny(rs []DateRange, from, to calendar.Date) bool {
	return slices.ContainsFunc(rs, func(r DateRange) bool { return r.overlaps(from, to) })
}

// Pause is a planned break of all weekly meetings, such as a summer pause. A day is paused if its ISO week number
// lies in FromWeek..ToWeek (in any year; FromWeek > ToWeek wraps over New Year, as 51..1) or if it lies in one of
// Dates. The zero Pause pauses nothing.
type Pause struct {
	FromWeek int         `json:"from_week,omitempty"` // first ISO week number of a yearly pause, 1..53, e.g. 27; 0 means none
	ToWeek   int         `json:"to_week,omitempty"`   // last ISO week number, inclusive, e.g. 32
	Dates    []DateRange `json:"dates,omitempty"`     // explicit pauses
}

// Contains reports whether d is paused.
func (p Pause) Contains(d calendar.Date) bool {
	if p.FromWeek > 0 {
		n := d.ISOWeek().Number
		if p.FromWeek <= p.ToWeek && n >= p.FromWeek && n <= p.ToWeek ||
			p.FromWeek > p.ToWeek && (n >= p.FromWeek || n <= p.ToWeek) {
			return true
		}
	}
	return inAny(p.Dates, d)
}

func (p Pause) validate(fe *fieldErrors) {
	if p.FromWeek != 0 || p.ToWeek != 0 {
		if p.FromWeek < 1 || p.FromWeek > 53 || p.ToWeek < 1 || p.ToWeek > 53 {
			fe.add("options", "", "pause.from_week", "from_week and to_week must both be 1..53")
		}
	}
	for i, r := range p.Dates {
		if why := r.check(); why != "" {
			fe.add("options", "", fmt.Sprintf("pause.dates[%d]", i), why)
		}
	}
}

// Blocked lists the weekends one side cannot take: whole ISO weeks (the other parent's weekends, "vecka 12"),
// and date ranges (a family's own plans). A weekend is blocked if its week is listed or any day of the stay lies
// in one of the ranges.
type Blocked struct {
	Weeks []calendar.Week `json:"weeks,omitempty"`
	Dates []DateRange     `json:"dates,omitempty"`
}

// blocks reports whether b blocks the stay of week w that runs from..to.
func (b Blocked) blocks(w calendar.Week, from, to calendar.Date) bool {
	return slices.Contains(b.Weeks, w) || overlapsAny(b.Dates, from, to)
}

func (b Blocked) validate(fe *fieldErrors, record, id, field string) {
	for i, w := range b.Weeks {
		if !w.Valid() {
			fe.add(record, id, fmt.Sprintf("%s.weeks[%d]", field, i), "not an ISO week")
		}
	}
	for i, r := range b.Dates {
		if why := r.check(); why != "" {
			fe.add(record, id, fmt.Sprintf("%s.dates[%d]", field, i), why)
		}
	}
}
