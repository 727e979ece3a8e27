// Command fees prices one kontaktfamilj stay or one kontaktperson month with
// package compensation and prints how every amount was computed.
//
//	go run ./examples/fees -year 2023 -kind kontaktfamilj -age 7 -from 2023-03-03 -to 2023-03-05
//	go run ./examples/fees -year 2025 -kind kontaktfamilj -age 7 -from 2025-03-07 -to 2025-03-09 \
//	    -policy examples/fees/exempelkommunen-2025.json
//	go run ./examples/fees -kind kontaktperson -month 2026-03 -category skkp -arvode 4500 \
//	    -policy examples/fees/exempelkommunen-2025.json
//
// SKR's tables are embedded only for the years they could be sourced (see
// package compensation). For any other year the command says so and exits 1;
// give the municipality's own figures with -policy FILE, a JSON
// compensation.Policy (exempelkommunen-2025.json beside this file is a
// fictional example of the format).
//
// Exit codes: 0 priced, 1 bad input or no table for the year, 2 internal error.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type config struct {
	year                   int
	kind, law, category    string
	age                    int
	birth, from, to, month string
	adult                  bool
	arvode                 int64
	omkLevel, arvLevel     int
	policy                 string
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fees", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.IntVar(&c.year, "year", 0, "the year (must match -from or -month when they are given)")
	fs.StringVar(&c.kind, "kind", "kontaktfamilj", "kontaktfamilj or kontaktperson")
	fs.StringVar(&c.law, "law", "SoL", "SoL, or LSS (stödfamilj, LSS kontaktperson)")
	fs.IntVar(&c.age, "age", -1, "kontaktfamilj: the child's age on the arrival day")
	fs.StringVar(&c.birth, "birth", "", "kontaktfamilj: the child's birth date (instead of -age), YYYY-MM-DD")
	fs.BoolVar(&c.adult, "adult", false, "kontaktfamilj: the insats was decided for an adult (SKR's band \"vuxna\")")
	fs.StringVar(&c.from, "from", "", "kontaktfamilj: arrival day, YYYY-MM-DD (default: the first Friday of March of -year)")
	fs.StringVar(&c.to, "to", "", "kontaktfamilj: departure day, YYYY-MM-DD (default: two days after -from)")
	fs.StringVar(&c.month, "month", "", "kontaktperson: the month, YYYY-MM (default: March of -year)")
	fs.StringVar(&c.category, "category", "kategori-1", "kontaktperson: kategori-1, kategori-2, kategori-3 or skkp")
	fs.Int64Var(&c.arvode, "arvode", 0, "arvode decided for this stay (kr per day) or assignment (kr per month); 0: the table's")
	fs.IntVar(&c.omkLevel, "omkostnad-level", 0, "omkostnad level (0: the policy's)")
	fs.IntVar(&c.arvLevel, "arvode-level", 0, "arvode level (0: the policy's)")
	fs.StringVar(&c.policy, "policy", "", "JSON file with the municipality's compensation.Policy (own tables, switches)")
	if err := fs.Parse(args); err != nil {
		return 1
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "fees: unexpected argument %q\n", fs.Arg(0))
		return 1
	}
	err := price(c, stdout)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, compensation.ErrNoTable):
		fmt.Fprintln(stderr, "fees:", err)
		fmt.Fprintln(stderr, "fees: SKR's table for that year could not be sourced, so Kontakt will not guess it;")
		fmt.Fprintln(stderr, "fees: give the municipality's own figures with -policy FILE (see examples/fees/exempelkommunen-2025.json)")
		return 1
	case errors.Is(err, errUsage), errors.Is(err, compensation.ErrInvalidInput):
		fmt.Fprintln(stderr, "fees:", err)
		return 1
	default:
		fmt.Fprintln(stderr, "fees:", err)
		return 2
	}
}

var errUsage = errors.New("bad flags")

func usage(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

func price(c config, out io.Writer) error {
	policy := compensation.Policy{}
	if c.policy != "" {
		b, err := os.ReadFile(c.policy)
		if err != nil {
			return usage("-policy: %v", err)
		}
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&policy); err != nil {
			return usage("-policy %s: %v", c.policy, err)
		}
	}
	calc, err := compensation.New(policy)
	if err != nil {
		return err
	}
	law := compensation.Law(c.law)
	if law != compensation.SoL && law != compensation.LSS {
		return usage("-law must be SoL or LSS")
	}
	switch c.kind {
	case "kontaktfamilj", "stodfamilj", "stödfamilj":
		return priceStay(c, calc, law, out)
	case "kontaktperson":
		return priceMonth(c, calc, law, out)
	}
	return usage("-kind must be kontaktfamilj or kontaktperson")
}

