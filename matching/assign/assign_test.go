package assign_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/kontaktlab/kontakt/internal/assigntest"
	"github.com/kontaktlab/kontakt/matching/assign"
)

// problem is one test instance in dense form.
type problem struct {
	rows, cols int
	cost       []float64
	opt        assign.Options
}

func (p problem) forbidden() float64 {
	if p.opt.Maximize {
		return math.Inf(-1)
	}
	return math.Inf(1)
}

func (p problem) arcs() []assign.Arc {
	var arcs []assign.Arc
	for i := range p.rows {
		for j := range p.cols {
			if c := p.cost[i*p.cols+j]; c != p.forbidden() {
				arcs = append(arcs, assign.Arc{Row: int32(i), Col: int32(j), Cost: c})
			}
		}
	}
	return arcs
}

// solvers are the Solver variants every test runs: all phases, and the
// shortest-augmenting-path phase alone or with one initialisation phase.
func solvers() map[string]*assign.Solver {
	return map[string]*assign.Solver{
		"all":       new(assign.Solver),
		"sap":       assign.PhaseSolver(true, true),
		"reduction": assign.PhaseSolver(false, true),
		"rowred":    assign.PhaseSolver(true, false),
		"jv":        assign.CandidateSolver(-1),
		"cand1":     assign.CandidateSolver(1),
		"cand2":     assign.CandidateSolver(2),
		"cand5":     assign.CandidateSolver(5),
	}
}

// entryPoints solves p through every public entry point and solver variant.
func entryPoints(p problem) map[string]func() (*assign.Result, error) {
	ctx := context.Background()
	out := map[string]func() (*assign.Result, error){
		"Dense": func() (*assign.Result, error) { return assign.Dense(ctx, p.rows, p.cols, p.cost, p.opt) },
		"Sparse": func() (*assign.Result, error) {
			return assign.Sparse(ctx, p.rows, p.cols, p.arcs(), p.opt)
		},
		"Matrix": func() (*assign.Result, error) {
			if p.rows == 0 || p.cols == 0 {
				return assign.Dense(ctx, p.rows, p.cols, p.cost, p.opt) // gonum has no empty matrices
			}
			return assign.Matrix(ctx, mat.NewDense(p.rows, p.cols, append([]float64(nil), p.cost...)), p.opt)
		},
	}
	for name, s := range solvers() {
		if name == "all" {
			continue
		}
		out["Dense/"+name] = func() (*assign.Result, error) { return s.Dense(ctx, p.rows, p.cols, p.cost, p.opt) }
		out["Sparse/"+name] = func() (*assign.Result, error) { return s.Sparse(ctx, p.rows, p.cols, p.arcs(), p.opt) }
	}
	return out
}

func TestCases(t *testing.T) {
	for _, tc := range assigntest.Cases() {
		p := problem{tc.Rows, tc.Cols, tc.Cost, assign.Options{Maximize: tc.Maximize, Unassigned: tc.Unassigned, MaxCardinality: tc.MaxCard}}
		for name, solve := range entryPoints(p) {
			t.Run(tc.Name+"/"+name, func(t *testing.T) {
				res, err := solve()
				if tc.Infeasible {
					assert.ErrorIs(t, err, assign.ErrInfeasible)
					return
				}
				require.NoError(t, err)
				assert.InDelta(t, tc.Want, res.Total, 1e-9*(1+math.Abs(tc.Want)))
				if tc.Assigned >= 0 {
					assert.Equal(t, tc.Assigned, res.Assigned)
				}
				verify(t, p, res)
			})
		}
	}
}

