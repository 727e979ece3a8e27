package compensation

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Assignment is one kontaktperson assignment (uppdrag), the input to PriceMonth. SKR recommends a monthly arvode
// range per category of contact and a monthly omkostnad in levels; both are per month and assignment.
type Assignment struct {
	ID       string        `json:"id"`          // opaque ID of the assignment; it appears on lines and in errors
	Law      Law           `json:"law"`         // SoL or LSS
	Category Group         `json:"category"`    // Category1, Category2, Category3 or CategorySKKP
	From     calendar.Date `json:"from"`        // the first day of the assignment
	To       calendar.Date `json:"to,omitzero"` // the last day; zero while it runs

	Omkostnad      Level `json:"omkostnad_level,omitempty"`  // 1 to 3; 0 means PersonPolicy.Omkostnad
	Arvode         Level `json:"arvode_level,omitempty"`     // 1 low end, 2 high end of the range; 0 means PersonPolicy.Arvode
	ArvodePerMonth Ore   `json:"arvode_per_month,omitempty"` // if positive, the monthly arvode decided for this assignment, in öre
}

// LogValue logs an Assignment as its ID only.
func (a Assignment) LogValue() slog.Value { return slog.StringValue(a.ID) }

// MonthLine is one month of a kontaktperson assignment. Amounts are in öre and rounded once, here.
type MonthLine struct {
	Assignment  string        `json:"assignment"` // the Assignment's ID
	Category    Group         `json:"category"`
	From        calendar.Date `json:"from"` // the first day of the month the assignment ran
	To          calendar.Date `json:"to"`   // the last day of the month the assignment ran
	Days        int           `json:"days"` // days of the month the assignment ran
	DaysInMonth int           `json:"days_in_month"`
	Rule        string        `json:"rule"` // "hel månad" or "pro rata 17/31 dagar", in Swedish

	OmkostnadLevel   Level  `json:"omkostnad_level"`
	OmkostnadRate    Ore    `json:"omkostnad_rate"` // per month, from the table in force, before Policy.OmkostnadPercent
	OmkostnadFrom    Status `json:"omkostnad_from"`
	Omkostnad        Ore    `json:"omkostnad"`
	OmkostnadTaxable Ore    `json:"omkostnad_taxable"` // the part above SKR's highest level: taxable

	ArvodeLevel Level  `json:"arvode_level"` // 0 when ArvodeFrom is Decided
	ArvodeRate  Ore    `json:"arvode_rate"`  // per month
	ArvodeFrom  Status `json:"arvode_from"`
	Arvode      Ore    `json:"arvode"`
}

// PriceMonth prices one month of a kontaktperson assignment under the Calculator's Policy: the category's monthly
// arvode at the chosen level (or the assignment's own amount) and the monthly omkostnad at the chosen level, from
// the table of the month's year. A month in which the assignment runs at least one day is paid in full, unless
// PersonPolicy.ProRata asks for amount × days ÷ days in the month. A month in which the assignment does not run
// gives a line with zero days and zero amounts.
//
// SKR publishes no level for the särskilt kvalificerad kontaktperson (CategorySKKP): its arvode comes from
// Policy.Tables or Assignment.ArvodePerMonth, or PriceMonth returns a *TableError (ErrNoTable). Kontaktperson
// tables are embedded only for 2018; for later years supply them in Policy.Tables.
func (c *Calculator) PriceMonth(a Assignment, year int, month time.Month) (*MonthLine, error) {
	if err := checkAssignment(a, a.ID); err != nil {
		return nil, err
	}
	if month < time.January || month > time.December || year < 1990 || year > 2199 {
		return nil, &FieldError{Record: "assignment", ID: a.ID, Field: "month", Reason: "want a month of 1990–2199"}
	}
	return c.monthLine(a, year, month, nil)
}

