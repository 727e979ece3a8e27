// Package matchtest generates realistic, seeded demo pools for package matching: clients and volunteers around a
// Swedish town (Västerås by default), with needs, ages, interests, languages, weekly windows, weekends, approvals
// (some expired or incomplete), sibling pairs, families that take two children, and running assignments. Tests,
// benchmarks, examples and the gen command share it. It is internal: integrators need none of it.
package matchtest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Västerås, the default centre of a generated pool.
const (
	VasterasLat = 59.61
	VasterasLon = 16.55
)

// Config describes a generated pool. The zero value of each field takes the default given.
type Config struct {
	Seed       uint64        // the same seed gives the same pool
	Clients    int           // number of clients (siblings included)
	Volunteers int           // number of volunteers
	AsOf       calendar.Date // zero: 2026-08-17
	Lat, Lon   float64       // the town centre; zero: Västerås
	RadiusKm   float64       // the area around it; zero: 30 km
}

// DefaultAsOf is the AsOf of a generated pool when Config.AsOf is zero.
func DefaultAsOf() calendar.Date { return calendar.NewDate(2026, time.August, 17) }

type gen struct {
	r     *rand.Rand
	cfg   Config
	asOf  calendar.Date
	weeks []calendar.Week // the default horizon
}

// Pool returns a generated pool. It never fails: the pool always passes matching's validation.
func Pool(cfg Config) matching.Pool {
	if cfg.AsOf.IsZero() {
		cfg.AsOf = DefaultAsOf()
	}
	if cfg.Lat == 0 && cfg.Lon == 0 {
		cfg.Lat, cfg.Lon = VasterasLat, VasterasLon
	}
	if cfg.RadiusKm <= 0 {
		cfg.RadiusKm = 30
	}
	g := &gen{r: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x6b6f6e74616b74)), cfg: cfg, asOf: cfg.AsOf}
	first := cfg.AsOf.ISOWeek().AddWeeks(1)
	for k := range matching.DefaultHorizonWeeks {
		g.weeks = append(g.weeks, first.AddWeeks(k))
	}
	p := matching.Pool{AsOf: cfg.AsOf}
	for i := 0; i < cfg.Volunteers; i++ {
		p.Volunteers = append(p.Volunteers, g.volunteer(i))
	}
	for len(p.Clients) < cfg.Clients {
		c := g.client(len(p.Clients), p.Volunteers)
		p.Clients = append(p.Clients, c)
		// About one kontaktfamilj client in eight comes with a sibling.
		if c.Support == matching.Kontaktfamilj && len(p.Clients) < cfg.Clients && g.chance(0.12) {
			p.Clients[len(p.Clients)-1].SiblingGroup = "S-" + c.ID[2:]
			p.Clients = append(p.Clients, g.sibling(p.Clients[len(p.Clients)-1], len(p.Clients)))
		}
	}
	return p
}

func (g *gen) chance(p float64) bool  { return g.r.Float64() < p }
func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// pick returns one of xs, the earlier ones more often (a Zipf-like popularity).
func pick[T any](g *gen, xs []T) T {
	i := int(float64(len(xs)) * math.Pow(g.r.Float64(), 1.6))
	return xs[min(i, len(xs)-1)]
}

