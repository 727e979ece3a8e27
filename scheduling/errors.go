package scheduling

import (
	"errors"
	"fmt"
)

// ErrInvalidInput is wrapped by every *FieldError: a request or an option that cannot be planned with.
var ErrInvalidInput = errors.New("scheduling: invalid input")

// ErrNotInPlan reports that a cancellation names a meeting or stay that the plan does not hold as held.
var ErrNotInPlan = errors.New("scheduling: no such item in the plan")

// FieldError reports one unusable field of one record. It holds the record's opaque ID and never personal data.
type FieldError struct {
	Record string // "pair", "volunteer", "family", "agreement", "request" or "options"
	ID     string // the record's opaque ID; empty for "request" and "options"
	Field  string // e.g. "client_windows[2]", "per_week", "booked[0]"
	Reason string // what is wrong, e.g. "must be 1 or 2"
}

// Error returns e.g. "scheduling: pair P-17: per_week: must be 1 or 2".
func (e *FieldError) Error() string {
	if e.ID == "" {
		return fmt.Sprintf("scheduling: %s: %s: %s", e.Record, e.Field, e.Reason)
	}
	return fmt.Sprintf("scheduling: %s %s: %s: %s", e.Record, e.ID, e.Field, e.Reason)
}

// Unwrap returns ErrInvalidInput.
func (e *FieldError) Unwrap() error { return ErrInvalidInput }

// fieldErrors collects the FieldErrors of a validation so that every bad record is reported at once.
type fieldErrors []error

func (fe *fieldErrors) add(record, id, field, reason string) {
	*fe = append(*fe, &FieldError{Record: record, ID: id, Field: field, Reason: reason})
}

func (fe fieldErrors) err() error { return errors.Join(fe...) }

// Status says what became of a planned meeting.
type Status string

// The statuses of a Meeting.
const (
	Planned   Status = "planned"   // held at the regular weekly slot
	Moved     Status = "moved"     // held at another time in the same ISO week; RegularStart says where it belonged
	Skipped   Status = "skipped"   // not held, by policy (a holiday under Skip, a pause, an absence under Skip)
	Conflict  Status = "conflict"  // due to be moved but no free time was left in its week: needs a person to decide
	Cancelled Status = "cancelled" // cancelled by a caller (see RescheduleMeeting)
	MakeUp    Status = "make_up"   // a proposed make-up for a cancelled meeting
)

// Held reports whether a meeting with status s takes place: Planned, Moved or MakeUp.
func (s Status) Held() bool { return s == Planned || s == Moved || s == MakeUp }

// Reason says why a meeting is not at its regular time, why a stay is missing, or why no make-up exists.
type Reason string

// The reasons reported in plans and proposals.
const (
	ReasonPublicHoliday   Reason = "public_holiday"   // a named allmän helgdag (Lag 1989:253), not an ordinary Sunday
	ReasonEve             Reason = "eve"              // midsommarafton, julafton or nyårsafton, with EvesLikeHolidays
	ReasonPause           Reason = "pause"            // inside the pause of WeeklyOptions.Pause
	ReasonVolunteerAway   Reason = "volunteer_away"   // inside one of the volunteer's Away ranges
	ReasonClientAway      Reason = "client_away"      // inside one of the pair's ClientAway ranges
	ReasonNoCommonTime    Reason = "no_common_time"   // the two weeks never overlap for a whole meeting
	ReasonVolunteerBooked Reason = "volunteer_booked" // the common time is all taken by the parties' other pairs
	ReasonNoFreeSlot      Reason = "no_free_slot"     // every candidate time in the window is taken or excluded
	ReasonChildBlocked    Reason = "child_blocked"    // every weekend of the window is blocked on the child's side
	ReasonFamilyBlocked   Reason = "family_blocked"   // every weekend of the window is blocked on the family's side
	ReasonBlocked         Reason = "blocked"          // every weekend of the window is blocked, by one side or the other
	ReasonCapacity        Reason = "capacity"         // free weekends existed, but the family's capacity was used up
	ReasonHorizon         Reason = "horizon"          // the horizon (or the agreement's span) cut the window short
)
