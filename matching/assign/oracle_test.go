package assign_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"

	"github.com/kontaktlab/kontakt/internal/assigntest"
	"github.com/kontaktlab/kontakt/matching/assign"
)

// lpOptimum solves the linear relaxation of p with gonum's simplex. The
// bipartite assignment polytope is integral, so its optimum is the assignment
// optimum: an oracle that shares nothing with the solver.
//
// Variables: x[i][j] per allowed pair, one slack per column (Σ_i x_ij <= 1) and,
// in partial mode, z[i] per row (row i unassigned at cost d[i]). Rows are the
// smaller side (p is transposed first when needed).
func lpOptimum(t *testing.T, p problem) (float64, bool) {
	t.Helper()
	rows, cols, cost := p.rows, p.cols, p.cost
	if rows > cols && p.opt.Unassigned == nil {
		tr := make([]float64, len(cost))
		for i := range rows {
			for j := range cols {
				tr[j*rows+i] = cost[i*cols+j]
			}
		}
		rows, cols, cost = cols, rows, tr
	}
	sign := 1.0
	if p.opt.Maximize {
		sign = -1
	}
	type pair struct{ i, j int }
	var pairs []pair
	var c []float64
	for i := range rows {
		for j := range cols {
			if v := sign * cost[i*cols+j]; !math.IsInf(v, 1) {
				pairs = append(pairs, pair{i, j})
				c = append(c, v)
			}
		}
	}
	nx := len(pairs)
	nvar := nx + cols
	if p.opt.Unassigned != nil {
		nvar += rows
	}
	A := mat.NewDense(rows+cols, nvar, nil)
	b := make([]float64, rows+cols)
	for k, pr := range pairs {
		A.Set(pr.i, k, 1)
		A.Set(rows+pr.j, k, 1)
	}
	for j := range cols {
		A.Set(rows+j, nx+j, 1) // slack
		c = append(c, 0)
	}
	if p.opt.Unassigned != nil {
		for i := range rows {
			A.Set(i, nx+cols+i, 1)
			c = append(c, sign*p.opt.Unassigned[i])
		}
	}
	for k := range b {
		b[k] = 1
	}
	opt, _, err := lp.Simplex(c, A, b, 1e-10, nil)
	if err != nil {
		require.ErrorIs(t, err, lp.ErrInfeasible)
		return 0, false
	}
	return sign * opt, true
}

func TestLPOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	n := 60
	if testing.Short() {
		n = 10
	}
	for k := range n {
		rows, cols := 2+r.IntN(29), 2+r.IntN(29)
		p := problem{rows: rows, cols: cols}
		p.opt.Maximize = k%2 == 1
		switch k % 3 {
		case 0:
			p.cost = assigntest.Uniform(uint64(k), rows, cols)
		case 1:
			p.cost = assigntest.Integers(uint64(k), rows, cols, 4) // ties
		default:
			p.cost = assigntest.Integers(uint64(k), rows, cols, 100)
			for i := range p.cost {
				if r.Float64() < 0.3 {
					p.cost[i] = p.forbidden()
				}
			}
		}
		if k%4 == 3 {
			p.opt.Unassigned = make([]float64, rows)
			for i := range p.opt.Unassigned {
				p.opt.Unassigned[i] = r.Float64() * 50
			}
		}
		want, feasible := lpOptimum(t, p)
		for name, solve := range entryPoints(p) {
			label := fmt.Sprintf("instance %d %s %d×%d", k, name, rows, cols)
			res, err := solve()
			if !feasible {
				require.ErrorIs(t, err, assign.ErrInfeasible, label)
				continue
			}
			require.NoError(t, err, label)
			require.InDelta(t, want, res.Total, 1e-6*(1+math.Abs(want)), label)
			verify(t, p, res)
		}
	}
}

// TestCertificates solves medium instances of every family through every
// solver variant and checks the optimality certificate (the dual potentials):
// dual feasibility plus complementary slackness prove the total optimal with
// no oracle at all.
func TestCertificates(t *testing.T) {
	sizes := []int{40, 150, 300}
	if testing.Short() {
		sizes = []int{40}
	}
	ctx := context.Background()
	for _, n := range sizes {
		gens := map[string]problem{
			"float":     {n, n, assigntest.Uniform(uint64(n), n, n), assign.Options{}},
			"int":       {n, n, assigntest.Integers(uint64(n), n, n, 1000), assign.Options{}},
			"ties":      {n, n, assigntest.Ties(uint64(n), n), assign.Options{}},
			"forbidden": {n, n, assigntest.Forbidden(uint64(n), n, 0.5), assign.Options{}},
			"rect":      {n / 3, n, assigntest.Integers(uint64(n), n/3, n, 1000), assign.Options{}},
			"tall":      {n, n / 3, assigntest.Integers(uint64(n), n, n/3, 1000), assign.Options{}},
			"maximise":  {n, n, assigntest.Uniform(uint64(n+1), n, n), assign.Options{Maximize: true}},
			"huge":      {n, n, scaled(assigntest.Integers(uint64(n), n, n, 1000), 1e12), assign.Options{}},
			"partial":   {n, n, assigntest.Uniform(uint64(n+2), n, n), assign.Options{Unassigned: fill(n, 0.2)}},
		}
		for g, p := range gens {
			var totals []float64
			for name, s := range solvers() {
				label := fmt.Sprintf("%s n=%d %s", g, n, name)
				res, err := s.Dense(ctx, p.rows, p.cols, p.cost, p.opt)
				require.NoError(t, err, label)
				verify(t, p, res)
				sp, err := s.Sparse(ctx, p.rows, p.cols, p.arcs(), p.opt)
				require.NoError(t, err, label)
				verify(t, p, sp)
				totals = append(totals, res.Total, sp.Total)
			}
			for _, x := range totals {
				require.InDelta(t, totals[0], x, 1e-9*(1+math.Abs(totals[0])), "%s n=%d: every variant finds the same optimum", g, n)
			}
		}
	}
}

func scaled(c []float64, k float64) []float64 {
	for i := range c {
		c[i] = c[i]*k + 1e15
	}
	return c
}

func fill(n int, v float64) []float64 {
	d := make([]float64, n)
	for i := range d {
		d[i] = v
	}
	return d
}
