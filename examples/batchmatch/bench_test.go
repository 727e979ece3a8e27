package main

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/kontaktlab/kontakt/internal/matchtest"
	"github.com/kontaktlab/kontakt/matching"
)

// BenchmarkPipeline runs the whole job on 3,000 clients and 4,000 volunteers: match, plan, price, and every
// output file (written to io.Discard). Reading the files is left out; see the README for the end-to-end figure.
//
//	go test ./examples/batchmatch -run XXX -bench Pipeline -benchtime 5x
func BenchmarkPipeline(b *testing.B) {
	src, err := readInput(config{encoding: "utf-8"}) // for the demo's (fictional) policy
	if err != nil {
		b.Fatal(err)
	}
	src.pool = matchtest.Pool(matchtest.Config{Seed: 1, Clients: 3000, Volunteers: 4000})
	opt := matching.Options{HorizonWeeks: matching.DefaultHorizonWeeks}
	files := []func(io.Writer, *report) error{writeProposals, writePlanJSON, writeICal, writeCompensationJSON,
		writeCompensationCSV, writeHTML}
	for b.Loop() {
		r, err := pipeline(context.Background(), job{pool: src.pool, opt: opt, policy: src.policy,
			horizon: matching.DefaultHorizonWeeks, log: slog.New(slog.DiscardHandler)})
		if err != nil {
			b.Fatal(err)
		}
		rep := newReport(r, src, opt, time.Date(2026, 8, 17, 0, 0, 0, 0, time.UTC))
		for _, write := range files {
			if err := write(io.Discard, rep); err != nil {
				b.Fatal(err)
			}
		}
	}
}
