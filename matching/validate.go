package matching

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Limits of the model.
const (
	// MaxSiblings is the largest sibling group placed as one unit.
	MaxSiblings = 6
	// maxIDLen and maxTextLen bound IDs and vocabulary strings.
	maxIDLen   = 64
	maxTextLen = 100
	// maxWindows bounds the weekly windows of one record.
	maxWindows = 7 * 24 * 4
)

// Validate checks the client on its own and returns one *FieldError per problem, joined; nil if there is none.
// Checks that need the pool (duplicate IDs, dates against AsOf, sibling groups) are done by Pool.Validate.
func (c Client) Validate() error { return c.validate(c.ID).err() }

func (c *Client) validate(id string) *fieldErrors {
	fe := &fieldErrors{record: "client", id: id}
	checkID(fe, c.ID)
	if !valid(supportLabels, int(c.Support)) {
		fe.add("support", "missing or unknown")
	}
	if !valid(lawLabels, int(c.Law)) {
		fe.add("law", "missing or unknown")
	} else if c.Support == SKKP && c.Law != SoL {
		fe.add("law", "särskilt kvalificerad kontaktperson is granted under SoL only")
	}
	if c.BirthDate.IsZero() {
		fe.add("birth_date", "missing")
	}
	if len(c.Needs) == 0 {
		fe.add("needs", "at least one need is required")
	}
	checkCodes(fe, "needs", c.Needs, needLabels)
	checkStrings(fe, "interests", c.Interests)
	checkStrings(fe, "dislikes", c.Dislikes)
	checkStrings(fe, "languages", c.Languages)
	checkLocation(fe, c.Location, c.MaxTravelKm)
	if len(c.Area) > maxTextLen {
		fe.add("area", "longer than %d bytes", maxTextLen)
	}
	checkWindows(fe, "availability", c.Availability)
	if c.Support.weekly() && len(c.Availability) == 0 {
		fe.add("availability", "a kontaktperson needs at least one weekly window")
	}
	checkWeekends(fe, c.Weekends)
	checkFrequency(fe, c.Support, c.Frequency)
	if c.DurationMonths < 0 {
		fe.add("duration_months", "negative")
	}
	checkExpectations(fe, c.Expectations)
	if c.SiblingGroup != "" {
		if len(c.SiblingGroup) > maxIDLen {
			fe.add("sibling_group", "longer than %d bytes", maxIDLen)
		}
		if c.Support != Kontaktfamilj {
			fe.add("sibling_group", "only a kontaktfamilj takes a sibling group")
		}
	}
	if int(c.Priority) >= len(priorityLabels) {
		fe.add("priority", "unknown")
	}
	for i, id := range c.Excluded {
		if strings.TrimSpace(id) == "" {
			fe.add(fmt.Sprintf("excluded_volunteers[%d]", i), "empty")
		}
	}
	return fe
}

// Validate checks the volunteer on its own and returns one *FieldError per problem, joined; nil if there is none.
// Checks that need the pool (duplicate IDs, dates and ages against AsOf) are done by Pool.Validate.
func (v Volunteer) Validate() error { return v.validate(v.ID).err() }

