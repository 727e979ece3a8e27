package matching_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/internal/matchtest"
	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func ids(ps []matching.Pair) map[string]string {
	out := make(map[string]string)
	for _, p := range ps {
		out[p.ClientID] = p.VolunteerID
	}
	return out
}

// Two clients with the same fit want one volunteer: priority decides, then waiting time.
func TestPriorityAndWaiting(t *testing.T) {
	tests := []struct {
		name    string
		a, b    func(*matching.Client)
		winner  string
		weighed float64 // the winner's weighted score, if checked
	}{
		{"equal: ID order breaks the tie", nil, nil, "C-1", 0},
		{"high priority first", nil, func(c *matching.Client) { c.Priority = matching.High }, "C-2", 0},
		{"urgent before high", func(c *matching.Client) { c.Priority = matching.High },
			func(c *matching.Client) { c.Priority = matching.Urgent }, "C-2", 0},
		{"longer wait first", func(c *matching.Client) { c.WaitingSince = asOf.AddDays(-30) },
			func(c *matching.Client) { c.WaitingSince = asOf.AddDays(-200) }, "C-2", 0},
		{"a year's wait is worth half as much again", nil, func(c *matching.Client) { c.WaitingSince = asOf.AddDays(-400) },
			"C-2", 1.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := kpClient("C-1"), kpClient("C-2")
			if tt.a != nil {
				tt.a(&a)
			}
			if tt.b != nil {
				tt.b(&b)
			}
			prop := propose(t, pool([]matching.Client{a, b}, []matching.Volunteer{volunteer("V-1")}), matching.Options{})
			pairs := prop.Pairs()
			require.Len(t, pairs, 1)
			assert.Equal(t, tt.winner, pairs[0].ClientID)
			if tt.weighed > 0 {
				assert.InDelta(t, tt.weighed*pairs[0].Score, pairs[0].Weighted, 0.01)
			}
			um := prop.Unmatched()
			require.Len(t, um, 1)
			assert.Equal(t, matching.VolunteersTaken, um[0].Why)
			require.Len(t, um[0].Alternatives, 1)
			assert.True(t, um[0].Alternatives[0].Taken)
		})
	}
}

// Most clients matched first: a client with one possible volunteer gets it, even if another client fits it better.
func TestMostMatchedFirst(t *testing.T) {
	a, b := kpClient("C-1"), kpClient("C-2")
	b.Location, b.MaxTravelKm = east(12), 0
	near, far := volunteer("V-1"), volunteer("V-2")
	near.Location, far.Location = east(11), vasteras
	far.MaxTravelKm = 5 // reaches C-1, not C-2
	p := pool([]matching.Client{a, b}, []matching.Volunteer{near, far})

	got := ids(propose(t, p, matching.Options{}).Pairs())
	assert.Equal(t, map[string]string{"C-1": "V-2", "C-2": "V-1"}, got)

	got = ids(propose(t, p, matching.Options{Objective: matching.MaxMin}).Pairs())
	assert.Equal(t, map[string]string{"C-1": "V-2", "C-2": "V-1"}, got)
}

// TotalFit may leave a client unmatched when that frees a better pair; MostMatched never does.
func TestTotalFitAgainstMostMatched(t *testing.T) {
	a, b := kpClient("C-1"), kpClient("C-2")
	b.Location = east(3)
	b.BirthDate, b.Needs = date(1990, time.April, 1), []matching.Need{matching.NeedMentalHealth}
	good, poor := volunteer("V-1"), volunteer("V-2")
	poor.Location, poor.MaxTravelKm = east(-3), 5 // reaches only C-1, and far from perfect
	poor.Experience, poor.Interests, poor.BirthYear = nil, nil, 2006
	// With weights on needs and age only: C-1 scores 100 with V-1 and 7.14 with V-2; C-2 (an adult with needs
	// V-1 has no experience of) scores 25 with V-1. 7.14 + 25 < 100.
	opt := matching.Options{Weights: matching.Weights{Needs: 1, Age: 1}}
	p := pool([]matching.Client{a, b}, []matching.Volunteer{good, poor})

	most := propose(t, p, opt)
	assert.Equal(t, map[string]string{"C-1": "V-2", "C-2": "V-1"}, ids(most.Pairs()))
	assert.InDelta(t, 32.14, most.Stats().TotalScore, 0.01)

	opt.Objective = matching.TotalFit
	total := propose(t, p, opt)
	assert.Equal(t, map[string]string{"C-1": "V-1"}, ids(total.Pairs()))
	assert.InDelta(t, 100, total.Stats().TotalScore, 0.01)
	um := total.Unmatched()
	require.Len(t, um, 1)
	assert.Equal(t, matching.VolunteersTaken, um[0].Why)

	// A minimum score keeps the poor pair out of MostMatched too.
	opt.Objective, opt.MinScore = matching.MostMatched, 30
	um = propose(t, p, opt).Unmatched()
	require.Len(t, um, 1)
	assert.Equal(t, "C-2", um[0].ClientID)
	assert.Equal(t, matching.BelowMinScore, um[0].Why)
}

