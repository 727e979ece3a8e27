package assign_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/kontaktlab/kontakt/matching/assign"
)

// decodeProblem turns fuzz bytes into a small problem: a header byte for the
// shape and mode, then one byte per entry (a few codes are NaN, ±Inf, huge or
// tiny values). Any byte string decodes to something.
func decodeProblem(data []byte) problem {
	if len(data) == 0 {
		return problem{}
	}
	h := data[0]
	data = data[1:]
	rows, cols := int(h&7), int(h>>3&7)
	p := problem{rows: rows, cols: cols, cost: make([]float64, rows*cols)}
	p.opt.Maximize = h&64 != 0
	mode := 0
	if len(data) > 0 {
		mode = int(data[0] % 4)
		data = data[1:]
	}
	for k := range p.cost {
		b := byte(k * 37)
		if k < len(data) {
			b = data[k]
		}
		switch b {
		case 250:
			p.cost[k] = math.NaN()
		case 251:
			p.cost[k] = math.Inf(1)
		case 252:
			p.cost[k] = math.Inf(-1)
		case 253:
			p.cost[k] = 1e300
		case 254:
			p.cost[k] = -1e-300
		default:
			p.cost[k] = float64(int(b)%23 - 7)
		}
	}
	switch mode {
	case 1:
		p.opt.Unassigned = make([]float64, rows)
		for i := range p.opt.Unassigned {
			p.opt.Unassigned[i] = float64(i % 3)
		}
	case 2:
		p.opt.MaxCardinality = true
	case 3:
		p.opt.MaxCardinality = true
		p.opt.Unassigned = make([]float64, rows)
	}
	return p
}

// FuzzDense checks that no input panics, that every error is typed, and that
// every answer is a valid assignment whose total is the same through all
// solver variants and entry points.
func FuzzDense(f *testing.F) {
	f.Add([]byte{0x1b, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{0x5b, 1, 250, 2, 3})
	f.Add([]byte{0x24, 2, 251, 251, 251, 1, 2, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		p := decodeProblem(data)
		var first *assign.Result
		for name, solve := range entryPoints(p) {
			res, err := solve()
			if err != nil {
				if !errors.Is(err, assign.ErrInvalidInput) && !errors.Is(err, assign.ErrInfeasible) {
					t.Fatalf("%s: untyped error %v", name, err)
				}
				continue
			}
			checkValid(t, p, res)
			if first == nil {
				first = res
			} else if math.Abs(first.Total-res.Total) > 1e-6*math.Max(1, math.Abs(first.Total)) {
				t.Fatalf("%s: total %v, another variant found %v", name, res.Total, first.Total)
			}
		}
	})
}

// FuzzSparse feeds arbitrary arcs (out of range, duplicate, NaN, infinite) to
// Sparse and checks the same properties.
func FuzzSparse(f *testing.F) {
	f.Add(uint8(3), uint8(3), []byte{0, 0, 5, 1, 1, 6, 2, 2, 7}, false)
	f.Add(uint8(2), uint8(4), []byte{0, 3, 1, 1, 3, 2, 0, 9, 1}, true)
	f.Add(uint8(4), uint8(2), []byte{0, 0, 250, 1, 1, 1}, false)
	f.Fuzz(func(t *testing.T, rows, cols uint8, raw []byte, maxCard bool) {
		r, c := int(rows%9), int(cols%9)
		var arcs []assign.Arc
		for k := 0; k+2 < len(raw); k += 3 {
			cost := float64(int(raw[k+2])%31 - 10)
			switch raw[k+2] {
			case 250:
				cost = math.NaN()
			case 251:
				cost = math.Inf(1)
			case 252:
				cost = math.Inf(-1)
			}
			arcs = append(arcs, assign.Arc{Row: int32(raw[k]%10) - 1, Col: int32(raw[k+1] % 10), Cost: cost})
		}
		opt := assign.Options{MaxCardinality: maxCard}
		var first *assign.Result
		for name, s := range solvers() {
			res, err := s.Sparse(context.Background(), r, c, arcs, opt)
			if err != nil {
				if !errors.Is(err, assign.ErrInvalidInput) && !errors.Is(err, assign.ErrInfeasible) {
					t.Fatalf("%s: untyped error %v", name, err)
				}
				continue
			}
			if len(res.RowCol) != r || len(res.ColRow) != c {
				t.Fatalf("%s: result shape %d×%d", name, len(res.RowCol), len(res.ColRow))
			}
			for i, j := range res.RowCol {
				if j >= 0 && res.ColRow[j] != i {
					t.Fatalf("%s: row %d and column %d disagree", name, i, j)
				}
			}
			if first == nil {
				first = res
			} else if first.Assigned != res.Assigned || math.Abs(first.Total-res.Total) > 1e-9*math.Max(1, math.Abs(first.Total)) {
				t.Fatalf("%s: %d pairs, total %v; another variant: %d pairs, total %v", name, res.Assigned, res.Total, first.Assigned, first.Total)
			}
		}
	})
}

// checkValid is verify without the dual check (fuzzed values reach 1e300,
// where no absolute tolerance is meaningful).
func checkValid(t *testing.T, p problem, res *assign.Result) {
	t.Helper()
	if len(res.RowCol) != p.rows || len(res.ColRow) != p.cols {
		t.Fatalf("result shape %d×%d, want %d×%d", len(res.RowCol), len(res.ColRow), p.rows, p.cols)
	}
	n := 0
	for i, j := range res.RowCol {
		if j < 0 {
			continue
		}
		n++
		if res.ColRow[j] != i {
			t.Fatalf("row %d and column %d disagree", i, j)
		}
		if c := p.cost[i*p.cols+j]; math.IsInf(c, 0) || math.IsNaN(c) {
			t.Fatalf("pair (%d, %d) with cost %v assigned", i, j, c)
		}
	}
	if n != res.Assigned {
		t.Fatalf("Assigned = %d, counted %d", res.Assigned, n)
	}
	if p.opt.Unassigned == nil && !p.opt.MaxCardinality && n != min(p.rows, p.cols) {
		t.Fatalf("complete assignment has %d pairs, want %d", n, min(p.rows, p.cols))
	}
}
