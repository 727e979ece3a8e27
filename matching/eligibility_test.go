package matching_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Each hard rule on its own, between one client and one volunteer that are otherwise a fine pair.
func TestEligibility(t *testing.T) {
	type (
		C = matching.Client
		V = matching.Volunteer
		O = matching.Options
	)
	skkp := func(c *C) {
		c.Support, c.BirthDate = matching.SKKP, date(2010, time.January, 5)
		c.Needs = []matching.Need{matching.NeedCrimeRisk}
	}
	family := func(c *C) { *c = kfClient(c.ID) }
	tests := []struct {
		name    string
		client  func(*C)
		vol     func(*V)
		opt     func(*O)
		want    []matching.Reason
		details map[matching.Reason][]string
	}{
		{name: "a fine pair"},
		{name: "excluded by the client", client: func(c *C) { c.Excluded = []string{"V-1"} },
			want: []matching.Reason{matching.ReasonExcluded}},
		{name: "declined proposal", opt: func(o *O) { o.Forbidden = []matching.PairRef{{ClientID: "C-1", VolunteerID: "V-1"}} },
			want: []matching.Reason{matching.ReasonForbidden}},
		{name: "offers only kontaktfamilj", vol: func(v *V) { v.Offers = []matching.Support{matching.Kontaktfamilj} },
			want: []matching.Reason{matching.ReasonWrongSupport}},
		{name: "offers only kontaktperson", client: family, vol: func(v *V) { v.Offers = []matching.Support{matching.Kontaktperson} },
			want: []matching.Reason{matching.ReasonWrongSupport}},
		{name: "no decision yet", vol: func(v *V) { v.Approval.Decision = calendar.Date{} },
			want: []matching.Reason{matching.ReasonNotApproved}},
		{name: "decision older than 24 months", vol: func(v *V) { v.Approval.Decision = date(2024, time.August, 17) },
			want: []matching.Reason{matching.ReasonApprovalExpired}},
		{name: "decision a day short of 24 months", vol: func(v *V) { v.Approval.Decision = date(2024, time.August, 18) }},
		{name: "longer validity", vol: func(v *V) { v.Approval.Decision = date(2023, time.January, 1) },
			opt: func(o *O) { o.ApprovalValidityMonths = 48 }},
		{name: "approvals that never expire", vol: func(v *V) { v.Approval.Decision = date(2015, time.January, 1) },
			opt: func(o *O) { o.ApprovalValidityMonths = -1 }},
		{name: "references missing", vol: func(v *V) { v.Approval.References = calendar.Date{} },
			want:    []matching.Reason{matching.ReasonMissingCheck},
			details: map[matching.Reason][]string{matching.ReasonMissingCheck: {"references"}}},
		{name: "register checks missing", vol: func(v *V) {
			v.Approval.RegisterCheck, v.Approval.SocialServicesCheck = calendar.Date{}, calendar.Date{}
		},
			want:    []matching.Reason{matching.ReasonMissingCheck},
			details: map[matching.Reason][]string{matching.ReasonMissingCheck: {"register_check", "social_services_check"}}},
		{name: "no home visit for a family", client: family, vol: func(v *V) { v.Approval.HomeVisit = calendar.Date{} },
			want: []matching.Reason{matching.ReasonNoHomeVisit}},
		{name: "no home visit is fine for a kontaktperson", vol: func(v *V) { v.Approval.HomeVisit = calendar.Date{} }},
		{name: "SKKP needs a qualified volunteer", client: skkp,
			want: []matching.Reason{matching.ReasonNotQualified}},
		{name: "SKKP with a qualified volunteer", client: skkp, vol: func(v *V) { v.SKKPQualified = true }},
		{name: "SKKP from a family only", client: skkp, vol: func(v *V) {
			v.SKKPQualified, v.Offers = true, []matching.Support{matching.Kontaktfamilj}
		}, want: []matching.Reason{matching.ReasonWrongSupport}},
		{name: "beyond the volunteer's limit", vol: func(v *V) { v.MaxTravelKm = 1.5 },
			want:    []matching.Reason{matching.ReasonTooFar},
			details: map[matching.Reason][]string{matching.ReasonTooFar: {"volunteer"}}},
		{name: "beyond the client's limit", client: func(c *C) { c.MaxTravelKm = 1 },
			want:    []matching.Reason{matching.ReasonTooFar},
			details: map[matching.Reason][]string{matching.ReasonTooFar: {"client"}}},
		{name: "beyond the pool-wide limit", opt: func(o *O) { o.MaxDistanceKm = 1 },
			want:    []matching.Reason{matching.ReasonTooFar},
			details: map[matching.Reason][]string{matching.ReasonTooFar: {"options"}}},
		{name: "within every limit", client: func(c *C) { c.MaxTravelKm = 2.5 }, opt: func(o *O) { o.MaxDistanceKm = 3 }},
		{name: "no common weekday", vol: func(v *V) { v.Availability = []calendar.Window{win(time.Monday, 16, 21)} },
			want:    []matching.Reason{matching.ReasonNoTime},
			details: map[matching.Reason][]string{matching.ReasonNoTime: {"weekly"}}},
		{name: "two common hours, but not in one run", client: func(c *C) {
			c.Availability = []calendar.Window{win(time.Tuesday, 17, 18), win(time.Tuesday, 19, 20)}
		}, want: []matching.Reason{matching.ReasonNoTime}},
		{name: "a 90-minute meeting fits a split evening", client: func(c *C) {
			c.Availability = []calendar.Window{win(time.Tuesday, 17, 18), win(time.Tuesday, 19, 20)}
			c.Frequency.MeetingMinutes = 60
		}},
		{name: "two meetings a week need two days", client: func(c *C) { c.Frequency.MeetingsPerWeek = 2 },
			vol:  func(v *V) { v.Availability = []calendar.Window{win(time.Tuesday, 12, 23)} },
			want: []matching.Reason{matching.ReasonNoTime}},
		{name: "two meetings a week on two days", client: func(c *C) { c.Frequency.MeetingsPerWeek = 2 }},
		{name: "a running assignment takes the evenings", vol: func(v *V) {
			v.Capacity.Assignments = 2
			v.Assignments = []matching.Assignment{{Support: matching.Kontaktperson, Windows: v.Availability}}
		}, want: []matching.Reason{matching.ReasonNoTime}},
		{name: "even weekends against odd ones", client: func(c *C) {
			*c = kfClient(c.ID)
			c.Weekends.Parity = matching.EvenWeeks
		}, vol: func(v *V) { v.Weekends.Parity = matching.OddWeeks },
			want:    []matching.Reason{matching.ReasonNoTime},
			details: map[matching.Reason][]string{matching.ReasonNoTime: {"weekends"}}},
		{name: "every other weekend meets every weekend", client: func(c *C) {
			*c = kfClient(c.ID)
			c.Weekends.Parity, c.Frequency.WeekendsPerMonth = matching.EvenWeeks, 2
		}},
		{name: "the family's weekends are taken", client: family, vol: func(v *V) {
			v.Capacity = matching.Capacity{Assignments: 2, ChildrenPerWeekend: 1}
			v.Assignments = []matching.Assignment{{Support: matching.Kontaktfamilj, Weekends: horizon()}}
		}, want: []matching.Reason{matching.ReasonNoTime}},
		{name: "room for a second child on the same weekends", client: family, vol: func(v *V) {
			v.Capacity = matching.Capacity{Assignments: 2, ChildrenPerWeekend: 2}
			v.Assignments = []matching.Assignment{{Support: matching.Kontaktfamilj, Weekends: horizon()}}
		}},
		{name: "no assignment left", vol: func(v *V) { v.Capacity.Assignments = 0 },
			want: []matching.Reason{matching.ReasonCapacityFull}},
		{name: "capacity taken by a running assignment", vol: func(v *V) {
			v.Assignments = []matching.Assignment{{Support: matching.Kontaktperson}}
		}, want: []matching.Reason{matching.ReasonCapacityFull}},
		{name: "allergic client and pets", client: func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantNoPets, Required: true}}
		}, vol: func(v *V) { v.Household.Pets = true }, want: []matching.Reason{matching.ReasonPetsAllergy}},
		{name: "no pets preferred only", client: func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantNoPets}}
		}, vol: func(v *V) { v.Household.Pets = true }},
		{name: "required non-smoking home", client: func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantNonSmoking, Required: true}}
		}, vol: func(v *V) { v.Household.Smoking = true }, want: []matching.Reason{matching.ReasonExpectationUnmet},
			details: map[matching.Reason][]string{matching.ReasonExpectationUnmet: {"non_smoking"}}},
		{name: "required male volunteer", client: func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantGender, Gender: matching.Male, Required: true}}
		}, want: []matching.Reason{matching.ReasonExpectationUnmet},
			details: map[matching.Reason][]string{matching.ReasonExpectationUnmet: {"volunteer_gender"}}},
		{name: "required female volunteer", client: func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantGender, Gender: matching.Female, Required: true}}
		}},
		{name: "required car", client: func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantCar, Required: true}}
		}, vol: func(v *V) { v.Household.Car = false }, want: []matching.Reason{matching.ReasonExpectationUnmet}},
		{name: "required Arabic", client: func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantLanguage, Language: "ar", Required: true}}
		}, want: []matching.Reason{matching.ReasonExpectationUnmet},
			details: map[matching.Reason][]string{matching.ReasonExpectationUnmet: {"language"}}},
		{name: "required English", client: func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantLanguage, Language: "EN", Required: true}}
		}},
		{name: "required volunteer age", client: func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantAge, MinAge: 20, MaxAge: 35, Required: true}}
		}, want: []matching.Reason{matching.ReasonExpectationUnmet}},
		{name: "required home without children", client: func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantNoChildrenInHome, Required: true}}
		}, want: []matching.Reason{matching.ReasonExpectationUnmet}},
		{name: "required home with children", client: func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantChildrenInHome, Required: true}}
		}},
		{name: "younger than the volunteer accepts", vol: func(v *V) { v.Accepts = matching.Accepts{MinAge: 12} },
			want: []matching.Reason{matching.ReasonOutsideAges}},
		{name: "older than the volunteer accepts", vol: func(v *V) { v.Accepts = matching.Accepts{MinAge: 4, MaxAge: 9} },
			want: []matching.Reason{matching.ReasonOutsideAges}},
		{name: "every reason at once", client: func(c *C) {
			c.Excluded = []string{"V-1"}
			c.Expectations = []matching.Expectation{{Kind: matching.WantNoPets, Required: true}}
		}, vol: func(v *V) {
			v.Approval = matching.Approval{}
			v.Offers = []matching.Support{matching.Kontaktfamilj}
			v.Location, v.Capacity.Assignments, v.Household.Pets = east(40), 0, true
			v.Availability = nil
		}, want: []matching.Reason{matching.ReasonExcluded, matching.ReasonWrongSupport, matching.ReasonNotApproved,
			matching.ReasonMissingCheck, matching.ReasonTooFar, matching.ReasonNoTime, matching.ReasonCapacityFull,
			matching.ReasonPetsAllergy}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, v, opt := kpClient("C-1"), volunteer("V-1"), matching.Options{}
			if tt.client != nil {
				tt.client(&c)
			}
			if tt.vol != nil {
				tt.vol(&v)
			}
			if tt.opt != nil {
				tt.opt(&opt)
			}
			x := explain(t, pool([]matching.Client{c}, []matching.Volunteer{v}), opt, "C-1", "V-1")
			assert.Equal(t, tt.want, reasons(x.Blockers))
			assert.Equal(t, len(tt.want) == 0, x.Eligible)
			for _, b := range x.Blockers {
				if tt.details != nil {
					assert.Equal(t, tt.details[b.Reason], b.Details, "details of %s", b.Reason)
				}
				assert.NotEmpty(t, b.Text.SV)
				assert.NotEmpty(t, b.Text.EN)
			}
		})
	}
}

