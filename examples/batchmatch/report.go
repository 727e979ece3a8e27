package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// report is what the summary, the files and report.html show, computed once from a result.
type report struct {
	*result
	Source    string // "demo" or the input files
	Demo      bool
	Fictional bool // the compensation policy's figures are made up
	Objective matching.Objective
	MinScore  float64
	Horizon   int
	Stamp     time.Time

	Totals    []total        // by kind of support, then all
	Proposals []proposalRow  // most urgent first
	Unmatched []unmatchedRow // most urgent first
	Blockers  []blockerRow   // the commonest reasons volunteers were ruled out for the unmatched
	Weeks     []weekCol      // the weekends of the horizon
	Families  []familyRow    // the weekend calendar, one row per family
	Pairs     []pairRow      // the weekly meetings, one row per kontaktperson pair
	Pay       payTotals
}

type total struct {
	Support                     matching.Support // zero for the total
	Clients, Matched, Unmatched int
	Volunteers                  int // volunteers offering the support (qualified, for SKKP)
}

// Label returns the Swedish name of the kind of support, or "totalt".
func (t total) Label() string {
	if t.Support == 0 {
		return "totalt"
	}
	return t.Support.Label().SV
}

// Share returns the matched share in percent.
func (t total) Share() float64 {
	if t.Clients == 0 {
		return 0
	}
	return 100 * float64(t.Matched) / float64(t.Clients)
}

// proposalRow is one proposal: a client, or a sibling group, and a volunteer.
type proposalRow struct {
	Clients      []string
	SiblingGroup string
	VolunteerID  string
	Support      matching.Support
	Law          matching.Law
	Priority     matching.Priority
	WaitingDays  int // 0 if no waiting date is given
	Score        float64
	Parts        []matching.Part // in the library's order
	Alternatives []matching.Alternative
	Summary      matching.Text     // the de-identified summary a volunteer may be shown
	Slots        []calendar.Window // kontaktperson: the weekly slot planned
	Weeks        []calendar.Week   // kontaktfamilj: the weekends planned
}

// PlanSV describes the plan in Swedish: "tisdag 17:00–19:00" or "helger v36, v40".
func (p proposalRow) PlanSV() string {
	switch {
	case len(p.Slots) > 0:
		return windowsSV(p.Slots)
	case len(p.Weeks) > 0:
		return "helger " + weekList(p.Weeks, "v")
	case p.Support == matching.Kontaktfamilj:
		return "ingen helg kunde planeras"
	}
	return "ingen gemensam veckotid hittades"
}

// PlanEN describes the plan in English: "tuesday 17:00-19:00" or "weekends w36, w40".
func (p proposalRow) PlanEN() string {
	switch {
	case len(p.Slots) > 0:
		parts := make([]string, len(p.Slots))
		for i, w := range p.Slots {
			parts[i] = w.String()
		}
		return strings.Join(parts, ", ")
	case len(p.Weeks) > 0:
		return "weekends " + weekList(p.Weeks, "w")
	case p.Support == matching.Kontaktfamilj:
		return "no weekend could be planned"
	}
	return "no common weekly time found"
}

func weekList(ws []calendar.Week, prefix string) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = fmt.Sprintf("%s%d", prefix, w.Number)
	}
	return strings.Join(parts, ", ")
}

// Top returns the n strongest parts of the score, strongest first.
func (p proposalRow) Top(n int) []matching.Part {
	parts := slices.Clone(p.Parts)
	slices.SortStableFunc(parts, func(a, b matching.Part) int { return cmp.Compare(b.Points, a.Points) })
	return parts[:min(n, len(parts))]
}

type unmatchedRow struct {
	Clients      []string
	SiblingGroup string
	Support      matching.Support
	Priority     matching.Priority
	WaitingDays  int
	Why          matching.Why
	Text         matching.Text
	Offering     int
	Eligible     int
	Blockers     []matching.BlockerCount
	Alternatives []matching.Alternative
}

type blockerRow struct {
	Reason  matching.Reason
	Text    matching.Text
	Clients int // unmatched clients for whom it is the commonest reason
}

type weekCol struct {
	Week     calendar.Week
	Saturday calendar.Date
	Holidays []calendar.Holiday // named days from Friday to Sunday
}

type familyRow struct {
	ID         string
	Capacity   int
	Agreements int
	Cells      []familyCell // one per week of the horizon
	Shortfalls []scheduling.Shortfall
}

