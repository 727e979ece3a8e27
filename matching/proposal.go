package matching

import (
	"cmp"
	"encoding/json"
	"fmt"
	"log/slog"
	"math"
	"slices"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Proposal is the result of Propose: the proposed (and locked) pairs with their explanations, the clients left
// unmatched and why, and de-identified summaries. It is a suggestion for social workers to review; nothing in it
// is a decision. Its methods return fresh slices, and it is safe for concurrent use.
type Proposal struct {
	pp        *prepared
	asOf      calendar.Date
	pairs     []Pair
	unmatched []Unmatched
	stats     Stats
}

// Pair is one proposed (or locked) client–volunteer pair.
type Pair struct {
	ClientID     string    `json:"client_id"`
	VolunteerID  string    `json:"volunteer_id"`
	SiblingGroup string    `json:"sibling_group,omitempty"`
	Locked       bool      `json:"locked,omitzero"` // from Options.Locked, not chosen by the solver
	Support      Support   `json:"support"`
	Law          Law       `json:"law"`
	Frequency    Frequency `json:"frequency"` // with the defaults filled in: what scheduling plans

	Score    float64 `json:"score"`    // the fit, 0..100
	Weighted float64 `json:"weighted"` // Score times the client's priority and waiting factor
	Parts    []Part  `json:"parts"`    // the points of the parts add up to Score

	// CommonTime is the weekly time both have free (kontaktperson, SKKP); CommonWeekends the horizon weekends
	// both have free (kontaktfamilj). Scheduling plans the meetings inside them.
	CommonTime     []calendar.Window `json:"common_time,omitempty"`
	CommonWeekends []calendar.Week   `json:"common_weekends,omitempty"`

	Alternatives []Alternative `json:"alternatives"` // the next best eligible volunteers, best first
	Summary      Summary       `json:"summary"`      // what the volunteer may be shown before accepting
}

// LogValue returns only the pair's IDs, never the parts' reasons or the summary.
func (x Pair) LogValue() slog.Value {
	return slog.GroupValue(slog.String("client", x.ClientID), slog.String("volunteer", x.VolunteerID))
}

// Alternative is a runner-up volunteer for a client.
type Alternative struct {
	VolunteerID string  `json:"volunteer_id"`
	Score       float64 `json:"score"`  // the client's fit with this volunteer
	Behind      float64 `json:"behind"` // how much worse than the proposed pair, in points (negative: better)
	Taken       bool    `json:"taken"`  // every place the volunteer had went to other clients in this proposal
}

// Why is why a client stays unmatched. JSON codes are listed with each constant.
type Why uint8

// The reasons a client stays unmatched.
const (
	NoEligibleVolunteer Why = iota + 1 // "no_eligible_volunteer": the hard rules rule out every volunteer
	BelowMinScore                      // "below_min_score": every eligible volunteer scores below Options.MinScore
	VolunteersTaken                    // "volunteers_taken": every eligible volunteer's places went to other clients
	NotChosen                          // "not_chosen": the objective left the client out (TotalFit only)
)

var whyLabels = []label{
	{"", "", ""},
	{"no_eligible_volunteer", "ingen volontär uppfyller kraven", "no volunteer meets the rules"},
	{"below_min_score", "alla möjliga volontärer ligger under lägsta poäng", "every eligible volunteer is below the minimum score"},
	{"volunteers_taken", "de möjliga volontärerna gick till andra klienter", "the eligible volunteers went to other clients"},
	{"not_chosen", "inte vald: en annan fördelning gav högre total passform", "not chosen: another allocation gave a higher total fit"},
}

// String returns the JSON code of w, or "Why(n)" for a value outside the vocabulary.
func (w Why) String() string { return codeString("Why", whyLabels, int(w)) }

// Label returns the Swedish and English labels of w.
func (w Why) Label() Text { return codeLabel(whyLabels, int(w)) }

// MarshalText returns the JSON code of w; a value outside the vocabulary is an error.
func (w Why) MarshalText() ([]byte, error) { return codeText("why", whyLabels, int(w)) }

// UnmarshalText reads a code, ignoring case; an unknown code is a *FieldError.
func (w *Why) UnmarshalText(b []byte) error { return setCode(w, "why", whyLabels, b) }

// Unmatched is a client left without a proposal, and why.
type Unmatched struct {
	ClientID      string         `json:"client_id"`
	SiblingGroup  string         `json:"sibling_group,omitempty"`
	Why           Why            `json:"why"`
	Offering      int            `json:"offering"`        // volunteers offering the client's kind of support
	Eligible      int            `json:"eligible"`        // eligible volunteers at or above MinScore
	BelowMinScore int            `json:"below_min_score"` // eligible volunteers below MinScore
	Blockers      []BlockerCount `json:"blockers"`        // the most common reasons among those offering the support, most common first
	Alternatives  []Alternative  `json:"alternatives"`    // the best eligible volunteers (all taken)
	Text          Text           `json:"text"`
}

// LogValue returns only the client's ID and why it is unmatched.
func (u Unmatched) LogValue() slog.Value {
	return slog.GroupValue(slog.String("client", u.ClientID), slog.String("why", u.Why.String()))
}

// Stats sums a proposal up.
type Stats struct {
	Objective     Objective `json:"objective"`
	Clients       int       `json:"clients"`
	Volunteers    int       `json:"volunteers"`
	Matched       int       `json:"matched"` // clients with a pair, locked ones included
	Locked        int       `json:"locked"`
	Unmatched     int       `json:"unmatched"`
	EligiblePairs int       `json:"eligible_pairs"`         // client rows × volunteers eligible at or above MinScore
	TotalScore    float64   `json:"total_score"`            // sum of the pairs' scores
	TotalWeighted float64   `json:"total_weighted"`         // sum of the pairs' weighted scores
	LowestScore   float64   `json:"lowest_score"`           // the lowest score of a proposed pair (0 without pairs)
	MaxMinFloor   float64   `json:"max_min_floor,omitzero"` // MaxMin: the threshold found
}

// LogValue returns the proposal's counts.
func (p *Proposal) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("clients", p.stats.Clients), slog.Int("matched", p.stats.Matched),
		slog.Int("unmatched", p.stats.Unmatched))
}

