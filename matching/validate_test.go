package matching_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// fieldErrors returns "record id field" of every FieldError in err.
func fieldErrors(t *testing.T, err error) []string {
	t.Helper()
	var out []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *matching.FieldError
		require.ErrorAs(t, e, &fe)
		assert.ErrorIs(t, e, matching.ErrInvalidInput)
		out = append(out, fe.Record+" "+fe.ID+" "+fe.Field)
	}
	if err != nil {
		walk(err)
	}
	return out
}

func TestValidate(t *testing.T) {
	type (
		C = matching.Client
		V = matching.Volunteer
	)
	tests := []struct {
		name   string
		client func(*C)
		vol    func(*V)
		want   []string
	}{
		{"a valid pool", nil, nil, nil},
		{"missing client ID", func(c *C) { c.ID = "" }, nil, []string{"client clients[0] id"}},
		{"unknown support", func(c *C) { c.Support = 9 }, nil, []string{"client C-1 support"}},
		{"SKKP under LSS", func(c *C) { c.Support, c.Law = matching.SKKP, matching.LSS; c.BirthDate = date(2010, 1, 1) }, nil,
			[]string{"client C-1 law"}},
		{"SKKP for a 25-year-old", func(c *C) { c.Support, c.BirthDate = matching.SKKP, date(2001, 1, 1) }, nil,
			[]string{"client C-1 support"}},
		{"missing law", func(c *C) { c.Law = 0 }, nil, []string{"client C-1 law"}},
		{"birth date after as_of", func(c *C) { c.BirthDate = date(2027, 1, 1) }, nil, []string{"client C-1 birth_date"}},
		{"missing birth date", func(c *C) { c.BirthDate = calendar.Date{} }, nil, []string{"client C-1 birth_date"}},
		{"no needs", func(c *C) { c.Needs = nil }, nil, []string{"client C-1 needs"}},
		{"unknown need code", func(c *C) { c.Needs = []matching.Need{99} }, nil, []string{"client C-1 needs[0]"}},
		{"a need twice", func(c *C) { c.Needs = []matching.Need{matching.NeedLeisure, matching.NeedLeisure} }, nil,
			[]string{"client C-1 needs"}},
		{"an empty interest", func(c *C) { c.Interests = []string{" "} }, nil, []string{"client C-1 interests[0]"}},
		{"latitude out of range", func(c *C) { c.Location.Lat = 91 }, nil, []string{"client C-1 location.lat"}},
		{"longitude out of range", nil, func(v *V) { v.Location.Lon = -181 }, []string{"volunteer V-1 location.lon"}},
		{"no location", func(c *C) { c.Location = matching.Location{} }, nil, []string{"client C-1 location"}},
		{"negative travel limit", func(c *C) { c.MaxTravelKm = -1 }, nil, []string{"client C-1 max_travel_km"}},
		{"a window that ends before it starts", func(c *C) { c.Availability[1] = win(time.Thursday, 20, 17) }, nil,
			[]string{"client C-1 availability[1].end"}},
		{"a kontaktperson without windows", func(c *C) { c.Availability = nil }, nil, []string{"client C-1 availability"}},
		{"an invalid blocked week", func(c *C) { c.Weekends.Blocked = []calendar.Week{{Year: 2026, Number: 54}} }, nil,
			[]string{"client C-1 weekends.blocked[0]"}},
		{"weekends for a kontaktperson", func(c *C) { c.Frequency.WeekendsPerMonth = 1 }, nil,
			[]string{"client C-1 frequency.weekends_per_month"}},
		{"eight meetings a week", func(c *C) { c.Frequency.MeetingsPerWeek = 8 }, nil,
			[]string{"client C-1 frequency.meetings_per_week"}},
		{"a ten-minute meeting", func(c *C) { c.Frequency.MeetingMinutes = 10 }, nil,
			[]string{"client C-1 frequency.meeting_minutes"}},
		{"a gender expectation without gender", func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantGender}}
		}, nil, []string{"client C-1 expectations[0].gender"}},
		{"an age expectation upside down", func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantAge, MinAge: 40, MaxAge: 30}}
		}, nil, []string{"client C-1 expectations[0].max_age"}},
		{"a language expectation with a gender", func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantLanguage, Language: "ar", Gender: matching.Male}}
		}, nil, []string{"client C-1 expectations[0]"}},
		{"the same expectation twice", func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantCar}, {Kind: matching.WantCar, Required: true}}
		}, nil, []string{"client C-1 expectations[1].kind"}},
		{"an expectation of no kind", func(c *C) { c.Expectations = []matching.Expectation{{}} }, nil,
			[]string{"client C-1 expectations[0].kind"}},
		{"a kontaktperson in a sibling group", func(c *C) { c.SiblingGroup = "S-1" }, nil,
			[]string{"client C-1 sibling_group"}},
		{"waiting since after as_of", func(c *C) { c.WaitingSince = date(2026, 9, 1) }, nil,
			[]string{"client C-1 waiting_since"}},
		{"an empty excluded ID", func(c *C) { c.Excluded = []string{""} }, nil, []string{"client C-1 excluded_volunteers[0]"}},
		{"a volunteer offering nothing", nil, func(v *V) { v.Offers = nil }, []string{"volunteer V-1 offers"}},
		{"a volunteer offering SKKP", nil, func(v *V) { v.Offers = []matching.Support{matching.SKKP} },
			[]string{"volunteer V-1 offers[0]"}},
		{"a volunteer of 16", nil, func(v *V) { v.BirthYear = 2010 }, []string{"volunteer V-1 birth_year"}},
		{"negative capacity", nil, func(v *V) { v.Capacity.Assignments = -1 }, []string{"volunteer V-1 capacity.assignments"}},
		{"room for nine children", nil, func(v *V) { v.Capacity.ChildrenPerWeekend = 9 },
			[]string{"volunteer V-1 capacity.children_per_weekend"}},
		{"an approval check after as_of", nil, func(v *V) { v.Approval.References = date(2026, 8, 18) },
			[]string{"volunteer V-1 approval.references"}},
		{"accepted ages upside down", nil, func(v *V) { v.Accepts = matching.Accepts{MinAge: 12, MaxAge: 8} },
			[]string{"volunteer V-1 accepts.max_age"}},
		{"unknown experience", nil, func(v *V) { v.Experience = []matching.Experience{0} },
			[]string{"volunteer V-1 experience[0]"}},
		{"a running assignment of no kind", nil, func(v *V) { v.Assignments = []matching.Assignment{{}} },
			[]string{"volunteer V-1 assignments[0].support"}},
		{"an ID with a newline", nil, func(v *V) { v.ID = "V-1\n" }, []string{"volunteer volunteers[0] id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, v := kpClient("C-1"), volunteer("V-1")
			if tt.client != nil {
				tt.client(&c)
			}
			if tt.vol != nil {
				tt.vol(&v)
			}
			err := pool([]matching.Client{c}, []matching.Volunteer{v}).Validate()
			assert.Equal(t, tt.want, fieldErrors(t, err))
		})
	}
}

