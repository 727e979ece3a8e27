package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling"
)

// printSummary writes the summary a social worker reads first: totals, proposals with their strongest reasons,
// the unmatched and why, the plan, the month's compensation, and where the files are.
func printSummary(w io.Writer, rep *report, show int, out string, written []string) {
	source := "files " + rep.Source
	if rep.Demo {
		source = "the demo municipality (invented data around Västerås)"
	}
	fmt.Fprintf(w, "Kontakt batch matching: %s, as of %s\n", source, rep.pool.AsOf)
	fmt.Fprintf(w, "Objective: %s", rep.Objective.Label().EN)
	if rep.MinScore > 0 {
		fmt.Fprintf(w, ", minimum score %.0f", rep.MinScore)
	}
	fmt.Fprintf(w, ". Proposals only: a social worker decides.\n\n")

	fmt.Fprintf(w, "  %-15s %8s %8s %10s %11s\n", "", "clients", "matched", "unmatched", "volunteers")
	for _, t := range rep.Totals {
		label := t.Support.String()
		if t.Support == 0 {
			label = "total"
		}
		fmt.Fprintf(w, "  %-15s %8d %8d %10d %11d\n", label, t.Clients, t.Matched, t.Unmatched, t.Volunteers)
	}
	st := rep.prop.Stats()
	fmt.Fprintf(w, "Mean fit %.1f of 100 (lowest %.1f); %d eligible client–volunteer pairs were scored.\n",
		rep.MeanScore(), st.LowestScore, st.EligiblePairs)

	fmt.Fprintf(w, "\nProposals, most urgent first (%s; siblings together):\n", shown(show, len(rep.Proposals)))
	for _, p := range limit(rep.Proposals, show) {
		fmt.Fprintf(w, "  %-15s → %-7s %-14s score %5.1f  %s\n", strings.Join(p.Clients, "+"), p.VolunteerID,
			p.Support, p.Score, urgency(p.Priority, p.WaitingDays))
		for _, part := range p.Top(3) {
			fmt.Fprintf(w, "      %-12s %4.1f  %s\n", part.Name, part.Points, part.Reason.EN)
		}
		line := "plan: " + p.PlanEN()
		if len(p.Alternatives) > 0 {
			line = runnerUp(p.Alternatives[0]) + "; " + line
		}
		fmt.Fprintf(w, "      %s\n", line)
	}
	more(w, show, len(rep.Proposals), out)

	fmt.Fprintf(w, "\nUnmatched, most urgent first (%s):\n", shown(show, len(rep.Unmatched)))
	for _, u := range limit(rep.Unmatched, show) {
		fmt.Fprintf(w, "  %-15s %-14s %s\n", strings.Join(u.Clients, "+"), u.Support, urgency(u.Priority, u.WaitingDays))
		fmt.Fprintf(w, "      %s\n", u.Text.EN)
	}
	more(w, show, len(rep.Unmatched), out)
	if len(rep.Blockers) > 0 {
		var parts []string
		for _, b := range rep.Blockers {
			parts = append(parts, fmt.Sprintf("%s (%d)", b.Text.EN, b.Clients))
		}
		fmt.Fprintf(w, "What most often rules volunteers out for them: %s.\n", strings.Join(parts, ", "))
	}

	held, moved, notHeld := rep.MeetingCounts()
	fmt.Fprintf(w, "\nPlan, %d weeks from %s to %s:\n", rep.Horizon, rep.from, rep.to)
	fmt.Fprintf(w, "  kontaktperson and SKKP: %d pairs, %d weekly meetings (%d moved within the week for a public holiday)\n",
		len(rep.Pairs), held, moved)
	if notHeld > 0 {
		fmt.Fprintf(w, "    %d meetings fall on a public holiday or eve with no other common time that week: the pair agrees on another or skips\n", notHeld)
	}
	if n := rep.WithoutSlot(); n > 0 {
		fmt.Fprintf(w, "    %d pairs got no weekly time: %s\n", n, issueCounts(rep.weekly.Issues))
	}
	fmt.Fprintf(w, "  kontaktfamilj: %d children in %d agreements with %d families, %d weekend stays\n",
		rep.Totals[1].Matched, len(rep.weekends.Agreements), len(rep.Families), rep.Stays())
	var cut, short []scheduling.Shortfall
	for _, s := range rep.weekends.Shortfalls {
		if s.Reason == scheduling.ReasonHorizon {
			cut = append(cut, s)
		} else {
			short = append(short, s)
		}
	}
	if len(short) > 0 {
		fmt.Fprintf(w, "    %d stays could not be planned: %s\n", len(short), shortfallCounts(short))
	}
	if len(cut) > 0 {
		fmt.Fprintf(w, "    %d more are missing only in the first or last month, which the horizon cuts short\n", len(cut))
	}
	for _, n := range rep.notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}

	fmt.Fprintf(w, "\nExpected compensation for %s %d, policy %q:\n", rep.month, rep.year, rep.policy)
	if rep.Fictional {
		fmt.Fprintln(w, "  FICTIONAL figures: SKR's 2026 table is not sourced, so the demo uses made-up amounts.")
		fmt.Fprintln(w, "  Give the municipality's own figures with -policy FILE.")
	}
	t := rep.Pay.Totals
	fmt.Fprintf(w, "  %d volunteers priced: payout %s (arvode %s, omkostnad %s), employer contributions %s, cost %s\n",
		rep.Pay.Priced, t.Payout, t.Arvode, t.Omkostnad, t.Contributions, t.Cost)
	if rep.Pay.NotPriced > 0 {
		fmt.Fprintf(w, "  %d volunteers not priced, for example:\n", rep.Pay.NotPriced)
		n, noRules := 0, false
		for _, p := range rep.payments {
			if p.Statement == nil && n < 3 {
				fmt.Fprintf(w, "    %s: %s\n", p.VolunteerID, p.Reason)
				n++
			}
			noRules = noRules || p.NoRules
		}
		if noRules {
			fmt.Fprintf(w, "  Kontakt has no employer contribution rules for payments on %s yet.\n", rep.paymentDate)
		} else {
			fmt.Fprintln(w, "  Give the municipality's own figures with -policy FILE (the format: examples/batchmatch/demo/policy-fictional-2026.json).")
		}
	}

	if len(written) == 0 {
		fmt.Fprintln(w, "\nNo files written: add -out DIR for proposals.json, plan.json, plan.ics, compensation.json,")
		fmt.Fprintln(w, "compensation.csv and report.html (open it in a browser).")
		return
	}
	names := make([]string, len(written))
	for i, p := range written {
		names[i] = filepath.Base(p)
	}
	fmt.Fprintf(w, "\nWrote to %s: %s.\nOpen %s in a browser.\n", out, strings.Join(names, ", "), filepath.Join(out, "report.html"))
}

