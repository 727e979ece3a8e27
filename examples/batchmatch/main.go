// Command batchmatch is the nightly batch job end to end: it proposes volunteers for a municipality's waiting
// clients (package matching), plans the proposed pairs' weekly meetings and weekend stays (package scheduling)
// and prices the first month of the plan for each volunteer (package compensation).
//
//	go run ./examples/batchmatch                      # the built-in demo municipality
//	go run ./examples/batchmatch -out /tmp/kontakt    # ... and write the files, report.html among them
//	go run ./examples/batchmatch -clients clients.csv -volunteers volunteers.csv -as-of 2026-08-17 \
//	    -policy kommunen-2026.json -out /tmp/kontakt
//	go run ./examples/batchmatch -pool pool.json -objective max-min -min-score 40 -horizon 26
//
// Without input flags it runs on the demo under demo/: 300 invented clients and 200 invented volunteers around
// Västerås on 2026-08-17, written by examples/gen with seed 2026, and a compensation policy with FICTIONAL
// figures (SKR's 2026 table could not be sourced; a municipality supplies its own with -policy). Real files are
// JSON or CSV, chosen by extension; the README lists their columns.
//
// It prints a summary on stdout: totals, the proposals with their scores and strongest reasons, the clients left
// unmatched and why, the plan and the month's compensation. With -out DIR it writes proposals.json, plan.json,
// plan.ics, compensation.json, compensation.csv and report.html there. Progress and phase timings go to stderr
// through log/slog. Nothing it writes holds a name, address, coordinate, birth date or free text of a client:
// clients and volunteers appear by their opaque IDs only.
//
// Exit codes: 0 done, 1 bad input (every bad record is listed with file, line and field), 2 internal error.
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"
	_ "time/tzdata" // a program owns the time zone data; the library does not embed it

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/examples/internal/poolfile"
	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// The demo municipality: go run ./examples/gen -seed 2026 -clients 300 -volunteers 200 -out examples/batchmatch/demo
var (
	//go:embed demo/clients.csv
	demoClients []byte
	//go:embed demo/volunteers.csv
	demoVolunteers []byte
	//go:embed demo/policy-fictional-2026.json
	demoPolicy []byte
)

// demoAsOf is the date of the demo pool (internal/matchtest's default).
const demoAsOf = "2026-08-17"

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// config holds the flags.
type config struct {
	pool, clients, volunteers string
	asOf, encoding, policy    string
	objective                 string
	minScore                  float64
	horizon, show             int
	out, stamp                string
	logLevel, logFormat       string
}

// errUsage marks a problem with the flags or the files named: exit code 1.
var errUsage = errors.New("usage")

func usage(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("batchmatch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.pool, "pool", "", "one JSON file with as_of, clients and volunteers")
	fs.StringVar(&c.clients, "clients", "", "clients file, JSON (an array) or CSV")
	fs.StringVar(&c.volunteers, "volunteers", "", "volunteers file, JSON (an array) or CSV")
	fs.StringVar(&c.asOf, "as-of", "", "the date the proposal is made for, YYYY-MM-DD (required with -clients; overrides a pool's as_of)")
	fs.StringVar(&c.encoding, "encoding", "utf-8", "encoding of CSV files: utf-8 (with or without BOM) or windows-1252")
	fs.StringVar(&c.policy, "policy", "", "compensation.Policy JSON with the municipality's own figures (default: SKR's embedded tables; the demo uses its fictional policy)")
	fs.StringVar(&c.objective, "objective", "most-matched", "most-matched, total-fit or max-min")
	fs.Float64Var(&c.minScore, "min-score", 0, "lowest fit score (0-100) a proposed pair may have")
	fs.IntVar(&c.horizon, "horizon", matching.DefaultHorizonWeeks, "weeks to plan, from the Monday after as_of (1-52)")
	fs.IntVar(&c.show, "show", 10, "proposals and unmatched clients to print; 0 prints all")
	fs.StringVar(&c.out, "out", "", "directory to write proposals.json, plan.json, plan.ics, compensation.json, compensation.csv and report.html")
	fs.StringVar(&c.stamp, "stamp", "", `"generated at" of the files and DTSTAMP of plan.ics, RFC 3339 (default: as_of at 00:00 UTC, so that the same input gives the same files)`)
	fs.StringVar(&c.logLevel, "log-level", "info", "debug, info, warn or error (stderr)")
	fs.StringVar(&c.logFormat, "log-format", "text", "text or json (stderr)")
	if err := fs.Parse(args); err != nil {
		return 1
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "batchmatch: unexpected argument %q\n", fs.Arg(0))
		return 1
	}
	log, err := newLogger(stderr, c.logLevel, c.logFormat)
	if err != nil {
		return fail(stderr, err)
	}
	return fail(stderr, runJob(context.Background(), c, log, stdout))
}

// fail prints every problem of err, one a line, and returns the exit code.
func fail(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	lines := strings.Split(err.Error(), "\n")
	for _, line := range lines {
		fmt.Fprintln(stderr, "batchmatch:", line)
	}
	switch {
	case errors.Is(err, poolfile.ErrInvalidInput), errors.Is(err, matching.ErrInvalidInput):
		fmt.Fprintf(stderr, "batchmatch: %d problem(s) in the input; nothing was matched\n", len(lines))
		return 1
	case errors.Is(err, errUsage):
		return 1
	}
	return 2
}