// verify checks that res is a valid assignment of p with a correct total and,
// outside lexicographic mode, that its potentials prove optimality: dual
// feasibility and complementary slackness.
func verify(t *testing.T, p problem, res *assign.Result) {
	t.Helper()
	require.Len(t, res.RowCol, p.rows)
	require.Len(t, res.ColRow, p.cols)
	require.Len(t, res.RowDual, p.rows)
	require.Len(t, res.ColDual, p.cols)
	sign := 1.0
	if p.opt.Maximize {
		sign = -1
	}
	scale := 1.0
	for _, c := range p.cost {
		if !math.IsInf(c, 0) {
			scale = max(scale, math.Abs(c))
		}
	}
	tol := 1e-9 * scale * float64(p.rows+p.cols+1)
	total, assigned := 0.0, 0
	for i, j := range res.RowCol {
		if j < 0 {
			if p.opt.Unassigned != nil {
				total += p.opt.Unassigned[i]
			}
			continue
		}
		require.Equal(t, i, res.ColRow[j], "row %d and column %d disagree", i, j)
		c := p.cost[i*p.cols+j]
		require.False(t, math.IsInf(c, 0), "forbidden pair (%d, %d) assigned", i, j)
		total += c
		assigned++
	}
	for j, i := range res.ColRow {
		if i >= 0 {
			require.Equal(t, j, res.RowCol[i])
		}
	}
	assert.Equal(t, assigned, res.Assigned)
	assert.InDelta(t, total, res.Total, tol, "total")
	if p.opt.Unassigned == nil && !p.opt.MaxCardinality {
		assert.Equal(t, min(p.rows, p.cols), assigned, "complete assignment")
	}
	if p.opt.MaxCardinality {
		return // the potentials certify each part of the decomposition only
	}
	// Minimisation form: u + v <= c on allowed pairs, equality on assigned ones.
	// Plain comparisons in the loops (testify per entry is slow); report the
	// first failure of each kind.
	u := func(i int) float64 { return sign * res.RowDual[i] }
	v := func(j int) float64 { return sign * res.ColDual[j] }
	for i := range p.rows {
		for j := range p.cols {
			c := sign * p.cost[i*p.cols+j]
			if math.IsInf(c, 1) {
				continue
			}
			if u(i)+v(j) > c+tol {
				t.Fatalf("dual infeasible at (%d, %d): u+v = %v > c = %v", i, j, u(i)+v(j), c)
			}
			if res.RowCol[i] == j && math.Abs(c-u(i)-v(j)) > tol {
				t.Fatalf("complementary slackness fails at (%d, %d): u+v = %v, c = %v", i, j, u(i)+v(j), c)
			}
		}
	}
	// The larger side (or every column in partial mode) has v <= 0, and 0 when unassigned.
	rowsSmaller := p.rows <= p.cols || p.opt.Unassigned != nil
	if rowsSmaller && p.rows != p.cols || p.opt.Unassigned != nil {
		for j := range p.cols {
			if v(j) > tol || res.ColRow[j] < 0 && math.Abs(v(j)) > tol {
				t.Fatalf("column potential v[%d] = %v breaks the rectangular dual (assigned to %d)", j, v(j), res.ColRow[j])
			}
		}
	}
	if !rowsSmaller {
		for i := range p.rows {
			if u(i) > tol || res.RowCol[i] < 0 && math.Abs(u(i)) > tol {
				t.Fatalf("row potential u[%d] = %v breaks the rectangular dual (assigned to %d)", i, u(i), res.RowCol[i])
			}
		}
	}
	if p.opt.Unassigned != nil {
		for i := range p.rows {
			d := sign * p.opt.Unassigned[i]
			if u(i) > d+tol || res.RowCol[i] < 0 && math.Abs(u(i)-d) > tol {
				t.Fatalf("row potential u[%d] = %v breaks u <= unassigned cost %v (assigned to %d)", i, u(i), d, res.RowCol[i])
			}
		}
	}
}

