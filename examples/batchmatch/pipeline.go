package main

// This file is the pipeline: match, plan, pay. It is the part to read when embedding Kontakt in a batch job: each
// step turns one package's output into the next package's input in a few lines, and nothing else happens here.

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// job is what one run is asked to do.
type job struct {
	pool    matching.Pool
	opt     matching.Options // Objective, MinScore, HorizonWeeks; Logger and Progress are set by run
	policy  compensation.Policy
	horizon int // weeks to plan, from the Monday after the pool's as_of
	log     *slog.Logger
}

// result is what each step produced.
type result struct {
	pool       matching.Pool
	clients    map[string]matching.Client
	volunteers map[string]matching.Volunteer
	prop       *matching.Proposal

	from, to calendar.Date // the plan's horizon, Monday to Sunday
	weekly   *scheduling.WeeklyPlan
	weekends *scheduling.WeekendPlan
	notes    []string // where the plan had to differ from what the pairs asked for

	policy      string // the compensation policy's name
	year        int    // the month priced: the first whole month of the plan
	month       time.Month
	paymentDate calendar.Date
	payments    []payment // one per volunteer with a proposed pair, by ID
}

// payment is one volunteer's expected compensation for the month: a statement, or why there is none.
type payment struct {
	VolunteerID string
	Statement   *compensation.Statement
	Reason      string // why it could not be priced, e.g. no table for the year
	NoRules     bool   // it could not be priced because Kontakt has no employer contribution rules for the year
	Assignments int    // kontaktperson assignments priced
	Stays       int    // kontaktfamilj stays (one per child) in the month
}

// runningPrefix marks the agreements that stand for a family's running assignments: they take room on their
// weekends, but are not part of the proposal.
const runningPrefix = "running/"

func pipeline(ctx context.Context, j job) (*result, error) {
	r := &result{pool: j.pool, clients: make(map[string]matching.Client), volunteers: make(map[string]matching.Volunteer)}
	for _, c := range j.pool.Clients {
		r.clients[c.ID] = c
	}
	for _, v := range j.pool.Volunteers {
		r.volunteers[v.ID] = v
	}

	// 1. Match: propose pairs for the whole pool. The scheduling horizon is matching's too, so that the free
	// weekends it compared are the weekends we plan.
	start := time.Now()
	j.opt.HorizonWeeks = j.horizon
	prop, err := matching.Propose(ctx, j.pool, j.opt)
	if err != nil {
		return nil, err
	}
	r.prop = prop
	j.log.Info("proposed", "pairs", len(prop.Pairs()), "unmatched", len(prop.Unmatched()), "elapsed", since(start))

	// 2. Plan the proposed pairs over the horizon: weekly meetings for kontaktpersoner, weekends for families.
	first := j.pool.AsOf.ISOWeek().AddWeeks(1)
	r.from, r.to = first.Monday(), first.AddWeeks(j.horizon-1).Day(time.Sunday)
	pairs := prop.Pairs()

	start = time.Now()
	weeklyReq, notes := weeklyRequest(pairs, r.volunteers, r.from, r.to)
	r.weekly, err = scheduling.PlanWeekly(ctx, weeklyReq, scheduling.WeeklyOptions{
		Holidays: scheduling.Move, EvesLikeHolidays: true, Logger: j.log, Progress: progress(j.log, "weekly"),
	})
	if err != nil {
		return nil, fmt.Errorf("weekly plan: %w", err)
	}
	j.log.Info("planned weekly meetings", "pairs", len(weeklyReq.Pairs), "meetings", len(r.weekly.Meetings), "elapsed", since(start))

	start = time.Now()
	weekendReq, more := weekendRequest(pairs, r.volunteers, first, j.horizon, r.from, r.to)
	r.notes = append(notes, more...)
	r.weekends, err = scheduling.PlanWeekends(ctx, weekendReq, scheduling.WeekendOptions{
		Logger: j.log, Progress: progress(j.log, "weekends"),
	})
	if err != nil {
		return nil, fmt.Errorf("weekend plan: %w", err)
	}
	withoutRunning(r.weekends)
	j.log.Info("planned weekends", "agreements", len(r.weekends.Agreements), "stays", len(r.weekends.Stays), "elapsed", since(start))

	// 3. Pay: the expected compensation of each volunteer for the first whole month of the plan.
	start = time.Now()
	calc, err := compensation.New(j.policy)
	if err != nil {
		return nil, err
	}
	r.policy = calc.Policy().Name
	if r.policy == "" {
		r.policy = "SKR"
	}
	r.year, r.month = firstWholeMonth(r.from, r.to)
	r.paymentDate = calendar.NewDate(r.year, r.month+1, 25) // the 25th of the month after: a common pay day
	r.payments = price(calc, r, pairs)
	j.log.Info("priced", "volunteers", len(r.payments), "month", fmt.Sprintf("%d-%02d", r.year, r.month), "elapsed", since(start))
	return r, nil
}