func (v *Volunteer) validate(id string) *fieldErrors {
	fe := &fieldErrors{record: "volunteer", id: id}
	checkID(fe, v.ID)
	if len(v.Offers) == 0 {
		fe.add("offers", "offers no kind of support")
	}
	for i, s := range v.Offers {
		switch s {
		case Kontaktperson, Kontaktfamilj:
		case SKKP:
			fe.add(fmt.Sprintf("offers[%d]", i), "offer kontaktperson and set skkp_qualified instead")
		default:
			fe.add(fmt.Sprintf("offers[%d]", i), "unknown")
		}
	}
	if hasDuplicate(v.Offers) {
		fe.add("offers", "listed twice")
	}
	if int(v.Gender) >= len(genderLabels) {
		fe.add("gender", "unknown")
	}
	if v.BirthYear <= 0 {
		fe.add("birth_year", "missing")
	}
	checkStrings(fe, "languages", v.Languages)
	checkStrings(fe, "interests", v.Interests)
	checkStrings(fe, "dislikes", v.Dislikes)
	checkCodes(fe, "experience", v.Experience, experienceLabels)
	checkLocation(fe, v.Location, v.MaxTravelKm)
	checkWindows(fe, "availability", v.Availability)
	if slices.Contains(v.Offers, Kontaktperson) && len(v.Availability) == 0 {
		fe.add("availability", "a kontaktperson needs at least one weekly window")
	}
	checkWeekends(fe, v.Weekends)
	if v.Capacity.Assignments < 0 {
		fe.add("capacity.assignments", "negative")
	}
	if v.Capacity.ChildrenPerWeekend < 0 || v.Capacity.ChildrenPerWeekend > MaxSiblings {
		fe.add("capacity.children_per_weekend", "must be within 0..%d", MaxSiblings)
	}
	if v.Household.OwnChildren < 0 {
		fe.add("household.own_children", "negative")
	}
	a := v.Accepts
	if a.MinAge < 0 || a.MaxAge < 0 || a.MinAge > 130 || a.MaxAge > 130 {
		fe.add("accepts", "ages must be within 0..130")
	} else if a.MaxAge > 0 && a.MinAge > a.MaxAge {
		fe.add("accepts.max_age", "below min_age")
	}
	checkCodes(fe, "accepts.ready_for", a.ReadyFor, needLabels)
	if v.CommitmentMonths < 0 {
		fe.add("commitment_months", "negative")
	}
	for i, as := range v.Assignments {
		p := fmt.Sprintf("assignments[%d]", i)
		if !valid(supportLabels, int(as.Support)) {
			fe.add(p+".support", "missing or unknown")
		}
		if as.Children < 0 || as.Children > MaxSiblings {
			fe.add(p+".children", "must be within 0..%d", MaxSiblings)
		}
		checkWindows(fe, p+".windows", as.Windows)
		for j, w := range as.Weekends {
			if !w.Valid() {
				fe.add(fmt.Sprintf("%s.weekends[%d]", p, j), "not a valid ISO week")
			}
		}
	}
	return fe
}

// Validate checks the whole pool: every record, duplicate IDs, dates against AsOf, ages, and the consistency of
// sibling groups. It returns one *FieldError per problem, joined with errors.Join, so that every bad record is
// reported; nil if there is none.
func (p Pool) Validate() error {
	var errs []error
	if p.AsOf.IsZero() {
		errs = append(errs, &FieldError{Record: "pool", Field: "as_of", Reason: "missing"})
	}
	seen := make(map[string]bool, len(p.Clients))
	groups := make(map[string][]int)
	for i := range p.Clients {
		c := &p.Clients[i]
		id := recordID(c.ID, "clients", i)
		fe := c.validate(id)
		if c.ID != "" && seen[c.ID] {
			fe.add("id", "duplicate")
		}
		seen[c.ID] = true
		if !p.AsOf.IsZero() {
			if c.BirthDate.After(p.AsOf) {
				fe.add("birth_date", "after as_of")
			} else if c.Support == SKKP && !c.BirthDate.IsZero() && calendar.Age(c.BirthDate, p.AsOf) >= 21 {
				fe.add("support", "särskilt kvalificerad kontaktperson is for young people under 21")
			}
			if c.WaitingSince.After(p.AsOf) {
				fe.add("waiting_since", "after as_of")
			}
		}
		if c.SiblingGroup != "" {
			groups[c.SiblingGroup] = append(groups[c.SiblingGroup], i)
		}
		errs = append(errs, fe.errs...)
	}
	errs = append(errs, checkSiblings(p.Clients, groups)...)
	clear(seen)
	for i := range p.Volunteers {
		v := &p.Volunteers[i]
		id := recordID(v.ID, "volunteers", i)
		fe := v.validate(id)
		if v.ID != "" && seen[v.ID] {
			fe.add("id", "duplicate")
		}
		seen[v.ID] = true
		if !p.AsOf.IsZero() {
			if age := p.AsOf.Year() - v.BirthYear; v.BirthYear > 0 && (age < 18 || age > 110) {
				fe.add("birth_year", "a volunteer must be 18 to 110 years old on as_of")
			}
			for c := CheckRegister; c <= CheckDecision; c++ {
				if v.Approval.date(c).After(p.AsOf) {
					fe.add("approval."+c.String(), "after as_of")
				}
			}
		}
		errs = append(errs, fe.errs...)
	}
	return errors.Join(errs...)
}

