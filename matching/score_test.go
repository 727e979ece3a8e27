package matching_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/internal/matchtest"
	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Each part of the fit score on its own. The base pair scores 1 on every part but distance (2 km of 20: 0.9).
func TestScoreParts(t *testing.T) {
	type (
		C = matching.Client
		V = matching.Volunteer
	)
	tests := []struct {
		name   string
		part   matching.PartName
		client func(*C)
		vol    func(*V)
		want   float64
	}{
		{"needs: both covered", matching.PartNeeds, nil, nil, 1},
		{"needs: leisure covered, schoolwork not", matching.PartNeeds, nil,
			func(v *V) { v.Experience = []matching.Experience{matching.ExpYouthLeader} }, 0.5},
		{"needs: no experience", matching.PartNeeds, nil, func(v *V) { v.Experience = nil }, 0},
		{"needs: risk of crime and a helping profession", matching.PartNeeds,
			func(c *C) { c.Needs = []matching.Need{matching.NeedCrimeRisk} },
			func(v *V) { v.Experience = []matching.Experience{matching.ExpHelpingProfession} }, 1},

		{"interests: the volunteer's one interest shared", matching.PartInterests, nil, nil, 1},
		{"interests: none recorded", matching.PartInterests, nil, func(v *V) { v.Interests = nil }, 0},
		{"interests: one of two, case and space ignored", matching.PartInterests,
			func(c *C) { c.Interests = []string{"fotboll", "dans", "film", "läsning"} },
			func(v *V) { v.Interests = []string{" Fotboll", "schack"} }, 0.5},
		{"interests: three shared is full marks", matching.PartInterests,
			func(c *C) { c.Interests = []string{"fotboll", "musik", "dans", "film"} },
			func(v *V) { v.Interests = []string{"fotboll", "musik", "dans", "gaming"} }, 1},
		{"interests: a shared dislike counts", matching.PartInterests,
			func(c *C) { c.Interests, c.Dislikes = []string{"fotboll"}, []string{"matlagning"} },
			func(v *V) { v.Interests, v.Dislikes = []string{"schack"}, []string{"matlagning"} }, 0.5},
		{"interests: liking what the other dislikes is not shared", matching.PartInterests,
			func(c *C) { c.Interests = []string{"matlagning"} },
			func(v *V) { v.Interests, v.Dislikes = []string{"schack"}, []string{"matlagning"} }, 0},

		{"language: the first language", matching.PartLanguage, func(c *C) { c.Languages = []string{"ar", "sv"} },
			func(v *V) { v.Languages = []string{"en", "ar"} }, 1},
		{"language: another shared language", matching.PartLanguage, func(c *C) { c.Languages = []string{"ar", "sv"} }, nil, 0.5},
		{"language: none shared", matching.PartLanguage, func(c *C) { c.Languages = []string{"ar"} }, nil, 0},

		{"distance: same place", matching.PartDistance, nil, func(v *V) { v.Location = vasteras }, 1},
		{"distance: half the volunteer's limit", matching.PartDistance, nil, func(v *V) { v.Location = east(10) }, 0.5},
		{"distance: no limit, half of 30 km", matching.PartDistance, nil,
			func(v *V) { v.Location, v.MaxTravelKm = east(15), 0 }, 0.5},
		{"distance: the client's limit is the pair's", matching.PartDistance, func(c *C) { c.MaxTravelKm = 4 }, nil, 0.5},

		{"time: three times the need", matching.PartTime, nil, nil, 1},
		{"time: exactly the need", matching.PartTime,
			func(c *C) { c.Availability = []calendar.Window{win(time.Tuesday, 17, 19)} }, nil, 0.5},
		{"time: one and a half times the need", matching.PartTime,
			func(c *C) { c.Availability = []calendar.Window{win(time.Tuesday, 17, 20)} }, nil, 0.75},
		{"time: every weekend for one a month", matching.PartTime, func(c *C) { *c = kfClient(c.ID) }, nil, 1},
		{"time: six even weekends for two a month", matching.PartTime, func(c *C) {
			*c = kfClient(c.ID)
			c.Weekends.Parity, c.Frequency.WeekendsPerMonth = matching.EvenWeeks, 2
		}, nil, 0.5},

		{"age: experience with children, mature", matching.PartAge, nil, nil, 1},
		{"age: no experience with children", matching.PartAge, nil,
			func(v *V) { v.Experience = []matching.Experience{matching.ExpYouthLeader} }, 0.5},
		{"age: a 21-year-old volunteer", matching.PartAge, nil, func(v *V) { v.BirthYear = 2005 }, 0.5 + 0.5*3.0/7},
		{"age: a teenager needs teenager experience", matching.PartAge,
			func(c *C) { c.BirthDate = date(2011, time.January, 1) }, nil, 0.5},

		{"expectations: none stated", matching.PartExpectations, nil, nil, 1},
		{"expectations: non-smoking home preferred and met", matching.PartExpectations,
			func(c *C) { c.Expectations = []matching.Expectation{{Kind: matching.WantNonSmoking}} }, nil, 1},
		{"expectations: non-smoking home preferred, not met", matching.PartExpectations,
			func(c *C) { c.Expectations = []matching.Expectation{{Kind: matching.WantNonSmoking}} },
			func(v *V) { v.Household.Smoking = true }, 0},
		{"expectations: one of two preferences", matching.PartExpectations, func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantGender, Gender: matching.Male}, {Kind: matching.WantCar}}
		}, nil, 0.5},
		{"expectations: ready for one need of two", matching.PartExpectations, nil,
			func(v *V) { v.Accepts.ReadyFor = []matching.Need{matching.NeedLeisure} }, 0.5},
		{"expectations: commits half the planned length", matching.PartExpectations,
			func(c *C) { c.DurationMonths = 12 }, func(v *V) { v.CommitmentMonths = 6 }, 0.5},
		{"expectations: three items averaged", matching.PartExpectations, func(c *C) {
			c.Expectations = []matching.Expectation{{Kind: matching.WantCar}}
			c.DurationMonths = 12
		}, func(v *V) {
			v.Accepts.ReadyFor = []matching.Need{matching.NeedSchoolwork}
			v.CommitmentMonths = 24
		}, (1 + 0.5 + 1) / 3.0},
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
			x := explain(t, pool([]matching.Client{c}, []matching.Volunteer{v}), matching.Options{}, "C-1", "V-1")
			p := part(x, tt.part)
			assert.InDelta(t, tt.want, p.Value, 0.01)
			assert.NotEmpty(t, p.Reason.SV)
			assert.NotEmpty(t, p.Reason.EN)
		})
	}
}

