package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// writeFiles writes every output file to dir and returns their paths.
func writeFiles(dir string, rep *report) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	files := []struct {
		name  string
		write func(io.Writer, *report) error
	}{
		{"proposals.json", writeProposals},
		{"plan.json", writePlanJSON},
		{"plan.ics", writeICal},
		{"compensation.json", writeCompensationJSON},
		{"compensation.csv", writeCompensationCSV},
		{"report.html", writeHTML},
	}
	var paths []string
	for _, f := range files {
		var b bytes.Buffer
		if err := f.write(&b, rep); err != nil {
			return paths, fmt.Errorf("%s: %w", f.name, err)
		}
		path := filepath.Join(dir, f.name)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// proposalsFile is proposals.json. Its fields are documented in the README and stay stable.
type proposalsFile struct {
	AsOf        calendar.Date      `json:"as_of"`
	GeneratedAt time.Time          `json:"generated_at"`
	Objective   matching.Objective `json:"objective"`
	MinScore    float64            `json:"min_score"`
	Stats       matching.Stats     `json:"stats"`
	Proposals   []proposalJSON     `json:"proposals"`
	Unmatched   []unmatchedJSON    `json:"unmatched"`
}

type proposalJSON struct {
	ClientID     string                 `json:"client_id"`
	SiblingGroup string                 `json:"sibling_group,omitempty"`
	VolunteerID  string                 `json:"volunteer_id"`
	Support      matching.Support       `json:"support"`
	Law          matching.Law           `json:"law"`
	Locked       bool                   `json:"locked"`
	Score        float64                `json:"score"`
	Weighted     float64                `json:"weighted"`
	Parts        []matching.Part        `json:"parts"`
	Alternatives []matching.Alternative `json:"alternatives"`
	Summary      matching.Text          `json:"summary"`
}

type unmatchedJSON struct {
	ClientID      string                  `json:"client_id"`
	SiblingGroup  string                  `json:"sibling_group,omitempty"`
	Support       matching.Support        `json:"support"`
	Why           matching.Why            `json:"why"`
	Reason        matching.Text           `json:"reason"`
	Offering      int                     `json:"offering"`
	Eligible      int                     `json:"eligible"`
	BelowMinScore int                     `json:"below_min_score"`
	Blockers      []matching.BlockerCount `json:"blockers"`
	Alternatives  []matching.Alternative  `json:"alternatives"`
}

// nonNil returns xs, or an empty slice, so that JSON has [] rather than null.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func writeProposals(w io.Writer, rep *report) error {
	f := proposalsFile{AsOf: rep.pool.AsOf, GeneratedAt: rep.Stamp, Objective: rep.Objective, MinScore: rep.MinScore,
		Stats: rep.prop.Stats(), Proposals: []proposalJSON{}, Unmatched: []unmatchedJSON{}}
	for _, p := range rep.prop.Pairs() {
		f.Proposals = append(f.Proposals, proposalJSON{ClientID: p.ClientID, SiblingGroup: p.SiblingGroup,
			VolunteerID: p.VolunteerID, Support: p.Support, Law: p.Law, Locked: p.Locked, Score: p.Score,
			Weighted: p.Weighted, Parts: nonNil(p.Parts), Alternatives: nonNil(p.Alternatives), Summary: p.Summary.Text})
	}
	for _, u := range rep.prop.Unmatched() {
		f.Unmatched = append(f.Unmatched, unmatchedJSON{ClientID: u.ClientID, SiblingGroup: u.SiblingGroup,
			Support: rep.clients[u.ClientID].Support, Why: u.Why, Reason: u.Text, Offering: u.Offering,
			Eligible: u.Eligible, BelowMinScore: u.BelowMinScore, Blockers: nonNil(u.Blockers),
			Alternatives: nonNil(u.Alternatives)})
	}
	return writeJSON(w, f)
}

// planFile is plan.json: scheduling's weekly and weekend plans in their stable JSON forms.
type planFile struct {
	From         calendar.Date           `json:"from"`
	To           calendar.Date           `json:"to"`
	HorizonWeeks int                     `json:"horizon_weeks"`
	Weekly       *scheduling.WeeklyPlan  `json:"weekly"`
	Weekends     *scheduling.WeekendPlan `json:"weekends"`
	Notes        []string                `json:"notes"`
}

func writePlanJSON(w io.Writer, rep *report) error {
	return writeJSON(w, planFile{From: rep.from, To: rep.to, HorizonWeeks: rep.Horizon, Weekly: rep.weekly,
		Weekends: rep.weekends, Notes: nonNil(rep.notes)})
}

