// Command solver shows package matching/assign alone: it builds a seeded pool of
// fit scores between clients and volunteers (pairs beyond travel distance are
// not allowed), proposes the pairs that match the most clients with the
// highest total fit, and prints them with how much worse the runner-up
// volunteer of each client would be.
//
//	go run ./examples/solver                 # 12 clients, 15 volunteers
//	go run ./examples/solver -clients 3000 -volunteers 4000 -show 5
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"time"

	"github.com/kontaktlab/kontakt/matching/assign"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is the program; it returns the exit code: 0 solved, 1 bad flags.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("solver", flag.ContinueOnError)
	fs.SetOutput(stderr)
	clients := fs.Int("clients", 12, "number of clients (rows)")
	volunteers := fs.Int("volunteers", 15, "number of volunteers (columns)")
	reach := fs.Float64("reach", 0.35, "share of pairs within travel distance, 0..1")
	seed := fs.Uint64("seed", 1, "seed of the synthetic pool")
	show := fs.Int("show", 12, "proposals to print")
	if err := fs.Parse(args); err != nil {
		return 1
	}
	if err := solve(stdout, stderr, *clients, *volunteers, *reach, *seed, *show); err != nil {
		fmt.Fprintln(stderr, "solver:", err)
		return 1
	}
	return 0
}

func solve(out, stderr io.Writer, clients, volunteers int, reach float64, seed uint64, show int) error {
	if clients < 0 || volunteers < 0 || clients > 100000 || volunteers > 100000 || reach < 0 || reach > 1 {
		return fmt.Errorf("bad flags: need 0 <= clients, volunteers <= 100000 and 0 <= reach <= 1")
	}
	// Synthetic scores: a pair is allowed with probability reach; its fit score is
	// 0..100 in whole points.
	r := rand.New(rand.NewPCG(seed, 42))
	var arcs []assign.Arc
	for i := range clients {
		for j := range volunteers {
			if r.Float64() < reach {
				arcs = append(arcs, assign.Arc{Row: int32(i), Col: int32(j), Cost: float64(r.IntN(101))})
			}
		}
	}
	start := time.Now()
	res, err := assign.Sparse(context.Background(), clients, volunteers, arcs, assign.Options{
		Maximize:       true,
		MaxCardinality: true,
	})
	if err != nil {
		return err
	}
	elapsed := time.Since(start)

	// Runner-up per client: the allowed pair with the smallest reduced score
	// loss u[i] + v[j] - score, among the volunteers not proposed to the client.
	type best struct {
		col  int
		loss float64
	}
	runner := make([]best, clients)
	for i := range runner {
		runner[i] = best{-1, math.Inf(1)}
	}
	for _, a := range arcs {
		i, j := int(a.Row), int(a.Col)
		if res.RowCol[i] == j {
			continue
		}
		loss := res.RowDual[i] + res.ColDual[j] - a.Cost
		if loss < runner[i].loss || loss == runner[i].loss && j < runner[i].col {
			runner[i] = best{j, loss}
		}
	}
	fmt.Fprintf(out, "%d clients, %d volunteers, %d allowed pairs\n", clients, volunteers, len(arcs))
	fmt.Fprintf(out, "proposed %d pairs, total fit %g\n\n", res.Assigned, res.Total)
	fmt.Fprintln(out, "client  volunteer  fit  runner-up  at least worse by")
	printed := 0
	scores := make(map[[2]int]float64, len(arcs))
	for _, a := range arcs {
		scores[[2]int{int(a.Row), int(a.Col)}] = a.Cost
	}
	for i, j := range res.RowCol {
		if printed == show {
			break
		}
		printed++
		if j < 0 {
			fmt.Fprintf(out, "C%-5d  -          -    -          (no volunteer left within reach)\n", i)
			continue
		}
		ru, by := "-", "-"
		if runner[i].col >= 0 {
			ru, by = fmt.Sprintf("V%d", runner[i].col), fmt.Sprintf("%g", math.Max(0, runner[i].loss))
		}
		fmt.Fprintf(out, "C%-5d  V%-8d  %-3g  %-9s  %s\n", i, j, scores[[2]int{i, j}], ru, by)
	}
	fmt.Fprintf(stderr, "solved in %v\n", elapsed.Round(time.Microsecond))
	return nil
}