func urgency(p matching.Priority, days int) string {
	var parts []string
	if p != matching.Normal {
		parts = append(parts, p.String()+" priority")
	}
	if days > 0 {
		parts = append(parts, fmt.Sprintf("waiting %d days", days))
	}
	return strings.Join(parts, ", ")
}

func limit[T any](xs []T, show int) []T {
	if show <= 0 || show >= len(xs) {
		return xs
	}
	return xs[:show]
}

func shown(show, n int) string {
	if show <= 0 || show >= n {
		return fmt.Sprintf("all %d", n)
	}
	return fmt.Sprintf("%d of %d", show, n)
}

func more(w io.Writer, show, n int, out string) {
	if show <= 0 || show >= n {
		return
	}
	where := "-show 0 prints them all; -out DIR writes them to proposals.json and report.html"
	if out != "" {
		where = "all are in proposals.json and report.html"
	}
	fmt.Fprintf(w, "  ... and %d more (%s)\n", n-show, where)
}

func runnerUp(a matching.Alternative) string {
	switch {
	case a.Taken && a.Behind < 0:
		return fmt.Sprintf("%s would fit %.1f points better but is proposed to another client", a.VolunteerID, -a.Behind)
	case a.Taken:
		return fmt.Sprintf("runner-up %s (%.1f points behind) is proposed to another client", a.VolunteerID, a.Behind)
	}
	return fmt.Sprintf("runner-up %s, %.1f points behind", a.VolunteerID, a.Behind)
}

// planReasonsEN says in English why a pair or stay is missing from the plan.
var planReasonsEN = map[scheduling.Reason]string{
	scheduling.ReasonNoCommonTime:    "no common weekly time",
	scheduling.ReasonVolunteerBooked: "the volunteer's common time went to their other new pairs",
	scheduling.ReasonCapacity:        "the family had no room that weekend",
	scheduling.ReasonChildBlocked:    "every weekend blocked for the child",
	scheduling.ReasonFamilyBlocked:   "every weekend blocked for the family",
	scheduling.ReasonBlocked:         "every weekend blocked",
	scheduling.ReasonHorizon:         "the horizon cuts the month short",
}

func countReasons(reasons []scheduling.Reason) string {
	n := make(map[scheduling.Reason]int)
	var order []scheduling.Reason
	for _, r := range reasons {
		if n[r] == 0 {
			order = append(order, r)
		}
		n[r]++
	}
	slices.SortStableFunc(order, func(a, b scheduling.Reason) int { return n[b] - n[a] })
	parts := make([]string, len(order))
	for i, r := range order {
		text := planReasonsEN[r]
		if text == "" {
			text = string(r)
		}
		parts[i] = fmt.Sprintf("%s (%d)", text, n[r])
	}
	return strings.Join(parts, ", ")
}

func issueCounts(is []scheduling.Issue) string {
	rs := make([]scheduling.Reason, len(is))
	for i, x := range is {
		rs[i] = x.Reason
	}
	return countReasons(rs)
}

func shortfallCounts(ss []scheduling.Shortfall) string {
	rs := make([]scheduling.Reason, len(ss))
	for i, x := range ss {
		rs[i] = x.Reason
	}
	return countReasons(rs)
}