// writeICal writes one calendar with the weekly meetings and the weekend stays. Scheduling writes each plan as a
// whole VCALENDAR; the stays' events are moved into the meetings' calendar, which has the time zone already.
// Each event is labelled with the volunteer's ID only, so that a coordinator can filter by volunteer.
func writeICal(w io.Writer, rep *report) error {
	labels := make(map[string]string)
	for _, p := range rep.weekly.Slots {
		labels[p.PairID] = p.VolunteerID
	}
	for _, a := range rep.weekends.Agreements {
		labels[a.AgreementID] = a.FamilyID
	}
	opt := scheduling.ICalOptions{DTStamp: rep.Stamp, Labels: labels, Name: "Kontakt " + rep.pool.AsOf.String()}
	var meetings, stays bytes.Buffer
	if err := rep.weekly.WriteICal(&meetings, opt); err != nil {
		return err
	}
	if err := rep.weekends.WriteICal(&stays, opt); err != nil {
		return err
	}
	head, _, ok := strings.Cut(meetings.String(), "END:VCALENDAR\r\n")
	if !ok {
		return fmt.Errorf("the weekly calendar has no END:VCALENDAR")
	}
	events := stays.String()
	if i := strings.Index(events, "BEGIN:VEVENT\r\n"); i >= 0 {
		events, _, _ = strings.Cut(events[i:], "END:VCALENDAR\r\n")
	} else {
		events = ""
	}
	_, err := io.WriteString(w, head+events+"END:VCALENDAR\r\n")
	return err
}

// compensationFile is compensation.json: one statement per volunteer, or the reason it could not be made.
type compensationFile struct {
	Policy      string              `json:"policy"`
	Fictional   bool                `json:"fictional"` // the policy's figures are made up (the demo's)
	Period      string              `json:"period"`    // the month priced, "2026-09"
	PaymentDate calendar.Date       `json:"payment_date"`
	GeneratedAt time.Time           `json:"generated_at"`
	Priced      int                 `json:"priced"`
	NotPriced   int                 `json:"not_priced"`
	Totals      compensation.Totals `json:"totals"` // over the priced volunteers, in öre
	Volunteers  []paymentJSON       `json:"volunteers"`
}

type paymentJSON struct {
	VolunteerID string                  `json:"volunteer_id"`
	Status      string                  `json:"status"` // "priced" or "not_priced"
	Reason      string                  `json:"reason,omitempty"`
	Statement   *compensation.Statement `json:"statement,omitempty"`
}

func writeCompensationJSON(w io.Writer, rep *report) error {
	f := compensationFile{Policy: rep.policy, Fictional: rep.Fictional, Period: rep.Period(), PaymentDate: rep.paymentDate,
		GeneratedAt: rep.Stamp, Priced: rep.Pay.Priced, NotPriced: rep.Pay.NotPriced, Totals: rep.Pay.Totals,
		Volunteers: []paymentJSON{}}
	for _, p := range rep.payments {
		pj := paymentJSON{VolunteerID: p.VolunteerID, Status: "priced", Statement: p.Statement}
		if p.Statement == nil {
			pj.Status, pj.Reason = "not_priced", p.Reason
		}
		f.Volunteers = append(f.Volunteers, pj)
	}
	return writeJSON(w, f)
}

// compensationColumns are the columns of compensation.csv, one row per volunteer; amounts are integers of öre.
var compensationColumns = []string{"volunteer_id", "period", "status", "kontaktperson_assignments", "kontaktfamilj_stays",
	"halvdygn", "arvode_ore", "omkostnad_ore", "payout_ore", "contributions_ore", "cost_ore", "policy", "reason"}

func writeCompensationCSV(w io.Writer, rep *report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(compensationColumns); err != nil {
		return err
	}
	ore := func(o compensation.Ore) string { return strconv.FormatInt(int64(o), 10) }
	for _, p := range rep.payments {
		row := []string{p.VolunteerID, rep.Period(), "not_priced", strconv.Itoa(p.Assignments), strconv.Itoa(p.Stays),
			"", "", "", "", "", "", rep.policy, p.Reason}
		if st := p.Statement; st != nil {
			halv := 0
			for _, d := range st.Days {
				halv += d.Halvdygn
			}
			t := st.Totals
			row[2] = "priced"
			row[5], row[6], row[7] = strconv.Itoa(halv), ore(t.Arvode), ore(t.Omkostnad)
			row[8], row[9], row[10] = ore(t.Payout), ore(t.Contributions), ore(t.Cost)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
