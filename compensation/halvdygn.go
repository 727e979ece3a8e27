package compensation

import "github.com/kontaktlab/kontakt/scheduling/calendar"

// Halvdygn returns the number of halvdygn (half dygn) of a kontaktfamilj stay from the arrival day from to the
// departure day to: every calendar day of the stay counts two halvdygn (one dygn) except one, which counts one,
// so the count is 2 × (to − from) + 1, the nights times two plus one. Friday to Sunday is 5 halvdygn: SKR's
// "Om vistelsen är fredag till söndag räknas det som 2 ½ dygn". Which day is the half is a Policy choice
// (FamilyPolicy.HalfOnDeparture); the count does not depend on it.
//
// A same-day visit (to equal to from) has no night and no SKR rule, so it is rejected, as are an unset date, to
// before from and a stay of more than MaxStayNights nights: the error is a *FieldError wrapping ErrInvalidInput.
func Halvdygn(from, to calendar.Date) (int, error) {
	if err := checkSpan("stay", "", from, to); err != nil {
		return 0, err
	}
	return 2*to.Sub(from) + 1, nil
}

// checkSpan checks the arrival and departure days of a stay.
func checkSpan(record, id string, from, to calendar.Date) *FieldError {
	switch {
	case from.IsZero():
		return &FieldError{Record: record, ID: id, Field: "from", Reason: "unset"}
	case to.IsZero():
		return &FieldError{Record: record, ID: id, Field: "to", Reason: "unset"}
	case to.Before(from):
		return &FieldError{Record: record, ID: id, Field: "to", Reason: "before from"}
	case to == from:
		return &FieldError{Record: record, ID: id, Field: "to",
			Reason: "same-day visit: a stay needs at least one night (SKR counts dygn; halvdygn are undefined without one)"}
	case to.Sub(from) > MaxStayNights:
		return &FieldError{Record: record, ID: id, Field: "to", Reason: "stay longer than 366 nights"}
	}
	return nil
}

// MaxStayNights is the longest stay this package prices, in nights. A kontaktfamilj stay is a weekend or a school
// holiday; a year-long stay is an input error (or familjehem, which SKR prices by other circulars).
const MaxStayNights = 366