// Pairs returns the pairs in client-ID order, locked ones included.
func (p *Proposal) Pairs() []Pair {
	out := make([]Pair, len(p.pairs))
	for i := range p.pairs {
		out[i] = p.pairs[i].clone()
	}
	return out
}

// Unmatched returns the clients left without a pair, in client-ID order.
func (p *Proposal) Unmatched() []Unmatched {
	out := make([]Unmatched, len(p.unmatched))
	for i, u := range p.unmatched {
		u.Blockers = slices.Clone(u.Blockers)
		u.Alternatives = slices.Clone(u.Alternatives)
		out[i] = u
	}
	return out
}

// Stats returns the proposal's figures.
func (p *Proposal) Stats() Stats { return p.stats }

// AsOf returns the date the proposal was made for.
func (p *Proposal) AsOf() calendar.Date { return p.asOf }

// Summary returns the de-identified summary of the client's assignment (of its sibling group, if it has one), fit
// to show a volunteer before they accept. The error wraps ErrNotFound if the client is not in the pool.
func (p *Proposal) Summary(clientID string) (Summary, error) {
	ci, ok := p.pp.cIndex[clientID]
	if !ok {
		return Summary{}, fmt.Errorf("%w: client %s", ErrNotFound, safeID(clientID))
	}
	return p.pp.summary(&p.pp.units[p.pp.unitOf[ci]]), nil
}

// Explain returns the full account of any client with any volunteer of the pool, eligible or not, as on the day
// of the proposal (capacity taken by locked pairs counts; the proposal's own pairs do not). The error wraps
// ErrNotFound if either is not in the pool.
func (p *Proposal) Explain(clientID, volunteerID string) (Explanation, error) {
	ci, ok1 := p.pp.cIndex[clientID]
	vi, ok2 := p.pp.vIndex[volunteerID]
	switch {
	case !ok1:
		return Explanation{}, fmt.Errorf("%w: client %s", ErrNotFound, safeID(clientID))
	case !ok2:
		return Explanation{}, fmt.Errorf("%w: volunteer %s", ErrNotFound, safeID(volunteerID))
	}
	x, _ := p.pp.explain(ci, int(vi))
	return x, nil
}