type familyCell struct {
	Children []string // children staying that weekend
	Blocked  bool     // every agreement of the family has the weekend blocked
}

type pairRow struct {
	PairID, VolunteerID, ClientID string
	Slots                         []calendar.Window
	Held, Moved, Skipped, Other   int // Other: conflicts and the like, for a person to look at
	Issue                         scheduling.Reason
	NotHeld                       []string // "lör 31/10: helgdag, ingen annan tid samma vecka"
}

type payTotals struct {
	Priced, NotPriced int
	Totals            compensation.Totals
}

func newReport(r *result, src *input, opt matching.Options, stamp time.Time) *report {
	rep := &report{result: r, Source: src.name, Demo: src.demo, Fictional: src.fictional,
		Objective: opt.Objective, MinScore: opt.MinScore, Horizon: opt.HorizonWeeks, Stamp: stamp}
	rep.addTotals()
	rep.addProposals()
	rep.addUnmatched()
	rep.addWeekends()
	rep.addPairs()
	for _, p := range r.payments {
		if p.Statement == nil {
			rep.Pay.NotPriced++
			continue
		}
		rep.Pay.Priced++
		t, s := &rep.Pay.Totals, p.Statement.Totals
		t.Omkostnad += s.Omkostnad
		t.OmkostnadTaxFree += s.OmkostnadTaxFree
		t.OmkostnadTaxable += s.OmkostnadTaxable
		t.Arvode += s.Arvode
		t.Taxable += s.Taxable
		t.Payout += s.Payout
		t.Contributions += s.Contributions
		t.Cost += s.Cost
	}
	return rep
}

func (rep *report) addTotals() {
	kinds := []matching.Support{matching.Kontaktperson, matching.Kontaktfamilj, matching.SKKP}
	rows := make([]total, len(kinds)+1)
	for i, k := range kinds {
		rows[i].Support = k
	}
	at := func(s matching.Support) *total { return &rows[slices.Index(kinds, s)] }
	for _, c := range rep.pool.Clients {
		at(c.Support).Clients++
	}
	for _, p := range rep.prop.Pairs() {
		at(p.Support).Matched++
	}
	for _, u := range rep.prop.Unmatched() {
		at(rep.clients[u.ClientID].Support).Unmatched++
	}
	for _, v := range rep.pool.Volunteers {
		for _, s := range v.Offers {
			at(s).Volunteers++
		}
		if v.SKKPQualified && slices.Contains(v.Offers, matching.Kontaktperson) {
			at(matching.SKKP).Volunteers++
		}
	}
	all := &rows[len(kinds)]
	for _, t := range rows[:len(kinds)] {
		all.Clients += t.Clients
		all.Matched += t.Matched
		all.Unmatched += t.Unmatched
	}
	all.Volunteers = len(rep.pool.Volunteers)
	rep.Totals = rows
}

// waiting returns the client's priority and days waited, for ordering by urgency.
func (rep *report) waiting(id string) (matching.Priority, int) {
	c := rep.clients[id]
	if c.WaitingSince.IsZero() {
		return c.Priority, 0
	}
	return c.Priority, rep.pool.AsOf.Sub(c.WaitingSince)
}

// urgent orders by priority, then by days waited, both highest first, then by client ID.
func urgent(pa matching.Priority, wa int, ida string, pb matching.Priority, wb int, idb string) int {
	return cmp.Or(cmp.Compare(pb, pa), cmp.Compare(wb, wa), strings.Compare(ida, idb))
}

func (rep *report) addProposals() {
	slots := make(map[string][]calendar.Window)
	for _, s := range rep.weekly.Slots {
		slots[s.PairID] = s.Windows
	}
	weeks := make(map[string][]calendar.Week) // client → weeks of its stays
	for _, s := range rep.weekends.Stays {
		for _, c := range s.Children {
			weeks[c] = append(weeks[c], s.Week)
		}
	}
	group := make(map[string]int) // sibling group → row
	for _, p := range rep.prop.Pairs() {
		if i, ok := group[p.SiblingGroup]; ok && p.SiblingGroup != "" {
			rep.Proposals[i].Clients = append(rep.Proposals[i].Clients, p.ClientID)
			continue
		}
		prio, days := rep.waiting(p.ClientID)
		row := proposalRow{Clients: []string{p.ClientID}, SiblingGroup: p.SiblingGroup, VolunteerID: p.VolunteerID,
			Support: p.Support, Law: p.Law, Priority: prio, WaitingDays: days, Score: p.Score, Parts: p.Parts,
			Alternatives: p.Alternatives, Summary: p.Summary.Text}
		if p.Support == matching.Kontaktfamilj {
			row.Weeks = weeks[p.ClientID]
		} else {
			row.Slots = slots[pairID(p)]
		}
		if p.SiblingGroup != "" {
			group[p.SiblingGroup] = len(rep.Proposals)
		}
		rep.Proposals = append(rep.Proposals, row)
	}
	slices.SortStableFunc(rep.Proposals, func(a, b proposalRow) int {
		return urgent(a.Priority, a.WaitingDays, a.Clients[0], b.Priority, b.WaitingDays, b.Clients[0])
	})
}