// brute returns the optimum of p by enumerating every assignment: the best
// total, the number of pairs, and false if no admissible assignment exists.
func brute(p problem) (best float64, pairs int, ok bool) {
	sign := 1.0
	if p.opt.Maximize {
		sign = -1
	}
	partial := p.opt.Unassigned != nil || p.opt.MaxCardinality
	need := min(p.rows, p.cols)
	used := make([]bool, p.cols)
	bestKey := math.Inf(1)
	bestPairs := -1
	var rec func(i, count int, sum float64)
	rec = func(i, count int, sum float64) {
		if count+(p.rows-i) < need && !partial {
			return
		}
		if i == p.rows {
			if !partial && count != need {
				return
			}
			better := false
			switch {
			case p.opt.MaxCardinality:
				better = count > bestPairs || count == bestPairs && sum < bestKey
			default:
				better = sum < bestKey
			}
			if better || bestPairs < 0 {
				bestKey, bestPairs = sum, count
			}
			return
		}
		// Leave row i unassigned.
		if partial || p.rows > p.cols {
			d := 0.0
			if p.opt.Unassigned != nil {
				d = sign * p.opt.Unassigned[i]
			}
			rec(i+1, count, sum+d)
		}
		for j := range p.cols {
			c := sign * p.cost[i*p.cols+j]
			if used[j] || math.IsInf(c, 1) {
				continue
			}
			used[j] = true
			rec(i+1, count+1, sum+c)
			used[j] = false
		}
	}
	rec(0, 0, 0)
	if bestPairs < 0 {
		return 0, 0, false
	}
	return sign * bestKey, bestPairs, true
}

// randomProblem draws a small problem of a random mode and value style.
func randomProblem(r *rand.Rand, maxN int) problem {
	rows, cols := r.IntN(maxN+1), r.IntN(maxN+1)
	p := problem{rows: rows, cols: cols, cost: make([]float64, rows*cols)}
	p.opt.Maximize = r.IntN(2) == 0
	style := r.IntN(6)
	forbidP := []float64{0, 0, 0.2, 0.5}[r.IntN(4)]
	for k := range p.cost {
		var c float64
		switch style {
		case 0: // ties: few distinct values
			c = float64(r.IntN(3))
		case 1: // negative and positive whole numbers
			c = float64(r.IntN(41) - 20)
		case 2: // huge magnitudes
			c = 1e15 + float64(r.IntN(100))
		case 3: // tiny magnitudes
			c = float64(r.IntN(100)) * 1e-12
		default:
			c = r.Float64()*200 - 100
		}
		if r.Float64() < forbidP {
			c = p.forbidden()
		}
		p.cost[k] = c
	}
	switch r.IntN(4) {
	case 1:
		p.opt.Unassigned = make([]float64, rows)
		for i := range p.opt.Unassigned {
			p.opt.Unassigned[i] = float64(r.IntN(41) - 20)
		}
	case 2:
		p.opt.MaxCardinality = true
	case 3:
		p.opt.MaxCardinality = true
		p.opt.Unassigned = make([]float64, rows)
		for i := range p.opt.Unassigned {
			p.opt.Unassigned[i] = float64(r.IntN(41) - 20)
		}
	}
	return p
}

func TestBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	cases := 4000
	if testing.Short() {
		cases = 500
	}
	for k := range cases {
		maxN := 6
		if k%10 == 0 {
			maxN = 8
		}
		p := randomProblem(r, maxN)
		want, pairs, ok := brute(p)
		for name, solve := range entryPoints(p) {
			res, err := solve()
			label := fmt.Sprintf("case %d %s %d×%d %+v", k, name, p.rows, p.cols, p.opt)
			if !ok {
				require.ErrorIs(t, err, assign.ErrInfeasible, label)
				continue
			}
			require.NoError(t, err, label)
			scale := 1 + math.Abs(want)
			require.InDelta(t, want, res.Total, 1e-9*scale, label)
			if p.opt.MaxCardinality {
				require.Equal(t, pairs, res.Assigned, label)
			}
			verify(t, p, res)
		}
		if p.opt.MaxCardinality && ok {
			card, err := assign.Cardinality(context.Background(), p.rows, p.cols, minArcs(p))
			require.NoError(t, err)
			require.Equal(t, pairs, card, "case %d: Cardinality", k)
		}
	}
}

// minArcs lists p's allowed pairs with costs in minimisation form (for
// Cardinality, which reads arcs as Sparse does when minimising).
func minArcs(p problem) []assign.Arc {
	arcs := p.arcs()
	if p.opt.Maximize {
		for k := range arcs {
			arcs[k].Cost = -arcs[k].Cost
		}
	}
	return arcs
}