func TestScoreOfTheBasePair(t *testing.T) {
	x := explain(t, pool([]matching.Client{kpClient("C-1")}, []matching.Volunteer{volunteer("V-1")}),
		matching.Options{}, "C-1", "V-1")
	assert.True(t, x.Eligible)
	assert.InDelta(t, 98.5, x.Score, 0.05)
	require.Len(t, x.Parts, 7)
	assert.Equal(t, 15.0, part(x, matching.PartDistance).Weight)
	assert.Contains(t, part(x, matching.PartDistance).Reason.SV, "Fågelvägen 2,0 km; gränsen för paret är 20,0 km")
	assert.Contains(t, part(x, matching.PartDistance).Reason.EN, "Straight-line distance 2.0 km")
	assert.Equal(t, "Delar 1 intresse: fotboll", part(x, matching.PartInterests).Reason.SV)
	assert.Equal(t, "6,0 h gemensam tid i veckan, 2,0 h behövs; plats för en hel träff 2 dagar", part(x, matching.PartTime).Reason.SV)
}

// Weights change only the score, never the parts' values.
func TestWeights(t *testing.T) {
	v := volunteer("V-1")
	v.Experience = []matching.Experience{matching.ExpYouthLeader}
	p := pool([]matching.Client{kpClient("C-1")}, []matching.Volunteer{v})

	x := explain(t, p, matching.Options{Weights: matching.Weights{Needs: 1}}, "C-1", "V-1")
	assert.InDelta(t, 50, x.Score, 1e-9)
	assert.InDelta(t, 50, part(x, matching.PartNeeds).Points, 1e-9)
	assert.Equal(t, 0.0, part(x, matching.PartTime).Points)

	x = explain(t, p, matching.Options{Weights: matching.Weights{Needs: 2, Time: 2}}, "C-1", "V-1")
	assert.InDelta(t, 75, x.Score, 1e-9)

	_, err := matching.Propose(context.Background(), p, matching.Options{Weights: matching.Weights{Needs: -1}})
	var fe *matching.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "weights.needs", fe.Field)
	assert.Equal(t, "needs 25, interests 15, language 5, distance 15, time 15, age 10, expectations 15",
		matching.DefaultWeights().String())
}

// The points of the parts add up to the score exactly, for every pair of a realistic pool: the score and its
// explanation come from one evaluation and cannot disagree.
func TestPointsAddUpToTheScore(t *testing.T) {
	p := matchtest.Pool(matchtest.Config{Seed: 7, Clients: 40, Volunteers: 40})
	prop := propose(t, p, matching.Options{})
	for _, c := range p.Clients {
		for _, v := range p.Volunteers {
			x, err := prop.Explain(c.ID, v.ID)
			require.NoError(t, err)
			sum := 0.0
			for _, pt := range x.Parts {
				sum += pt.Points
				assert.GreaterOrEqual(t, pt.Value, 0.0)
				assert.LessOrEqual(t, pt.Value, 1.0)
			}
			assert.InDelta(t, x.Score, sum, 1e-9, "%s/%s", c.ID, v.ID)
			assert.GreaterOrEqual(t, x.Score, 0.0)
			assert.LessOrEqual(t, x.Score, 100.0)
		}
	}
	for _, pr := range prop.Pairs() {
		x, err := prop.Explain(pr.ClientID, pr.VolunteerID)
		require.NoError(t, err)
		assert.Equal(t, x.Score, pr.Score)
		assert.Equal(t, x.Parts, pr.Parts)
	}
}
