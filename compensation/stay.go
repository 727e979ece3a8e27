package compensation

import (
	"cmp"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Stay is one continuous kontaktfamilj or stödfamilj stay of one client, the input to PriceStay. The scheduling
// package produces its own stays; the examples convert them in a few lines.
type Stay struct {
	ID   string        `json:"id"`   // opaque ID of the stay; it appears on lines and in errors
	From calendar.Date `json:"from"` // the arrival day
	To   calendar.Date `json:"to"`   // the departure day, after From
	Law  Law           `json:"law"`  // SoL (kontaktfamilj) or LSS (stödfamilj)

	// BirthDate is the client's birth date, which decides the age band of each day. It is required unless Adult
	// is set, and it never appears in output or errors.
	BirthDate calendar.Date `json:"birth_date,omitzero"`

	// Adult says the insats was decided for an adult, which puts every day in SKR's band "Vuxna". The band is
	// taken from the decision, not from the age: a 19-year-old in a children's insats is "13+".
	Adult bool `json:"adult,omitempty"`

	Omkostnad    Level `json:"omkostnad_level,omitempty"` // 1 or 2; 0 means FamilyPolicy.Omkostnad
	Arvode       Level `json:"arvode_level,omitempty"`    // 1 to 3; 0 means FamilyPolicy.Arvode
	ArvodePerDay Ore   `json:"arvode_per_day,omitempty"`  // if positive, the arvode per day decided for this stay, in öre
}

// LogValue logs a Stay as its ID only: the birth date is personal data.
func (s Stay) LogValue() slog.Value { return slog.StringValue(s.ID) }

// DayLine is one day of a stay: how many halvdygn it counts, its band, its rates and amounts, and whether its
// arvode is doubled and why. Amounts are in öre and rounded once, here.
type DayLine struct {
	Stay     string        `json:"stay"`     // the Stay's ID
	Date     calendar.Date `json:"date"`     // the day
	Day      int           `json:"day"`      // 1 for the arrival day, counted on for the 14-day rule
	Halvdygn int           `json:"halvdygn"` // 1 (the half dygn) or 2 (a whole dygn)
	Band     Group         `json:"band"`     // the age band of the day

	OmkostnadLevel   Level  `json:"omkostnad_level"`
	OmkostnadRate    Ore    `json:"omkostnad_rate"`    // per dygn, from the table in force, before Policy.OmkostnadPercent
	OmkostnadFrom    Status `json:"omkostnad_from"`    // where OmkostnadRate comes from
	Omkostnad        Ore    `json:"omkostnad"`         // OmkostnadRate × Halvdygn ÷ 2 × OmkostnadPercent
	OmkostnadTaxable Ore    `json:"omkostnad_taxable"` // the part of Omkostnad above SKR's highest level: taxable

	ArvodeLevel Level  `json:"arvode_level"`     // 0 when ArvodeFrom is Decided
	ArvodeRate  Ore    `json:"arvode_rate"`      // per day, before doubling
	ArvodeFrom  Status `json:"arvode_from"`      // where ArvodeRate comes from
	Doubled     bool   `json:"doubled"`          // arvode is doubled on this day
	Reason      string `json:"reason,omitempty"` // why the day is or is not doubled, in Swedish; empty for a plain weekday
	Arvode      Ore    `json:"arvode"`           // ArvodeRate × Halvdygn ÷ 2, doubled if Doubled
}

// StayPrice is the price of one stay, day by day.
type StayPrice struct {
	Stay             string    `json:"stay"`
	Halvdygn         int       `json:"halvdygn"`
	Days             []DayLine `json:"days"`
	Omkostnad        Ore       `json:"omkostnad"`
	OmkostnadTaxable Ore       `json:"omkostnad_taxable"`
	Arvode           Ore       `json:"arvode"`
}

// Total returns omkostnad plus arvode, in öre.
func (p *StayPrice) Total() Ore { return p.Omkostnad + p.Arvode }

// PriceStay prices a stay day by day under the Calculator's Policy:
//
//   - The arrival day counts one halvdygn, every other day two (FamilyPolicy.HalfOnDeparture moves the half to
//     the departure day), so Friday to Sunday is 2½ dygn.
//   - Each day is priced with the table of its own year, so a stay across New Year uses both years' tables.
//   - The band is the client's age on that day (FamilyPolicy.BandAtArrival: on the arrival day), or "vuxna" for
//     an adult insats.
//   - Arvode is doubled on Saturdays, Sundays and helgdagar (Lag 1989:253), and, for a stay longer than 14 days,
//     only on days 1 to 14.
//
// It returns a *FieldError (ErrInvalidInput) for an unusable stay and a *TableError (ErrNoTable) if a day lacks a
// figure, naming the year and cell.
func (c *Calculator) PriceStay(s Stay) (*StayPrice, error) {
	p := &StayPrice{Stay: s.ID}
	if err := checkStay(s, s.ID); err != nil {
		return nil, err
	}
	p.Halvdygn = 2*s.To.Sub(s.From) + 1
	var err error
	p.Days, err = c.stayDays(s, make([]DayLine, 0, s.To.Sub(s.From)+1), 0, 0, nil)
	if err != nil {
		return nil, err
	}
	for _, d := range p.Days {
		var ok1, ok2, ok3 bool
		p.Omkostnad, ok1 = add(p.Omkostnad, d.Omkostnad)
		p.OmkostnadTaxable, ok2 = add(p.OmkostnadTaxable, d.OmkostnadTaxable)
		p.Arvode, ok3 = add(p.Arvode, d.Arvode)
		if !ok1 || !ok2 || !ok3 {
			return nil, fmt.Errorf("stay %s: %w", s.ID, errOverflow("stay total"))
		}
	}
	return p, nil
}

// PriceStaysInMonth prices the days of stays that fall in month of year, by the rules of PriceStay: a stay that
// began in the month before keeps its day numbers (for the 14-day rule) and its half dygn. Lines sort by date, then
// by stay ID; a stay with no day in the month adds no line. It returns every unusable stay as *FieldError values
// joined with errors.Join, and a *TableError if a day lacks a figure.
func (c *Calculator) PriceStaysInMonth(stays []Stay, year int, month time.Month) ([]DayLine, error) {
	var errs []error
	if month < time.January || month > time.December || year < 1990 || year > 2199 {
		errs = append(errs, &FieldError{Record: "stays", Field: "month", Reason: "want a month of 1990–2199"})
	}
	if err := checkStays(stays); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return c.daysInMonth(stays, year, month, nil)
}

// daysInMonth is PriceStaysInMonth for checked stays; it adds the sources it uses to src.
func (c *Calculator) daysInMonth(stays []Stay, year int, month time.Month, src *sourceSet) ([]DayLine, error) {
	sorted := slices.Clone(stays)
	slices.SortFunc(sorted, func(a, b Stay) int { return cmp.Compare(a.ID, b.ID) })
	n := 0
	for _, s := range sorted {
		n += min(s.To.Sub(s.From)+1, 31)
	}
	lines := make([]DayLine, 0, n)
	var err error
	for _, s := range sorted {
		if lines, err = c.stayDays(s, lines, year, month, src); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(lines, func(a, b DayLine) int { return a.Date.Compare(b.Date) })
	return lines, nil
}

// checkStays reports every unusable stay, naming a stay without ID by its position, and IDs used twice.
func checkStays(stays []Stay) error {
	var errs []error
	seen := make(map[string]bool, len(stays))
	for i, s := range stays {
		id := s.ID
		if id == "" {
			id = fmt.Sprintf("stays[%d]", i)
		} else if seen[id] {
			errs = append(errs, &FieldError{Record: "stay", ID: id, Field: fmt.Sprintf("stays[%d].id", i), Reason: "a second stay with the same ID"})
		}
		seen[id] = true
		if err := checkStay(s, id); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// checkStay reports every unusable field of s; id is its ID or, if it has none, its position.
func checkStay(s Stay, id string) error {
	var errs []error
	if s.ID == "" {
		errs = append(errs, &FieldError{Record: "stay", ID: id, Field: "id", Reason: "missing"})
	}
	if err := checkSpan("stay", id, s.From, s.To); err != nil {
		errs = append(errs, err)
	}
	if !s.Law.valid() {
		errs = append(errs, &FieldError{Record: "stay", ID: id, Field: "law", Reason: "want SoL or LSS"})
	}
	switch {
	case s.Adult:
	case s.BirthDate.IsZero():
		errs = append(errs, &FieldError{Record: "stay", ID: id, Field: "birthDate", Reason: "required unless adult"})
	case s.BirthDate.After(s.From):
		errs = append(errs, &FieldError{Record: "stay", ID: id, Field: "birthDate", Reason: "after the arrival day"})
	}
	if s.Omkostnad < 0 || s.Omkostnad > 2 {
		errs = append(errs, &FieldError{Record: "stay", ID: id, Field: "omkostnadLevel", Reason: "want 1 or 2 (0: the policy's)"})
	}
	if s.Arvode < 0 || s.Arvode > 3 {
		errs = append(errs, &FieldError{Record: "stay", ID: id, Field: "arvodeLevel", Reason: "want 1 to 3 (0: the policy's)"})
	}
	if s.ArvodePerDay < 0 || s.ArvodePerDay > maxRate {
		errs = append(errs, &FieldError{Record: "stay", ID: id, Field: "arvodePerDay", Reason: "want 0 to 1 000 000 kr"})
	}
	return errors.Join(errs...)
}

// stayDays appends the day lines of s to dst; if year is not zero, only the days of that month. s must have
// passed checkStay. It adds the sources it uses to src.
func (c *Calculator) stayDays(s Stay, dst []DayLine, year int, month time.Month, src *sourceSet) ([]DayLine, error) {
	fp := c.policy.Family
	omkLevel := levelOr(s.Omkostnad, fp.Omkostnad)
	arvLevel := levelOr(s.Arvode, fp.Arvode)
	arvodePerDay := s.ArvodePerDay
	if arvodePerDay == 0 {
		arvodePerDay = fp.ArvodePerDay
	}
	halfDay := s.From
	if fp.HalfOnDeparture {
		halfDay = s.To
	}
	first, last := s.From, s.To
	if year != 0 {
		mStart := calendar.NewDate(year, month, 1)
		mEnd := calendar.NewDate(year, month, calendar.DaysIn(year, month))
		first, last = calendar.MaxDate(first, mStart), calendar.MinDate(last, mEnd)
	}
	for i := range last.Sub(first) + 1 { // counted, not compared: AddDays saturates at the end of the calendar
		d := first.AddDays(i)
		line := DayLine{Stay: s.ID, Date: d, Day: d.Sub(s.From) + 1, Halvdygn: 2, OmkostnadLevel: omkLevel}
		if d == halfDay {
			line.Halvdygn = 1
		}
		line.Band = BandVuxna
		if !s.Adult {
			on := d
			if fp.BandAtArrival {
				on = s.From
			}
			line.Band = Band0to12
			if calendar.Age(s.BirthDate, on) >= 13 {
				line.Band = Band13Plus
			}
		}
		y := d.Year()
		var err error
		omk := Key{Kontaktfamilj, Omkostnad, line.Band, omkLevel}
		if line.OmkostnadRate, line.OmkostnadFrom, err = c.rate(y, s.Law, omk, src); err != nil {
			return nil, fmt.Errorf("stay %s: %w", s.ID, err)
		}
		if line.Omkostnad, err = line.OmkostnadRate.MulDiv(int64(c.percent)*int64(line.Halvdygn), 100_00*2); err != nil {
			return nil, fmt.Errorf("stay %s: %w", s.ID, err)
		}
		ceil, err := c.ceiling(y, s.Law, omk)
		if err != nil {
			return nil, fmt.Errorf("stay %s: tax-free ceiling: %w", s.ID, err)
		}
		if ceil, err = ceil.MulDiv(int64(line.Halvdygn), 2); err != nil {
			return nil, fmt.Errorf("stay %s: %w", s.ID, err)
		}
		line.OmkostnadTaxable = max(0, line.Omkostnad-ceil)
		if arvodePerDay > 0 {
			line.ArvodeRate, line.ArvodeFrom = arvodePerDay, Decided
		} else {
			line.ArvodeLevel = arvLevel
			if line.ArvodeRate, line.ArvodeFrom, err = c.rate(y, s.Law, Key{Kontaktfamilj, Arvode, line.Band, arvLevel}, src); err != nil {
				return nil, fmt.Errorf("stay %s: %w", s.ID, err)
			}
		}
		line.Doubled, line.Reason = c.doubling(d, line.Day, line.Halvdygn)
		factor := int64(line.Halvdygn)
		if line.Doubled {
			factor *= 2
		}
		if line.Arvode, err = line.ArvodeRate.MulDiv(factor, 2); err != nil {
			return nil, fmt.Errorf("stay %s: %w", s.ID, err)
		}
		dst = append(dst, line)
	}
	return dst, nil
}

// doubling says whether the arvode of day d, the day-th day of its stay, counting halvdygn halvdygn, is doubled,
// and why in Swedish.
func (c *Calculator) doubling(d calendar.Date, day, halvdygn int) (bool, string) {
	why := ""
	switch wd := d.Weekday(); {
	case calendar.IsPublicHoliday(d):
		why = "söndag"
		if names := holidayNames(d, calendar.Public); names != "" {
			why = "helgdag: " + names
		}
	case wd == time.Saturday:
		why = "lördag"
	case c.policy.Family.DoubleEves && calendar.IsEve(d):
		why = "afton: " + holidayNames(d, calendar.Eve)
	default:
		return false, ""
	}
	switch {
	case day > 14:
		return false, fmt.Sprintf("ej dubbelt (%s): dag %d av en vistelse över 14 dagar", why, day)
	case halvdygn == 1 && c.policy.Family.SingleHalfDygn:
		return false, fmt.Sprintf("ej dubbelt (%s): halvdygn, enligt kommunens riktlinje", why)
	}
	return true, why
}

// holidayNames returns the names of the days of kind on d, joined by " och ".
func holidayNames(d calendar.Date, kind calendar.Kind) string {
	var names []string
	for _, h := range calendar.HolidayOn(d) {
		if h.Kind == kind {
			names = append(names, h.Name)
		}
	}
	return strings.Join(names, " och ")
}
