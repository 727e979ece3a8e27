// Command weekends shows package scheduling alone: it plans kontaktfamilj
// weekends for several families at once and exports them as iCalendar.
//
//	go run ./examples/weekends                        # the built-in spring-term demo
//	go run ./examples/weekends -ics plan.ics -json plan.json
//	go run ./examples/weekends -in request.json       # a scheduling.WeekendRequest
//
// The demo has three families and five agreements over the spring term 2026:
// a child who is with the other parent on odd weeks, a sibling pair every other
// weekend with a sportlov week as an extra stay, a family that is away in
// weeks 14–15, and an agreement that starts in March. The summary lists each
// agreement's weekends (ISO weeks, as Swedes plan), how far they sit from the
// evenly spread ideal, and any stay that could not be planned, with the reason.
//
// Exit codes: 0 planned, 1 bad input, 2 internal error.
package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // a program owns the time zone data; the library does not embed it

	"github.com/kontaktlab/kontakt/scheduling"
)

//go:embed demo.json
var demo []byte

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("weekends", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "JSON scheduling.WeekendRequest (default: the built-in demo)")
	icsPath := fs.String("ics", "", "write the plan as iCalendar to this file")
	jsonPath := fs.String("json", "", "write the plan as JSON to this file")
	stamp := fs.String("dtstamp", "2026-01-02T08:00:00Z", "DTSTAMP of the calendar events (RFC 3339)")
	if err := fs.Parse(args); err != nil {
		return 1
	}
	data := demo
	if *in != "" {
		b, err := os.ReadFile(*in)
		if err != nil {
			fmt.Fprintln(stderr, "weekends:", err)
			return 1
		}
		data = b
	}
	dtstamp, err := time.Parse(time.RFC3339, *stamp)
	if err != nil {
		fmt.Fprintln(stderr, "weekends: -dtstamp:", err)
		return 1
	}
	req, err := scheduling.DecodeWeekendRequest(bytes.NewReader(data))
	if err != nil {
		return fail(stderr, err)
	}
	plan, err := scheduling.PlanWeekends(context.Background(), *req, scheduling.WeekendOptions{})
	if err != nil {
		return fail(stderr, err)
	}
	summarise(stdout, req, plan)
	if *icsPath != "" {
		if err := writeFile(*icsPath, func(w io.Writer) error {
			return plan.WriteICal(w, scheduling.ICalOptions{DTStamp: dtstamp, Name: "Kontaktfamiljer"})
		}); err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintf(stdout, "\nwrote %s (%d stays)\n", *icsPath, len(plan.Stays))
	}
	if *jsonPath != "" {
		if err := writeFile(*jsonPath, func(w io.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(plan)
		}); err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintf(stdout, "wrote %s\n", *jsonPath)
	}
	return 0
}

// fail prints every reported problem (errors.Join lists one per line) and
// picks the exit code.
func fail(stderr io.Writer, err error) int {
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintln(stderr, "weekends:", line)
	}
	if errors.Is(err, scheduling.ErrInvalidInput) {
		return 1
	}
	return 2
}

func summarise(w io.Writer, req *scheduling.WeekendRequest, plan *scheduling.WeekendPlan) {
	fmt.Fprintf(w, "Weekend plan %s – %s: %d families, %d agreements, %d stays\n",
		plan.From, plan.To, len(req.Families), len(req.Agreements), len(plan.Stays))
	for _, a := range plan.Agreements {
		var weeks []string
		for _, s := range plan.Agreement(a.AgreementID) {
			label := fmt.Sprintf("v%d", s.Week.Number)
			if s.Week.Number == 0 { // an extra stay: not tied to a weekend
				label = fmt.Sprintf("%s–%s", s.From.String()[5:], s.To.String()[5:])
			}
			if s.Kind != scheduling.StayPlanned {
				label += "(" + string(s.Kind) + ")"
			}
			weeks = append(weeks, label)
		}
		fmt.Fprintf(w, "\n%s (family %s): %s\n", a.AgreementID, a.FamilyID, strings.Join(weeks, " "))
		fmt.Fprintf(w, "  %d of %d stays met; weeks from the evenly spread ideal, summed: %d\n", a.Met, a.Required, a.WeeksOff)
	}
	if len(plan.Shortfalls) == 0 {
		fmt.Fprintln(w, "\nEvery agreement gets its frequency.")
		return
	}
	fmt.Fprintln(w, "\nCould not be planned:")
	for _, s := range plan.Shortfalls {
		fmt.Fprintf(w, "  %s: a stay between %s and %s (%s)\n", s.AgreementID, s.From, s.To, s.Reason)
	}
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