// weeklyRequest turns the kontaktperson and SKKP pairs into a scheduling request. Each pair meets inside the
// weekly time the two have in common (matching computed it), and the volunteer's running assignments are busy
// time.
func weeklyRequest(pairs []matching.Pair, vols map[string]matching.Volunteer, from, to calendar.Date) (scheduling.WeeklyRequest, []string) {
	var req scheduling.WeeklyRequest
	var notes []string
	seen := make(map[string]bool)
	for _, p := range pairs {
		if p.Support == matching.Kontaktfamilj {
			continue
		}
		perWeek := p.Frequency.MeetingsPerWeek
		if perWeek > 2 {
			notes = append(notes, fmt.Sprintf("%s: %d meetings a week asked for, 2 planned (scheduling plans 1 or 2)", pairID(p), perWeek))
			perWeek = 2
		}
		req.Pairs = append(req.Pairs, scheduling.Pair{
			ID: pairID(p), VolunteerID: p.VolunteerID, ClientID: p.ClientID,
			ClientWindows: p.CommonTime, PerWeek: perWeek, Minutes: p.Frequency.MeetingMinutes,
			Start: from, End: to,
		})
		if !seen[p.VolunteerID] {
			seen[p.VolunteerID] = true
			v := vols[p.VolunteerID]
			sv := scheduling.Volunteer{ID: v.ID, Windows: v.Availability}
			for _, a := range v.Assignments {
				sv.Busy = append(sv.Busy, a.Windows...)
			}
			req.Volunteers = append(req.Volunteers, sv)
		}
	}
	return req, notes
}

