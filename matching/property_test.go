package matching_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

var someWindows = []calendar.Window{win(time.Monday, 16, 20), win(time.Tuesday, 16, 21), win(time.Wednesday, 17, 19),
	win(time.Thursday, 16, 21), win(time.Saturday, 10, 15)}

var someInterests = []string{"fotboll", "musik", "ridning", "gaming", "bakning", "schack"}

func drawWindows(t *rapid.T, label string) []calendar.Window {
	return rapid.SliceOfNDistinct(rapid.SampledFrom(someWindows), 1, 3, func(w calendar.Window) calendar.Window { return w }).Draw(t, label)
}

// drawPool draws a small pool in which many pairs are eligible and many are not, for every rule.
func drawPool(t *rapid.T, maxClients, maxVolunteers int) matching.Pool {
	nv := rapid.IntRange(1, maxVolunteers).Draw(t, "volunteers")
	nc := rapid.IntRange(1, maxClients).Draw(t, "clients")
	p := matching.Pool{AsOf: asOf}
	for i := range nv {
		v := volunteer(fmt.Sprintf("V-%d", i))
		v.Offers = rapid.SampledFrom([][]matching.Support{{matching.Kontaktperson, matching.Kontaktfamilj},
			{matching.Kontaktperson}, {matching.Kontaktfamilj}}).Draw(t, "offers")
		v.SKKPQualified = rapid.Bool().Draw(t, "qualified")
		v.Location = east(rapid.Float64Range(-12, 12).Draw(t, "x"))
		v.MaxTravelKm = rapid.SampledFrom([]float64{30, 0, 15, 6}).Draw(t, "travel")
		v.Availability = append(drawWindows(t, "vwindows"), win(time.Sunday, 10, 16))
		v.Weekends.Parity = matching.Parity(rapid.IntRange(0, 2).Draw(t, "vparity"))
		v.Capacity = matching.Capacity{Assignments: rapid.IntRange(1, 2).Draw(t, "cap"),
			ChildrenPerWeekend: rapid.IntRange(1, 3).Draw(t, "cpw"), AcceptsSiblings: rapid.Bool().Draw(t, "siblings")}
		v.Household = matching.Household{Pets: rapid.Bool().Draw(t, "pets"), Car: rapid.Bool().Draw(t, "car"),
			OwnChildren: rapid.IntRange(0, 2).Draw(t, "own")}
		v.Experience = rapid.SliceOfDistinct(rapid.SampledFrom([]matching.Experience{matching.ExpChildren,
			matching.ExpTeenagers, matching.ExpYouthLeader, matching.ExpTeaching, matching.ExpParenting,
			matching.ExpYouthAtRisk, matching.ExpMentoring}), func(e matching.Experience) matching.Experience { return e }).Draw(t, "exp")
		v.Interests = rapid.SliceOfNDistinct(rapid.SampledFrom(someInterests), 0, 3, func(s string) string { return s }).Draw(t, "vint")
		v.BirthYear = rapid.IntRange(1950, 2006).Draw(t, "born")
		switch rapid.IntRange(0, 9).Draw(t, "approval") {
		case 7:
			v.Approval.Decision = date(2023, time.March, 1)
		case 8:
			v.Approval.HomeVisit = calendar.Date{}
		case 9:
			v.Approval.References = calendar.Date{}
		}
		if rapid.IntRange(0, 9).Draw(t, "full") == 9 {
			v.Capacity.Assignments = 0
		}
		if rapid.IntRange(0, 3).Draw(t, "accepts") == 3 {
			v.Accepts = matching.Accepts{MinAge: 6, MaxAge: 14, ReadyFor: []matching.Need{matching.NeedLeisure}}
		}
		if v.Capacity.Assignments > 0 && rapid.IntRange(0, 4).Draw(t, "running") == 4 {
			v.Assignments = []matching.Assignment{{Support: matching.Kontaktperson, Windows: []calendar.Window{win(time.Tuesday, 16, 18)}}}
		}
		p.Volunteers = append(p.Volunteers, v)
	}
	for i := 0; i < nc; i++ {
		c := kpClient(fmt.Sprintf("C-%d", i))
		switch rapid.IntRange(0, 4).Draw(t, "support") {
		case 0, 1:
			c.BirthDate = asOf.AddDate(-rapid.IntRange(6, 17).Draw(t, "age"), 0, -3)
			c.Availability = drawWindows(t, "cwindows")
			if rapid.Bool().Draw(t, "sunday") {
				c.Availability = append(c.Availability, win(time.Sunday, 12, 15))
			}
			c.Frequency.MeetingMinutes = rapid.SampledFrom([]int{60, 120, 180}).Draw(t, "minutes")
		case 2:
			c.Support = matching.SKKP
			c.BirthDate = asOf.AddDate(-rapid.IntRange(13, 19).Draw(t, "age"), 0, -3)
			c.Needs = []matching.Need{matching.NeedCrimeRisk, matching.NeedSchoolwork}
			c.Availability = drawWindows(t, "cwindows")
		default:
			c = kfClient(c.ID)
			c.BirthDate = asOf.AddDate(-rapid.IntRange(3, 12).Draw(t, "age"), 0, -3)
			c.Weekends.Parity = matching.Parity(rapid.IntRange(0, 2).Draw(t, "cparity"))
			c.Frequency.WeekendsPerMonth = rapid.IntRange(1, 2).Draw(t, "wpm")
			// Sometimes the sibling of the previous kontaktfamilj client.
			if prev := len(p.Clients) - 1; prev >= 1 && p.Clients[prev].Support == matching.Kontaktfamilj &&
				p.Clients[prev-1].SiblingGroup == "" && rapid.IntRange(0, 2).Draw(t, "sibling") != 1 {
				g := p.Clients[prev].SiblingGroup
				if g == "" {
					g = "S-" + p.Clients[prev].ID
					p.Clients[prev].SiblingGroup = g
				}
				c.SiblingGroup, c.Weekends, c.Frequency, c.Location = g, p.Clients[prev].Weekends, p.Clients[prev].Frequency, p.Clients[prev].Location
			}
		}
		if c.SiblingGroup == "" {
			c.Location = east(rapid.Float64Range(-12, 12).Draw(t, "cx"))
		}
		c.Interests = rapid.SliceOfNDistinct(rapid.SampledFrom(someInterests), 0, 3, func(s string) string { return s }).Draw(t, "cint")
		c.Priority = matching.Priority(rapid.IntRange(0, 2).Draw(t, "priority"))
		c.WaitingSince = asOf.AddDays(-rapid.IntRange(0, 500).Draw(t, "waiting"))
		switch rapid.IntRange(0, 5).Draw(t, "expectation") {
		case 3:
			c.Expectations = []matching.Expectation{{Kind: matching.WantNoPets, Required: true}}
		case 4:
			c.Expectations = []matching.Expectation{{Kind: matching.WantCar, Required: rapid.Bool().Draw(t, "req")}}
		case 5:
			c.Expectations = []matching.Expectation{{Kind: matching.WantGender, Gender: matching.Male}}
		}
		if rapid.IntRange(0, 5).Draw(t, "excluded") == 5 {
			c.Excluded = []string{fmt.Sprintf("V-%d", rapid.IntRange(0, nv-1).Draw(t, "exvol"))}
		}
		p.Clients = append(p.Clients, c)
	}
	return p
}

