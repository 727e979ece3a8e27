package scheduling

import (
	"fmt"
	"time"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// HalfDay says which day of a stay counts as half a dygn in SKR's counting.
type HalfDay uint8

const (
	// HalfOnArrival counts the arrival day as one halvdygn and every other day as two, so Friday to Sunday is
	// 5 halvdygn = 2½ dygn, as SKR's circulars and the one published split (Friday ½, Saturday and Sunday 1 each)
	// say. It is the zero value.
	HalfOnArrival HalfDay = iota
	// HalfOnDeparture counts the departure day as the half instead.
	HalfOnDeparture
)

// MarshalText returns "arrival" or "departure".
func (h HalfDay) MarshalText() ([]byte, error) {
	switch h {
	case HalfOnArrival:
		return []byte("arrival"), nil
	case HalfOnDeparture:
		return []byte("departure"), nil
	}
	return nil, fmt.Errorf("%w: half day %d", ErrInvalidInput, h)
}

// UnmarshalText reads "arrival" or "departure".
func (h *HalfDay) UnmarshalText(b []byte) error {
	switch string(b) {
	case "arrival":
		*h = HalfOnArrival
	case "departure":
		*h = HalfOnDeparture
	default:
		return &FieldError{Record: "options", Field: "half", Reason: `must be "arrival" or "departure"`}
	}
	return nil
}

// StayDay is one calendar day of a stay as compensation sees it: its halvdygn and what kind of day it is.
type StayDay struct {
	Date          calendar.Date      `json:"date"`
	Halvdygn      int                `json:"halvdygn"`                 // 1 (the half day) or 2
	Saturday      bool               `json:"saturday,omitempty"`       // the day is a Saturday
	Sunday        bool               `json:"sunday,omitempty"`         // the day is a Sunday
	PublicHoliday bool               `json:"public_holiday,omitempty"` // an allmän helgdag: every Sunday and the named days
	Eve           bool               `json:"eve,omitempty"`            // midsommarafton, julafton or nyårsafton
	Holidays      []calendar.Holiday `json:"holidays,omitempty"`       // the named days on the date, if any
}

// StayDays describes the days of a stay from arrival day from to departure day to, inclusive, in SKR's counting:
// the half day (the arrival day, or the departure day with HalfOnDeparture) counts 1 halvdygn and every other day
// 2, so a stay of n calendar days is 2n−1 halvdygn and Friday to Sunday is 5 halvdygn (2½ dygn). A visit within one
// day, which SKR does not price, counts 1 halvdygn. It returns nil if to is before from or the stay is longer than
// about ten years.
func StayDays(from, to calendar.Date, half HalfDay) []StayDay {
	n := to.Sub(from) + 1
	if n < 1 || n > maxHorizonDays+1 {
		return nil
	}
	halfAt := 0
	if half == HalfOnDeparture {
		halfAt = n - 1
	}
	days := make([]StayDay, n)
	for i := range days {
		d := from.AddDays(i)
		wd := d.Weekday()
		hd := 2
		if i == halfAt {
			hd = 1
		}
		days[i] = StayDay{
			Date:          d,
			Halvdygn:      hd,
			Saturday:      wd == time.Saturday,
			Sunday:        wd == time.Sunday,
			PublicHoliday: calendar.IsPublicHoliday(d),
			Eve:           calendar.IsEve(d),
			Holidays:      calendar.HolidayOn(d),
		}
	}
	if n == 1 {
		days[0].Halvdygn = 1
	}
	return days
}

// StayKind says where a stay in a weekend plan comes from.
type StayKind string

// The kinds of Stay.
const (
	StayPlanned StayKind = "planned" // placed by PlanWeekends to meet the agreement's frequency
	StayBooked  StayKind = "booked"  // an existing booking (Agreement.Booked), kept as it was
	StayExtra   StayKind = "extra"   // an explicit extra stay (Agreement.Extra), such as a lov week
	StayMakeUp  StayKind = "make_up" // a proposed make-up for a cancelled stay (RescheduleStay)
)

// Stay is one visit of an agreement's children to their kontaktfamilj. From and To are the arrival and departure
// days, which is all that compensation's Stay needs; Halvdygn and Days carry SKR's counting and the kind of each
// day, so that a payment can be checked against the plan without recomputing.
type Stay struct {
	AgreementID string        `json:"agreement_id"`
	FamilyID    string        `json:"family_id"`
	Children    []string      `json:"children"`            // the child IDs, a sibling group together
	Kind        StayKind      `json:"kind"`                // planned, booked, extra or make_up
	Week        calendar.Week `json:"week,omitzero"`       // the weekend's ISO week; zero for an extra stay
	Ideal       calendar.Week `json:"ideal_week,omitzero"` // where even spacing wanted a planned stay
	From        calendar.Date `json:"from"`                // arrival day
	To          calendar.Date `json:"to"`                  // departure day
	Start       time.Time     `json:"start"`               // arrival, Europe/Stockholm
	End         time.Time     `json:"end"`                 // departure, Europe/Stockholm
	Halvdygn    int           `json:"halvdygn"`            // sum of Days[i].Halvdygn; Friday–Sunday is 5
	Days        []StayDay     `json:"days"`                // one per calendar day, From to To
	Deviation   int           `json:"deviation,omitempty"` // weeks between Week and Ideal, for planned stays
}

// Dygn returns the stay's length in dygn, Halvdygn/2: 2.5 for Friday to Sunday.
func (s Stay) Dygn() float64 { return float64(s.Halvdygn) / 2 }