// MaxMin gives up total fit to raise the worst-off client's fit.
func TestMaxMin(t *testing.T) {
	// Distance is the only part: A is at 0 km, B at 8 km; X at 0 km, Y at 4 km; limits 16 km.
	opt := matching.Options{Weights: matching.Weights{Distance: 1}}
	a, b := kpClient("C-A"), kpClient("C-B")
	b.Location = east(8)
	x, y := volunteer("V-X"), volunteer("V-Y")
	x.Location, y.Location = vasteras, east(4)
	x.MaxTravelKm, y.MaxTravelKm = 16, 16
	y.Location = east(6)
	// Scores: A–X 100, A–Y 62.5, B–X 50, B–Y 87.5: MostMatched takes A–X and B–Y (min 87.5); so does MaxMin.
	p := pool([]matching.Client{a, b}, []matching.Volunteer{x, y})
	assert.Equal(t, map[string]string{"C-A": "V-X", "C-B": "V-Y"}, ids(propose(t, p, opt).Pairs()))

	// Move Y next to A: A–Y 93.75, B–Y 56.25. MostMatched: A–X + B–Y = 156.25 > A–Y + B–X = 143.75,
	// but MaxMin prefers min(93.75, 50) = 50 < 56.25: the same pairs; now make B–X better than B–Y.
	y.Location = east(1)
	b.Location = east(-6)
	// A–X 100, A–Y 93.75, B–X 62.5, B–Y 56.25: MostMatched: A–X + B–Y = 156.25 = A–Y + B–X = 156.25 (tie),
	// MaxMin: min 56.25 against 62.5: A–Y and B–X.
	p = pool([]matching.Client{a, b}, []matching.Volunteer{x, y})
	prop := propose(t, p, matching.Options{Weights: opt.Weights, Objective: matching.MaxMin})
	assert.Equal(t, map[string]string{"C-A": "V-Y", "C-B": "V-X"}, ids(prop.Pairs()))
	assert.InDelta(t, 62.5, prop.Stats().MaxMinFloor, 0.1)
	assert.InDelta(t, 62.5, prop.Stats().LowestScore, 0.1)
}

func TestMinScore(t *testing.T) {
	p := pool([]matching.Client{kpClient("C-1")}, []matching.Volunteer{volunteer("V-1")})
	prop := propose(t, p, matching.Options{MinScore: 99})
	assert.Empty(t, prop.Pairs())
	um := prop.Unmatched()
	require.Len(t, um, 1)
	assert.Equal(t, matching.BelowMinScore, um[0].Why)
	assert.Equal(t, 1, um[0].BelowMinScore)
	assert.Equal(t, 0, um[0].Eligible)

	assert.Len(t, propose(t, p, matching.Options{MinScore: 98}).Pairs(), 1)
}