// weekendRequest turns the kontaktfamilj pairs into weekend agreements: one per child or sibling group, with
// the frequency the client was granted, and every weekend of the horizon that the pair does not have free
// blocked. A family's running assignments are bookings on their weekends, so that they take the family's room.
func weekendRequest(pairs []matching.Pair, vols map[string]matching.Volunteer, first calendar.Week, weeks int,
	from, to calendar.Date) (scheduling.WeekendRequest, []string) {
	req := scheduling.WeekendRequest{From: from, To: to}
	var notes []string
	byID := make(map[string]int) // agreement ID → index in req.Agreements
	families := make(map[string]bool)
	for _, p := range pairs {
		if p.Support != matching.Kontaktfamilj {
			continue
		}
		id := "A-" + p.ClientID
		if p.SiblingGroup != "" {
			id = "A-" + p.SiblingGroup
		}
		if i, ok := byID[id]; ok { // a sibling: same family, same weekends
			req.Agreements[i].Children = append(req.Agreements[i].Children, p.ClientID)
			continue
		}
		var blocked []calendar.Week
		for k := range weeks {
			if w := first.AddWeeks(k); !slices.Contains(p.CommonWeekends, w) {
				blocked = append(blocked, w)
			}
		}
		byID[id] = len(req.Agreements)
		req.Agreements = append(req.Agreements, scheduling.Agreement{
			ID: id, FamilyID: p.VolunteerID, Children: []string{p.ClientID},
			Frequency: weekendFrequency(p.Frequency.WeekendsPerMonth), Blocked: scheduling.Blocked{Weeks: blocked},
		})
		if n := p.Frequency.WeekendsPerMonth; n > 2 {
			notes = append(notes, fmt.Sprintf("%s: %d weekends a month asked for, every other weekend planned", id, n))
		}
		if !families[p.VolunteerID] {
			families[p.VolunteerID] = true
			v := vols[p.VolunteerID]
			req.Families = append(req.Families, scheduling.Family{ID: v.ID, Capacity: max(v.Capacity.ChildrenPerWeekend, 1)})
			req.Agreements = append(req.Agreements, runningAgreements(v, from, to)...)
		}
	}
	// Scheduling keeps up to three siblings together; a larger group stays in the proposal but is not planned.
	req.Agreements = slices.DeleteFunc(req.Agreements, func(a scheduling.Agreement) bool {
		if len(a.Children) > 3 {
			notes = append(notes, fmt.Sprintf("%s: %d siblings; scheduling plans at most 3 together, so plan this group by hand", a.ID, len(a.Children)))
			return true
		}
		return false
	})
	return req, notes
}

// runningAgreements books the weekends of a family's running assignments: one booked weekend each, spanning
// just that weekend, so that the planner counts the children there and plans nothing more for them.
func runningAgreements(v matching.Volunteer, from, to calendar.Date) []scheduling.Agreement {
	var out []scheduling.Agreement
	for i, a := range v.Assignments {
		if a.Support != matching.Kontaktfamilj {
			continue
		}
		children := make([]string, max(a.Children, 1))
		for k := range children {
			children[k] = fmt.Sprintf("%s%s/%d/%d", runningPrefix, v.ID, i, k)
		}
		for _, w := range a.Weekends {
			fri, sun := w.Day(time.Friday), w.Day(time.Sunday)
			if fri.Before(from) || sun.After(to) {
				continue
			}
			out = append(out, scheduling.Agreement{
				ID: fmt.Sprintf("%s%s/%d/%s", runningPrefix, v.ID, i, w), FamilyID: v.ID, Children: children,
				Frequency: scheduling.Monthly, Start: fri, End: sun, Booked: []calendar.Week{w},
			})
		}
	}
	return out
}

// withoutRunning drops the running assignments' bookings from the plan: they are not part of the proposal.
func withoutRunning(p *scheduling.WeekendPlan) {
	running := func(id string) bool { return strings.HasPrefix(id, runningPrefix) }
	p.Stays = slices.DeleteFunc(p.Stays, func(s scheduling.Stay) bool { return running(s.AgreementID) })
	p.Agreements = slices.DeleteFunc(p.Agreements, func(a scheduling.AgreementResult) bool { return running(a.AgreementID) })
	p.Shortfalls = slices.DeleteFunc(p.Shortfalls, func(s scheduling.Shortfall) bool { return running(s.AgreementID) })
}

// weekendFrequency maps the weekends a month the client was granted to scheduling's frequencies.
func weekendFrequency(perMonth int) scheduling.Frequency {
	switch {
	case perMonth <= 1:
		return scheduling.Monthly
	case perMonth == 2:
		return scheduling.TwiceMonthly
	}
	return scheduling.EveryOtherWeekend
}