// MarshalJSON writes {"as_of", "stats", "pairs", "unmatched"}.
func (p *Proposal) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		AsOf      calendar.Date `json:"as_of"`
		Stats     Stats         `json:"stats"`
		Pairs     []Pair        `json:"pairs"`
		Unmatched []Unmatched   `json:"unmatched"`
	}{p.asOf, p.stats, p.pairs, p.unmatched})
}

func (x Pair) clone() Pair {
	x.Parts = slices.Clone(x.Parts)
	x.CommonTime = slices.Clone(x.CommonTime)
	x.CommonWeekends = slices.Clone(x.CommonWeekends)
	x.Alternatives = slices.Clone(x.Alternatives)
	x.Summary.AgeBands = slices.Clone(x.Summary.AgeBands)
	x.Summary.Needs = slices.Clone(x.Summary.Needs)
	return x
}

// build turns the solution into a Proposal.
func (pp *prepared) build(rows []int32, outs []rowOut, sol *solution) *Proposal {
	p := &Proposal{pp: pp, asOf: pp.asOf}
	st := &p.stats
	st.Objective, st.Clients, st.Volunteers = pp.cfg.Objective, len(pp.c), len(pp.v)
	if sol.threshold >= 0 {
		st.MaxMinFloor = float64(sol.threshold) / 100
	}
	rowOf := make([]int32, len(pp.units))
	for k := range rowOf {
		rowOf[k] = -1
	}
	for r, k := range rows {
		rowOf[k] = int32(r)
		st.EligiblePairs += len(outs[r].cands)
	}
	// Places each volunteer had after locks, and which the proposal used.
	taken := func(vi int32) bool { return sol.used[vi] >= pp.v[vi].remaining }

	total := 0
	for k := range pp.units {
		total += len(pp.units[k].members)
	}
	pp.progress("explain", 0, total)
	done := 0
	for k := range pp.units {
		u := &pp.units[k]
		vi, locked := u.locked, u.locked >= 0
		var out *rowOut
		if r := rowOf[k]; r >= 0 {
			out = &outs[r]
			vi = sol.vol[r]
		} else {
			// A locked unit was not scored: score its row now, for the alternatives.
			out = &rowOut{}
			out.cands = pp.scoreRow(u, out, nil, false)
		}
		summary := pp.summary(u)
		for _, ci := range u.members {
			alts := pp.alternatives(u, ci, out.cands, pp.cfg.topK+1) // one more, in case it is the pair's own
			if vi < 0 {
				if !out.full {
					// Scoring stopped at the first reasons; count them all for the report.
					full := &rowOut{full: true}
					pp.scoreRow(u, full, nil, true)
					out.counts, out.offering, out.full = full.counts, full.offering, true
				}
				p.unmatched = append(p.unmatched, pp.unmatchedOf(ci, u, out, alts, taken))
				continue
			}
			x, e := pp.explain(ci, int(vi))
			info := &pp.ci[ci]
			pair := Pair{ClientID: info.id, VolunteerID: pp.vid[vi], SiblingGroup: info.group, Locked: locked,
				Support: info.support, Law: info.law, Frequency: info.frequency, Score: x.Score,
				Weighted: float64(pp.c[ci].weighted(e.q)) / 100, Parts: x.Parts, Summary: summary}
			if info.support.weekly() {
				pair.CommonTime = pp.c[ci].avail.And(pp.v[vi].free).Windows()
			} else {
				for k, w := range pp.weeks {
					if e.commonWE&(1<<k) != 0 {
						pair.CommonWeekends = append(pair.CommonWeekends, w)
					}
				}
			}
			n := 0
			for _, a := range alts {
				if a.vol == vi {
					continue
				}
				if n == pp.cfg.topK {
					break
				}
				n++
				pair.Alternatives = append(pair.Alternatives, Alternative{VolunteerID: pp.vid[a.vol],
					Score: float64(a.q) / 100, Behind: float64(e.q-a.q) / 100,
					Taken: taken(a.vol)})
			}
			if pair.Alternatives == nil {
				pair.Alternatives = []Alternative{}
			}
			p.pairs = append(p.pairs, pair)
			st.Matched++
			if locked {
				st.Locked++
			}
			st.TotalScore += pair.Score
			st.TotalWeighted += pair.Weighted
			if st.Matched == 1 || pair.Score < st.LowestScore {
				st.LowestScore = pair.Score
			}
		}
		done += len(u.members)
		pp.progress("explain", done, total)
	}
	slices.SortFunc(p.pairs, func(a, b Pair) int { return cmp.Compare(a.ClientID, b.ClientID) })
	slices.SortFunc(p.unmatched, func(a, b Unmatched) int { return cmp.Compare(a.ClientID, b.ClientID) })
	st.Unmatched = len(p.unmatched)
	st.TotalScore = round2(st.TotalScore)
	st.TotalWeighted = round2(st.TotalWeighted)
	pp.progress("explain", total, total)
	return p
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// alternatives returns the best n of client ci's candidates (the eligible volunteers of its unit at or above
// MinScore) by the client's own score, best first.
func (pp *prepared) alternatives(u *unit, ci int32, cands []cand, n int) []alt {
	top := make([]alt, 0, n+1)
	var e pairEval
	for _, cd := range cands {
		a := alt{vol: cd.vol, q: cd.min}
		if len(u.members) > 1 {
			pp.eligibility(&pp.c[ci], int(cd.vol), len(u.members), &e, true)
			pp.score(int(ci), int(cd.vol), &e)
			a.q = e.q
		}
		if len(top) == n && (n == 0 || byScore(a, top[n-1]) >= 0) {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, a, byScore)
		top = slices.Insert(top, i, a)
		if len(top) > n {
			top = top[:n]
		}
	}
	return top
}

func (pp *prepared) unmatchedOf(ci int32, u *unit, out *rowOut, alts []alt, taken func(int32) bool) Unmatched {
	info := &pp.ci[ci]
	um := Unmatched{ClientID: info.id, SiblingGroup: info.group, Offering: int(out.offering),
		Eligible: len(out.cands), BelowMinScore: int(out.below), Blockers: []BlockerCount{}, Alternatives: []Alternative{}}
	for r := Reason(1); r < numReasons; r++ {
		if n := out.counts[r]; n > 0 {
			um.Blockers = append(um.Blockers, BlockerCount{Reason: r, Volunteers: int(n), Text: r.Label()})
		}
	}
	slices.SortStableFunc(um.Blockers, func(a, b BlockerCount) int { return cmp.Compare(b.Volunteers, a.Volunteers) })
	if len(um.Blockers) > 5 {
		um.Blockers = um.Blockers[:5]
	}
	free := false
	for _, cd := range out.cands {
		free = free || !taken(cd.vol)
	}
	for _, a := range alts[:min(len(alts), pp.cfg.topK)] {
		um.Alternatives = append(um.Alternatives, Alternative{VolunteerID: pp.vid[a.vol], Score: float64(a.q) / 100,
			Taken: taken(a.vol)})
	}
	switch {
	case len(out.cands) == 0 && out.below == 0:
		um.Why = NoEligibleVolunteer
	case len(out.cands) == 0:
		um.Why = BelowMinScore
	case free:
		um.Why = NotChosen
	default:
		um.Why = VolunteersTaken
	}
	um.Text = um.Why.Label()
	if um.Why == NoEligibleVolunteer && len(um.Blockers) > 0 {
		var ts []Text
		for _, b := range um.Blockers[:min(3, len(um.Blockers))] {
			ts = append(ts, Text{SV: fmt.Sprintf("%s (%d)", b.Text.SV, b.Volunteers), EN: fmt.Sprintf("%s (%d)", b.Text.EN, b.Volunteers)})
		}
		j := joinLabels(ts)
		um.Text.SV += "; vanligast: " + j.SV
		um.Text.EN += "; most common: " + j.EN
	} else if um.Why == NoEligibleVolunteer && um.Offering == 0 {
		um.Text.SV += "; ingen volontär erbjuder insatsen"
		um.Text.EN += "; no volunteer offers this kind of support"
	}
	return um
}