func TestNoEligibleVolunteer(t *testing.T) {
	c := kpClient("C-1")
	c.Expectations = []matching.Expectation{{Kind: matching.WantNoPets, Required: true}}
	var vs []matching.Volunteer
	for _, id := range []string{"V-1", "V-2", "V-3", "V-4"} {
		v := volunteer(id)
		v.Household.Pets = true
		vs = append(vs, v)
	}
	vs[0].Location = east(30)
	vs[3].Offers = []matching.Support{matching.Kontaktfamilj}
	prop := propose(t, pool([]matching.Client{c, kfClient("C-2")}, vs), matching.Options{})
	um := prop.Unmatched()
	require.Len(t, um, 1)
	assert.Equal(t, "C-1", um[0].ClientID)
	assert.Equal(t, matching.NoEligibleVolunteer, um[0].Why)
	assert.Equal(t, 3, um[0].Offering)
	require.Len(t, um[0].Blockers, 2)
	assert.Equal(t, matching.BlockerCount{Reason: matching.ReasonPetsAllergy, Volunteers: 3,
		Text: matching.ReasonPetsAllergy.Label()}, um[0].Blockers[0])
	assert.Equal(t, matching.ReasonTooFar, um[0].Blockers[1].Reason)
	assert.Equal(t, "ingen volontär uppfyller kraven; vanligast: husdjur i hemmet, men klienten är allergisk (3) och för långt avstånd (1)",
		um[0].Text.SV)
	assert.Empty(t, um[0].Alternatives)

	// Nobody offers SKKP.
	s := kpClient("C-3")
	s.Support, s.BirthDate = matching.SKKP, date(2010, time.May, 1)
	v := volunteer("V-1")
	v.Offers = []matching.Support{matching.Kontaktfamilj}
	um = propose(t, pool([]matching.Client{s}, []matching.Volunteer{v}), matching.Options{}).Unmatched()
	require.Len(t, um, 1)
	assert.Equal(t, 0, um[0].Offering)
	assert.Contains(t, um[0].Text.EN, "no volunteer offers this kind of support")
}

func TestLocked(t *testing.T) {
	p := pool([]matching.Client{kpClient("C-1"), kpClient("C-2")}, []matching.Volunteer{volunteer("V-1")})
	prop := propose(t, p, matching.Options{Locked: []matching.PairRef{{ClientID: "C-2", VolunteerID: "V-1"}}})
	pairs := prop.Pairs()
	require.Len(t, pairs, 1)
	assert.Equal(t, "C-2", pairs[0].ClientID)
	assert.True(t, pairs[0].Locked)
	assert.Equal(t, 1, prop.Stats().Locked)
	x, err := prop.Explain("C-2", "V-1")
	require.NoError(t, err)
	assert.True(t, x.Eligible, "the lock's own place does not make it ineligible: %v", x.Blockers)
	um := prop.Unmatched()
	require.Len(t, um, 1)
	assert.Equal(t, "C-1", um[0].ClientID)
	assert.Equal(t, matching.NoEligibleVolunteer, um[0].Why, "the lock took the volunteer's only place")
	assert.Equal(t, matching.ReasonCapacityFull, um[0].Blockers[0].Reason)
}

func TestLockedErrors(t *testing.T) {
	full := volunteer("V-2")
	full.Capacity.Assignments = 0
	p := pool([]matching.Client{kpClient("C-1"), kpClient("C-2"), kpClient("C-3")},
		[]matching.Volunteer{volunteer("V-1"), full})
	locks := []matching.PairRef{
		{ClientID: "C-9", VolunteerID: "V-1"}, // unknown client
		{ClientID: "C-1", VolunteerID: "V-2"}, // no capacity
		{ClientID: "C-2", VolunteerID: "V-1"},
		{ClientID: "C-3", VolunteerID: "V-1"}, // a second client for a volunteer who takes one
		{ClientID: "C-2", VolunteerID: "V-1"}, // twice
	}
	_, err := matching.Propose(context.Background(), p, matching.Options{Locked: locks})
	require.ErrorIs(t, err, matching.ErrInvalidInput)
	var got []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *matching.FieldError
		require.ErrorAs(t, e, &fe)
		assert.Equal(t, "locked", fe.Record)
		got = append(got, fe.ID+" "+fe.Field+": "+fe.Reason)
	}
	assert.Equal(t, []string{
		"C-9/V-1 locked[0].client_id: not in the pool",
		"C-1/V-2 locked[1]: not eligible: capacity_full",
		"C-2/V-1 locked[4]: the client (or its sibling group) is locked twice",
		"C-3/V-1 locked[3]: more locked pairs than the volunteer's capacity",
	}, got)
}