func drawOptions(t *rapid.T, p matching.Pool) matching.Options {
	opt := matching.Options{
		Objective: matching.Objective(rapid.IntRange(0, 2).Draw(t, "objective")),
		MinScore:  rapid.SampledFrom([]float64{0, 40, 70}).Draw(t, "minscore"),
	}
	if rapid.Bool().Draw(t, "forbid") {
		opt.Forbidden = []matching.PairRef{{
			ClientID:    p.Clients[rapid.IntRange(0, len(p.Clients)-1).Draw(t, "fc")].ID,
			VolunteerID: p.Volunteers[rapid.IntRange(0, len(p.Volunteers)-1).Draw(t, "fv")].ID,
		}}
	}
	return opt
}

// unitOf returns the sibling group of a client, or its own ID.
func unitOf(c matching.Client) string {
	if c.SiblingGroup != "" {
		return "group " + c.SiblingGroup
	}
	return "client " + c.ID
}

// checkProposal checks the invariants every proposal keeps.
func checkProposal(t require.TestingT, p matching.Pool, opt matching.Options, prop *matching.Proposal) {
	clients := make(map[string]matching.Client)
	for _, c := range p.Clients {
		clients[c.ID] = c
	}
	seen := make(map[string]bool)
	units := make(map[string]map[string]bool) // volunteer -> units it got
	groupVol := make(map[string]string)
	locked := make(map[string]string)
	for _, l := range opt.Locked {
		locked[l.ClientID] = l.VolunteerID
	}
	for _, pr := range prop.Pairs() {
		require.False(t, seen[pr.ClientID], "client %s twice", pr.ClientID)
		seen[pr.ClientID] = true
		c := clients[pr.ClientID]
		x, err := prop.Explain(pr.ClientID, pr.VolunteerID)
		require.NoError(t, err)
		require.True(t, x.Eligible, "%s/%s proposed but not eligible: %v", pr.ClientID, pr.VolunteerID, x.Blockers)
		if !pr.Locked {
			require.GreaterOrEqual(t, pr.Score, opt.MinScore)
		}
		require.Equal(t, x.Score, pr.Score)
		if units[pr.VolunteerID] == nil {
			units[pr.VolunteerID] = make(map[string]bool)
		}
		units[pr.VolunteerID][unitOf(c)] = true
		if c.SiblingGroup != "" {
			if v, ok := groupVol[c.SiblingGroup]; ok {
				require.Equal(t, v, pr.VolunteerID, "siblings split")
			}
			groupVol[c.SiblingGroup] = pr.VolunteerID
		}
	}
	for _, u := range prop.Unmatched() {
		require.False(t, seen[u.ClientID], "client %s twice", u.ClientID)
		seen[u.ClientID] = true
		if g := clients[u.ClientID].SiblingGroup; g != "" {
			_, paired := groupVol[g]
			require.False(t, paired, "siblings split: %s unmatched", u.ClientID)
		}
	}
	require.Len(t, seen, len(p.Clients))
	for _, v := range p.Volunteers {
		require.LessOrEqual(t, len(units[v.ID])+len(v.Assignments), max(v.Capacity.Assignments, len(v.Assignments)),
			"capacity of %s exceeded", v.ID)
	}
	for _, pr := range prop.Pairs() {
		if vid, ok := locked[pr.ClientID]; ok {
			require.Equal(t, vid, pr.VolunteerID)
			require.True(t, pr.Locked)
		}
	}
	for cid := range locked {
		require.True(t, seen[cid])
	}
}

func TestProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := drawPool(t, 8, 6)
		opt := drawOptions(t, p)
		prop, err := matching.Propose(context.Background(), p, opt)
		require.NoError(t, err)
		checkProposal(t, p, opt, prop)
		first, err := json.Marshal(prop)
		require.NoError(t, err)

		// The same input, shuffled, gives the same output.
		q := p
		q.Clients = rapid.Permutation(p.Clients).Draw(t, "clients order")
		q.Volunteers = rapid.Permutation(p.Volunteers).Draw(t, "volunteers order")
		again, err := matching.Propose(context.Background(), q, opt)
		require.NoError(t, err)
		second, err := json.Marshal(again)
		require.NoError(t, err)
		require.Equal(t, string(first), string(second))

		// Lock some of the proposed pairs (one per sibling group): they are kept, and everything still holds.
		for _, pr := range prop.Pairs() {
			if rapid.Bool().Draw(t, "lock") {
				opt.Locked = append(opt.Locked, matching.PairRef{ClientID: pr.ClientID, VolunteerID: pr.VolunteerID})
				if pr.SiblingGroup != "" {
					break
				}
			}
		}
		opt.Forbidden = nil
		locked, err := matching.Propose(context.Background(), p, opt)
		require.NoError(t, err)
		checkProposal(t, p, opt, locked)
		require.GreaterOrEqual(t, locked.Stats().Locked, len(opt.Locked))
	})
}

// factor is the documented weight of a client's fit: 1, 2 or 4 by priority, times 1 to 1.5 over a year's wait.
func factor(c matching.Client, asOf calendar.Date) float64 {
	f := []float64{1, 2, 4}[c.Priority]
	if !c.WaitingSince.IsZero() {
		days := min(max(asOf.Sub(c.WaitingSince), 0), 365)
		f *= 1 + 0.5*float64(days)/365
	}
	return f
}

func hundredths(x float64) int64 { return int64(math.Round(x * 100)) }