func newLogger(w io.Writer, level, format string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, usage("-log-level must be debug, info, warn or error")
	}
	opts := &slog.HandlerOptions{Level: l}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, usage("-log-format must be text or json")
}

func runJob(ctx context.Context, c config, log *slog.Logger, stdout io.Writer) error {
	begin := time.Now()
	start := begin
	src, err := readInput(c)
	if err != nil {
		return err
	}
	log.Info("read input", "source", src.name, "clients", len(src.pool.Clients), "volunteers", len(src.pool.Volunteers), "elapsed", since(start))

	j := job{pool: src.pool, policy: src.policy, horizon: c.horizon, log: log}
	if j.opt.Objective, err = parseObjective(c.objective); err != nil {
		return err
	}
	if c.minScore < 0 || c.minScore > 100 {
		return usage("-min-score must be within 0..100")
	}
	if c.horizon < 1 || c.horizon > matching.MaxHorizonWeeks {
		return usage("-horizon must be within 1..%d weeks", matching.MaxHorizonWeeks)
	}
	j.opt.MinScore = c.minScore
	j.opt.HorizonWeeks = c.horizon
	j.opt.Logger = log
	j.opt.Progress = func(p matching.Progress) {
		if p.Done > 0 && p.Done < p.Total { // ticks in between, so only runs longer than a second show them
			log.Info("progress", "phase", p.Phase, "done", p.Done, "total", p.Total)
		}
	}
	stamp := time.Date(src.pool.AsOf.Year(), src.pool.AsOf.Month(), src.pool.AsOf.Day(), 0, 0, 0, 0, time.UTC)
	if c.stamp != "" {
		if stamp, err = time.Parse(time.RFC3339, c.stamp); err != nil {
			return usage("-stamp: want RFC 3339, e.g. 2026-08-17T06:00:00Z")
		}
	}

	r, err := pipeline(ctx, j)
	if err != nil {
		return err
	}
	rep := newReport(r, src, j.opt, stamp)
	var written []string
	if c.out != "" {
		start = time.Now()
		if written, err = writeFiles(c.out, rep); err != nil {
			return err
		}
		log.Info("wrote files", "dir", c.out, "files", len(written), "elapsed", since(start))
	}
	printSummary(stdout, rep, c.show, c.out, written)
	log.Info("done", "elapsed", since(begin))
	return nil
}

// input is the pool and policy a run works on, and what they are called in the output.
type input struct {
	name      string // "demo", or the file names
	demo      bool
	pool      matching.Pool
	policy    compensation.Policy
	fictional bool // the policy's figures are made up (the demo's)
}

func readInput(c config) (*input, error) {
	var asOf calendar.Date
	if c.asOf != "" {
		d, err := calendar.ParseDate(c.asOf)
		if err != nil {
			return nil, usage("-as-of: want a date YYYY-MM-DD")
		}
		asOf = d
	}
	enc := poolfile.Encoding(strings.ToLower(c.encoding))
	if enc != poolfile.UTF8 && enc != poolfile.Windows1252 {
		return nil, usage("-encoding must be utf-8 or windows-1252")
	}
	in := &input{}
	var err error
	switch {
	case c.pool != "" && (c.clients != "" || c.volunteers != ""):
		return nil, usage("give either -pool or -clients and -volunteers")
	case c.pool != "":
		f, ferr := readFile(c.pool)
		if ferr != nil {
			return nil, ferr
		}
		in.name = c.pool
		in.pool, err = poolfile.LoadPool(f, asOf)
	case c.clients != "" || c.volunteers != "":
		if c.clients == "" || c.volunteers == "" {
			return nil, usage("give both -clients and -volunteers")
		}
		if asOf.IsZero() {
			return nil, usage("give -as-of: the date the proposal is made for (ages, waiting times and approvals count to it)")
		}
		cf, err1 := readFile(c.clients)
		vf, err2 := readFile(c.volunteers)
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		in.name = c.clients + " + " + c.volunteers
		in.pool, err = poolfile.Load(cf, vf, asOf, enc)
	default:
		if asOf.IsZero() {
			asOf, _ = calendar.ParseDate(demoAsOf)
		}
		in.name, in.demo = "demo", true
		in.pool, err = poolfile.Load(poolfile.File{Name: "demo/clients.csv", Data: demoClients},
			poolfile.File{Name: "demo/volunteers.csv", Data: demoVolunteers}, asOf, poolfile.UTF8)
	}
	if err != nil {
		return nil, err
	}

	switch {
	case c.policy != "":
		b, err := os.ReadFile(c.policy)
		if err != nil {
			return nil, usage("-policy: %v", err)
		}
		if in.policy, err = decodePolicy(b); err != nil {
			return nil, usage("-policy %s: %v", c.policy, err)
		}
	case in.demo:
		if in.policy, err = decodePolicy(demoPolicy); err != nil {
			return nil, err
		}
		in.fictional = true
	}
	return in, nil
}

func readFile(path string) (poolfile.File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return poolfile.File{}, usage("%v", err)
	}
	return poolfile.File{Name: filepath.Clean(path), Data: b}, nil
}

func decodePolicy(b []byte) (compensation.Policy, error) {
	var p compensation.Policy
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return p, err
	}
	return p, p.Validate()
}

func parseObjective(s string) (matching.Objective, error) {
	var o matching.Objective
	if err := o.UnmarshalText([]byte(strings.ReplaceAll(s, "-", "_"))); err != nil {
		return o, usage("-objective must be most-matched, total-fit or max-min")
	}
	return o, nil
}