// some returns n distinct items of xs, popular ones more often.
func some[T comparable](g *gen, xs []T, n int) []T {
	var out []T
	for tries := 0; len(out) < n && tries < 10*n+10; tries++ {
		if x := pick(g, xs); !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

var interests = []string{"fotboll", "gaming", "musik", "bakning", "friluftsliv", "simning", "film", "djur", "ridning",
	"läsning", "teckning", "innebandy", "dans", "matlagning", "fiske", "hockey", "basket", "skateboard", "cykling",
	"klättring", "schack", "programmering", "teater", "slöjd", "gym", "foto", "brädspel", "trädgård", "kampsport", "sång"}

var dislikes = []string{"matlagning", "läsning", "fotboll", "friluftsliv", "simning", "dans", "gaming", "museer"}

var otherLanguages = []string{"ar", "so", "ti", "fa", "en", "pl", "bs", "fi", "es", "uk"}

var areas = []string{"Västerås, centrum", "Västerås, Bäckby", "Västerås, Råby", "Västerås, Hammarby",
	"Västerås, Vallby", "Västerås, Viksäng", "Västerås, Skiljebo", "Västerås, Pettersberg", "Västerås, Önsta-Gryta"}

var outerAreas = []string{"Skultuna", "Dingtuna", "Irsta", "Tillberga", "Barkarö", "Kungsåra", "Nykvarn"}

// place returns a home: most near the centre, the rest spread over the area, and a general area label.
func (g *gen) place() (matching.Location, string) {
	var d float64
	if g.chance(0.65) {
		d = math.Abs(g.r.NormFloat64()) * 3.5
	} else {
		d = g.cfg.RadiusKm * math.Sqrt(g.r.Float64())
	}
	d = min(d, g.cfg.RadiusKm)
	a := 2 * math.Pi * g.r.Float64()
	lat := g.cfg.Lat + d*math.Sin(a)/111.2
	lon := g.cfg.Lon + d*math.Cos(a)/(111.2*math.Cos(g.cfg.Lat*math.Pi/180))
	area := pick(g, areas)
	if d > 8 {
		area = outerAreas[g.r.IntN(len(outerAreas))]
	}
	return matching.Location{Lat: math.Round(lat*1e4) / 1e4, Lon: math.Round(lon*1e4) / 1e4}, area
}

func window(day time.Weekday, h0, m0, h1, m1 int) calendar.Window {
	return calendar.Window{Day: day, Start: calendar.NewClock(h0, m0), End: calendar.NewClock(h1, m1)}
}

// weeklyWindows returns n windows: weekday afternoons and evenings, and weekend days.
func (g *gen) weeklyWindows(n int, evening bool) []calendar.Window {
	var out []calendar.Window
	days := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
	for _, i := range g.r.Perm(7)[:n] {
		d := days[i]
		if d == time.Saturday || d == time.Sunday {
			h := g.between(9, 12)
			out = append(out, window(d, h, 0, min(h+g.between(3, 7), 20), 0))
			continue
		}
		h := g.between(15, 17)
		if evening {
			h = g.between(16, 18)
		}
		out = append(out, window(d, h, 30*g.r.IntN(2), min(h+g.between(2, 4), 22), 0))
	}
	slices.SortFunc(out, func(a, b calendar.Window) int { return int(a.Day) - int(b.Day) })
	return out
}

func (g *gen) blockedWeeks(n int) []calendar.Week {
	var out []calendar.Week
	for _, i := range g.r.Perm(len(g.weeks))[:n] {
		out = append(out, g.weeks[i])
	}
	slices.SortFunc(out, calendar.Week.Compare)
	return out
}

func (g *gen) client(i int, vols []matching.Volunteer) matching.Client {
	c := matching.Client{ID: fmt.Sprintf("C-%04d", i+1), Law: matching.SoL}
	x := g.r.Float64()
	switch {
	case x < 0.5:
		c.Support = matching.Kontaktperson
	case x < 0.9:
		c.Support = matching.Kontaktfamilj
	default:
		c.Support = matching.SKKP
	}
	if c.Support != matching.SKKP && g.chance(0.15) {
		c.Law = matching.LSS
	}
	var age int
	switch {
	case c.Support == matching.Kontaktfamilj:
		age = g.between(3, 12)
	case c.Support == matching.SKKP:
		age = g.between(13, 20)
	case c.Law == matching.LSS && g.chance(0.6), g.chance(0.3):
		age = g.between(18, 75)
	default:
		age = g.between(7, 17)
	}
	c.BirthDate = g.asOf.AddDate(-age, 0, -g.r.IntN(365))

	newcomer := g.chance(0.1)
	add := func(ns ...matching.Need) {
		for _, n := range ns {
			if !slices.Contains(c.Needs, n) {
				c.Needs = append(c.Needs, n)
			}
		}
	}
	switch {
	case c.Support == matching.SKKP:
		add(some(g, []matching.Need{matching.NeedNegativeDevelopment, matching.NeedCrimeRisk, matching.NeedSubstanceRisk}, g.between(1, 2))...)
		add(some(g, []matching.Need{matching.NeedSchoolwork, matching.NeedRoleModel, matching.NeedRoutines}, g.between(0, 1))...)
	case c.Law == matching.LSS:
		add(pick(g, []matching.Need{matching.NeedDisability, matching.NeedNPF}))
		add(some(g, []matching.Need{matching.NeedLeisure, matching.NeedSocialNetwork, matching.NeedIsolation}, g.between(1, 2))...)
	case c.Support == matching.Kontaktfamilj:
		if g.chance(0.8) {
			add(matching.NeedFamilyRespite)
		}
		add(some(g, []matching.Need{matching.NeedLeisure, matching.NeedRoutines, matching.NeedSocialNetwork,
			matching.NeedRoleModel, matching.NeedNPF}, g.between(1, 2))...)
	case age >= 18:
		add(some(g, []matching.Need{matching.NeedIsolation, matching.NeedSocialNetwork, matching.NeedMentalHealth,
			matching.NeedLeisure}, g.between(1, 3))...)
	default:
		ns := []matching.Need{matching.NeedLeisure, matching.NeedSchoolwork, matching.NeedSocialNetwork,
			matching.NeedRoleModel, matching.NeedIsolation, matching.NeedRoutines, matching.NeedNPF}
		if age >= 13 {
			ns = append(ns, matching.NeedNegativeDevelopment)
		}
		add(some(g, ns, g.between(1, 3))...)
	}
	if newcomer {
		add(matching.NeedIntegration)
	}
	c.Interests = some(g, interests, g.between(1, 4))
	if g.chance(0.3) {
		for _, d := range some(g, dislikes, g.between(1, 2)) {
			if !slices.Contains(c.Interests, d) {
				c.Dislikes = append(c.Dislikes, d)
			}
		}
	}
	c.Languages = []string{"sv"}
	if newcomer || g.chance(0.1) {
		first := pick(g, otherLanguages)
		c.Languages = []string{first}
		if g.chance(0.7) {
			c.Languages = append(c.Languages, "sv")
		}
		if newcomer && first != "en" {
			c.Expectations = append(c.Expectations, matching.Expectation{Kind: matching.WantLanguage, Language: first})
		}
	}
	c.Location, c.Area = g.place()
	if g.chance(0.3) {
		c.MaxTravelKm = float64(g.between(5, 20))
	}
	if c.Support == matching.Kontaktfamilj {
		c.Frequency.WeekendsPerMonth = g.between(1, 2)
		if g.chance(0.4) {
			c.Weekends.Parity = matching.Parity(g.between(1, 2))
		}
		if g.chance(0.2) {
			c.Weekends.Blocked = g.blockedWeeks(g.between(1, 3))
		}
	} else {
		c.Availability = g.weeklyWindows(g.between(2, 4), age >= 13)
		if g.chance(0.2) {
			c.Frequency.MeetingsPerWeek = 2
		}
		c.Frequency.MeetingMinutes = pick(g, []int{120, 180, 90})
	}
	if g.chance(0.5) {
		c.DurationMonths = pick(g, []int{12, 6, 24})
	}
	if g.chance(0.08) {
		c.Expectations = append(c.Expectations, matching.Expectation{Kind: matching.WantNoPets, Required: true})
	}
	if g.chance(0.08) {
		c.Expectations = append(c.Expectations, matching.Expectation{Kind: matching.WantNonSmoking, Required: g.chance(0.5)})
	}
	if g.chance(0.1) {
		c.Expectations = append(c.Expectations, matching.Expectation{Kind: matching.WantGender,
			Gender: matching.Gender(g.between(1, 2)), Required: g.chance(0.2)})
	}
	if c.Support != matching.Kontaktfamilj && g.chance(0.05) {
		c.Expectations = append(c.Expectations, matching.Expectation{Kind: matching.WantCar, Required: true})
	}
	if g.chance(0.1) {
		c.Expectations = append(c.Expectations, matching.Expectation{Kind: matching.WantAge, MinAge: 25, MaxAge: 60})
	}
	switch x := g.r.Float64(); {
	case x < 0.05:
		c.Priority = matching.Urgent
	case x < 0.2:
		c.Priority = matching.High
	}
	c.WaitingSince = g.asOf.AddDays(-g.r.IntN(300))
	if len(vols) > 0 && g.chance(0.03) {
		c.Excluded = []string{vols[g.r.IntN(len(vols))].ID}
	}
	return c
}

// sibling returns a brother or sister of c, placed together with c.
func (g *gen) sibling(c matching.Client, i int) matching.Client {
	s := c
	s.ID = fmt.Sprintf("C-%04d", i+1)
	age := min(max(calendar.Age(c.BirthDate, g.asOf)+pick(g, []int{-2, 2, -3, 3, -1, 1, -4, 4}), 3), 12)
	s.BirthDate = g.asOf.AddDate(-age, 0, -g.r.IntN(365))
	s.Needs = slices.Clone(c.Needs)
	s.Interests = some(g, interests, g.between(1, 3))
	s.Dislikes = nil
	s.Expectations = slices.Clone(c.Expectations)
	s.Excluded = nil
	return s
}

func (g *gen) volunteer(i int) matching.Volunteer {
	v := matching.Volunteer{ID: fmt.Sprintf("V-%04d", i+1)}
	x := g.r.Float64()
	kp, kf := x < 0.7, x >= 0.55
	if kp {
		v.Offers = append(v.Offers, matching.Kontaktperson)
		v.SKKPQualified = g.chance(0.15)
	}
	if kf {
		v.Offers = append(v.Offers, matching.Kontaktfamilj)
	}
	switch x := g.r.Float64(); {
	case x < 0.62:
		v.Gender = matching.Female
	case x < 0.98:
		v.Gender = matching.Male
	default:
		v.Gender = matching.OtherGender
	}
	age := min(20+int(math.Abs(g.r.NormFloat64())*18), 78)
	v.BirthYear = g.asOf.Year() - age
	v.Languages = []string{"sv"}
	if g.chance(0.6) {
		v.Languages = append(v.Languages, "en")
	}
	if g.chance(0.15) {
		if l := pick(g, otherLanguages); !slices.Contains(v.Languages, l) {
			v.Languages = append(v.Languages, l)
		}
	}
	v.Interests = some(g, interests, g.between(2, 5))
	if g.chance(0.3) {
		for _, d := range some(g, dislikes, g.between(1, 2)) {
			if !slices.Contains(v.Interests, d) {
				v.Dislikes = append(v.Dislikes, d)
			}
		}
	}
	exp := []matching.Experience{matching.ExpChildren, matching.ExpTeenagers, matching.ExpMentoring,
		matching.ExpYouthLeader, matching.ExpParenting, matching.ExpHelpingProfession, matching.ExpTeaching,
		matching.ExpAdults, matching.ExpNPF, matching.ExpYouthAtRisk, matching.ExpMentalHealth,
		matching.ExpDisability, matching.ExpFosterCare, matching.ExpNewcomers, matching.ExpSubstanceAbuse}
	v.Experience = some(g, exp, g.between(1, 4))
	if kf && g.chance(0.7) && !slices.Contains(v.Experience, matching.ExpParenting) {
		v.Experience = append(v.Experience, matching.ExpParenting)
	}
	v.Location, _ = g.place()
	v.MaxTravelKm = float64(g.between(10, 40))
	if kp {
		v.Availability = g.weeklyWindows(g.between(2, 5), true)
	}
	if kf {
		if g.chance(0.25) {
			v.Weekends.Parity = matching.Parity(g.between(1, 2))
		}
		if g.chance(0.3) {
			v.Weekends.Blocked = g.blockedWeeks(g.between(1, 4))
		}
	}
	v.Capacity.Assignments = pick(g, []int{1, 2, 3})
	if kf {
		v.Capacity.Assignments = pick(g, []int{1, 2})
		v.Capacity.ChildrenPerWeekend = pick(g, []int{1, 2, 3})
		v.Capacity.AcceptsSiblings = v.Capacity.ChildrenPerWeekend >= 2 && g.chance(0.6)
	}
	v.Household = matching.Household{Pets: g.chance(0.35), Smoking: g.chance(0.07), Car: g.chance(0.75)}
	if kf && g.chance(0.75) || !kf && g.chance(0.35) {
		v.Household.OwnChildren = g.between(1, 3)
	}
	if kf && g.chance(0.7) {
		v.Accepts.MinAge, v.Accepts.MaxAge = g.between(3, 5), g.between(9, 14)
	} else if g.chance(0.5) {
		v.Accepts.MinAge, v.Accepts.MaxAge = g.between(6, 13), pick(g, []int{17, 0, 25, 21})
	}
	if g.chance(0.4) {
		v.Accepts.ReadyFor = some(g, matching.Needs(), g.between(3, 7))
	}
	if g.chance(0.5) {
		v.CommitmentMonths = pick(g, []int{12, 24, 6, 36})
	}
	g.approval(&v, kf)
	if g.chance(0.2) && v.Capacity.Assignments > 0 {
		a := matching.Assignment{ClientID: fmt.Sprintf("C-9%04d", i+1)}
		if kp && (!kf || g.chance(0.5)) {
			a.Support = matching.Kontaktperson
			a.Windows = v.Availability[:1]
		} else {
			a.Support = matching.Kontaktfamilj
			for k, w := range g.weeks {
				if k%4 == i%4 {
					a.Weekends = append(a.Weekends, w)
				}
			}
		}
		v.Assignments = append(v.Assignments, a)
	}
	return v
}

// approval writes an approval record: most complete and valid, some expired, some still in progress.
func (g *gen) approval(v *matching.Volunteer, kf bool) {
	decided := g.asOf.AddDays(-g.between(10, 700))
	x := g.r.Float64()
	if x < 0.06 {
		decided = g.asOf.AddDays(-g.between(760, 1500)) // older than the default two years
	}
	a := matching.Approval{
		RegisterCheck:       decided.AddDays(-g.between(20, 60)),
		SocialServicesCheck: decided.AddDays(-g.between(20, 60)),
		Interview:           decided.AddDays(-g.between(10, 40)),
		References:          decided.AddDays(-g.between(5, 30)),
		Decision:            decided,
	}
	if kf {
		a.HomeVisit = decided.AddDays(-g.between(5, 30))
	}
	switch {
	case x >= 0.06 && x < 0.10: // in progress: no references, no decision yet
		a.References, a.Decision = calendar.Date{}, calendar.Date{}
	case x >= 0.10 && x < 0.13 && kf: // the home visit was never made
		a.HomeVisit = calendar.Date{}
	}
	v.Approval = a
}