// price makes one compensation statement per volunteer: kontaktperson assignments are paid by the month in the
// category their frequency gives, kontaktfamilj stays by the day as the weekend plan has them, one stay per child.
// A volunteer whose month cannot be priced (no table for the year, say) is kept, with the reason.
func price(calc *compensation.Calculator, r *result, pairs []matching.Pair) []payment {
	monthStart := calendar.NewDate(r.year, r.month, 1)
	monthEnd := monthStart.AddDate(0, 1, -1)
	inputs := make(map[string]*compensation.StatementInput)
	var order []string
	input := func(volunteerID string) *compensation.StatementInput {
		in, ok := inputs[volunteerID]
		if !ok {
			in = &compensation.StatementInput{Volunteer: volunteerID, BirthYear: r.volunteers[volunteerID].BirthYear,
				Year: r.year, Month: r.month, PaymentDate: r.paymentDate}
			inputs[volunteerID] = in
			order = append(order, volunteerID)
		}
		return in
	}
	for _, p := range pairs {
		in := input(p.VolunteerID)
		if p.Support != matching.Kontaktfamilj {
			in.Assignments = append(in.Assignments, compensation.Assignment{
				ID: pairID(p), Law: lawOf(p.Law), Category: category(p), From: r.from,
			})
		}
	}
	for _, s := range r.weekends.Stays {
		if s.To.Before(monthStart) || s.From.After(monthEnd) {
			continue
		}
		for _, child := range s.Children {
			c := r.clients[child]
			input(s.FamilyID).Stays = append(input(s.FamilyID).Stays, compensation.Stay{
				ID: child + "/" + s.From.String(), From: s.From, To: s.To, Law: lawOf(c.Law),
				BirthDate: c.BirthDate, Adult: calendar.Age(c.BirthDate, r.pool.AsOf) >= 18,
			})
		}
	}
	slices.Sort(order)
	out := make([]payment, 0, len(order))
	for _, id := range order {
		in := inputs[id]
		pay := payment{VolunteerID: id, Assignments: len(in.Assignments), Stays: len(in.Stays)}
		st, err := calc.Statement(*in)
		var te *compensation.TableError
		switch {
		case err == nil:
			pay.Statement = st
		case errors.Is(err, compensation.ErrNoTable), errors.Is(err, compensation.ErrInvalidInput):
			pay.Reason = err.Error() // names the year and the table cell, never a person
			pay.NoRules = errors.As(err, &te) && te.What == "arbetsgivaravgifter"
		default:
			pay.Reason = "cannot be priced: " + err.Error()
		}
		out = append(out, pay)
	}
	return out
}

// category is SKR's kontaktperson category for a pair: by how often they meet, or SKKP.
func category(p matching.Pair) compensation.Group {
	switch n := p.Frequency.MeetingsPerWeek; {
	case p.Support == matching.SKKP:
		return compensation.CategorySKKP
	case n >= 5:
		return compensation.Category3 // "kontakt i stort sett dagligen"
	case n >= 2:
		return compensation.Category2 // "kontakt flera gånger/vecka"
	}
	return compensation.Category1 // "kontakt minst en gång/vecka"
}

func lawOf(l matching.Law) compensation.Law {
	if l == matching.LSS {
		return compensation.LSS
	}
	return compensation.SoL
}

func pairID(p matching.Pair) string { return "P-" + p.ClientID }

// firstWholeMonth returns the first calendar month that lies wholly between from and to, or from's month if the
// horizon holds no whole month.
func firstWholeMonth(from, to calendar.Date) (int, time.Month) {
	y, m, d := from.YMD()
	if d != 1 {
		next := calendar.NewDate(y, m+1, 1)
		if next.AddDate(0, 1, -1).After(to) {
			return y, m
		}
		y, m, _ = next.YMD()
	}
	return y, m
}

func since(t time.Time) time.Duration { return time.Since(t).Round(time.Millisecond) }

// progress returns a scheduling progress callback that logs at most once a second.
func progress(log *slog.Logger, phase string) func(scheduling.Progress) {
	last := time.Now()
	return func(p scheduling.Progress) {
		if time.Since(last) >= time.Second && p.Done < p.Total {
			last = time.Now()
			log.Info("progress", "phase", phase, "done", p.Done, "total", p.Total)
		}
	}
}