// checkSiblings checks that the members of each sibling group can be placed as one: same law, frequency and
// weekends, and no more than MaxSiblings.
func checkSiblings(cs []Client, groups map[string][]int) []error {
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var errs []error
	for _, g := range keys {
		idx := groups[g]
		if len(idx) > MaxSiblings {
			for _, i := range idx {
				errs = append(errs, &FieldError{Record: "client", ID: recordID(cs[i].ID, "clients", i),
					Field: "sibling_group", Reason: fmt.Sprintf("more than %d siblings in one group", MaxSiblings)})
			}
			continue
		}
		first := &cs[idx[0]]
		for _, i := range idx[1:] {
			c := &cs[i]
			fe := fieldErrors{record: "client", id: recordID(c.ID, "clients", i)}
			if c.Law != first.Law {
				fe.add("law", "differs within sibling group")
			}
			if c.Frequency.normal(c.Support) != first.Frequency.normal(first.Support) {
				fe.add("frequency", "differs within sibling group")
			}
			if !sameWeekends(c.Weekends, first.Weekends) {
				fe.add("weekends", "differ within sibling group")
			}
			errs = append(errs, fe.errs...)
		}
	}
	return errs
}

func sameWeekends(a, b Weekends) bool {
	if a.Parity != b.Parity {
		return false
	}
	x, y := slices.Clone(a.Blocked), slices.Clone(b.Blocked)
	slices.SortFunc(x, calendar.Week.Compare)
	slices.SortFunc(y, calendar.Week.Compare)
	return slices.Equal(slices.Compact(x), slices.Compact(y))
}

func recordID(id, list string, i int) string {
	if id == "" || safeID(id) != id {
		return fmt.Sprintf("%s[%d]", list, i)
	}
	return id
}

// safeID returns id if it is fit to appear in an error: not too long, no control characters.
func safeID(id string) string {
	if len(id) > maxIDLen {
		return ""
	}
	for _, r := range id {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return ""
		}
	}
	return id
}

func checkID(fe *fieldErrors, id string) {
	switch {
	case strings.TrimSpace(id) == "":
		fe.add("id", "missing")
	case safeID(id) != id:
		fe.add("id", "longer than %d bytes or holds control characters", maxIDLen)
	}
}

func checkCodes[T ~uint8](fe *fieldErrors, field string, xs []T, tab []label) {
	for i, x := range xs {
		if !valid(tab, int(x)) {
			fe.add(fmt.Sprintf("%s[%d]", field, i), "unknown code")
		}
	}
	if hasDuplicate(xs) {
		fe.add(field, "listed twice")
	}
}

func hasDuplicate[T comparable](xs []T) bool {
	for i := range xs {
		if slices.Contains(xs[:i], xs[i]) {
			return true
		}
	}
	return false
}

func checkStrings(fe *fieldErrors, field string, xs []string) {
	for i, s := range xs {
		switch {
		case strings.TrimSpace(s) == "":
			fe.add(fmt.Sprintf("%s[%d]", field, i), "empty")
		case len(s) > maxTextLen:
			fe.add(fmt.Sprintf("%s[%d]", field, i), "longer than %d bytes", maxTextLen)
		}
	}
}