func priceStay(c config, calc *compensation.Calculator, law compensation.Law, out io.Writer) error {
	var from, to calendar.Date
	var err error
	switch {
	case c.from != "":
		if from, err = calendar.ParseDate(c.from); err != nil {
			return usage("-from: %v", err)
		}
		if c.year != 0 && from.Year() != c.year {
			return usage("-from %s is not in -year %d", from, c.year)
		}
	case c.year != 0:
		from = calendar.NewDate(c.year, time.March, 1)
		from = from.AddDays((int(time.Friday) - int(from.Weekday()) + 7) % 7)
	default:
		return usage("give -from or -year")
	}
	if c.to != "" {
		if to, err = calendar.ParseDate(c.to); err != nil {
			return usage("-to: %v", err)
		}
	} else {
		to = from.AddDays(2)
	}
	stay := compensation.Stay{
		ID: "S-1", From: from, To: to, Law: law, Adult: c.adult,
		Omkostnad: compensation.Level(c.omkLevel), Arvode: compensation.Level(c.arvLevel),
		ArvodePerDay: compensation.Kronor(c.arvode),
	}
	switch {
	case c.adult:
	case c.birth != "":
		if stay.BirthDate, err = calendar.ParseDate(c.birth); err != nil {
			return usage("-birth: %v", err)
		}
	case c.age >= 0:
		// Born on the arrival day c.age years earlier: that age for the whole stay
		// unless the stay reaches the next birthday.
		stay.BirthDate = from.AddDate(-c.age, 0, 0)
	default:
		return usage("give -age, -birth or -adult")
	}
	p, err := calc.PriceStay(stay)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Kontaktfamilj (%s), %s to %s: %s dygn\n\n", law, from, to, dygn(p.Halvdygn))
	fmt.Fprintf(out, "%-10s  %-5s %-5s %14s %14s  %s\n", "date", "dygn", "band", "omkostnad", "arvode", "rule")
	for _, d := range p.Days {
		fmt.Fprintf(out, "%-10s  %-5s %-5s %14s %14s  %s\n", d.Date, dygn(d.Halvdygn), d.Band, d.Omkostnad, d.Arvode, rule(d))
	}
	fmt.Fprintf(out, "\n%-23s %14s %14s\n", "total", p.Omkostnad, p.Arvode)
	fmt.Fprintf(out, "omkostnad tax-free %s, taxable %s; arvode taxable %s\n", p.Omkostnad-p.OmkostnadTaxable, p.OmkostnadTaxable, p.Arvode)
	fmt.Fprintf(out, "rates from: omkostnad %s, arvode %s\n", p.Days[0].OmkostnadFrom, p.Days[0].ArvodeFrom)
	return nil
}

func rule(d compensation.DayLine) string {
	r := fmt.Sprintf("omkostnad %s/dygn, arvode %s/dag", d.OmkostnadRate, d.ArvodeRate)
	if d.Doubled {
		r += " ×2"
	}
	if d.Reason != "" {
		r += " (" + d.Reason + ")"
	}
	return r
}

func dygn(halvdygn int) string {
	s := strconv.Itoa(halvdygn / 2)
	if halvdygn%2 == 1 {
		if halvdygn == 1 {
			return "½"
		}
		s += "½"
	}
	return s
}

func priceMonth(c config, calc *compensation.Calculator, law compensation.Law, out io.Writer) error {
	year, month := c.year, time.March
	if c.month != "" {
		t, err := time.Parse("2006-01", c.month)
		if err != nil {
			return usage("-month must be YYYY-MM")
		}
		if c.year != 0 && t.Year() != c.year {
			return usage("-month %s is not in -year %d", c.month, c.year)
		}
		year, month = t.Year(), t.Month()
	} else if year == 0 {
		return usage("give -month or -year")
	}
	a := compensation.Assignment{
		ID: "K-1", Law: law, Category: compensation.Group(c.category),
		From:      calendar.NewDate(year, month, 1),
		Omkostnad: compensation.Level(c.omkLevel), Arvode: compensation.Level(c.arvLevel),
		ArvodePerMonth: compensation.Kronor(c.arvode),
	}
	m, err := calc.PriceMonth(a, year, month)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Kontaktperson (%s, %s), %d-%02d\n\n", law, c.category, year, int(month))
	fmt.Fprintf(out, "arvode    %14s  (%s; taxable)\n", m.Arvode, m.ArvodeFrom)
	fmt.Fprintf(out, "omkostnad %14s  (%s; tax-free %s)\n", m.Omkostnad, m.OmkostnadFrom, m.Omkostnad-m.OmkostnadTaxable)
	fmt.Fprintf(out, "rule: %s\n", m.Rule)
	return nil
}
