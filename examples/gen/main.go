// Command gen writes a synthetic pool of clients and volunteers, of any size, in the formats examples/batchmatch
// reads: for benchmarks, for trying the batch job at scale, and for the demo that batchmatch embeds.
//
//	go run ./examples/gen -clients 3000 -volunteers 4000 -out /tmp/pool            # clients.csv, volunteers.csv
//	go run ./examples/gen -clients 3000 -volunteers 4000 -format json -out /tmp/pool # pool.json
//	go run ./examples/batchmatch -clients /tmp/pool/clients.csv -volunteers /tmp/pool/volunteers.csv -as-of 2026-08-17
//
// The pool is realistic but invented (internal/matchtest): clients and volunteers around Västerås with needs,
// ages, interests, languages, weekly windows, weekends, approvals (some expired or incomplete), sibling pairs,
// families that take two children, and running assignments. The same seed gives the same files, byte for byte;
// batchmatch's demo is
//
//	go run ./examples/gen -seed 2026 -clients 300 -volunteers 200 -out examples/batchmatch/demo
//
// Exit codes: 0 written, 1 bad flags, 2 internal error (such as a file that cannot be written).
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"
	_ "time/tzdata" // a program owns the time zone data; the library does not embed it

	"github.com/kontaktlab/kontakt/examples/internal/poolfile"
	"github.com/kontaktlab/kontakt/internal/matchtest"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Uint64("seed", 1, "seed: the same seed gives the same pool")
	clients := fs.Int("clients", 300, "number of clients (siblings included)")
	volunteers := fs.Int("volunteers", 200, "number of volunteers")
	asOfFlag := fs.String("as-of", matchtest.DefaultAsOf().String(), "the pool's date, YYYY-MM-DD: ages, waiting times and approvals are as of it")
	format := fs.String("format", "csv", "csv (clients.csv and volunteers.csv) or json (pool.json)")
	out := fs.String("out", ".", "directory to write to; created if missing")
	if err := fs.Parse(args); err != nil {
		return 1
	}
	asOf, err := calendar.ParseDate(*asOfFlag)
	switch {
	case fs.NArg() > 0:
		err = fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case err != nil:
		err = errors.New("-as-of: want a date YYYY-MM-DD")
	case *clients < 0 || *volunteers < 0:
		err = errors.New("-clients and -volunteers must be 0 or more")
	case *format != "csv" && *format != "json":
		err = errors.New("-format must be csv or json")
	}
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return 1
	}

	log := slog.New(slog.NewTextHandler(stderr, nil))
	start := time.Now()
	pool := matchtest.Pool(matchtest.Config{Seed: *seed, Clients: *clients, Volunteers: *volunteers, AsOf: asOf})
	files := map[string]func(io.Writer) error{
		"pool.json": func(w io.Writer) error { return poolfile.WritePoolJSON(w, pool) },
	}
	if *format == "csv" {
		files = map[string]func(io.Writer) error{
			"clients.csv":    func(w io.Writer) error { return poolfile.WriteClientsCSV(w, pool.Clients) },
			"volunteers.csv": func(w io.Writer) error { return poolfile.WriteVolunteersCSV(w, pool.Volunteers) },
		}
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return 2
	}
	for _, name := range []string{"pool.json", "clients.csv", "volunteers.csv"} {
		write, ok := files[name]
		if !ok {
			continue
		}
		var b bytes.Buffer
		if err := write(&b); err != nil {
			fmt.Fprintln(stderr, "gen:", err)
			return 2
		}
		path := filepath.Join(*out, name)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			fmt.Fprintln(stderr, "gen:", err)
			return 2
		}
		log.Info("wrote", "file", path, "bytes", b.Len())
	}
	log.Info("generated pool", "clients", len(pool.Clients), "volunteers", len(pool.Volunteers), "seed", *seed,
		"as_of", asOf.String(), "elapsed", time.Since(start).Round(time.Millisecond))
	return 0
}