// checkAssignment reports every unusable field of a; id is its ID or, if it has none, its position.
func checkAssignment(a Assignment, id string) error {
	var errs []error
	bad := func(field, reason string) {
		errs = append(errs, &FieldError{Record: "assignment", ID: id, Field: field, Reason: reason})
	}
	if a.ID == "" {
		bad("id", "missing")
	}
	if !a.Law.valid() {
		bad("law", "want SoL or LSS")
	}
	switch a.Category {
	case Category1, Category2, Category3, CategorySKKP:
	default:
		bad("category", "want kategori-1, kategori-2, kategori-3 or skkp")
	}
	switch {
	case a.From.IsZero():
		bad("from", "unset")
	case !a.To.IsZero() && a.To.Before(a.From):
		bad("to", "before from")
	}
	if a.Omkostnad < 0 || a.Omkostnad > 3 {
		bad("omkostnadLevel", "want 1 to 3 (0: the policy's)")
	}
	if a.Arvode < 0 || a.Arvode > 2 {
		bad("arvodeLevel", "want 1 or 2 (0: the policy's)")
	}
	if a.ArvodePerMonth < 0 || a.ArvodePerMonth > maxRate {
		bad("arvodePerMonth", "want 0 to 1 000 000 kr")
	}
	return errors.Join(errs...)
}

// monthLine prices month of year for a, which must have passed checkAssignment, and adds the sources it uses
// to src.
func (c *Calculator) monthLine(a Assignment, year int, month time.Month, src *sourceSet) (*MonthLine, error) {
	pp := c.policy.Person
	dim := calendar.DaysIn(year, month)
	mStart, mEnd := calendar.NewDate(year, month, 1), calendar.NewDate(year, month, dim)
	last := mEnd
	if !a.To.IsZero() {
		last = calendar.MinDate(a.To, mEnd)
	}
	first := calendar.MaxDate(a.From, mStart)
	line := &MonthLine{Assignment: a.ID, Category: a.Category, DaysInMonth: dim,
		OmkostnadLevel: levelOr(a.Omkostnad, pp.Omkostnad)}
	if last.Before(first) {
		line.Rule = "uppdraget löper inte denna månad"
		return line, nil
	}
	line.From, line.To, line.Days = first, last, last.Sub(first)+1
	num, den := int64(1), int64(1)
	line.Rule = "hel månad"
	if pp.ProRata && line.Days < dim {
		num, den = int64(line.Days), int64(dim)
		line.Rule = fmt.Sprintf("pro rata %d/%d dagar", line.Days, dim)
	}
	wrap := func(err error) error { return fmt.Errorf("assignment %s: %w", a.ID, err) }
	var err error
	omk := Key{Kontaktperson, Omkostnad, "", line.OmkostnadLevel}
	if line.OmkostnadRate, line.OmkostnadFrom, err = c.rate(year, a.Law, omk, src); err != nil {
		return nil, wrap(err)
	}
	if line.Omkostnad, err = line.OmkostnadRate.MulDiv(int64(c.percent)*num, 100_00*den); err != nil {
		return nil, wrap(err)
	}
	ceil, err := c.ceiling(year, a.Law, omk)
	if err != nil {
		return nil, fmt.Errorf("assignment %s: tax-free ceiling: %w", a.ID, err)
	}
	if ceil, err = ceil.MulDiv(num, den); err != nil {
		return nil, wrap(err)
	}
	line.OmkostnadTaxable = max(0, line.Omkostnad-ceil)
	if a.ArvodePerMonth > 0 {
		line.ArvodeRate, line.ArvodeFrom = a.ArvodePerMonth, Decided
	} else {
		line.ArvodeLevel = levelOr(a.Arvode, pp.Arvode)
		if line.ArvodeRate, line.ArvodeFrom, err = c.rate(year, a.Law, Key{Kontaktperson, Arvode, a.Category, line.ArvodeLevel}, src); err != nil {
			return nil, wrap(err)
		}
	}
	if line.Arvode, err = line.ArvodeRate.MulDiv(num, den); err != nil {
		return nil, wrap(err)
	}
	return line, nil
}