func (rep *report) addUnmatched() {
	group := make(map[string]int)
	count := make(map[matching.Reason]*blockerRow)
	for _, u := range rep.prop.Unmatched() {
		if i, ok := group[u.SiblingGroup]; ok && u.SiblingGroup != "" {
			rep.Unmatched[i].Clients = append(rep.Unmatched[i].Clients, u.ClientID)
			continue
		}
		prio, days := rep.waiting(u.ClientID)
		row := unmatchedRow{Clients: []string{u.ClientID}, SiblingGroup: u.SiblingGroup,
			Support: rep.clients[u.ClientID].Support, Priority: prio, WaitingDays: days, Why: u.Why, Text: u.Text,
			Offering: u.Offering, Eligible: u.Eligible, Blockers: u.Blockers, Alternatives: u.Alternatives}
		if u.SiblingGroup != "" {
			group[u.SiblingGroup] = len(rep.Unmatched)
		}
		rep.Unmatched = append(rep.Unmatched, row)
		if len(u.Blockers) > 0 {
			b := u.Blockers[0]
			if count[b.Reason] == nil {
				count[b.Reason] = &blockerRow{Reason: b.Reason, Text: b.Reason.Label()}
			}
			count[b.Reason].Clients++
		}
	}
	slices.SortStableFunc(rep.Unmatched, func(a, b unmatchedRow) int {
		return urgent(a.Priority, a.WaitingDays, a.Clients[0], b.Priority, b.WaitingDays, b.Clients[0])
	})
	for _, b := range count {
		rep.Blockers = append(rep.Blockers, *b)
	}
	slices.SortFunc(rep.Blockers, func(a, b blockerRow) int {
		return cmp.Or(cmp.Compare(b.Clients, a.Clients), cmp.Compare(a.Reason, b.Reason))
	})
}

func (rep *report) addWeekends() {
	first := rep.from.ISOWeek()
	for k := range rep.Horizon {
		w := first.AddWeeks(k)
		col := weekCol{Week: w, Saturday: w.Day(time.Saturday)}
		for _, d := range []time.Weekday{time.Friday, time.Saturday, time.Sunday} {
			col.Holidays = append(col.Holidays, calendar.HolidayOn(w.Day(d))...)
		}
		rep.Weeks = append(rep.Weeks, col)
	}
	index := make(map[string]int) // family → row
	familyOf := func(id string) *familyRow {
		i, ok := index[id]
		if !ok {
			i = len(rep.Families)
			index[id] = i
			v := rep.volunteers[id]
			rep.Families = append(rep.Families, familyRow{ID: id, Capacity: max(v.Capacity.ChildrenPerWeekend, 1),
				Cells: make([]familyCell, len(rep.Weeks))})
		}
		return &rep.Families[i]
	}
	weekIndex := func(w calendar.Week) int {
		return slices.IndexFunc(rep.Weeks, func(c weekCol) bool { return c.Week == w })
	}
	// A weekend is shown blocked when none of the family's agreements could take it.
	blocked := make(map[string][]int) // family → agreements that have each week blocked
	seen := make(map[string]bool)     // sibling groups counted
	for _, p := range rep.prop.Pairs() {
		if p.Support != matching.Kontaktfamilj || p.SiblingGroup != "" && seen[p.SiblingGroup] {
			continue
		}
		seen[p.SiblingGroup] = true
		f := familyOf(p.VolunteerID)
		f.Agreements++
		if blocked[f.ID] == nil {
			blocked[f.ID] = make([]int, len(rep.Weeks))
		}
		for k, col := range rep.Weeks {
			if !slices.Contains(p.CommonWeekends, col.Week) {
				blocked[f.ID][k]++
			}
		}
	}
	for _, s := range rep.weekends.Stays {
		if k := weekIndex(s.Week); k >= 0 {
			c := &familyOf(s.FamilyID).Cells[k]
			c.Children = append(c.Children, s.Children...)
		}
	}
	for _, s := range rep.weekends.Shortfalls {
		f := familyOf(s.FamilyID)
		f.Shortfalls = append(f.Shortfalls, s)
	}
	for i := range rep.Families {
		f := &rep.Families[i]
		for k := range f.Cells {
			f.Cells[k].Blocked = len(f.Cells[k].Children) == 0 && blocked[f.ID] != nil && blocked[f.ID][k] == f.Agreements
		}
	}
	slices.SortFunc(rep.Families, func(a, b familyRow) int { return strings.Compare(a.ID, b.ID) })
}

