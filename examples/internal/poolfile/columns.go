package poolfile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Column is one column of a CSV file. A required column must be in the header; its cells may still be empty,
// which the library's validation then reports as missing.
type Column struct {
	Name     string
	Required bool
}

// ClientColumns returns the columns of a clients CSV file, in the order gen writes them.
func ClientColumns() []Column { return names(clientColumns) }

// VolunteerColumns returns the columns of a volunteers CSV file, in the order gen writes them.
func VolunteerColumns() []Column { return names(volunteerColumns) }

func names[T any](cols []column[T]) []Column {
	out := make([]Column, len(cols))
	for i, c := range cols {
		out[i] = Column{c.name, c.required}
	}
	return out
}

// column binds one CSV column to a field of T: get formats it ("" for a zero value that means "not stated"), set
// parses a non-empty cell and returns an error that does not repeat the cell.
type column[T any] struct {
	name     string
	required bool
	get      func(*T) string
	set      func(*T, string) error
}

// The constructors below build a column for each kind of field. The ones with a required flag are written even
// when zero.

func text[T any](name string, required bool, f func(*T) *string) column[T] {
	return column[T]{name, required,
		func(t *T) string { return *f(t) },
		func(t *T, s string) error { *f(t) = s; return nil }}
}

func texts[T any](name string, f func(*T) *[]string) column[T] {
	return column[T]{name, false,
		func(t *T) string { return strings.Join(*f(t), ListSeparator) },
		func(t *T, s string) error { *f(t) = splitList(s); return nil }}
}

func number[T any](name string, required bool, f func(*T) *float64) column[T] {
	return column[T]{name, required,
		func(t *T) string {
			if *f(t) == 0 && !required {
				return ""
			}
			return formatNumber(*f(t))
		},
		func(t *T, s string) (err error) { *f(t), err = parseNumber(s); return err }}
}

func whole[T any](name string, required bool, f func(*T) *int) column[T] {
	return column[T]{name, required,
		func(t *T) string {
			if *f(t) == 0 && !required {
				return ""
			}
			return strconv.Itoa(*f(t))
		},
		func(t *T, s string) (err error) { *f(t), err = parseWhole(s); return err }}
}

func flag[T any](name string, f func(*T) *bool) column[T] {
	return column[T]{name, false,
		func(t *T) string {
			if *f(t) {
				return "true"
			}
			return ""
		},
		func(t *T, s string) (err error) { *f(t), err = parseBool(s); return err }}
}

func date[T any](name string, required bool, f func(*T) *calendar.Date) column[T] {
	return column[T]{name, required,
		func(t *T) string {
			if f(t).IsZero() {
				return ""
			}
			return f(t).String()
		},
		func(t *T, s string) (err error) { *f(t), err = parseDate(s); return err }}
}

// code is a single code of one of matching's vocabularies; its zero value ("unset", "normal", "every") is
// written as an empty cell.
func code[T any, E interface {
	comparable
	fmt.Stringer
}, P textPtr[E]](name string, required bool, f func(*T) *E) column[T] {
	return column[T]{name, required,
		func(t *T) string {
			var zero E
			if *f(t) == zero {
				return ""
			}
			return (*f(t)).String()
		},
		func(t *T, s string) (err error) { *f(t), err = parseCode[E, P](s); return err }}
}

func codes[T any, E fmt.Stringer, P textPtr[E]](name string, required bool, f func(*T) *[]E) column[T] {
	return column[T]{name, required,
		func(t *T) string { return formatList(*f(t), E.String) },
		func(t *T, s string) (err error) { *f(t), err = parseList(s, parseCode[E, P]); return err }}
}

func windows[T any](name string, f func(*T) *[]calendar.Window) column[T] {
	return column[T]{name, false,
		func(t *T) string { return formatList(*f(t), calendar.Window.String) },
		func(t *T, s string) (err error) { *f(t), err = parseList(s, parseWindow); return err }}
}

func weeks[T any](name string, f func(*T) *[]calendar.Week) column[T] {
	return column[T]{name, false,
		func(t *T) string { return formatList(*f(t), calendar.Week.String) },
		func(t *T, s string) (err error) { *f(t), err = parseList(s, parseWeek); return err }}
}

type client = matching.Client

// clientColumns are the columns of a clients file. Each is named after the JSON field it fills.
var clientColumns = []column[client]{
	text("id", true, func(c *client) *string { return &c.ID }),
	code("support", true, func(c *client) *matching.Support { return &c.Support }),
	code("law", true, func(c *client) *matching.Law { return &c.Law }),
	date("birth_date", true, func(c *client) *calendar.Date { return &c.BirthDate }),
	codes("needs", true, func(c *client) *[]matching.Need { return &c.Needs }),
	texts("interests", func(c *client) *[]string { return &c.Interests }),
	texts("dislikes", func(c *client) *[]string { return &c.Dislikes }),
	texts("languages", func(c *client) *[]string { return &c.Languages }),
	number("location_lat", true, func(c *client) *float64 { return &c.Location.Lat }),
	number("location_lon", true, func(c *client) *float64 { return &c.Location.Lon }),
	text("area", false, func(c *client) *string { return &c.Area }),
	number("max_travel_km", false, func(c *client) *float64 { return &c.MaxTravelKm }),
	windows("availability", func(c *client) *[]calendar.Window { return &c.Availability }),
	code("weekends_parity", false, func(c *client) *matching.Parity { return &c.Weekends.Parity }),
	weeks("weekends_blocked", func(c *client) *[]calendar.Week { return &c.Weekends.Blocked }),
	whole("frequency_meetings_per_week", false, func(c *client) *int { return &c.Frequency.MeetingsPerWeek }),
	whole("frequency_meeting_minutes", false, func(c *client) *int { return &c.Frequency.MeetingMinutes }),
	whole("frequency_weekends_per_month", false, func(c *client) *int { return &c.Frequency.WeekendsPerMonth }),
	whole("duration_months", false, func(c *client) *int { return &c.DurationMonths }),
	{"expectations", false,
		func(c *client) string { return formatList(c.Expectations, formatExpectation) },
		func(c *client, s string) (err error) {
			c.Expectations, err = parseList(s, parseExpectation)
			return err
		}},
	text("sibling_group", false, func(c *client) *string { return &c.SiblingGroup }),
	code("priority", false, func(c *client) *matching.Priority { return &c.Priority }),
	date("waiting_since", false, func(c *client) *calendar.Date { return &c.WaitingSince }),
	texts("excluded_volunteers", func(c *client) *[]string { return &c.Excluded }),
}