func TestCardinalityErrors(t *testing.T) {
	ctx := context.Background()
	_, err := assign.Cardinality(ctx, 2, 2, []assign.Arc{{Row: 0, Col: 0, Cost: math.NaN()}})
	assert.ErrorIs(t, err, assign.ErrInvalidInput)
	_, err = assign.Cardinality(ctx, 2, 2, []assign.Arc{{Row: 0, Col: 2}})
	assert.ErrorIs(t, err, assign.ErrInvalidInput)
	_, err = assign.Cardinality(ctx, -1, 2, nil)
	assert.ErrorIs(t, err, assign.ErrInvalidInput)
	n, err := assign.Cardinality(ctx, 0, 5, nil)
	require.NoError(t, err)
	assert.Equal(t, 0, n)
	n, err = assign.Cardinality(ctx, 2, 2, []assign.Arc{{Row: 0, Col: 0, Cost: math.Inf(1)}, {Row: 1, Col: 0}})
	require.NoError(t, err)
	assert.Equal(t, 1, n, "a +Inf arc is forbidden")
}

func TestSolverReuseAndDeterminism(t *testing.T) {
	var s assign.Solver
	ctx := context.Background()
	for _, n := range []int{50, 7, 120, 50} {
		c := assigntest.Integers(uint64(n), n, n, 5) // many ties
		a, err := s.Dense(ctx, n, n, c, assign.Options{})
		require.NoError(t, err)
		b, err := assign.Dense(ctx, n, n, c, assign.Options{})
		require.NoError(t, err)
		assert.Equal(t, b.RowCol, a.RowCol, "a reused Solver gives the same assignment")
		arcs := make([]assign.Arc, 0, n*n)
		for i := range n {
			for j := range n {
				arcs = append(arcs, assign.Arc{Row: int32(i), Col: int32(j), Cost: c[i*n+j]})
			}
		}
		x, err := s.Sparse(ctx, n, n, arcs, assign.Options{})
		require.NoError(t, err)
		y, err := assign.Sparse(ctx, n, n, arcs, assign.Options{})
		require.NoError(t, err)
		assert.Equal(t, y.RowCol, x.RowCol)
		assert.InDelta(t, a.Total, x.Total, 1e-9)
	}
}