func TestForbidden(t *testing.T) {
	second := volunteer("V-2")
	second.Location = east(6)
	p := pool([]matching.Client{kpClient("C-1")}, []matching.Volunteer{volunteer("V-1"), second})
	assert.Equal(t, map[string]string{"C-1": "V-1"}, ids(propose(t, p, matching.Options{}).Pairs()))
	prop := propose(t, p, matching.Options{Forbidden: []matching.PairRef{
		{ClientID: "C-1", VolunteerID: "V-1"},
		{ClientID: "C-1", VolunteerID: "V-gone"}, // no longer in the pool: no effect
	}})
	pairs := prop.Pairs()
	assert.Equal(t, map[string]string{"C-1": "V-2"}, ids(pairs))
	assert.Empty(t, pairs[0].Alternatives, "a forbidden volunteer is no alternative")
}

func TestSiblingsPlacedTogether(t *testing.T) {
	a, b := kfClient("C-1"), kfClient("C-2")
	a.SiblingGroup, b.SiblingGroup = "S-1", "S-1"
	b.BirthDate = date(2014, time.February, 1)
	b.Needs = []matching.Need{matching.NeedFamilyRespite, matching.NeedLeisure}
	one := volunteer("V-1") // takes one child only
	one.Capacity = matching.Capacity{Assignments: 2, ChildrenPerWeekend: 1}
	two := volunteer("V-2")
	two.Location = east(9)
	prop := propose(t, pool([]matching.Client{a, b}, []matching.Volunteer{one, two}), matching.Options{})
	pairs := prop.Pairs()
	require.Len(t, pairs, 2)
	for _, pr := range pairs {
		assert.Equal(t, "V-2", pr.VolunteerID)
		assert.Equal(t, "S-1", pr.SiblingGroup)
		assert.Equal(t, 2, pr.Summary.Children)
		assert.Equal(t, []string{"7–9", "10–12"}, pr.Summary.AgeBands)
		assert.Len(t, pr.CommonWeekends, matching.DefaultHorizonWeeks)
	}
	assert.Equal(t, "Kontaktfamilj (SoL) för ett syskonpar (2 barn), 7–9 och 10–12 år. Behov: fritidsaktiviteter och avlastning för familjen. Område: Västerås, Råby. Omfattning: 1 helg i månaden.",
		pairs[0].Summary.Text.SV)
}

func TestSummaryIsDeIdentified(t *testing.T) {
	c := kpClient("C-4711")
	c.Interests = []string{"Anna Svensson"} // free text must never reach a summary
	prop := propose(t, pool([]matching.Client{c}, []matching.Volunteer{volunteer("V-1")}), matching.Options{})
	s, err := prop.Summary("C-4711")
	require.NoError(t, err)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	for _, secret := range []string{"C-4711", "2016", "03-03", "Anna", "59.61", "V-1"} {
		assert.NotContains(t, string(b), secret)
	}
	assert.Equal(t, matching.Summary{
		Support: matching.Kontaktperson, Law: matching.SoL, Children: 1, AgeBands: []string{"10–12"},
		Needs: []matching.Need{matching.NeedLeisure, matching.NeedSchoolwork}, Area: "Västerås, Bäckby",
		Frequency: matching.Frequency{MeetingsPerWeek: 1, MeetingMinutes: 120},
		Text: matching.Text{
			SV: "Kontaktperson (SoL) för en person, 10–12 år. Behov: fritidsaktiviteter och skolarbete. Område: Västerås, Bäckby. Omfattning: 1 träff i veckan, 2,0 timmar per gång.",
			EN: "Contact person (kontaktperson) (SoL) for one person aged 10–12. Needs: leisure activities and schoolwork. Area: Västerås, Bäckby. Frequency: 1 meeting a week, 2.0 hours each.",
		},
	}, s)
	_, err = prop.Summary("C-0")
	assert.ErrorIs(t, err, matching.ErrNotFound)
	_, err = prop.Explain("C-4711", "V-0")
	assert.ErrorIs(t, err, matching.ErrNotFound)
	_, err = prop.Explain("C-0", "V-1")
	assert.ErrorIs(t, err, matching.ErrNotFound)
}