func checkLocation(fe *fieldErrors, l Location, maxKm float64) {
	switch {
	case math.IsNaN(l.Lat) || l.Lat < -90 || l.Lat > 90:
		fe.add("location.lat", "must be within -90..90")
	case math.IsNaN(l.Lon) || l.Lon < -180 || l.Lon > 180:
		fe.add("location.lon", "must be within -180..180")
	case l == Location{}:
		fe.add("location", "missing")
	}
	if math.IsNaN(maxKm) || math.IsInf(maxKm, 0) || maxKm < 0 {
		fe.add("max_travel_km", "must be a finite number >= 0")
	}
}

func checkWindows(fe *fieldErrors, field string, ws []calendar.Window) {
	if len(ws) > maxWindows {
		fe.add(field, "more than %d windows", maxWindows)
		return
	}
	for i, w := range ws {
		if err := w.Validate(); err != nil {
			var we *calendar.WindowError
			if errors.As(err, &we) {
				fe.add(fmt.Sprintf("%s[%d].%s", field, i, we.Field), "%s", we.Reason)
			} else {
				fe.add(fmt.Sprintf("%s[%d]", field, i), "invalid window")
			}
		}
	}
}

func checkWeekends(fe *fieldErrors, w Weekends) {
	if int(w.Parity) >= len(parityLabels) {
		fe.add("weekends.parity", "unknown")
	}
	for i, wk := range w.Blocked {
		if !wk.Valid() {
			fe.add(fmt.Sprintf("weekends.blocked[%d]", i), "not a valid ISO week")
		}
	}
}

func checkFrequency(fe *fieldErrors, s Support, f Frequency) {
	if s == Kontaktfamilj {
		if f.MeetingsPerWeek != 0 || f.MeetingMinutes != 0 {
			fe.add("frequency", "a kontaktfamilj is planned in weekends_per_month")
		}
		if f.WeekendsPerMonth < 0 || f.WeekendsPerMonth > 4 {
			fe.add("frequency.weekends_per_month", "must be within 0..4")
		}
		return
	}
	if f.WeekendsPerMonth != 0 {
		fe.add("frequency.weekends_per_month", "a kontaktperson is planned in meetings_per_week")
	}
	if f.MeetingsPerWeek < 0 || f.MeetingsPerWeek > 7 {
		fe.add("frequency.meetings_per_week", "must be within 0..7")
	}
	if f.MeetingMinutes != 0 && (f.MeetingMinutes < 30 || f.MeetingMinutes > 720) {
		fe.add("frequency.meeting_minutes", "must be within 30..720")
	}
}

func checkExpectations(fe *fieldErrors, es []Expectation) {
	var kinds [WantNoChildrenInHome + 1]int
	for i, e := range es {
		p := fmt.Sprintf("expectations[%d]", i)
		if !valid(expectationLabels, int(e.Kind)) {
			fe.add(p+".kind", "missing or unknown")
			continue
		}
		kinds[e.Kind]++
		if e.Kind != WantLanguage && kinds[e.Kind] == 2 {
			fe.add(p+".kind", "stated twice")
		}
		hasGender, hasAge, hasLang := e.Gender != 0, e.MinAge != 0 || e.MaxAge != 0, e.Language != ""
		switch e.Kind {
		case WantGender:
			if !valid(genderLabels, int(e.Gender)) {
				fe.add(p+".gender", "missing or unknown")
			}
			hasGender = false
		case WantAge:
			switch {
			case !hasAge:
				fe.add(p, "volunteer_age needs min_age or max_age")
			case e.MinAge < 0 || e.MaxAge < 0 || e.MinAge > 130 || e.MaxAge > 130:
				fe.add(p, "ages must be within 0..130")
			case e.MaxAge > 0 && e.MinAge > e.MaxAge:
				fe.add(p+".max_age", "below min_age")
			}
			hasAge = false
		case WantLanguage:
			if strings.TrimSpace(e.Language) == "" || len(e.Language) > maxTextLen {
				fe.add(p+".language", "missing")
			}
			hasLang = false
		}
		if hasGender || hasAge || hasLang {
			fe.add(p, "a field that does not belong to kind %s is set", e.Kind)
		}
	}
}
