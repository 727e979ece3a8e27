package matching_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// storyPool is the Västerås pool of the examples, on Monday 17 August 2026.
//
// Ali (C-101) is 9 and has been granted a kontaktperson: he needs to get out to leisure activities and help with
// his homework. He plays football, speaks Arabic and Swedish, and can meet on Tuesday or Thursday evenings.
// Maja (C-201, 7) and her brother Leo (C-202, 10) have been granted a kontaktfamilj together, one weekend a
// month, to give their mother respite; they spend even weekends with their father. Sara (C-301, 16) has been
// granted a särskilt kvalificerad kontaktperson.
//
// Three volunteers are approved: Johan (V-201), a youth football coach who helps with homework, three
// kilometres from Ali; Eva (V-202), who has been a kontaktperson before and plays chess, one kilometre away;
// and the Lind family (V-301), who take siblings.
func storyPool() matching.Pool {
	asOf := calendar.NewDate(2026, time.August, 17)
	home := matching.Location{Lat: 59.6162, Lon: 16.5528}
	near := func(km float64) matching.Location {
		return matching.Location{Lat: home.Lat, Lon: home.Lon + km/56.2}
	}
	evening := func(d time.Weekday) calendar.Window {
		return calendar.Window{Day: d, Start: calendar.NewClock(17, 0), End: calendar.NewClock(20, 0)}
	}
	approved := matching.Approval{
		RegisterCheck: calendar.NewDate(2025, time.October, 1), SocialServicesCheck: calendar.NewDate(2025, time.October, 1),
		Interview: calendar.NewDate(2025, time.October, 20), References: calendar.NewDate(2025, time.November, 3),
		HomeVisit: calendar.NewDate(2025, time.November, 5), Decision: calendar.NewDate(2025, time.November, 24),
	}
	siblings := func(id string, born calendar.Date) matching.Client {
		return matching.Client{ID: id, Support: matching.Kontaktfamilj, Law: matching.SoL, BirthDate: born,
			Needs: []matching.Need{matching.NeedFamilyRespite, matching.NeedRoleModel}, Location: near(6),
			Area: "Västerås, Råby", SiblingGroup: "S-20", Weekends: matching.Weekends{Parity: matching.OddWeeks},
			WaitingSince: calendar.NewDate(2026, time.April, 2)}
	}
	return matching.Pool{
		AsOf: asOf,
		Clients: []matching.Client{
			{
				ID: "C-101", Support: matching.Kontaktperson, Law: matching.SoL,
				BirthDate: calendar.NewDate(2017, time.April, 12),
				Needs:     []matching.Need{matching.NeedLeisure, matching.NeedSchoolwork},
				Interests: []string{"fotboll"}, Languages: []string{"ar", "sv"},
				Location: home, Area: "Västerås, Bäckby",
				Availability: []calendar.Window{evening(time.Tuesday), evening(time.Thursday)},
				Frequency:    matching.Frequency{MeetingsPerWeek: 1, MeetingMinutes: 120},
				WaitingSince: calendar.NewDate(2026, time.May, 20),
			},
			siblings("C-201", calendar.NewDate(2019, time.February, 2)),
			siblings("C-202", calendar.NewDate(2016, time.June, 30)),
			{
				ID: "C-301", Support: matching.SKKP, Law: matching.SoL, BirthDate: calendar.NewDate(2010, time.March, 1),
				Needs:    []matching.Need{matching.NeedCrimeRisk, matching.NeedSchoolwork},
				Location: near(2), Area: "Västerås, Skiljebo", Priority: matching.High,
				Availability: []calendar.Window{evening(time.Monday), evening(time.Tuesday)},
			},
		},
		Volunteers: []matching.Volunteer{
			{
				ID: "V-201", Offers: []matching.Support{matching.Kontaktperson}, Approval: approved,
				Gender: matching.Male, BirthYear: 1988, Languages: []string{"sv", "ar"},
				Interests:  []string{"fotboll", "fiske"},
				Experience: []matching.Experience{matching.ExpYouthLeader, matching.ExpTeaching, matching.ExpChildren},
				Location:   near(3), MaxTravelKm: 15,
				Availability: []calendar.Window{evening(time.Tuesday)},
				Capacity:     matching.Capacity{Assignments: 1},
			},
			{
				ID: "V-202", Offers: []matching.Support{matching.Kontaktperson}, Approval: approved,
				Gender: matching.Female, BirthYear: 1961, Languages: []string{"sv"},
				Interests: []string{"schack"}, Experience: []matching.Experience{matching.ExpMentoring},
				Location: near(1), MaxTravelKm: 10,
				Availability: []calendar.Window{evening(time.Thursday), evening(time.Monday)},
				Capacity:     matching.Capacity{Assignments: 2},
			},
			{
				ID: "V-301", Offers: []matching.Support{matching.Kontaktfamilj}, Approval: approved,
				BirthYear: 1979, Languages: []string{"sv"},
				Experience: []matching.Experience{matching.ExpParenting, matching.ExpChildren},
				Location:   near(9), MaxTravelKm: 20,
				Capacity:  matching.Capacity{Assignments: 1, ChildrenPerWeekend: 2, AcceptsSiblings: true},
				Household: matching.Household{OwnChildren: 2, Car: true},
				Accepts:   matching.Accepts{MinAge: 5, MaxAge: 12},
			},
		},
	}
}