func (rep *report) addPairs() {
	issues := make(map[string]scheduling.Reason)
	for _, is := range rep.weekly.Issues {
		issues[is.PairID] = is.Reason
	}
	rows := make(map[string]*pairRow)
	for _, s := range rep.weekly.Slots {
		rows[s.PairID] = &pairRow{PairID: s.PairID, VolunteerID: s.VolunteerID, Slots: s.Windows, Issue: issues[s.PairID]}
	}
	for _, m := range rep.weekly.Meetings {
		row := rows[m.PairID]
		if row == nil {
			continue
		}
		row.ClientID = m.ClientID
		switch {
		case m.Status == scheduling.Moved:
			row.Held++
			row.Moved++
		case m.Status.Held():
			row.Held++
		case m.Status == scheduling.Skipped:
			row.Skipped++
			row.NotHeld = append(row.NotHeld, fmt.Sprintf("%s %d/%d: inställd (%s)", weekdayShortSV[m.Date.Weekday()],
				m.Date.Day(), int(m.Date.Month()), reasonSV(m.Reason)))
		default:
			row.Other++
			row.NotHeld = append(row.NotHeld, fmt.Sprintf("%s %d/%d: %s, ingen annan gemensam tid samma vecka",
				weekdayShortSV[m.Date.Weekday()], m.Date.Day(), int(m.Date.Month()), reasonSV(m.Reason)))
		}
	}
	for _, s := range rep.weekly.Slots {
		row := rows[s.PairID]
		if row.ClientID == "" {
			row.ClientID = strings.TrimPrefix(s.PairID, "P-")
		}
		rep.Pairs = append(rep.Pairs, *row)
	}
}

// windowsSV writes weekly windows in Swedish: "tisdag 17:00–19:00, torsdag 17:00–19:00".
func windowsSV(ws []calendar.Window) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = fmt.Sprintf("%s %s–%s", weekdaySV[w.Day], w.Start, w.End)
	}
	return strings.Join(parts, ", ")
}

var (
	weekdaySV      = [...]string{"söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"}
	weekdayShortSV = [...]string{"sön", "mån", "tis", "ons", "tor", "fre", "lör"}
)

var monthSV = [...]string{"", "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
	"oktober", "november", "december"}

// MonthSV returns the priced month in Swedish, "september 2026".
func (rep *report) MonthSV() string { return fmt.Sprintf("%s %d", monthSV[rep.month], rep.year) }

// Period returns the priced month as "2026-09".
func (rep *report) Period() string { return fmt.Sprintf("%d-%02d", rep.year, int(rep.month)) }

// MeanScore returns the mean fit of the proposed pairs.
func (rep *report) MeanScore() float64 {
	st := rep.prop.Stats()
	if st.Matched == 0 {
		return 0
	}
	return st.TotalScore / float64(st.Matched)
}

// Stays counts the planned kontaktfamilj stays, one per agreement and weekend.
func (rep *report) Stays() int { return len(rep.weekends.Stays) }

// Shortfalls counts the stays that could not be planned.
func (rep *report) Shortfalls() int { return len(rep.weekends.Shortfalls) }

// MeetingCounts returns the weekly meetings held (planned or moved), moved, and not held.
func (rep *report) MeetingCounts() (held, moved, notHeld int) {
	for _, p := range rep.Pairs {
		held += p.Held
		moved += p.Moved
		notHeld += p.Skipped + p.Other
	}
	return held, moved, notHeld
}

// WithoutSlot counts the kontaktperson pairs that got no weekly slot.
func (rep *report) WithoutSlot() int { return len(rep.weekly.Issues) }
