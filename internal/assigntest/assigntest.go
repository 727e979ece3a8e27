// Package assigntest holds the assignment problems that every solver of
// matching/assign is tested and benchmarked on: a table of small named cases
// with known optima, and seeded generators for the instance families of the
// performance yardstick (dense floats and whole numbers, rectangles, ties,
// forbidden pairs, sparse pools). It is internal: integrators need none of it.
package assigntest

import (
	"math"
	"math/rand/v2"
)

// Case is a small problem with its known optimum.
type Case struct {
	Name       string
	Rows, Cols int
	Cost       []float64 // row-major; +Inf forbidden
	Maximize   bool
	Unassigned []float64 // nil: complete assignment of the smaller side
	MaxCard    bool
	Want       float64 // optimal total
	Infeasible bool    // no complete assignment exists
	Assigned   int     // pairs in the optimum (-1: not checked)
}

var inf = math.Inf(1)

// Cases returns the named small cases; each call returns fresh slices.
func Cases() []Case {
	return []Case{
		{Name: "0x0", Want: 0, Assigned: 0},
		{Name: "0x3", Cols: 3, Want: 0, Assigned: 0},
		{Name: "3x0", Rows: 3, Want: 0, Assigned: 0},
		{Name: "1x1", Rows: 1, Cols: 1, Cost: []float64{7}, Want: 7, Assigned: 1},
		{Name: "1x1 forbidden", Rows: 1, Cols: 1, Cost: []float64{inf}, Infeasible: true},
		{Name: "2x2 anti-diagonal", Rows: 2, Cols: 2, Cost: []float64{4, 1, 2, 5}, Want: 3, Assigned: 2},
		{Name: "3x3 classic", Rows: 3, Cols: 3, Cost: []float64{4, 1, 3, 2, 0, 5, 3, 2, 2}, Want: 5, Assigned: 3},
		{Name: "3x3 maximise", Rows: 3, Cols: 3, Cost: []float64{4, 1, 3, 2, 0, 5, 3, 2, 2}, Maximize: true, Want: 11, Assigned: 3},
		{Name: "2x3 rectangle", Rows: 2, Cols: 3, Cost: []float64{5, 9, 1, 10, 3, 2}, Want: 4, Assigned: 2},
		{Name: "3x2 tall rectangle", Rows: 3, Cols: 2, Cost: []float64{5, 10, 9, 3, 1, 2}, Want: 4, Assigned: 2},
		{Name: "all equal", Rows: 3, Cols: 3, Cost: []float64{2, 2, 2, 2, 2, 2, 2, 2, 2}, Want: 6, Assigned: 3},
		{Name: "negative costs", Rows: 2, Cols: 2, Cost: []float64{-5, -1, -2, -10}, Want: -15, Assigned: 2},
		{Name: "forbidden forces the expensive pair", Rows: 2, Cols: 2, Cost: []float64{1, inf, 1, 100}, Want: 101, Assigned: 2},
		{Name: "all-forbidden row", Rows: 2, Cols: 2, Cost: []float64{inf, inf, 1, 1}, Infeasible: true},
		{Name: "all-forbidden column", Rows: 2, Cols: 2, Cost: []float64{1, inf, 1, inf}, Infeasible: true},
		{Name: "Hall violation", Rows: 3, Cols: 3, Cost: []float64{1, inf, inf, 1, inf, inf, 1, 1, 1}, Infeasible: true},
		{Name: "rectangle infeasible", Rows: 2, Cols: 3, Cost: []float64{inf, 1, inf, inf, 2, inf}, Infeasible: true},
		{Name: "huge magnitudes", Rows: 2, Cols: 2, Cost: []float64{1e15, 1e15 + 2, 1e15 + 2, 1e15}, Want: 2e15, Assigned: 2},
		{Name: "tiny magnitudes", Rows: 2, Cols: 2, Cost: []float64{1e-300, 3e-300, 2e-300, 1e-300}, Want: 2e-300, Assigned: 2},
		{Name: "partial: leave the poor fit", Rows: 2, Cols: 2, Cost: []float64{1, 50, 50, 60}, Unassigned: []float64{20, 20}, Want: 21, Assigned: 1},
		{Name: "partial: all rows out", Rows: 2, Cols: 1, Cost: []float64{9, 9}, Unassigned: []float64{1, 2}, Want: 3, Assigned: 0},
		{Name: "partial with forbidden", Rows: 2, Cols: 2, Cost: []float64{inf, inf, 3, inf}, Unassigned: []float64{5, 5}, Want: 8, Assigned: 1},
		{Name: "partial maximise", Rows: 2, Cols: 2, Cost: []float64{10, 1, 2, 3}, Maximize: true, Unassigned: []float64{0, 4}, Want: 14, Assigned: 1},
		// Row 1 is cheaper on the only column both can use: the lexicographic
		// optimum assigns row 1, where processing rows in order would keep row 0.
		{Name: "lex: cheaper row wins the contested column", Rows: 2, Cols: 1, Cost: []float64{10, 1}, MaxCard: true, Want: 1, Assigned: 1},
		{Name: "lex: count before cost", Rows: 2, Cols: 2, Cost: []float64{1, 100, inf, 1000}, MaxCard: true, Want: 1001, Assigned: 2},
		{Name: "lex: deficient rows", Rows: 3, Cols: 3, Cost: []float64{1, inf, inf, 2, inf, inf, inf, 5, 7}, MaxCard: true, Want: 6, Assigned: 2},
		{Name: "lex with unassigned cost", Rows: 2, Cols: 1, Cost: []float64{10, 1}, MaxCard: true, Unassigned: []float64{3, 100}, Want: 4, Assigned: 1},
		{Name: "lex maximise", Rows: 3, Cols: 2, Cost: []float64{5, math.Inf(-1), 9, math.Inf(-1), 4, 1}, Maximize: true, MaxCard: true, Want: 10, Assigned: 2},
		{Name: "lex: nothing allowed", Rows: 2, Cols: 2, Cost: []float64{inf, inf, inf, inf}, MaxCard: true, Want: 0, Assigned: 0},
	}
}

