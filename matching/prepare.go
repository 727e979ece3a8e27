package matching

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Volunteer attributes that clients' expectations test, as bits.
const (
	attrNoPets uint16 = 1 << iota
	attrNonSmoking
	attrCar
	attrChildren
	attrNoChildren
	attrFemale
	attrMale
	attrOther
)

func genderAttr(g Gender) uint16 {
	switch g {
	case Female:
		return attrFemale
	case Male:
		return attrMale
	case OtherGender:
		return attrOther
	}
	return 0
}

func expectationAttr(e Expectation) uint16 {
	switch e.Kind {
	case WantGender:
		return genderAttr(e.Gender)
	case WantNoPets:
		return attrNoPets
	case WantNonSmoking:
		return attrNonSmoking
	case WantCar:
		return attrCar
	case WantChildrenInHome:
		return attrChildren
	case WantNoChildrenInHome:
		return attrNoChildren
	}
	return 0
}

// ageRange is an inclusive range of ages; max 0 means no upper bound. set is false when there is no range.
type ageRange struct {
	min, max int32
	set      bool
}

func (r ageRange) contains(age int32) bool {
	return !r.set || age >= r.min && (r.max == 0 || age <= r.max)
}

// cfeat holds what scoring needs of one client, computed once.
type cfeat struct {
	u         [3]float64
	lim2      float64 // squared chord of MaxTravelKm; +Inf without
	limKm     float64
	avail     calendar.WeekMask
	week      week   // avail, day by day
	weekends  uint64 // bit k: the weekend of horizon week k is possible
	factor    float64
	needs     uint32 // bit per Need
	nNeeds    int32
	age       int32
	needMin   int32 // weekly minutes asked for (weekly support)
	meetings  int32
	runQ      int32 // quarter-hours per meeting
	needWE    int32 // weekends needed within the horizon (kontaktfamilj)
	nTaste    int32 // distinct interests and dislikes
	firstLang int32 // index of the first language, -1 if no volunteer speaks it
	duration  int32
	support   Support
	group     Experience
	reqs      []expect // required expectations
	prefs     []expect // preferred expectations
}

// expect is one of a client's expectations, ready to test against a volunteer.
type expect struct {
	kind ExpectationKind
	attr uint16   // the attribute the volunteer must have (kinds other than age and language)
	age  ageRange // volunteer_age
	lang int32    // language: index, or -1 if no volunteer speaks it
}

// vfeat holds what scoring needs of one volunteer, computed once.
type vfeat struct {
	u          [3]float64
	lim2       float64
	limKm      float64
	free       calendar.WeekMask   // weekly time not taken by running assignments
	week       week                // free, day by day
	weFree     [MaxSiblings]uint64 // weFree[s-1]: horizon weekends with room for s more children
	appr       [2]reasonMask       // approval reasons for weekly support [0] and for a kontaktfamilj [1]
	missing    uint8               // bit per missing Check
	offers     uint8               // bit per Support offered
	qualified  bool                // SKKP
	siblings   bool                // accepts sibling groups
	attr       uint16
	remaining  int32 // assignments left after running ones and locks
	cpw        int32 // children per weekend
	age        int32
	exp        uint32 // bit per Experience
	covers     uint32 // bit per Need covered by exp
	ready      uint32 // bit per Need the volunteer is ready for; 0: not stated
	accepts    ageRange
	nTaste     int32
	commitment int32
}

// unit is one row of the assignment: a client, or a sibling group placed together.
type unit struct {
	members   []int32 // client indices in ID order
	excluded  []int32 // sorted volunteer indices excluded by any member
	forbidden []int32 // sorted volunteer indices forbidden for any member
	locked    int32   // volunteer index of a lock, or -1
}

// clientInfo is what the output shows of a client. It holds no birth date and no location.
type clientInfo struct {
	id        string
	group     string
	area      string
	needs     []Need
	support   Support
	law       Law
	frequency Frequency
	ageBand   int
	interests []string
	dislikes  []string
	languages []string
}