func TestAlternatives(t *testing.T) {
	var vs []matching.Volunteer
	for i, km := range []float64{2, 4, 6, 8, 10} {
		v := volunteer("V-" + string(rune('1'+i)))
		v.Location = east(km)
		vs = append(vs, v)
	}
	p := pool([]matching.Client{kpClient("C-1"), kpClient("C-2")}, vs)
	pairs := propose(t, p, matching.Options{}).Pairs()
	require.Len(t, pairs, 2)
	assert.Equal(t, "V-1", pairs[0].VolunteerID)
	assert.Equal(t, "V-2", pairs[1].VolunteerID)
	alts := pairs[0].Alternatives
	require.Len(t, alts, matching.DefaultTopK)
	assert.Equal(t, "V-2", alts[0].VolunteerID)
	assert.True(t, alts[0].Taken, "V-2 went to C-2")
	assert.InDelta(t, 1.5, alts[0].Behind, 0.02) // 2 km further of a 20 km limit: 15 points × 0.1
	assert.Equal(t, "V-3", alts[1].VolunteerID)
	assert.False(t, alts[1].Taken)
	// C-2 got V-2 although V-1 is better for it: V-1 went to C-1.
	assert.Equal(t, "V-1", pairs[1].Alternatives[0].VolunteerID)
	assert.True(t, pairs[1].Alternatives[0].Taken)
	assert.Less(t, pairs[1].Alternatives[0].Behind, 0.0)

	none := propose(t, p, matching.Options{TopK: -1}).Pairs()
	assert.Empty(t, none[0].Alternatives)
	five := propose(t, p, matching.Options{TopK: 10}).Pairs()
	assert.Len(t, five[0].Alternatives, 4)
}

func TestCommonTime(t *testing.T) {
	pairs := propose(t, pool([]matching.Client{kpClient("C-1")}, []matching.Volunteer{volunteer("V-1")}),
		matching.Options{}).Pairs()
	require.Len(t, pairs, 1)
	assert.Equal(t, []calendar.Window{win(time.Tuesday, 17, 20), win(time.Thursday, 17, 20)}, pairs[0].CommonTime)
	assert.Empty(t, pairs[0].CommonWeekends)
	assert.Equal(t, matching.Frequency{MeetingsPerWeek: 1, MeetingMinutes: 120}, pairs[0].Frequency)
}

