package assign

import (
	"context"
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// ErrInfeasible is returned when no complete assignment of the smaller side exists:
// some row (or column) of the smaller side has no allowed partner left.
var ErrInfeasible = errors.New("assign: no complete assignment exists")

// ErrInvalidInput is wrapped by every *InputError.
var ErrInvalidInput = errors.New("assign: invalid input")

// InputError reports one unusable part of the input: a cost, an arc, a shape or an option.
// Row and Col are -1 when the error is not about one entry.
type InputError struct {
	Field  string // "cost", "arc", "shape", "unassigned"
	Row    int
	Col    int
	Reason string
}

func (e *InputError) Error() string {
	switch {
	case e.Row >= 0 && e.Col >= 0:
		return fmt.Sprintf("assign: %s[%d][%d]: %s", e.Field, e.Row, e.Col, e.Reason)
	case e.Row >= 0:
		return fmt.Sprintf("assign: %s[%d]: %s", e.Field, e.Row, e.Reason)
	default:
		return fmt.Sprintf("assign: %s: %s", e.Field, e.Reason)
	}
}

// Unwrap returns ErrInvalidInput.
func (e *InputError) Unwrap() error { return ErrInvalidInput }

// Options control what is optimised. The zero value minimises the total cost and
// requires every row of the smaller side to be assigned.
type Options struct {
	// Maximize makes the solver maximise the total instead of minimising it.
	// Forbidden pairs are then -Inf (dense) instead of +Inf.
	Maximize bool

	// Unassigned, if not nil, lets row i stay unassigned at the cost (or, when
	// maximising, the score) Unassigned[i]; it must have one finite value per row.
	// The total then includes Unassigned[i] for every unassigned row, and no
	// assignment is ever infeasible.
	Unassigned []float64

	// MaxCardinality first maximises the number of assigned pairs and only then
	// optimises the total among the assignments of that size. It is exact (no
	// big-M constant): the problem is split along its Dulmage–Mendelsohn
	// decomposition into parts that are solved completely. With MaxCardinality
	// no assignment is ever infeasible.
	MaxCardinality bool
}

// Result is an optimal assignment with the dual potentials that prove it.
//
// When minimising, the potentials satisfy u[i] + v[j] <= cost[i][j] for every
// allowed pair, with equality for the assigned pairs (complementary slackness).
// When maximising, u[i] + v[j] >= score[i][j], again with equality on assigned
// pairs. The reduced cost cost[i][j] - u[i] - v[j] of an unassigned pair is a
// lower bound on how much the total worsens if (i, j) is forced into the
// assignment.
//
// Sign conventions of the dual: for a rectangular problem the potentials of the
// larger side are <= 0 when minimising (>= 0 when maximising) and exactly 0 for
// its unassigned members. With Options.Unassigned, u[i] <= Unassigned[i] when
// minimising, with equality for unassigned rows. With Options.MaxCardinality the
// potentials certify the optimum within each part of the decomposition
// separately (see the package documentation); RowDual of a row that stays
// unassigned in the deficient part is its Unassigned value (or 0).
type Result struct {
	RowCol   []int     // RowCol[i] is the column assigned to row i, or -1
	ColRow   []int     // ColRow[j] is the row assigned to column j, or -1
	Total    float64   // sum of the assigned costs, plus Unassigned[i] for unassigned rows
	Assigned int       // number of assigned pairs
	RowDual  []float64 // u, one per row
	ColDual  []float64 // v, one per column
}

// Arc is one allowed (row, column) pair of a sparse problem with its cost, or its
// score when maximising.
type Arc struct {
	Row  int32   `json:"row"`
	Col  int32   `json:"col"`
	Cost float64 `json:"cost"`
}

// Dense solves the assignment problem on a rows×cols matrix given row-major in
// cost (len(cost) == rows*cols). Forbidden pairs are +Inf when minimising and
// -Inf when maximising; NaN and the other infinity are errors. It returns
// ErrInfeasible if the smaller side cannot be assigned completely (and neither
// Unassigned nor MaxCardinality is set). The same input always gives the same
// result. Dense does not modify cost and keeps no reference to it.
func Dense(ctx context.Context, rows, cols int, cost []float64, opt Options) (*Result, error) {
	var s Solver
	return s.Dense(ctx, rows, cols, cost, opt)
}

// Matrix is Dense for a gonum matrix.
func Matrix(ctx context.Context, m *mat.Dense, opt Options) (*Result, error) {
	var s Solver
	return s.Matrix(ctx, m, opt)
}

// Sparse solves the assignment problem on an explicit list of allowed arcs;
// pairs that are not listed are forbidden. Time and memory grow with the number
// of arcs, not with rows×cols. Arc costs must be finite, except that +Inf
// (minimising) or -Inf (maximising) marks a forbidden pair, which is the same as
// leaving it out. A (row, col) pair may appear only once. The same input always
// gives the same result.
func Sparse(ctx context.Context, rows, cols int, arcs []Arc, opt Options) (*Result, error) {
	var s Solver
	return s.Sparse(ctx, rows, cols, arcs, opt)
}

// Cardinality returns the size of a maximum matching on the listed arcs: the
// most pairs any assignment of them can make, whatever their costs. It is
// Hopcroft and Karp's algorithm, O(E·sqrt(V)), far cheaper than a solve, for
// callers that search over thresholds (such as a max–min objective). Arcs are
// read as by Sparse when minimising: +Inf marks a forbidden pair, which is
// left out; NaN, -Inf, an arc outside the problem or a pair listed twice is an
// *InputError; other costs are ignored.
func Cardinality(ctx context.Context, rows, cols int, arcs []Arc) (int, error) {
	var s Solver
	return s.Cardinality(ctx, rows, cols, arcs)
}

// Solver holds the workspace of the solvers so that repeated solves of similar
// size allocate only their results. The zero value is ready to use. A Solver
// must not be used by more than one goroutine at a time.
type Solver struct {
	w  workspace
	sw sparseWork
	tr []float64 // transposed or negated copy of a dense matrix

	// skip turns initialisation phases off, for tests that check each phase
	// alone; the zero value runs them all.
	skip phases
}

// phases selects initialisation phases to skip (tests only).
type phases struct {
	reduction bool // column reduction and reduction transfer on square problems
	rowRed    bool // augmenting row reduction
	// candidates: 0 chooses automatically, -1 never uses a candidate graph, and
	// k > 0 always uses one with k arcs per row (tests force small k to exercise
	// pricing, re-solving and the fallback).
	candidates int
}

// Matrix is Dense for a gonum matrix. A matrix whose stride equals its column
// count is read in place; any other is copied once.
func (s *Solver) Matrix(ctx context.Context, m *mat.Dense, opt Options) (*Result, error) {
	if m == nil {
		return nil, &InputError{Field: "shape", Row: -1, Col: -1, Reason: "nil matrix"}
	}
	raw := m.RawMatrix()
	if raw.Rows == 0 || raw.Cols == 0 || raw.Stride == raw.Cols {
		return s.Dense(ctx, raw.Rows, raw.Cols, raw.Data[:raw.Rows*raw.Cols], opt)
	}
	c := make([]float64, raw.Rows*raw.Cols)
	for i := range raw.Rows {
		copy(c[i*raw.Cols:(i+1)*raw.Cols], raw.Data[i*raw.Stride:])
	}
	return s.Dense(ctx, raw.Rows, raw.Cols, c, opt)
}

// Dense is the package-level Dense using the Solver's workspace.
func (s *Solver) Dense(ctx context.Context, rows, cols int, cost []float64, opt Options) (*Result, error) {
	if err := checkShape(rows, cols); err != nil {
		return nil, err
	}
	if rows*cols != len(cost) {
		return nil, &InputError{Field: "shape", Row: -1, Col: -1,
			Reason: fmt.Sprintf("len(cost) = %d, want rows*cols = %d", len(cost), rows*cols)}
	}
	if err := checkUnassigned(rows, opt); err != nil {
		return nil, err
	}
	if rows == 0 || cols == 0 {
		return emptyResult(rows, cols, opt), nil
	}
	if opt.Unassigned != nil || opt.MaxCardinality {
		// Partial and lexicographic problems run on the sparse machinery: the
		// finite entries become arcs.
		arcs, err := denseArcs(rows, cols, cost, opt.Maximize)
		if err != nil {
			return nil, err
		}
		return s.sparse(ctx, rows, cols, arcs, opt)
	}

	// Complete problem: the smaller side is the rows side of the solver, costs
	// are minimised. Transpose and/or negate into the workspace when needed.
	c, n, m := cost, rows, cols
	transposed := rows > cols
	if transposed || opt.Maximize {
		n, m = min(rows, cols), max(rows, cols)
		s.tr = grow(s.tr, rows*cols)
		c = s.tr
		if err := copyMinForm(c, cost, rows, cols, transposed, opt.Maximize); err != nil {
			return nil, err
		}
	}
	// Try the candidate graph first (exact by pricing, see candidates.go); fall
	// back to the dense Jonker–Volgenant solver when it does not settle.
	var x []int32
	var u, v []float64
	done := false
	for k := s.candidateK(n, m); k > 0 && !done; k = s.growK(k, m) {
		ok, err := s.sw.densePriced(ctx, n, m, k, c)
		if err != nil {
			return nil, err
		}
		if ok {
			x, v, done = s.sw.x[:n], s.sw.v[:m], true
			u = s.sw.rowDuals()
		}
	}
	if !done {
		if err := s.w.dense(ctx, n, m, c, s.skip); err != nil {
			return nil, err
		}
		x, v = s.w.x, s.w.v
		u = make([]float64, n)
		for i := range n {
			j := int(x[i])
			u[i] = c[i*m+j] - v[j]
		}
	}
	res := newResult(rows, cols)
	ru, rv := res.RowDual, res.ColDual
	if transposed {
		ru, rv = res.ColDual, res.RowDual
	}
	for i := range n {
		j := int(x[i])
		if transposed {
			res.RowCol[j], res.ColRow[i] = i, j
		} else {
			res.RowCol[i], res.ColRow[j] = j, i
		}
		ru[i] = u[i]
	}
	copy(rv, v)
	if opt.Maximize {
		negate(res.RowDual)
		negate(res.ColDual)
	}
	var sum kahan
	for i, j := range res.RowCol {
		if j >= 0 {
			sum.add(cost[i*cols+j])
		}
	}
	res.Total = sum.value()
	res.Assigned = n
	return res, nil
}

// Cardinality is the package-level Cardinality using the Solver's workspace.
func (s *Solver) Cardinality(ctx context.Context, rows, cols int, arcs []Arc) (int, error) {
	if err := checkShape(rows, cols); err != nil {
		return 0, err
	}
	if rows == 0 || cols == 0 {
		return 0, validateArcs(rows, cols, arcs, false)
	}
	w := &s.sw
	if err := w.build(rows, cols, arcs, false, false, nil); err != nil {
		return 0, err
	}
	if err := checkCtx(ctx); err != nil {
		return 0, err
	}
	rowMate, _ := hopcroftKarp(rows, cols, w.start, w.col)
	n := 0
	for _, j := range rowMate {
		if j >= 0 {
			n++
		}
	}
	return n, nil
}

// Sparse is the package-level Sparse using the Solver's workspace.
func (s *Solver) Sparse(ctx context.Context, rows, cols int, arcs []Arc, opt Options) (*Result, error) {
	if err := checkShape(rows, cols); err != nil {
		return nil, err
	}
	if rows > math.MaxInt32-1 || cols > math.MaxInt32-1 {
		return nil, &InputError{Field: "shape", Row: -1, Col: -1, Reason: "more than 2^31-2 rows or columns"}
	}
	if err := checkUnassigned(rows, opt); err != nil {
		return nil, err
	}
	return s.sparse(ctx, rows, cols, arcs, opt)
}

func checkShape(rows, cols int) error {
	if rows < 0 || cols < 0 {
		return &InputError{Field: "shape", Row: -1, Col: -1, Reason: fmt.Sprintf("negative size %d×%d", rows, cols)}
	}
	if cols > 0 && rows > math.MaxInt/cols {
		return &InputError{Field: "shape", Row: -1, Col: -1, Reason: "rows*cols overflows"}
	}
	if rows > math.MaxInt32-1 || cols > math.MaxInt32-1 {
		return &InputError{Field: "shape", Row: -1, Col: -1, Reason: "more than 2^31-2 rows or columns"}
	}
	return nil
}

func checkUnassigned(rows int, opt Options) error {
	if opt.Unassigned == nil {
		return nil
	}
	if len(opt.Unassigned) != rows {
		return &InputError{Field: "unassigned", Row: -1, Col: -1,
			Reason: fmt.Sprintf("len = %d, want one value per row (%d)", len(opt.Unassigned), rows)}
	}
	for i, d := range opt.Unassigned {
		if math.IsNaN(d) || math.IsInf(d, 0) {
			return &InputError{Field: "unassigned", Row: i, Col: -1, Reason: "must be finite"}
		}
	}
	return nil
}

// costError classifies a dense entry that is neither finite nor the forbidden infinity.
func costError(i, j int, c float64, maximize bool) error {
	reason := "NaN"
	switch {
	case math.IsInf(c, -1):
		reason = "-Inf is not allowed when minimising (forbidden pairs are +Inf)"
	case math.IsInf(c, 1):
		reason = "+Inf is not allowed when maximising (forbidden pairs are -Inf)"
	}
	_ = maximize
	return &InputError{Field: "cost", Row: i, Col: j, Reason: reason}
}

// copyMinForm writes into dst the minimisation form of the rows×cols matrix src:
// negated when maximising, transposed when asked. It validates every entry.
func copyMinForm(dst, src []float64, rows, cols int, transpose, maximize bool) error {
	bad := math.Inf(-1)
	sign := 1.0
	if maximize {
		bad, sign = math.Inf(1), -1
	}
	for i := range rows {
		row := src[i*cols : (i+1)*cols]
		for j, c := range row {
			if c != c || c == bad {
				return costError(i, j, c, maximize)
			}
			if transpose {
				dst[j*rows+i] = sign * c
			} else {
				dst[i*cols+j] = sign * c
			}
		}
	}
	return nil
}

// denseArcs lists the allowed entries of a dense matrix as arcs (in row-major order).
func denseArcs(rows, cols int, cost []float64, maximize bool) ([]Arc, error) {
	forbidden, bad := math.Inf(1), math.Inf(-1)
	if maximize {
		forbidden, bad = bad, forbidden
	}
	n := 0
	for k, c := range cost {
		if c != c || c == bad {
			return nil, costError(k/cols, k%cols, c, maximize)
		}
		if c != forbidden {
			n++
		}
	}
	arcs := make([]Arc, 0, n)
	for i := range rows {
		for j, c := range cost[i*cols : (i+1)*cols] {
			if c != forbidden {
				arcs = append(arcs, Arc{Row: int32(i), Col: int32(j), Cost: c})
			}
		}
	}
	return arcs, nil
}

func newResult(rows, cols int) *Result {
	r := &Result{
		RowCol:  make([]int, rows),
		ColRow:  make([]int, cols),
		RowDual: make([]float64, rows),
		ColDual: make([]float64, cols),
	}
	for i := range r.RowCol {
		r.RowCol[i] = -1
	}
	for j := range r.ColRow {
		r.ColRow[j] = -1
	}
	return r
}

func emptyResult(rows, cols int, opt Options) *Result {
	r := newResult(rows, cols)
	var sum kahan
	for i := range rows {
		if opt.Unassigned != nil {
			r.RowDual[i] = opt.Unassigned[i]
			sum.add(opt.Unassigned[i])
		}
	}
	r.Total = sum.value()
	return r
}

func negate(x []float64) {
	for i := range x {
		x[i] = -x[i]
	}
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// kahan is Neumaier's compensated sum: totals of large magnitudes keep their
// low-order digits, and the order of summation is fixed (row order).
type kahan struct{ s, c float64 }

func (k *kahan) add(x float64) {
	t := k.s + x
	if math.Abs(k.s) >= math.Abs(x) {
		k.c += (k.s - t) + x
	} else {
		k.c += (x - t) + k.s
	}
	k.s = t
}

func (k *kahan) value() float64 { return k.s + k.c }

// checkCtx reports ctx's error, wrapped, if ctx is done.
func checkCtx(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return fmt.Errorf("assign: %w", context.Cause(ctx))
	default:
		return nil
	}
}