// prepared is a validated pool turned into features, sorted by ID.
type prepared struct {
	cfg              *config
	asOf             calendar.Date
	weeks            []calendar.Week // the horizon
	c                []cfeat
	v                []vfeat
	ci               []clientInfo
	vid              []string
	cIndex           map[string]int32
	vIndex           map[string]int32
	units            []unit
	unitOf           []int32  // client index -> unit index
	tastes           []string // interned interests and dislikes found on both sides
	langs            []string // interned languages found on both sides
	tw, lw           int      // words per taste set and per language set
	cTaste           []uint64 // per client: tw words of interests, then tw of dislikes
	vTaste           []uint64
	cLang            []uint64 // per client: lw words
	vLang            []uint64
	unknownForbidden int
	lastProgress     time.Time
}

func norm(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// interner gives the strings found on both sides an index, in sorted order so that the result does not depend
// on the order of the input.
type interner struct{ idx map[string]int32 }

func newInterner(left, right [][]string) (*interner, []string) {
	l := make(map[string]bool)
	for _, xs := range left {
		for _, x := range xs {
			l[norm(x)] = true
		}
	}
	both := make(map[string]bool)
	for _, xs := range right {
		for _, x := range xs {
			if n := norm(x); l[n] {
				both[n] = true
			}
		}
	}
	names := make([]string, 0, len(both))
	for n := range both {
		names = append(names, n)
	}
	slices.Sort(names)
	in := &interner{idx: make(map[string]int32, len(names))}
	for i, n := range names {
		in.idx[n] = int32(i)
	}
	return in, names
}

func (in *interner) lookup(s string) int32 {
	if i, ok := in.idx[norm(s)]; ok {
		return i
	}
	return -1
}

// set writes the bits of xs into dst.
func (in *interner) set(dst []uint64, xs []string) {
	for _, x := range xs {
		if i := in.lookup(x); i >= 0 {
			dst[i>>6] |= 1 << (i & 63)
		}
	}
}

// distinct counts the distinct normalised strings of the lists.
func distinct(lists ...[]string) int32 {
	var seen []string
	for _, xs := range lists {
		for _, x := range xs {
			if n := norm(x); !slices.Contains(seen, n) {
				seen = append(seen, n)
			}
		}
	}
	return int32(len(seen))
}

// prepare turns a validated pool into features. It keeps no reference to the pool's slices.
func prepare(p *Pool, cfg *config) *prepared {
	cs := slices.Clone(p.Clients)
	vs := slices.Clone(p.Volunteers)
	slices.SortFunc(cs, func(a, b Client) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(vs, func(a, b Volunteer) int { return cmp.Compare(a.ID, b.ID) })
	pp := &prepared{cfg: cfg, asOf: p.AsOf,
		cIndex: make(map[string]int32, len(cs)), vIndex: make(map[string]int32, len(vs))}
	first := p.AsOf.ISOWeek().AddWeeks(1)
	for k := range cfg.horizon {
		pp.weeks = append(pp.weeks, first.AddWeeks(k))
	}
	for i := range cs {
		pp.cIndex[cs[i].ID] = int32(i)
	}
	for i := range vs {
		pp.vIndex[vs[i].ID] = int32(i)
	}

	// Interests and dislikes share one table, languages another; only strings found on both sides get a bit.
	var cTaste, vTaste, cLangs, vLangs [][]string
	for i := range cs {
		cTaste = append(cTaste, cs[i].Interests, cs[i].Dislikes)
		cLangs = append(cLangs, cs[i].Languages)
		for _, e := range cs[i].Expectations {
			if e.Kind == WantLanguage {
				cLangs = append(cLangs, []string{e.Language})
			}
		}
	}
	for i := range vs {
		vTaste = append(vTaste, vs[i].Interests, vs[i].Dislikes)
		vLangs = append(vLangs, vs[i].Languages)
	}
	tin, tastes := newInterner(cTaste, vTaste)
	lin, langs := newInterner(cLangs, vLangs)
	pp.tastes, pp.langs = tastes, langs
	pp.tw, pp.lw = (len(tastes)+63)/64, (len(langs)+63)/64
	pp.cTaste = make([]uint64, 2*pp.tw*len(cs))
	pp.vTaste = make([]uint64, 2*pp.tw*len(vs))
	pp.cLang = make([]uint64, pp.lw*len(cs))
	pp.vLang = make([]uint64, pp.lw*len(vs))

	pp.c = make([]cfeat, len(cs))
	pp.ci = make([]clientInfo, len(cs))
	for i := range cs {
		pp.prepareClient(i, &cs[i], tin, lin)
	}
	pp.v = make([]vfeat, len(vs))
	pp.vid = make([]string, len(vs))
	for i := range vs {
		pp.prepareVolunteer(i, &vs[i], tin, lin)
	}
	pp.buildUnits(cs)
	return pp
}

func (pp *prepared) prepareClient(i int, c *Client, tin, lin *interner) {
	f := &pp.c[i]
	f.u = c.Location.unit()
	f.limKm, f.lim2 = travelLimit(c.MaxTravelKm)
	f.support = c.Support
	for _, n := range c.Needs {
		f.needs |= 1 << n
	}
	f.nNeeds = int32(bits.OnesCount32(f.needs))
	age := calendar.Age(c.BirthDate, pp.asOf)
	f.age = int32(age)
	f.group = ageGroup(age)
	fr := c.Frequency.normal(c.Support)
	if c.Support.weekly() {
		f.avail = cleanMask(calendar.MaskOf(c.Availability...))
		f.week = weekOf(&f.avail)
		f.meetings = int32(fr.MeetingsPerWeek)
		f.runQ = int32((fr.MeetingMinutes + calendar.SlotMinutes - 1) / calendar.SlotMinutes)
		f.needMin = f.meetings * int32(fr.MeetingMinutes)
	} else {
		f.weekends = pp.weekendMask(c.Weekends)
		h := len(pp.weeks)
		f.needWE = int32((fr.WeekendsPerMonth*h*12 + 51) / 52)
	}
	f.nTaste = distinct(c.Interests, c.Dislikes)
	off := 2 * pp.tw * i
	tin.set(pp.cTaste[off:off+pp.tw], c.Interests)
	tin.set(pp.cTaste[off+pp.tw:off+2*pp.tw], c.Dislikes)
	lin.set(pp.cLang[pp.lw*i:pp.lw*(i+1)], c.Languages)
	f.firstLang = -1
	if len(c.Languages) > 0 {
		f.firstLang = lin.lookup(c.Languages[0])
	}
	f.duration = int32(c.DurationMonths)
	for _, e := range c.Expectations {
		x := expect{kind: e.Kind, attr: expectationAttr(e), lang: -1}
		switch e.Kind {
		case WantAge:
			x.age = ageRange{min: int32(e.MinAge), max: int32(e.MaxAge), set: true}
		case WantLanguage:
			x.lang = lin.lookup(e.Language)
		}
		if e.Required {
			f.reqs = append(f.reqs, x)
		} else {
			f.prefs = append(f.prefs, x)
		}
	}
	f.factor = priorityFactor(c.Priority, c.WaitingSince, pp.asOf)
	pp.ci[i] = clientInfo{id: c.ID, group: c.SiblingGroup, area: c.Area, needs: slices.Clone(c.Needs),
		support: c.Support, law: c.Law, frequency: fr, ageBand: ageBandOf(age),
		interests: slices.Clone(c.Interests), dislikes: slices.Clone(c.Dislikes), languages: slices.Clone(c.Languages)}
	slices.Sort(pp.ci[i].needs)
}

// priorityFactor is the factor that weights a client's fit in the MostMatched and MaxMin objectives: 1, 2 or 4
// by priority, times 1 to 1.5 by waiting time (linear over the first year).
func priorityFactor(p Priority, since, asOf calendar.Date) float64 {
	f := 1.0
	switch p {
	case High:
		f = 2
	case Urgent:
		f = 4
	}
	if !since.IsZero() {
		days := min(max(asOf.Sub(since), 0), 365)
		f *= 1 + 0.5*float64(days)/365
	}
	return f
}

func (pp *prepared) prepareVolunteer(i int, v *Volunteer, tin, lin *interner) {
	f := &pp.v[i]
	pp.vid[i] = v.ID
	f.u = v.Location.unit()
	f.limKm, f.lim2 = travelLimit(v.MaxTravelKm)
	for _, s := range v.Offers {
		f.offers |= 1 << s
	}
	f.qualified = v.SKKPQualified
	f.siblings = v.Capacity.AcceptsSiblings
	f.cpw = int32(max(v.Capacity.ChildrenPerWeekend, 1))
	f.remaining = int32(max(v.Capacity.Assignments-len(v.Assignments), 0))
	f.age = int32(pp.asOf.Year() - v.BirthYear)
	for _, e := range v.Experience {
		f.exp |= 1 << e
	}
	f.covers = coveredNeeds(f.exp)
	for _, n := range v.Accepts.ReadyFor {
		f.ready |= 1 << n
	}
	f.accepts = ageRange{min: int32(v.Accepts.MinAge), max: int32(v.Accepts.MaxAge),
		set: v.Accepts.MinAge > 0 || v.Accepts.MaxAge > 0}
	f.commitment = int32(v.CommitmentMonths)
	h := v.Household
	f.attr = genderAttr(v.Gender)
	if !h.Pets {
		f.attr |= attrNoPets
	}
	if !h.Smoking {
		f.attr |= attrNonSmoking
	}
	if h.Car {
		f.attr |= attrCar
	}
	if h.OwnChildren > 0 {
		f.attr |= attrChildren
	} else {
		f.attr |= attrNoChildren
	}
	f.nTaste = distinct(v.Interests, v.Dislikes)
	off := 2 * pp.tw * i
	tin.set(pp.vTaste[off:off+pp.tw], v.Interests)
	tin.set(pp.vTaste[off+pp.tw:off+2*pp.tw], v.Dislikes)
	lin.set(pp.vLang[pp.lw*i:pp.lw*(i+1)], v.Languages)

	// Weekly time and weekends taken by running assignments.
	var taken calendar.WeekMask
	var hosted [64]int32
	for _, a := range v.Assignments {
		taken = taken.Or(calendar.MaskOf(a.Windows...))
		for _, w := range a.Weekends {
			if k := pp.weekIndex(w); k >= 0 {
				hosted[k] += int32(max(a.Children, 1))
			}
		}
	}
	f.free = cleanMask(calendar.MaskOf(v.Availability...).AndNot(taken))
	f.week = weekOf(&f.free)
	avail := pp.weekendMask(v.Weekends)
	for s := range MaxSiblings {
		var m uint64
		for k := range pp.weeks {
			if avail&(1<<k) != 0 && hosted[k]+int32(s+1) <= f.cpw {
				m |= 1 << k
			}
		}
		f.weFree[s] = m
	}

	// Approval, at AsOf.
	a := v.Approval
	var base reasonMask
	for c := CheckRegister; c <= CheckReferences; c++ {
		if a.date(c).IsZero() {
			f.missing |= 1 << c
			base |= 1 << ReasonMissingCheck
		}
	}
	switch {
	case a.Decision.IsZero():
		base |= 1 << ReasonNotApproved
	case pp.cfg.validity > 0 && !pp.asOf.Before(a.Decision.AddDate(0, pp.cfg.validity, 0)):
		base |= 1 << ReasonApprovalExpired
	}
	f.appr[0], f.appr[1] = base, base
	if a.HomeVisit.IsZero() {
		f.missing |= 1 << CheckHomeVisit
		f.appr[1] |= 1 << ReasonNoHomeVisit
	}
}

// week is a WeekMask laid out day by day, so that the quarter-hours of one day are in two words: bits 0-63 in
// q[d][0] and 64-95 in q[d][1], for isoDay d (0 Monday). days has bit d set if day d has any.
type week struct {
	q    [7][2]uint64
	days uint8
}

func weekOf(m *calendar.WeekMask) week {
	var w week
	for i := range 7 * calendar.SlotsPerDay {
		if m[i>>6]&(1<<(i&63)) != 0 {
			d, q := i/calendar.SlotsPerDay, i%calendar.SlotsPerDay
			w.q[d][q>>6] |= 1 << (q & 63)
			w.days |= 1 << d
		}
	}
	return w
}

// cleanMask clears the unused bits of a WeekMask beyond the 672 quarter-hours of a week.
func cleanMask(m calendar.WeekMask) calendar.WeekMask {
	m[len(m)-1] &= 1<<(7*calendar.SlotsPerDay-64*(len(m)-1)) - 1
	return m
}

func (pp *prepared) weekIndex(w calendar.Week) int {
	if len(pp.weeks) == 0 || !w.Valid() {
		return -1
	}
	k := w.Monday().Sub(pp.weeks[0].Monday()) / 7
	if k < 0 || k >= len(pp.weeks) {
		return -1
	}
	return k
}

// weekendMask returns the horizon weekends in w: bit k for horizon week k.
func (pp *prepared) weekendMask(w Weekends) uint64 {
	var m uint64
	for k, wk := range pp.weeks {
		switch {
		case w.Parity == EvenWeeks && wk.Number%2 != 0, w.Parity == OddWeeks && wk.Number%2 == 0:
		default:
			m |= 1 << k
		}
	}
	for _, b := range w.Blocked {
		if k := pp.weekIndex(b); k >= 0 {
			m &^= 1 << k
		}
	}
	return m
}

// buildUnits groups sibling groups into units, in order of their first member, and gathers each unit's
// excluded volunteers.
func (pp *prepared) buildUnits(cs []Client) {
	pp.unitOf = make([]int32, len(cs))
	byGroup := make(map[string]int32)
	for i := range cs {
		g := cs[i].SiblingGroup
		if g != "" {
			if u, ok := byGroup[g]; ok {
				pp.units[u].members = append(pp.units[u].members, int32(i))
				pp.unitOf[i] = u
				continue
			}
			byGroup[g] = int32(len(pp.units))
		}
		pp.unitOf[i] = int32(len(pp.units))
		pp.units = append(pp.units, unit{members: []int32{int32(i)}, locked: -1})
	}
	for i := range cs {
		u := &pp.units[pp.unitOf[i]]
		for _, id := range cs[i].Excluded {
			if vi, ok := pp.vIndex[id]; ok {
				u.excluded = append(u.excluded, vi)
			}
		}
	}
	for _, f := range pp.cfg.Forbidden {
		ci, ok1 := pp.cIndex[f.ClientID]
		vi, ok2 := pp.vIndex[f.VolunteerID]
		if !ok1 || !ok2 {
			pp.unknownForbidden++
			continue
		}
		u := &pp.units[pp.unitOf[ci]]
		u.forbidden = append(u.forbidden, vi)
	}
	for k := range pp.units {
		u := &pp.units[k]
		slices.Sort(u.excluded)
		u.excluded = slices.Compact(u.excluded)
		slices.Sort(u.forbidden)
		u.forbidden = slices.Compact(u.forbidden)
	}
}

// weighted returns a member's score q (in hundredths) times its priority and waiting factor, rounded to a whole
// number of hundredths, so that the solver adds whole numbers only.
func (f *cfeat) weighted(q int32) int64 { return int64(math.Round(float64(q) * f.factor)) }
