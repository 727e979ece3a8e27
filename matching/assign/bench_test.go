package assign_test

import (
	"context"
	"testing"

	"github.com/kontaktlab/kontakt/internal/assigntest"
	"github.com/kontaktlab/kontakt/matching/assign"
)

// BenchmarkFamilies solves the yardstick instances of
// shared/reference/assign-performance.md (built once from a fixed seed). Run
// one family with e.g.
//
//	go test -run '^$' -bench 'Families/dense_float_n2000$' -benchtime 5x ./matching/assign
//
// and compare runs with benchstat. internal/cmd/vsscipy times scipy on the
// same instances in the same run.
func BenchmarkFamilies(b *testing.B) {
	for _, name := range assigntest.Families() {
		b.Run(name, func(b *testing.B) {
			inst, _ := assigntest.Family(name)
			var s assign.Solver
			ctx := context.Background()
			if inst.Dense != nil {
				for b.Loop() {
					if _, err := s.Dense(ctx, inst.Rows, inst.Cols, inst.Dense, assign.Options{}); err != nil {
						b.Fatal(err)
					}
				}
				return
			}
			arcs := make([]assign.Arc, len(inst.Arcs))
			for k, a := range inst.Arcs {
				arcs[k] = assign.Arc{Row: a.Row, Col: a.Col, Cost: a.Cost}
			}
			for b.Loop() {
				if _, err := s.Sparse(ctx, inst.Rows, inst.Cols, arcs, assign.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkModes measures the partial and lexicographic modes on a pool-like
// sparse instance: 3000 rows, 5000 columns, 600 arcs per row.
func BenchmarkModes(b *testing.B) {
	const rows, cols, deg = 3000, 5000, 600
	src := assigntest.Integers(11, rows, cols, 101)
	var arcs []assign.Arc
	for i := range rows {
		for j := range cols {
			if (i*7919+j*104729)%cols < deg {
				arcs = append(arcs, assign.Arc{Row: int32(i), Col: int32(j), Cost: src[i*cols+j]})
			}
		}
	}
	zero := make([]float64, rows)
	for _, m := range []struct {
		name string
		opt  assign.Options
	}{
		{"complete", assign.Options{Maximize: true}},
		{"partial", assign.Options{Maximize: true, Unassigned: zero}},
		{"maxcard", assign.Options{Maximize: true, MaxCardinality: true}},
	} {
		b.Run(m.name, func(b *testing.B) {
			var s assign.Solver
			for b.Loop() {
				if _, err := s.Sparse(context.Background(), rows, cols, arcs, m.opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
