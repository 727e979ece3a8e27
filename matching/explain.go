package matching

import (
	"fmt"
	"log/slog"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// Part is one named part of a fit score with its value, weight and a short reason.
type Part struct {
	Name   PartName `json:"name"`
	Label  Text     `json:"label"`  // the part's name, e.g. "gemensam tid" / "overlapping time"
	Value  float64  `json:"value"`  // 0..1
	Weight float64  `json:"weight"` // as in Options.Weights (or DefaultWeights)
	Points float64  `json:"points"` // the part's share of the score: 100 × Weight × Value / Σ weights
	Reason Text     `json:"reason"` // the evidence, e.g. "Fågelvägen 4,2 km; gränsen för paret är 15 km"
}

// Explanation is the full account of one client with one volunteer: whether the pair is eligible and every reason
// it is not, and the fit score with its parts. The points of the parts add up to Score (up to rounding to
// hundredths), because both come from the same evaluation.
type Explanation struct {
	ClientID    string    `json:"client_id"`
	VolunteerID string    `json:"volunteer_id"`
	Eligible    bool      `json:"eligible"`
	Blockers    []Blocker `json:"blockers,omitempty"`
	Score       float64   `json:"score"` // 0..100, in hundredths
	Parts       []Part    `json:"parts"`
}

// LogValue returns only the pair's IDs and whether it is eligible.
func (x Explanation) LogValue() slog.Value {
	return slog.GroupValue(slog.String("client", x.ClientID), slog.String("volunteer", x.VolunteerID),
		slog.Bool("eligible", x.Eligible))
}

// explain evaluates client ci with volunteer vi, with every detail. Eligibility is that of the client's unit, so
// a sibling group's reasons are every member's. It also returns the evaluation the explanation was read from.
func (pp *prepared) explain(ci int32, vi int) (Explanation, *pairEval) {
	u := &pp.units[pp.unitOf[ci]]
	e := new(pairEval)
	blockers := pp.blockers(u, vi)
	pp.eligibility(&pp.c[ci], vi, len(u.members), e, true)
	pp.score(int(ci), vi, e)
	x := Explanation{ClientID: pp.ci[ci].id, VolunteerID: pp.vid[vi], Eligible: len(blockers) == 0,
		Blockers: blockers, Score: float64(e.q) / 100}
	points := pp.points(e)
	for p := PartName(1); p < numParts; p++ {
		x.Parts = append(x.Parts, Part{Name: p, Label: p.Label(), Value: math.Round(e.vals[p]*1e4) / 1e4,
			Weight: pp.cfg.raw[p], Points: float64(points[p]) / 100, Reason: pp.reason(p, int(ci), vi, e)})
	}
	return x, e
}

// points shares the score e.q (in hundredths) out over the parts in proportion to weight × value, by the
// largest-remainder method, so that the points shown add up to the score shown exactly.
func (pp *prepared) points(e *pairEval) [numParts]int32 {
	var pts [numParts]int32
	var rem [numParts]float64
	left := e.q
	for p := PartName(1); p < numParts; p++ {
		raw := 1e4 * pp.cfg.w[p] * e.vals[p]
		f := math.Floor(raw)
		pts[p], rem[p] = int32(f), raw-f
		left -= pts[p]
	}
	for ; left > 0; left-- {
		best := PartName(1)
		for p := PartName(2); p < numParts; p++ {
			if rem[p] > rem[best] {
				best = p
			}
		}
		pts[best]++
		rem[best] = -1
	}
	return pts
}

// unitMask returns every reason unit u cannot go to volunteer vi.
func (pp *prepared) unitMask(u *unit, vi int) reasonMask {
	var m reasonMask
	if _, ok := slices.BinarySearch(u.excluded, int32(vi)); ok {
		m |= 1 << ReasonExcluded
	}
	if _, ok := slices.BinarySearch(u.forbidden, int32(vi)); ok {
		m |= 1 << ReasonForbidden
	}
	var e pairEval
	for _, ci := range u.members {
		pp.eligibility(&pp.c[ci], vi, len(u.members), &e, true)
		m |= e.mask
	}
	if u.locked == int32(vi) {
		m &^= 1 << ReasonCapacityFull // the place the lock took is its own
	}
	return m
}

// blockers lists every reason unit u cannot go to volunteer vi, with details.
func (pp *prepared) blockers(u *unit, vi int) []Blocker {
	m := pp.unitMask(u, vi)
	if m == 0 {
		return nil
	}
	v := &pp.v[vi]
	var out []Blocker
	for _, r := range m.reasons() {
		var d []string
		add := func(s string) {
			if !slices.Contains(d, s) {
				d = append(d, s)
			}
		}
		switch r {
		case ReasonMissingCheck:
			for c := CheckRegister; c <= CheckReferences; c++ {
				if v.missing&(1<<c) != 0 {
					add(c.String())
				}
			}
		case ReasonTooFar:
			for _, ci := range u.members {
				c := &pp.c[ci]
				c2 := chord2(&c.u, &v.u)
				if c2 > v.lim2 {
					add("volunteer")
				}
				if c2 > c.lim2 {
					add("client")
				}
				if c2 > pp.cfg.lim2 {
					add("options")
				}
			}
		case ReasonNoTime:
			if pp.c[u.members[0]].support == Kontaktfamilj {
				add("weekends")
			} else {
				add("weekly")
			}
		case ReasonExpectationUnmet:
			for _, ci := range u.members {
				for k := range pp.c[ci].reqs {
					if x := &pp.c[ci].reqs[k]; x.kind != WantNoPets && !pp.met(x, vi) {
						add(x.kind.String())
					}
				}
			}
		case ReasonSiblingsDoNotFit:
			if !v.siblings {
				add("no_siblings")
			}
			if int32(len(u.members)) > v.cpw {
				add("children_per_weekend")
			}
		}
		out = append(out, Blocker{Reason: r, Details: d, Text: blockerText(r, d)})
	}
	return out
}

func detailLabel(r Reason, d string) Text {
	switch d {
	case "volunteer":
		return Text{SV: "volontärens gräns", EN: "the volunteer's limit"}
	case "client":
		return Text{SV: "klientens gräns", EN: "the client's limit"}
	case "options":
		return Text{SV: "gränsen för hela poolen", EN: "the pool-wide limit"}
	case "weekly":
		return Text{SV: "veckotider", EN: "weekly times"}
	case "weekends":
		return Text{SV: "lediga helger", EN: "free weekends"}
	case "no_siblings":
		return Text{SV: "tar inte emot syskon", EN: "does not take siblings"}
	case "children_per_weekend":
		return Text{SV: "för många barn för en helg", EN: "too many children for one weekend"}
	}
	switch r {
	case ReasonMissingCheck:
		var c Check
		if c.UnmarshalText([]byte(d)) == nil {
			return c.Label()
		}
	case ReasonExpectationUnmet:
		var k ExpectationKind
		if k.UnmarshalText([]byte(d)) == nil {
			return k.Label()
		}
	}
	return Text{SV: d, EN: d}
}

func blockerText(r Reason, details []string) Text {
	t := r.Label()
	if len(details) == 0 {
		return t
	}
	var ds []Text
	for _, d := range details {
		ds = append(ds, detailLabel(r, d))
	}
	j := joinLabels(ds)
	return Text{SV: t.SV + ": " + j.SV, EN: t.EN + ": " + j.EN}
}

// reason writes the evidence of part p for client ci with volunteer vi, from the facts in e.
func (pp *prepared) reason(p PartName, ci, vi int, e *pairEval) Text {
	c, v := &pp.c[ci], &pp.v[vi]
	switch p {
	case PartNeeds:
		var got, miss []Text
		for n := Need(1); n < numNeeds; n++ {
			switch {
			case c.needs&(1<<n) == 0:
			case v.covers&(1<<n) != 0:
				got = append(got, n.Label())
			default:
				miss = append(miss, n.Label())
			}
		}
		if len(got) == 0 {
			m := joinLabels(miss)
			return Text{SV: "Ingen erfarenhet som täcker behoven (" + m.SV + ")",
				EN: "No experience that covers the needs (" + m.EN + ")"}
		}
		g := joinLabels(got)
		t := Text{SV: fmt.Sprintf("Erfarenhet som täcker %d av %d behov: %s", len(got), c.nNeeds, g.SV),
			EN: fmt.Sprintf("Experience covers %d of %d needs: %s", len(got), c.nNeeds, g.EN)}
		if len(miss) > 0 {
			m := joinLabels(miss)
			t.SV += "; inte täckt: " + m.SV
			t.EN += "; not covered: " + m.EN
		}
		return t
	case PartInterests:
		if c.nTaste == 0 || v.nTaste == 0 {
			return Text{SV: "Intressen saknas i underlaget", EN: "Interests not recorded"}
		}
		likes, dislikes := pp.sharedTastes(ci, vi)
		if len(likes)+len(dislikes) == 0 {
			return Text{SV: "Inga gemensamma intressen", EN: "No shared interests"}
		}
		var t Text
		if len(likes) > 0 {
			t.SV = fmt.Sprintf("Delar %d %s: %s", len(likes), plural(len(likes), "intresse", "intressen"), joinList(likes, "och"))
			t.EN = fmt.Sprintf("Shares %d %s: %s", len(likes), plural(len(likes), "interest", "interests"), joinList(likes, "and"))
		}
		if len(dislikes) > 0 {
			if t.SV != "" {
				t.SV += "; "
				t.EN += "; "
			}
			t.SV += "ogillar båda " + joinList(dislikes, "och")
			t.EN += "both dislike " + joinList(dislikes, "and")
		}
		return t
	case PartLanguage:
		first := "–"
		if langs := pp.ci[ci].languages; len(langs) > 0 {
			first = norm(langs[0])
		}
		switch e.vals[PartLanguage] {
		case 1:
			return Text{SV: "Talar klientens förstaspråk (" + first + ")", EN: "Speaks the client's first language (" + first + ")"}
		case 0.5:
			return Text{SV: "Har ett gemensamt språk, men inte klientens förstaspråk (" + first + ")",
				EN: "Shares a language, but not the client's first language (" + first + ")"}
		}
		return Text{SV: "Inget gemensamt språk i underlaget", EN: "No common language recorded"}
	case PartDistance:
		ks, ke := decimal(chordKm(e.c2))
		if math.IsInf(e.limKm, 1) {
			ss, se := decimal(DistanceScaleKm)
			return Text{SV: "Fågelvägen " + ks + " km; ingen gräns satt, poängen når noll vid " + ss + " km",
				EN: "Straight-line distance " + ke + " km; no limit set, the part reaches zero at " + se + " km"}
		}
		ls, le := decimal(e.limKm)
		return Text{SV: "Fågelvägen " + ks + " km; gränsen för paret är " + ls + " km",
			EN: "Straight-line distance " + ke + " km; the pair's limit is " + le + " km"}
	case PartTime:
		if c.support == Kontaktfamilj {
			return Text{
				SV: fmt.Sprintf("%d gemensamma lediga helger av %d, %d behövs", e.overlap, len(pp.weeks), c.needWE),
				EN: fmt.Sprintf("%d free weekends in common out of %d, %d needed", e.overlap, len(pp.weeks), c.needWE)}
		}
		hs, he := decimal(float64(e.overlap) / 60)
		ns, ne := decimal(float64(c.needMin) / 60)
		return Text{
			SV: fmt.Sprintf("%s h gemensam tid i veckan, %s h behövs; plats för en hel träff %d %s", hs, ns, e.runDays, plural(int(e.runDays), "dag", "dagar")),
			EN: fmt.Sprintf("%s h a week in common, %s h needed; room for a whole meeting on %d %s", he, ne, e.runDays, plural(int(e.runDays), "day", "days"))}
	case PartAge:
		g := c.group.Label()
		t := Text{SV: "Erfarenhet av " + g.SV, EN: "Experience with " + g.EN}
		if v.exp&(1<<c.group) == 0 {
			t = Text{SV: "Ingen angiven erfarenhet av " + g.SV, EN: "No recorded experience with " + g.EN}
		}
		if v.age >= matureAge {
			t.SV += fmt.Sprintf("; volontären är %d år eller äldre", matureAge)
			t.EN += fmt.Sprintf("; the volunteer is %d or older", matureAge)
		} else {
			t.SV += fmt.Sprintf("; volontären är under %d år", matureAge)
			t.EN += fmt.Sprintf("; the volunteer is under %d", matureAge)
		}
		return t
	case PartExpectations:
		return pp.expectationReason(ci, vi)
	}
	return Text{}
}

// sharedTastes returns the interests and the dislikes that client ci and volunteer vi share, in sorted order.
func (pp *prepared) sharedTastes(ci, vi int) (likes, dislikes []string) {
	ct := pp.cTaste[2*pp.tw*ci : 2*pp.tw*(ci+1)]
	vt := pp.vTaste[2*pp.tw*vi : 2*pp.tw*(vi+1)]
	for k := range ct {
		for x := ct[k] & vt[k]; x != 0; x &= x - 1 {
			name := pp.tastes[(k%pp.tw)*64+bits.TrailingZeros64(x)]
			if k < pp.tw {
				likes = append(likes, name)
			} else {
				dislikes = append(dislikes, name)
			}
		}
	}
	return likes, dislikes
}

func (pp *prepared) expectationReason(ci, vi int) Text {
	c := &pp.c[ci]
	met, count, ready, length := pp.expectationItems(c, vi)
	if count == 0 {
		return Text{SV: "Inga önskemål angivna", EN: "No preferences stated"}
	}
	var sv, en []string
	if n := len(c.prefs); n > 0 {
		s := fmt.Sprintf("%d av %d önskemål uppfyllda", int(met), n)
		t := fmt.Sprintf("%d of %d preferences met", int(met), n)
		var unmet []Text
		for k := range c.prefs {
			if !pp.met(&c.prefs[k], vi) {
				unmet = append(unmet, c.prefs[k].kind.Label())
			}
		}
		if len(unmet) > 0 {
			u := joinLabels(unmet)
			s += " (inte: " + u.SV + ")"
			t += " (not: " + u.EN + ")"
		}
		sv, en = append(sv, s), append(en, t)
	}
	if ready >= 0 {
		v := &pp.v[vi]
		n := bits.OnesCount32(c.needs & v.ready)
		sv = append(sv, fmt.Sprintf("volontären känner sig redo för %d av %d behov", n, c.nNeeds))
		en = append(en, fmt.Sprintf("the volunteer feels ready for %d of %d needs", n, c.nNeeds))
	}
	if length >= 0 {
		v := &pp.v[vi]
		sv = append(sv, fmt.Sprintf("åtar sig %d månader av %d planerade", v.commitment, c.duration))
		en = append(en, fmt.Sprintf("commits %d of the %d planned months", v.commitment, c.duration))
	}
	return Text{SV: capitalize(strings.Join(sv, "; ")), EN: capitalize(strings.Join(en, "; "))}
}