// horizon returns the weeks of the default horizon after asOf.
func horizon() []calendar.Week {
	var out []calendar.Week
	first := asOf.ISOWeek().AddWeeks(1)
	for k := range matching.DefaultHorizonWeeks {
		out = append(out, first.AddWeeks(k))
	}
	return out
}

// A sibling pair goes to one family that takes siblings and has room for both on one weekend.
func TestEligibilitySiblings(t *testing.T) {
	tests := []struct {
		name    string
		cap     matching.Capacity
		want    []matching.Reason
		details []string
	}{
		{"takes siblings, room for two", matching.Capacity{Assignments: 1, ChildrenPerWeekend: 2, AcceptsSiblings: true}, nil, nil},
		{"does not take siblings", matching.Capacity{Assignments: 1, ChildrenPerWeekend: 2},
			[]matching.Reason{matching.ReasonSiblingsDoNotFit}, []string{"no_siblings"}},
		{"room for one child a weekend", matching.Capacity{Assignments: 1, AcceptsSiblings: true},
			[]matching.Reason{matching.ReasonSiblingsDoNotFit, matching.ReasonNoTime}, []string{"children_per_weekend"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := kfClient("C-1"), kfClient("C-2")
			a.SiblingGroup, b.SiblingGroup = "S-1", "S-1"
			b.BirthDate = date(2020, time.June, 1)
			v := volunteer("V-1")
			v.Capacity = tt.cap
			prop := propose(t, pool([]matching.Client{a, b}, []matching.Volunteer{v}), matching.Options{})
			for _, id := range []string{"C-1", "C-2"} {
				x, err := prop.Explain(id, "V-1")
				assert.NoError(t, err)
				assert.ElementsMatch(t, tt.want, reasons(x.Blockers))
				for _, bl := range x.Blockers {
					if bl.Reason == matching.ReasonSiblingsDoNotFit {
						assert.Equal(t, tt.details, bl.Details)
					}
				}
			}
		})
	}
}