type volunteer = matching.Volunteer

// volunteerColumns are the columns of a volunteers file. Each is named after the JSON field it fills.
var volunteerColumns = []column[volunteer]{
	text("id", true, func(v *volunteer) *string { return &v.ID }),
	codes("offers", true, func(v *volunteer) *[]matching.Support { return &v.Offers }),
	flag("skkp_qualified", func(v *volunteer) *bool { return &v.SKKPQualified }),
	date("approval_register_check", false, func(v *volunteer) *calendar.Date { return &v.Approval.RegisterCheck }),
	date("approval_social_services_check", false, func(v *volunteer) *calendar.Date { return &v.Approval.SocialServicesCheck }),
	date("approval_interview", false, func(v *volunteer) *calendar.Date { return &v.Approval.Interview }),
	date("approval_references", false, func(v *volunteer) *calendar.Date { return &v.Approval.References }),
	date("approval_home_visit", false, func(v *volunteer) *calendar.Date { return &v.Approval.HomeVisit }),
	date("approval_decision", false, func(v *volunteer) *calendar.Date { return &v.Approval.Decision }),
	code("gender", false, func(v *volunteer) *matching.Gender { return &v.Gender }),
	whole("birth_year", true, func(v *volunteer) *int { return &v.BirthYear }),
	texts("languages", func(v *volunteer) *[]string { return &v.Languages }),
	texts("interests", func(v *volunteer) *[]string { return &v.Interests }),
	texts("dislikes", func(v *volunteer) *[]string { return &v.Dislikes }),
	codes("experience", false, func(v *volunteer) *[]matching.Experience { return &v.Experience }),
	number("location_lat", true, func(v *volunteer) *float64 { return &v.Location.Lat }),
	number("location_lon", true, func(v *volunteer) *float64 { return &v.Location.Lon }),
	number("max_travel_km", false, func(v *volunteer) *float64 { return &v.MaxTravelKm }),
	windows("availability", func(v *volunteer) *[]calendar.Window { return &v.Availability }),
	code("weekends_parity", false, func(v *volunteer) *matching.Parity { return &v.Weekends.Parity }),
	weeks("weekends_blocked", func(v *volunteer) *[]calendar.Week { return &v.Weekends.Blocked }),
	whole("capacity_assignments", true, func(v *volunteer) *int { return &v.Capacity.Assignments }),
	whole("capacity_children_per_weekend", false, func(v *volunteer) *int { return &v.Capacity.ChildrenPerWeekend }),
	flag("capacity_accepts_siblings", func(v *volunteer) *bool { return &v.Capacity.AcceptsSiblings }),
	flag("household_pets", func(v *volunteer) *bool { return &v.Household.Pets }),
	flag("household_smoking", func(v *volunteer) *bool { return &v.Household.Smoking }),
	whole("household_own_children", false, func(v *volunteer) *int { return &v.Household.OwnChildren }),
	flag("household_car", func(v *volunteer) *bool { return &v.Household.Car }),
	whole("accepts_min_age", false, func(v *volunteer) *int { return &v.Accepts.MinAge }),
	whole("accepts_max_age", false, func(v *volunteer) *int { return &v.Accepts.MaxAge }),
	codes("accepts_ready_for", false, func(v *volunteer) *[]matching.Need { return &v.Accepts.ReadyFor }),
	whole("commitment_months", false, func(v *volunteer) *int { return &v.CommitmentMonths }),
	{"assignments", false,
		func(v *volunteer) string { return formatList(v.Assignments, formatAssignment) },
		func(v *volunteer, s string) (err error) {
			v.Assignments, err = parseList(s, parseAssignment)
			return err
		}},
}

// columnFor returns the column that holds a field the library names by its JSON path, and the rest of the path
// as a detail: "availability[2].end" is column "availability", detail "item 3, end". A field that spans several
// columns ("location") names them all.
func columnFor[T any](cols []column[T], field string) (name, detail string) {
	base, rest, indexed := strings.Cut(field, "[")
	name = strings.ReplaceAll(base, ".", "_")
	if indexed {
		var i int
		if _, err := fmt.Sscanf(rest, "%d]", &i); err == nil {
			detail = fmt.Sprintf("item %d", i+1)
			if _, sub, ok := strings.Cut(rest, "]."); ok {
				detail += ", " + sub
			}
		}
	}
	var prefixed []string
	for _, c := range cols {
		if c.name == name {
			return name, detail
		}
		if strings.HasPrefix(c.name, name+"_") {
			prefixed = append(prefixed, c.name)
		}
	}
	if len(prefixed) > 0 {
		return strings.Join(prefixed, "/"), detail
	}
	return field, ""
}