// Uniform returns a rows×cols matrix of uniform floats in [0, 1).
func Uniform(seed uint64, rows, cols int) []float64 {
	r := rand.New(rand.NewPCG(seed, 1))
	c := make([]float64, rows*cols)
	for k := range c {
		c[k] = r.Float64()
	}
	return c
}

// Integers returns a rows×cols matrix of uniform whole numbers in [0, hi).
func Integers(seed uint64, rows, cols, hi int) []float64 {
	r := rand.New(rand.NewPCG(seed, 2))
	c := make([]float64, rows*cols)
	for k := range c {
		c[k] = float64(r.IntN(hi))
	}
	return c
}

// Ties returns the tie-heavy family: cost = 10 - s, s ~ Binomial(10, 0.3).
func Ties(seed uint64, n int) []float64 {
	r := rand.New(rand.NewPCG(seed, 3))
	c := make([]float64, n*n)
	for k := range c {
		s := 0
		for range 10 {
			if r.Float64() < 0.3 {
				s++
			}
		}
		c[k] = float64(10 - s)
	}
	return c
}

// Forbidden returns whole numbers in [0, 1000) with about frac of the entries
// +Inf, keeping a random permutation allowed so that the problem stays feasible.
func Forbidden(seed uint64, n int, frac float64) []float64 {
	r := rand.New(rand.NewPCG(seed, 4))
	c := make([]float64, n*n)
	for k := range c {
		if r.Float64() < frac {
			c[k] = inf
		} else {
			c[k] = float64(r.IntN(1000))
		}
	}
	for i, j := range r.Perm(n) {
		if math.IsInf(c[i*n+j], 1) {
			c[i*n+j] = float64(r.IntN(1000))
		}
	}
	return c
}

// SparseArc is one arc of a generated sparse instance (row, column, cost).
type SparseArc struct {
	Row, Col int32
	Cost     float64
}