// The familjehemssekreterare runs the proposal for the whole pool. Ali gets Johan, the football coach: the
// parts of the score say why, and Eva is the runner-up.
func ExamplePropose() {
	prop, err := matching.Propose(context.Background(), storyPool(), matching.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range prop.Pairs() {
		fmt.Printf("%s → %s, score %.2f\n", p.ClientID, p.VolunteerID, p.Score)
	}
	ali := prop.Pairs()[0]
	fmt.Println("Why Johan for Ali:")
	for _, part := range ali.Parts {
		fmt.Printf("  %-12s %5.2f  %s\n", part.Name, part.Points, part.Reason.EN)
	}
	for _, alt := range ali.Alternatives {
		fmt.Printf("Runner-up %s: %.2f points behind\n", alt.VolunteerID, alt.Behind)
	}
	// Output:
	// C-101 → V-201, score 93.25
	// C-201 → V-301, score 77.75
	// C-202 → V-301, score 77.75
	// Why Johan for Ali:
	//   needs        25.00  Experience covers 2 of 2 needs: leisure activities and schoolwork
	//   interests    15.00  Shares 1 interest: fotboll
	//   language      5.00  Speaks the client's first language (ar)
	//   distance     12.00  Straight-line distance 3.0 km; the pair's limit is 15.0 km
	//   time         11.25  3.0 h a week in common, 2.0 h needed; room for a whole meeting on 1 day
	//   age          10.00  Experience with children (under 13); the volunteer is 25 or older
	//   expectations 15.00  No preferences stated
	// Runner-up V-202: 33.50 points behind
}

// Before calling the Lind family, the familjehemssekreterare reads what may be shown to them: no names, no
// birth dates, no address, no case number.
func ExampleProposal_Summary() {
	prop, err := matching.Propose(context.Background(), storyPool(), matching.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := prop.Summary("C-201")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Text.SV)
	fmt.Println(s.Text.EN)
	// Output:
	// Kontaktfamilj (SoL) för ett syskonpar (2 barn), 7–9 och 10–12 år. Behov: vuxen förebild och avlastning för familjen. Område: Västerås, Råby. Omfattning: 1 helg i månaden.
	// Contact family (kontaktfamilj) (SoL) for a sibling group of 2 aged 7–9 and 10–12. Needs: an adult role model and respite for the family. Area: Västerås, Råby. Frequency: 1 weekend a month.
}

// Sara stays unmatched: no volunteer in the pool is qualified for särskilt kvalificerad kontaktperson. The report
// says so, which is what the nämnd needs before the three months after the decision run out.
func ExampleProposal_Unmatched() {
	prop, err := matching.Propose(context.Background(), storyPool(), matching.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range prop.Unmatched() {
		fmt.Println(u.ClientID, u.Why)
		fmt.Println(u.Text.EN)
	}
	// Output:
	// C-301 no_eligible_volunteer
	// no volunteer meets the rules; most common: not qualified as a specially qualified contact person (2)
}

// Why not Eva for Ali? The pair is eligible (both are free on Thursday evenings), but Eva scores lower: it is
// Johan's football and homework help that make the difference. Sara and Johan, though, are ruled out, and the
// explanation says why.
func ExampleProposal_Explain() {
	prop, err := matching.Propose(context.Background(), storyPool(), matching.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	x, err := prop.Explain("C-101", "V-202")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("Ali and Eva: eligible %v, score %.2f\n", x.Eligible, x.Score)
	x, err = prop.Explain("C-301", "V-201")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("Sara and Johan: eligible %v\n", x.Eligible)
	for _, b := range x.Blockers {
		fmt.Println(" ", b.Text.SV)
	}
	// Output:
	// Ali and Eva: eligible true, score 59.75
	// Sara and Johan: eligible false
	//   inte kvalificerad för särskilt kvalificerad kontaktperson
}

// Johan already said yes to another boy last week: the pair is locked, takes his only place, and Ali is
// proposed Eva instead.
func ExamplePropose_locked() {
	pool := storyPool()
	other := pool.Clients[0]
	other.ID, other.Languages, other.WaitingSince = "C-099", []string{"sv"}, calendar.Date{}
	pool.Clients = append(pool.Clients, other)
	prop, err := matching.Propose(context.Background(), pool, matching.Options{
		Locked: []matching.PairRef{{ClientID: "C-099", VolunteerID: "V-201"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range prop.Pairs() {
		if p.Support == matching.Kontaktperson {
			fmt.Printf("%s → %s locked=%v\n", p.ClientID, p.VolunteerID, p.Locked)
		}
	}
	// Output:
	// C-099 → V-201 locked=true
	// C-101 → V-202 locked=false
}

// The batch job reads the pool as JSON. Every bad record is reported at once, by ID and field, without
// repeating what was written in it.
func ExampleDecodePool() {
	in := `{"as_of": "2026-08-17",
	  "clients": [
	    {"id": "C-101", "support": "kontaktperson", "law": "sol", "birth_date": "2017-04-12", "needs": ["leisure"],
	     "location": {"lat": 59.61, "lon": 16.55}, "availability": [{"day": "tisdag", "start": "17:00", "end": "20:00"}]},
	    {"id": "C-102", "support": "kontaktfamilj", "law": "sol", "birth_date": "2027-01-01", "needs": ["respite"],
	     "location": {"lat": 59.61, "lon": 16.55}}
	  ],
	  "volunteers": [{"id": "V-201", "offers": ["kontaktperson"], "birth_year": 1988, "approval": {},
	    "location": {"lat": 59.62, "lon": 16.5}, "availability": [{"day": "tuesday", "start": "16:00", "end": "21:00"}],
	    "capacity": {"assignments": 1}, "hobby": "fiske"}]}`
	_, err := matching.DecodePool(strings.NewReader(in))
	fmt.Println(err)
	// Output:
	// matching: invalid input: client C-102: needs[0]: unknown code
	// matching: invalid input: volunteer V-201: json: unknown field "hobby"
}