func TestProgressAndLogging(t *testing.T) {
	var phases []matching.Progress
	var logs bytes.Buffer
	p := matchtest.Pool(matchtest.Config{Seed: 3, Clients: 60, Volunteers: 80})
	_, err := matching.Propose(context.Background(), p, matching.Options{
		Objective: matching.MaxMin,
		Progress:  func(pr matching.Progress) { phases = append(phases, pr) },
		Logger:    slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	require.NoError(t, err)
	var order []string
	for _, pr := range phases {
		if len(order) == 0 || order[len(order)-1] != pr.Phase {
			order = append(order, pr.Phase)
		}
		assert.LessOrEqual(t, pr.Done, pr.Total)
	}
	assert.Equal(t, []string{"score", "solve", "explain"}, order)
	assert.Equal(t, matching.Progress{Phase: "explain", Done: 60, Total: 60}, phases[len(phases)-1])

	var msgs []string
	key := regexp.MustCompile(`^[a-z]+(_[a-z]+)*$`)
	for _, line := range bytes.Split(bytes.TrimSpace(logs.Bytes()), []byte("\n")) {
		var rec map[string]any
		require.NoError(t, json.Unmarshal(line, &rec))
		assert.Equal(t, "DEBUG", rec["level"])
		msgs = append(msgs, rec["msg"].(string))
		for k := range rec {
			assert.Regexp(t, key, k)
		}
	}
	assert.Equal(t, []string{"pool prepared", "pairs scored", "assignment solved", "proposal built"}, msgs)
	for _, c := range p.Clients[:10] {
		assert.NotContains(t, logs.String(), c.ID)
		for _, s := range c.Interests {
			assert.NotContains(t, logs.String(), s)
		}
	}
	assert.NotContains(t, logs.String(), "59.")
}

func TestLogValue(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	c, v := kpClient("C-1"), volunteer("V-1")
	log.Info("x", "client", c, "volunteer", v)
	assert.Contains(t, buf.String(), "client=C-1 volunteer=V-1")

	prop := propose(t, pool([]matching.Client{c, kpClient("C-2")}, []matching.Volunteer{v}), matching.Options{})
	x, err := prop.Explain("C-1", "V-1")
	require.NoError(t, err)
	s, err := prop.Summary("C-1")
	require.NoError(t, err)
	buf.Reset()
	log.Info("x", "pair", prop.Pairs()[0], "unmatched", prop.Unmatched()[0], "explanation", x, "summary", s, "proposal", prop)
	assert.Equal(t, "pair.client=C-1 pair.volunteer=V-1 unmatched.client=C-2 unmatched.why=volunteers_taken "+
		"explanation.client=C-1 explanation.volunteer=V-1 explanation.eligible=true summary.support=kontaktperson "+
		"summary.children=1 proposal.clients=2 proposal.matched=1 proposal.unmatched=1",
		strings.TrimSpace(buf.String()[strings.Index(buf.String(), "pair."):]))
	for _, secret := range []string{"fotboll", "Bäckby", "59.6"} {
		assert.NotContains(t, buf.String(), secret)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := matchtest.Pool(matchtest.Config{Seed: 3, Clients: 50, Volunteers: 50})
	_, err := matching.Propose(ctx, p, matching.Options{})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestEmptyPool(t *testing.T) {
	prop := propose(t, matching.Pool{AsOf: asOf}, matching.Options{})
	assert.Empty(t, prop.Pairs())
	assert.Empty(t, prop.Unmatched())
	b, err := json.Marshal(prop)
	require.NoError(t, err)
	assert.JSONEq(t, `{"as_of":"2026-08-17","stats":{"objective":"most_matched","clients":0,"volunteers":0,
		"matched":0,"locked":0,"unmatched":0,"eligible_pairs":0,"total_score":0,"total_weighted":0,"lowest_score":0},
		"pairs":null,"unmatched":null}`, string(b))

	prop = propose(t, pool([]matching.Client{kpClient("C-1")}, nil), matching.Options{})
	assert.Equal(t, matching.NoEligibleVolunteer, prop.Unmatched()[0].Why)
}

func TestOptionsErrors(t *testing.T) {
	p := pool([]matching.Client{kpClient("C-1")}, []matching.Volunteer{volunteer("V-1")})
	tests := []struct {
		name  string
		opt   matching.Options
		field string
	}{
		{"min score above 100", matching.Options{MinScore: 101}, "min_score"},
		{"horizon too long", matching.Options{HorizonWeeks: 53}, "horizon_weeks"},
		{"negative distance", matching.Options{MaxDistanceKm: -1}, "max_distance_km"},
		{"unknown objective", matching.Options{Objective: 9}, "objective"},
		{"negative weight", matching.Options{Weights: matching.Weights{Time: -1, Needs: 1}}, "weights.time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := matching.Propose(context.Background(), p, tt.opt)
			var fe *matching.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "options", fe.Record)
			assert.Equal(t, tt.field, fe.Field)
		})
	}
}

// The JSON of a small proposal, as the examples and the batch job write it.
func TestProposalGolden(t *testing.T) {
	a, b, c := kpClient("C-101"), kfClient("C-102"), kfClient("C-103")
	b.SiblingGroup, c.SiblingGroup = "S-7", "S-7"
	c.BirthDate = date(2021, time.October, 2)
	v1, v2, v3 := volunteer("V-201"), volunteer("V-202"), volunteer("V-203")
	v2.Offers = []matching.Support{matching.Kontaktperson}
	v2.Location, v2.Experience = east(5), []matching.Experience{matching.ExpMentoring}
	v3.Approval.Decision = date(2024, time.January, 10)
	prop := propose(t, pool([]matching.Client{a, b, c}, []matching.Volunteer{v1, v2, v3}), matching.Options{})
	got, err := json.MarshalIndent(prop, "", "  ")
	require.NoError(t, err)
	path := filepath.Join("testdata", "proposal.golden")
	if *update {
		require.NoError(t, os.WriteFile(path, append(got, '\n'), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./matching/ -update to create %s", path)
	assert.JSONEq(t, string(want), string(got))
}

func TestErrorsHoldNoPersonalData(t *testing.T) {
	c := kpClient("C-1")
	c.BirthDate = date(2027, time.January, 1)
	c.Interests = []string{""}
	c.Location = matching.Location{Lat: 91, Lon: 16}
	_, err := matching.Propose(context.Background(), pool([]matching.Client{c}, nil), matching.Options{})
	require.Error(t, err)
	for _, s := range []string{"2027", "91", "fotboll"} {
		assert.NotContains(t, err.Error(), s)
	}
	assert.True(t, errors.Is(err, matching.ErrInvalidInput))
}
