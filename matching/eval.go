package matching

import (
	"math"
	"math/bits"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// PartName names one part of the fit score. JSON codes: "needs", "interests", "language", "distance", "time",
// "age", "expectations".
type PartName uint8

// The parts of the fit score; see the package documentation for how each is computed.
const (
	PartNeeds PartName = iota + 1
	PartInterests
	PartLanguage
	PartDistance
	PartTime
	PartAge
	PartExpectations
	numParts = iota + 1
)

var partLabels = []label{
	{"", "", ""},
	{"needs", "behov och erfarenhet", "needs and experience"},
	{"interests", "gemensamma intressen", "shared interests"},
	{"language", "gemensamt språk", "common language"},
	{"distance", "avstånd", "distance"},
	{"time", "gemensam tid", "overlapping time"},
	{"age", "ålder och erfarenhet av åldern", "age and experience of the age group"},
	{"expectations", "förväntningar", "expectations"},
}

// String returns the JSON code of p, or "PartName(n)" for a value outside the vocabulary.
func (p PartName) String() string { return codeString("PartName", partLabels, int(p)) }

// Label returns the Swedish and English labels of p.
func (p PartName) Label() Text { return codeLabel(partLabels, int(p)) }

// MarshalText returns the JSON code of p; a value outside the vocabulary is an error.
func (p PartName) MarshalText() ([]byte, error) { return codeText("part", partLabels, int(p)) }

// UnmarshalText reads a code, ignoring case; an unknown code is a *FieldError.
func (p *PartName) UnmarshalText(b []byte) error { return setCode(p, "part", partLabels, b) }

// Constants of the parts.
const (
	// timeSlack is how many times the asked-for time a pair must share for full marks on time: room to move a
	// meeting when something comes up.
	timeSlack = 2.0
	// interestTarget is how many shared interests (or dislikes) give full marks.
	interestTarget = 3
	// matureAge is the age from which a volunteer gets full marks for maturity; the part rises from 18.
	matureAge = 25
)

// pairEval is what evaluating one client with one volunteer finds: the reasons it is not eligible, the facts the
// parts are computed from, and the parts. The score and its explanation are both read from it.
type pairEval struct {
	mask     reasonMask
	c2       float64 // squared chord
	limKm    float64 // the pair's travel limit; +Inf without one
	overlap  int32   // weekly minutes in common, or common free weekends
	runDays  int32   // days with room for a whole meeting (weekly support)
	commonWE uint64
	vals     [numParts]float64
	score    float64
	q        int32 // score in hundredths of a point
}

// eligibility evaluates the hard rules for client c and volunteer vi, with size children placed together, and
// leaves the reasons in e.mask: every reason if full is set; otherwise it may stop at the first ones found, and
// then leaves the facts of the score unset. Excluded and forbidden pairs are the caller's business.
func (pp *prepared) eligibility(c *cfeat, vi int, size int, e *pairEval, full bool) {
	v := &pp.v[vi]
	var m reasonMask
	kf := c.support == Kontaktfamilj
	switch {
	case c.support == SKKP:
		if v.offers&(1<<Kontaktperson) == 0 {
			m |= 1 << ReasonWrongSupport
		} else if !v.qualified {
			m |= 1 << ReasonNotQualified
		}
	case v.offers&(1<<c.support) == 0:
		m |= 1 << ReasonWrongSupport
	}
	if kf {
		m |= v.appr[1]
	} else {
		m |= v.appr[0]
	}
	if v.remaining <= 0 {
		m |= 1 << ReasonCapacityFull
	}
	if !v.accepts.contains(c.age) {
		m |= 1 << ReasonOutsideAges
	}
	if size > 1 && (!v.siblings || int32(size) > v.cpw) {
		m |= 1 << ReasonSiblingsDoNotFit
	}
	if m != 0 && !full {
		e.mask = m
		return
	}

	e.c2 = chord2(&c.u, &v.u)
	lim2 := min(c.lim2, v.lim2, pp.cfg.lim2)
	e.limKm = min(c.limKm, v.limKm, pp.cfg.limKm)
	if e.c2 > lim2 {
		m |= 1 << ReasonTooFar
		if !full {
			e.mask = m
			return
		}
	}

	if kf {
		s := min(max(size, 1), MaxSiblings)
		e.commonWE = c.weekends & v.weFree[s-1]
		e.overlap = int32(bits.OnesCount64(e.commonWE))
		e.runDays = 0
		if e.overlap < c.needWE {
			m |= 1 << ReasonNoTime
		}
	} else {
		n, runs := 0, 0
		q := int(c.runQ)
		for d := c.week.days & v.week.days; d != 0; d &= d - 1 {
			k := bits.TrailingZeros8(d)
			lo, hi := c.week.q[k][0]&v.week.q[k][0], c.week.q[k][1]&v.week.q[k][1]
			cnt := bits.OnesCount64(lo) + bits.OnesCount64(hi)
			n += cnt
			if cnt >= q && hasRun(lo, hi, q) {
				runs++
			}
		}
		e.overlap = int32(n * calendar.SlotMinutes)
		e.runDays = int32(runs)
		if e.runDays < c.meetings {
			m |= 1 << ReasonNoTime
		}
	}

	for k := range c.reqs {
		if x := &c.reqs[k]; !pp.met(x, vi) {
			if x.kind == WantNoPets {
				m |= 1 << ReasonPetsAllergy
			} else {
				m |= 1 << ReasonExpectationUnmet
			}
		}
	}
	e.mask = m
}

// met reports whether volunteer vi meets expectation x.
func (pp *prepared) met(x *expect, vi int) bool {
	switch x.kind {
	case WantAge:
		return x.age.contains(pp.v[vi].age)
	case WantLanguage:
		return pp.speaks(x.lang, vi)
	}
	return x.attr != 0 && pp.v[vi].attr&x.attr == x.attr
}

// speaks reports whether volunteer vi speaks language l (-1: a language no volunteer speaks).
func (pp *prepared) speaks(l int32, vi int) bool {
	return l >= 0 && pp.vLang[pp.lw*vi+int(l>>6)]&(1<<(l&63)) != 0
}

// score computes the parts and the score of client ci with volunteer vi from the facts eligibility left in e.
func (pp *prepared) score(ci, vi int, e *pairEval) {
	c, v := &pp.c[ci], &pp.v[vi]
	var vals [numParts]float64

	vals[PartNeeds] = float64(bits.OnesCount32(c.needs&v.covers)) / float64(max(c.nNeeds, 1))

	shared := 0
	ct := pp.cTaste[2*pp.tw*ci : 2*pp.tw*(ci+1)]
	vt := pp.vTaste[2*pp.tw*vi : 2*pp.tw*(vi+1)]
	for k := range ct {
		shared += bits.OnesCount64(ct[k] & vt[k])
	}
	if den := min(interestTarget, c.nTaste, v.nTaste); den > 0 {
		vals[PartInterests] = min(1, float64(shared)/float64(den))
	}

	vals[PartLanguage] = pp.languageValue(ci, vi)

	scale := e.limKm
	if math.IsInf(scale, 1) {
		scale = DistanceScaleKm
	}
	vals[PartDistance] = max(0, 1-chordKm(e.c2)/scale)

	need := float64(c.needWE)
	if c.support.weekly() {
		need = float64(c.needMin)
	}
	if need > 0 {
		vals[PartTime] = min(1, float64(e.overlap)/need/timeSlack)
	}

	age := 0.0
	if v.exp&(1<<c.group) != 0 {
		age = 0.5
	}
	vals[PartAge] = age + 0.5*min(max(float64(v.age-18)/(matureAge-18), 0), 1)

	vals[PartExpectations] = pp.expectationValue(c, vi)

	var sum float64
	for p := PartName(1); p < numParts; p++ {
		sum += float64(pp.cfg.w[p] * vals[p])
	}
	e.vals = vals
	e.score = 100 * sum
	e.q = int32(math.Round(e.score * 100))
}

// languageValue is 1 if the volunteer speaks the client's first language, 0.5 if they share another, else 0.
func (pp *prepared) languageValue(ci, vi int) float64 {
	c := &pp.c[ci]
	if pp.speaks(c.firstLang, vi) {
		return 1
	}
	cl := pp.cLang[pp.lw*ci : pp.lw*(ci+1)]
	vl := pp.vLang[pp.lw*vi : pp.lw*(vi+1)]
	for k := range cl {
		if cl[k]&vl[k] != 0 {
			return 0.5
		}
	}
	return 0
}

// expectationItems returns the items of the expectations part: the client's preferred expectations met, the
// share of the client's needs the volunteer feels ready for, and the volunteer's intended length against the
// planned one. Each item is worth 0..1; count is the number of items.
func (pp *prepared) expectationItems(c *cfeat, vi int) (met float64, count int, ready, length float64) {
	v := &pp.v[vi]
	ready, length = -1, -1
	for k := range c.prefs {
		if pp.met(&c.prefs[k], vi) {
			met++
		}
	}
	count = len(c.prefs)
	if v.ready != 0 {
		ready = float64(bits.OnesCount32(c.needs&v.ready)) / float64(max(c.nNeeds, 1))
		count++
	}
	if c.duration > 0 && v.commitment > 0 {
		length = min(1, float64(v.commitment)/float64(c.duration))
		count++
	}
	return met, count, ready, length
}

func (pp *prepared) expectationValue(c *cfeat, vi int) float64 {
	met, count, ready, length := pp.expectationItems(c, vi)
	if count == 0 {
		return 1
	}
	sum := met
	if ready >= 0 {
		sum += ready
	}
	if length >= 0 {
		sum += length
	}
	return sum / float64(count)
}

// hasRun reports whether the 96 quarter-hours of one day, bits 0-63 in lo and 64-95 in hi, hold a run of at
// least q. Each step keeps the bits that start a run twice as long, so it takes log2(q) steps.
func hasRun(lo, hi uint64, q int) bool {
	for have := 1; have < q; {
		s := min(have, q-have)
		lo &= lo>>s | hi<<(64-s)
		hi &= hi >> s
		have += s
	}
	return lo|hi != 0
}