// Sparse returns n rows × n columns with deg distinct random arcs per row and
// whole-number costs in [1, 1000]. A random permutation is among the arcs, so
// a perfect matching exists. Arcs come sorted by row, in random column order.
func Sparse(seed uint64, n, deg int) []SparseArc {
	r := rand.New(rand.NewPCG(seed, 5))
	perm := r.Perm(n)
	arcs := make([]SparseArc, 0, n*deg)
	seen := make(map[int32]struct{}, deg)
	for i := range n {
		clear(seen)
		j0 := int32(perm[i])
		seen[j0] = struct{}{}
		arcs = append(arcs, SparseArc{int32(i), j0, float64(1 + r.IntN(1000))})
		for len(seen) < min(deg, n) {
			j := int32(r.IntN(n))
			if _, ok := seen[j]; ok {
				continue
			}
			seen[j] = struct{}{}
			arcs = append(arcs, SparseArc{int32(i), j, float64(1 + r.IntN(1000))})
		}
		// Shuffle the row's arcs so the planted permutation is not always first.
		row := arcs[len(arcs)-len(seen):]
		r.Shuffle(len(row), func(a, b int) { row[a], row[b] = row[b], row[a] })
	}
	return arcs
}

// Instance is one member of the yardstick's families.
type Instance struct {
	Name       string
	Rows, Cols int
	Dense      []float64   // set for dense instances
	Arcs       []SparseArc // set for sparse instances
}

// Family builds the named yardstick instance (see
// shared/reference/assign-performance.md): dense_float_nN, dense_int_nN,
// rect_int_1000x3000, ties_n2000, forbidden_n2000, sparse_nN_d100. The seed is
// fixed so that every run and the scipy comparison solve the same problem.
func Family(name string) (Instance, bool) {
	const seed = 20261124
	var n int
	switch {
	case scan(name, "dense_float_n%d", &n):
		return Instance{Name: name, Rows: n, Cols: n, Dense: Uniform(seed, n, n)}, true
	case scan(name, "dense_int_n%d", &n):
		return Instance{Name: name, Rows: n, Cols: n, Dense: Integers(seed, n, n, 1000)}, true
	case name == "rect_int_1000x3000":
		return Instance{Name: name, Rows: 1000, Cols: 3000, Dense: Integers(seed, 1000, 3000, 1000)}, true
	case name == "ties_n2000":
		return Instance{Name: name, Rows: 2000, Cols: 2000, Dense: Ties(seed, 2000)}, true
	case name == "forbidden_n2000":
		return Instance{Name: name, Rows: 2000, Cols: 2000, Dense: Forbidden(seed, 2000, 0.1)}, true
	case scan(name, "sparse_n%d_d100", &n):
		return Instance{Name: name, Rows: n, Cols: n, Arcs: Sparse(seed, n, 100)}, true
	}
	return Instance{}, false
}

// Families lists the yardstick's instance names, smallest first.
func Families() []string {
	return []string{
		"dense_float_n500", "dense_float_n1000", "dense_float_n2000", "dense_float_n4000",
		"dense_int_n500", "dense_int_n1000", "dense_int_n2000", "dense_int_n4000",
		"rect_int_1000x3000", "ties_n2000", "forbidden_n2000",
		"sparse_n10000_d100", "sparse_n50000_d100",
	}
}

func scan(name, format string, n *int) bool {
	var prefix, suffix string
	for k := 0; k < len(format); k++ {
		if format[k] == '%' {
			prefix, suffix = format[:k], format[k+2:]
			break
		}
	}
	if len(name) <= len(prefix)+len(suffix) || name[:len(prefix)] != prefix || name[len(name)-len(suffix):] != suffix {
		return false
	}
	v := 0
	for _, ch := range name[len(prefix) : len(name)-len(suffix)] {
		if ch < '0' || ch > '9' || v > 1e8 {
			return false
		}
		v = v*10 + int(ch-'0')
	}
	*n = v
	return v > 0
}
