package matching_test

import (
	"context"
	"flag"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	_ "pgregory.net/rapid" // registers -rapid.seed, fixed in TestMain

	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// TestMain fixes rapid's seed unless -rapid.seed is given, so that property tests draw the same inputs every run.
func TestMain(m *testing.M) {
	flag.Parse()
	seeded := false
	flag.Visit(func(f *flag.Flag) { seeded = seeded || f.Name == "rapid.seed" })
	if !seeded {
		if err := flag.Set("rapid.seed", "20260817"); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}

// asOf is a Monday, in ISO week 2026-W34; the default horizon is weeks 35 to 47.
var asOf = calendar.NewDate(2026, time.August, 17)

var vasteras = matching.Location{Lat: 59.61, Lon: 16.55}

// east returns a point km kilometres east of Västerås (approximately).
func east(km float64) matching.Location {
	return matching.Location{Lat: 59.61, Lon: 16.55 + km/(111.2*0.50572)}
}

func win(d time.Weekday, from, to int) calendar.Window {
	return calendar.Window{Day: d, Start: calendar.NewClock(from, 0), End: calendar.NewClock(to, 0)}
}

func date(y int, m time.Month, d int) calendar.Date { return calendar.NewDate(y, m, d) }

// kpClient is a 10-year-old who needs a kontaktperson on Tuesday or Thursday evenings.
func kpClient(id string) matching.Client {
	return matching.Client{
		ID: id, Support: matching.Kontaktperson, Law: matching.SoL,
		BirthDate:    date(2016, time.March, 3),
		Needs:        []matching.Need{matching.NeedLeisure, matching.NeedSchoolwork},
		Interests:    []string{"fotboll", "musik"},
		Languages:    []string{"sv"},
		Location:     vasteras,
		Area:         "Västerås, Bäckby",
		Availability: []calendar.Window{win(time.Tuesday, 17, 20), win(time.Thursday, 17, 20)},
	}
}

// kfClient is an 8-year-old whose family needs respite one weekend a month.
func kfClient(id string) matching.Client {
	return matching.Client{
		ID: id, Support: matching.Kontaktfamilj, Law: matching.SoL,
		BirthDate: date(2018, time.May, 9),
		Needs:     []matching.Need{matching.NeedFamilyRespite},
		Interests: []string{"ridning"},
		Languages: []string{"sv"},
		Location:  vasteras,
		Area:      "Västerås, Råby",
	}
}

// approved is a complete approval decided in January 2026, home visit included.
func approved() matching.Approval {
	return matching.Approval{
		RegisterCheck: date(2025, time.November, 20), SocialServicesCheck: date(2025, time.November, 21),
		Interview: date(2025, time.December, 2), References: date(2025, time.December, 10),
		HomeVisit: date(2025, time.December, 12), Decision: date(2026, time.January, 15),
	}
}

// volunteer is approved for both kinds of support, two kilometres away, free on Tuesday and Thursday evenings
// and every weekend, and takes one client (or a sibling pair).
func volunteer(id string) matching.Volunteer {
	return matching.Volunteer{
		ID: id, Offers: []matching.Support{matching.Kontaktperson, matching.Kontaktfamilj},
		Approval: approved(), Gender: matching.Female, BirthYear: 1985,
		Languages:  []string{"sv", "en"},
		Interests:  []string{"fotboll"},
		Experience: []matching.Experience{matching.ExpChildren, matching.ExpYouthLeader, matching.ExpTeaching, matching.ExpParenting},
		Location:   east(2), MaxTravelKm: 20,
		Availability: []calendar.Window{win(time.Tuesday, 16, 21), win(time.Thursday, 16, 21)},
		Capacity:     matching.Capacity{Assignments: 1, ChildrenPerWeekend: 2, AcceptsSiblings: true},
		Household:    matching.Household{Car: true, OwnChildren: 1},
	}
}

func pool(cs []matching.Client, vs []matching.Volunteer) matching.Pool {
	return matching.Pool{AsOf: asOf, Clients: cs, Volunteers: vs}
}

func propose(t *testing.T, p matching.Pool, opt matching.Options) *matching.Proposal {
	t.Helper()
	prop, err := matching.Propose(context.Background(), p, opt)
	require.NoError(t, err)
	return prop
}

func explain(t *testing.T, p matching.Pool, opt matching.Options, clientID, volunteerID string) matching.Explanation {
	t.Helper()
	x, err := propose(t, p, opt).Explain(clientID, volunteerID)
	require.NoError(t, err)
	return x
}

func part(x matching.Explanation, name matching.PartName) matching.Part {
	for _, p := range x.Parts {
		if p.Name == name {
			return p
		}
	}
	return matching.Part{}
}

func reasons(bs []matching.Blocker) []matching.Reason {
	var out []matching.Reason
	for _, b := range bs {
		out = append(out, b.Reason)
	}
	return out
}