func TestInputErrors(t *testing.T) {
	ctx := context.Background()
	inf := math.Inf(1)
	tests := []struct {
		name       string
		rows, cols int
		cost       []float64
		opt        assign.Options
		row, col   int
	}{
		{"NaN", 2, 2, []float64{1, math.NaN(), 3, 4}, assign.Options{}, 0, 1},
		{"-Inf when minimising", 2, 2, []float64{1, 2, -inf, 4}, assign.Options{}, 1, 0},
		{"+Inf when maximising", 2, 2, []float64{1, 2, 3, inf}, assign.Options{Maximize: true}, 1, 1},
		{"NaN in a rectangle", 2, 3, []float64{1, 2, 3, 4, 5, math.NaN()}, assign.Options{}, 1, 2},
		{"NaN in a tall rectangle", 3, 2, []float64{1, 2, 3, 4, 5, math.NaN()}, assign.Options{}, 2, 1},
		{"NaN in partial mode", 2, 2, []float64{1, 2, math.NaN(), 4}, assign.Options{Unassigned: []float64{0, 0}}, 1, 0},
		{"length mismatch", 2, 2, []float64{1, 2, 3}, assign.Options{}, -1, -1},
		{"negative size", -1, 2, nil, assign.Options{}, -1, -1},
		{"unassigned length", 2, 2, []float64{1, 2, 3, 4}, assign.Options{Unassigned: []float64{1}}, -1, -1},
		{"unassigned NaN", 2, 2, []float64{1, 2, 3, 4}, assign.Options{Unassigned: []float64{1, math.NaN()}}, 1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := assign.Dense(ctx, tt.rows, tt.cols, tt.cost, tt.opt)
			require.ErrorIs(t, err, assign.ErrInvalidInput)
			var ie *assign.InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tt.row, ie.Row)
			assert.Equal(t, tt.col, ie.Col)
		})
	}
	sparse := []struct {
		name       string
		rows, cols int
		arcs       []assign.Arc
		opt        assign.Options
		row, col   int
	}{
		{"row out of range", 2, 2, []assign.Arc{{Row: 2, Col: 0, Cost: 1}}, assign.Options{}, 2, 0},
		{"negative column", 2, 2, []assign.Arc{{Row: 0, Col: -1, Cost: 1}}, assign.Options{}, 0, -1},
		{"NaN cost", 2, 2, []assign.Arc{{Row: 1, Col: 1, Cost: math.NaN()}}, assign.Options{}, 1, 1},
		{"wrong infinity", 2, 2, []assign.Arc{{Row: 1, Col: 0, Cost: inf}}, assign.Options{Maximize: true}, 1, 0},
		{"duplicate pair", 2, 2, []assign.Arc{{Row: 0, Col: 1, Cost: 1}, {Row: 1, Col: 1, Cost: 1}, {Row: 0, Col: 1, Cost: 2}}, assign.Options{}, 0, 1},
		{"duplicate pair, tall", 3, 2, []assign.Arc{{Row: 2, Col: 1, Cost: 1}, {Row: 2, Col: 1, Cost: 2}}, assign.Options{}, 2, 1},
		{"arc in an empty problem", 0, 2, []assign.Arc{{Row: 0, Col: 0, Cost: 1}}, assign.Options{}, 0, 0},
	}
	for _, tt := range sparse {
		t.Run("sparse/"+tt.name, func(t *testing.T) {
			_, err := assign.Sparse(ctx, tt.rows, tt.cols, tt.arcs, tt.opt)
			require.ErrorIs(t, err, assign.ErrInvalidInput)
			var ie *assign.InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tt.row, ie.Row)
			assert.Equal(t, tt.col, ie.Col)
		})
	}
	_, err := assign.Matrix(ctx, nil, assign.Options{})
	assert.ErrorIs(t, err, assign.ErrInvalidInput)
}

func TestForbiddenArcIsLeftOut(t *testing.T) {
	arcs := []assign.Arc{{Row: 0, Col: 0, Cost: math.Inf(1)}, {Row: 0, Col: 1, Cost: 3}, {Row: 1, Col: 0, Cost: 4}}
	res, err := assign.Sparse(context.Background(), 2, 2, arcs, assign.Options{})
	require.NoError(t, err)
	assert.Equal(t, []int{1, 0}, res.RowCol)
	assert.InDelta(t, 7, res.Total, 0)
}

func TestCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n := 300
	c := assigntest.Uniform(9, n, n)
	_, err := assign.Dense(ctx, n, n, c, assign.Options{})
	assert.ErrorIs(t, err, context.Canceled)
	arcs := make([]assign.Arc, 0, n*n)
	for i := range n {
		for j := range n {
			arcs = append(arcs, assign.Arc{Row: int32(i), Col: int32(j), Cost: c[i*n+j]})
		}
	}
	_, err = assign.Sparse(ctx, n, n, arcs, assign.Options{})
	assert.ErrorIs(t, err, context.Canceled)
	_, err = assign.Sparse(ctx, n, n, arcs, assign.Options{MaxCardinality: true})
	assert.ErrorIs(t, err, context.Canceled)
	assert.False(t, errors.Is(err, assign.ErrInfeasible))
}

func TestMatrixWithStride(t *testing.T) {
	big := mat.NewDense(3, 4, []float64{
		4, 1, 3, 99,
		2, 0, 5, 99,
		3, 2, 2, 99,
	})
	view := big.Slice(0, 3, 0, 3).(*mat.Dense) // stride 4, 3 columns
	res, err := assign.Matrix(context.Background(), view, assign.Options{})
	require.NoError(t, err)
	assert.InDelta(t, 5, res.Total, 0)
	assert.Equal(t, []int{1, 0, 2}, res.RowCol)
}