// Every bad record is reported, none dropped.
func TestValidateReportsEveryRecord(t *testing.T) {
	a, b, c := kpClient("C-1"), kpClient("C-1"), kpClient("C-3")
	c.Needs = nil
	c.Location.Lat = -100
	v1, v2 := volunteer("V-1"), volunteer("V-2")
	v2.Capacity.Assignments = -2
	p := matching.Pool{Clients: []matching.Client{a, b, c}, Volunteers: []matching.Volunteer{v1, v2, v1}}
	assert.Equal(t, []string{
		"pool  as_of",
		"client C-1 id",
		"client C-3 needs",
		"client C-3 location.lat",
		"volunteer V-2 capacity.assignments",
		"volunteer V-1 id",
	}, fieldErrors(t, p.Validate()))

	assert.NoError(t, kpClient("C-1").Validate())
	assert.Equal(t, []string{"client C-3 needs", "client C-3 location.lat"}, fieldErrors(t, c.Validate()))
	assert.Equal(t, []string{"volunteer V-2 capacity.assignments"}, fieldErrors(t, v2.Validate()))
}

func TestSiblingGroupConsistency(t *testing.T) {
	a, b := kfClient("C-1"), kfClient("C-2")
	a.SiblingGroup, b.SiblingGroup = "S-1", "S-1"
	b.Law = matching.LSS
	b.Frequency.WeekendsPerMonth = 2
	b.Weekends.Parity = matching.OddWeeks
	err := pool([]matching.Client{a, b}, nil).Validate()
	assert.Equal(t, []string{"client C-2 law", "client C-2 frequency", "client C-2 weekends"}, fieldErrors(t, err))

	var group []matching.Client
	for i := range matching.MaxSiblings + 1 {
		c := kfClient("C-" + string(rune('a'+i)))
		c.SiblingGroup = "S-2"
		group = append(group, c)
	}
	assert.Len(t, fieldErrors(t, pool(group, nil).Validate()), matching.MaxSiblings+1)
}

func TestFieldErrorText(t *testing.T) {
	err := &matching.FieldError{Record: "client", ID: "C-17", Field: "birth_date", Reason: "after as_of"}
	assert.Equal(t, "matching: invalid input: client C-17: birth_date: after as_of", err.Error())
	assert.True(t, errors.Is(err, matching.ErrInvalidInput))
	err = &matching.FieldError{Record: "pool", Field: "as_of", Reason: "missing"}
	assert.Equal(t, "matching: invalid input: pool: as_of: missing", err.Error())
}
