package assign

import (
	"cmp"
	"context"
	"errors"
	"math"
	"slices"
)

// Candidate graphs with pricing.
//
// On most instances the optimal assignment uses only a few of the cheapest
// entries of each row. The solver therefore first solves the problem restricted
// to the k cheapest allowed arcs of each row (the candidate graph) and then
// prices every other entry with the resulting potentials: if no entry has a
// negative reduced cost c[i][j]-u[i]-v[j], the potentials are feasible for the
// whole problem and complementary slackness holds on the assigned pairs, so the
// assignment is optimal for the whole problem (linear-programming duality) — an
// exact method, not a heuristic. Entries that price negative are added to the
// candidate graph and the graph is solved again. When the candidate graph has
// no complete assignment, or pricing keeps adding arcs, the solver falls back to
// the plain Jonker–Volgenant method on the full input. Selection and each
// pricing round read the input once, which is what makes large dense problems
// cheap: the search runs on k arcs per row instead of all columns.
//
// Pricing treats the reduced cost c[i][j]-u[i]-v[j] as negative only below
// -1e-12·(|u[i]|+|v[j]|), the scale of the rounding in the potentials: with
// whole numbers no real violation is that small, and with fractional costs the
// optimum is exact well inside float64 rounding of the total. (When |c| dwarfs
// both potentials, the reduced cost has the sign of c whatever the rounding.)
// The test is c - vt[j] < ut[i] with vt = v - 1e-12|v| and ut = u - 1e-12|u|
// computed once per round, so the tolerance costs nothing per entry.

const (
	minCandidateCells = 64 * 64 // below this many entries, solve densely at once
	maxPricingRounds  = 4
)

// candidateK returns how many candidate arcs per row to select first for an
// n×m problem, or 0 when the candidate graph is not worth it. Square problems
// need about log n arcs per row before the candidates of a random instance hold
// the optimum; wide rectangles (far more columns than rows) need fewer, since
// rows compete less for their cheapest columns.
func (s *Solver) candidateK(n, m int) int {
	switch k := s.skip.candidates; {
	case k < 0:
		return 0
	case k > 0:
		return min(k, m)
	}
	if n*m < minCandidateCells {
		return 0
	}
	k := 6 + 2*bitsLen(n)
	if 2*m >= 3*n {
		k = 8
	}
	if 3*k >= m {
		return 0
	}
	return k
}

// growK returns the next candidate count after k failed on rows of about deg
// arcs, or 0 when the candidate graph would no longer be much smaller than the
// full problem (then the caller solves the full problem).
func (s *Solver) growK(k, deg int) int {
	if s.skip.candidates > 0 {
		return 0 // tests force one k and exercise the fallback
	}
	if k *= 2; 3*k >= deg {
		return 0
	}
	return k
}

func bitsLen(m int) int {
	n := 0
	for ; m > 0; m >>= 1 {
		n++
	}
	return n
}

// densePriced solves the complete n×m minimisation problem c (n <= m) on a
// candidate graph of k arcs per row with pricing. It reports ok == false when
// the caller must fall back to the dense solver; errors are input errors, an
// all-forbidden row or column (ErrInfeasible) or cancellation.
func (w *sparseWork) densePriced(ctx context.Context, n, m, k int, c []float64) (ok bool, err error) {
	if err := w.selectDense(n, m, k, c); err != nil {
		return false, err
	}
	price := func(rows []int32, limit int) (int, bool) {
		return w.priceDense(rows, m, c, limit)
	}
	return w.pricedSolve(ctx, n*k, price)
}

// pricedSolve solves the candidate graph and prices it until no arc outside the
// graph has a negative reduced cost (ok), or reports that the caller must fall
// back (not ok): the graph has no complete assignment, more than limit arcs
// were added, or pricing did not settle in maxPricingRounds. price collects
// violating arcs of the given rows (nil: all rows) into w.extra, in row order.
//
// Square problems are re-solved warm: a row that gains an arc cheaper (in
// reduced cost) than its assigned one is freed and re-augmented with the
// current potentials, and only rows whose potential rose are priced again (a
// search lowers column potentials and raises only the potentials of the rows
// it scans, so no other reduced cost can have dropped). Rectangular problems
// are re-solved from scratch, since a column freed there would have to end
// with potential 0.
func (w *sparseWork) pricedSolve(ctx context.Context, limit int, price func(rows []int32, limit int) (int, bool)) (bool, error) {
	if err := w.solve(ctx, phases{}); err != nil {
		if errors.Is(err, ErrInfeasible) {
			return false, nil // the candidate graph is too thin; the full problem decides
		}
		return false, err
	}
	square := w.n == w.m
	var dirty []int32 // rows to price; nil means all
	uOld := make([]float64, w.n)
	total := 0
	for round := 0; ; round++ {
		if w.precisionLost() {
			return false, nil // pricing would compare rounding noise
		}
		w.priceLimits()
		added, over := price(dirty, limit-total)
		total += added
		switch {
		case over:
			return false, nil
		case added == 0:
			return true, nil
		case round == maxPricingRounds:
			return false, nil
		}
		if err := checkCtx(ctx); err != nil {
			return false, err
		}
		if !square {
			w.merge()
			if err := w.solve(ctx, phases{}); err != nil {
				if errors.Is(err, ErrInfeasible) {
					return false, nil
				}
				return false, err
			}
			dirty = nil
			continue
		}
		// Free the rows whose new arcs undercut their assignment.
		w.free = w.free[:0]
		for e := 0; e < len(w.extra); {
			i := w.extra[e].row
			ui := slack(w.xc[i] - w.v[w.x[i]])
			undercut := false
			for ; e < len(w.extra) && w.extra[e].row == i; e++ {
				if w.extra[e].cost-w.vt[w.extra[e].col] < ui {
					undercut = true
				}
			}
			if undercut {
				w.y[w.x[i]] = -1
				w.x[i] = -1
				w.free = append(w.free, i)
			}
		}
		w.merge()
		for i := range uOld {
			if w.x[i] >= 0 {
				uOld[i] = w.xc[i] - w.v[w.x[i]]
			}
		}
		freed := append([]int32(nil), w.free...)
		if err := w.augment(ctx); err != nil {
			if errors.Is(err, ErrInfeasible) {
				return false, nil
			}
			return false, err
		}
		dirty = append(dirty[:0], freed...)
		for i := range uOld {
			if w.x[i] >= 0 && w.xc[i]-w.v[w.x[i]] > uOld[i] {
				dirty = append(dirty, int32(i))
			}
		}
		slices.Sort(dirty)
		dirty = slices.Compact(dirty)
	}
}

// selectDense fills the graph with the k cheapest allowed entries of each row
// (ties: lowest column first) and, for square problems, the cheapest entry of
// each column (the arc column reduction would use), so that every column can
// be reached. It validates every entry on the way: one compare against the
// current k-th cheapest per entry, plus a NaN check for the entries that are
// not cheaper (NaN compares false; -Inf is always cheaper).
func (w *sparseWork) selectDense(n, m, k int, c []float64) error {
	inf, ninf := math.Inf(1), math.Inf(-1)
	w.n, w.m = n, m
	w.start = grow(w.start, n+1)
	w.col = grow(w.col, n*k)[:0]
	w.cost = grow(w.cost, n*k)[:0]
	hv := make([]float64, k) // max-heap of the k cheapest: value, then column
	hc := make([]int32, k)
	square := n == m
	var colMin []float64
	var colArg []int32
	if square {
		colMin = grow(w.d, m) // scratch: solve resets d
		colArg = grow(w.pred, m)
		for j := range colMin {
			colMin[j], colArg[j] = inf, -1
		}
	}
	for i := range n {
		w.start[i] = len(w.col)
		row := c[i*m : (i+1)*m]
		size := 0
		top := inf
		for j, cij := range row {
			if cij < top {
				if cij == ninf {
					return costError(i, j, cij, false)
				}
				if size < k {
					heapPush(hv, hc, size, cij, int32(j))
					if size++; size == k {
						top = hv[0]
					}
				} else {
					heapReplaceTop(hv, hc, k, cij, int32(j))
					top = hv[0]
				}
			} else if cij != cij {
				return costError(i, j, cij, false)
			}
		}
		if size == 0 {
			return ErrInfeasible
		}
		w.col = append(w.col, hc[:size]...)
		w.cost = append(w.cost, hv[:size]...)
		if square {
			// Column minima over the row while it is in cache.
			for j, cij := range row[:len(colMin)] {
				if cij < colMin[j] {
					colMin[j], colArg[j] = cij, int32(i)
				}
			}
		}
	}
	w.start[n] = len(w.col)
	if !square {
		return nil
	}
	return w.addColumnMinima(colMin, colArg)
}

// addColumnMinima adds each column's cheapest arc (colMin, colArg: its cost
// and row) to the graph unless the row already has it. A column without any
// arc (colArg -1) makes a square problem infeasible.
func (w *sparseWork) addColumnMinima(colMin []float64, colArg []int32) error {
	w.extra = w.extra[:0]
	for j, i := range colArg {
		if i < 0 {
			return ErrInfeasible
		}
		if !w.hasArc(int(i), int32(j)) {
			w.extra = append(w.extra, extraArc{i, int32(j), colMin[j]})
		}
	}
	if len(w.extra) > 0 {
		slices.SortFunc(w.extra, func(a, b extraArc) int { return cmp.Compare(a.row, b.row) })
		w.merge()
	}
	return nil
}

// hasArc reports whether row i of the graph has an arc to column j.
func (w *sparseWork) hasArc(i int, j int32) bool {
	return slices.Contains(w.col[w.start[i]:w.start[i+1]], j)
}

const relTol = 1e-12

// slack returns x lowered by its rounding scale: x - relTol·|x|.
func slack(x float64) float64 { return x - relTol*math.Abs(x) }

// priceLimits fills w.vt with the columns' slackened potentials for a pricing round.
func (w *sparseWork) priceLimits() {
	w.vt = grow(w.vt, w.m)
	for j, v := range w.v[:w.m] {
		w.vt[j] = slack(v)
	}
}

// heapLess orders the candidate max-heap: a larger value is "greater", and on
// equal values a larger column, so that ties keep the lowest columns.
func heapGreater(v1 float64, c1 int32, v2 float64, c2 int32) bool {
	return v1 > v2 || v1 == v2 && c1 > c2
}

func heapPush(hv []float64, hc []int32, size int, v float64, c int32) {
	p := size
	for p > 0 {
		parent := (p - 1) / 2
		if !heapGreater(v, c, hv[parent], hc[parent]) {
			break
		}
		hv[p], hc[p] = hv[parent], hc[parent]
		p = parent
	}
	hv[p], hc[p] = v, c
}

func heapReplaceTop(hv []float64, hc []int32, size int, v float64, c int32) {
	p := 0
	for {
		ch := 2*p + 1
		if ch >= size {
			break
		}
		if ch+1 < size && heapGreater(hv[ch+1], hc[ch+1], hv[ch], hc[ch]) {
			ch++
		}
		if !heapGreater(hv[ch], hc[ch], v, c) {
			break
		}
		hv[p], hc[p] = hv[ch], hc[ch]
		p = ch
	}
	hv[p], hc[p] = v, c
}

// rowDuals returns u[i] = c[i][x[i]] - v[x[i]] for the solved graph.
func (w *sparseWork) rowDuals() []float64 {
	u := make([]float64, w.n)
	for i := range u {
		u[i] = w.xc[i] - w.v[w.x[i]]
	}
	return u
}

// priceDense collects, in row order, the entries of the given rows (nil: all)
// outside the graph whose reduced cost is negative beyond rounding (see
// relTol). It stops and reports over when more than limit are found.
func (w *sparseWork) priceDense(rows []int32, m int, c []float64, limit int) (added int, over bool) {
	v := w.vt[:m]
	return w.priceRows(rows, limit, func(i int, lim float64) {
		row := c[i*m : (i+1)*m]
		row = row[:len(v)]
		for j, cij := range row {
			if cij-v[j] < lim {
				w.extra = append(w.extra, extraArc{int32(i), int32(j), cij})
			}
		}
	})
}

// priceRows runs scan over the given rows (nil: all) with each row's pricing
// limit, the row potential lowered by its rounding scale; scan appends the
// row's violating arcs to w.extra. Arcs already in the graph are dropped
// (their reduced costs are >= 0 up to rounding, which may put them just
// below the limit). It stops and reports over when more than limit are found.
func (w *sparseWork) priceRows(rows []int32, limit int, scan func(i int, lim float64)) (added int, over bool) {
	w.extra = w.extra[:0]
	one := func(i int) bool {
		first := len(w.extra)
		scan(i, slack(w.xc[i]-w.v[w.x[i]]))
		if len(w.extra) > first {
			w.extra = w.dropKnown(i, first)
		}
		return len(w.extra) > limit
	}
	if rows == nil {
		for i := range w.n {
			if one(i) {
				return len(w.extra), true
			}
		}
		return len(w.extra), false
	}
	for _, i := range rows {
		if one(int(i)) {
			return len(w.extra), true
		}
	}
	return len(w.extra), false
}

// dropKnown removes from w.extra[first:] the arcs of row i already in the graph.
func (w *sparseWork) dropKnown(i, first int) []extraArc {
	out := w.extra[:first]
	for _, e := range w.extra[first:] {
		if !w.hasArc(i, e.col) {
			out = append(out, e)
		}
	}
	return out
}

// extraArc is an arc found by pricing, to be merged into the graph.
type extraArc struct {
	row, col int32
	cost     float64
}

// merge adds w.extra (in row order) to the graph.
func (w *sparseWork) merge() {
	n := w.n
	total := len(w.col) + len(w.extra)
	start := grow(w.start2, n+1)
	col := grow(w.col2, total)
	cost := grow(w.cost2, total)
	e := 0
	p := 0
	for i := range n {
		start[i] = p
		p += copy(col[p:], w.col[w.start[i]:w.start[i+1]])
		copy(cost[start[i]:], w.cost[w.start[i]:w.start[i+1]])
		for ; e < len(w.extra) && int(w.extra[e].row) == i; e++ {
			col[p], cost[p] = w.extra[e].col, w.extra[e].cost
			p++
		}
	}
	start[n] = p
	w.start, w.start2 = start, w.start
	w.col, w.col2 = col, w.col
	w.cost, w.cost2 = cost, w.cost
}

// csr is a graph in compressed sparse row form.
type csr struct {
	start []int
	col   []int32
	cost  []float64
}

// solveGraph solves the problem just built into w's graph, on a candidate
// subgraph with pricing when the rows have many more arcs than candidates.
func (s *Solver) solveGraph(ctx context.Context) error {
	w := &s.sw
	deg := len(w.col) / max(w.n, 1)
	k := s.skip.candidates
	if k == 0 {
		k = 8
		if 3*k >= deg {
			k = 0 // rows are short already
		}
	}
	if k <= 0 {
		return w.solve(ctx, s.skip)
	}
	// Move the full graph aside and select the candidates from it; grow k until
	// the candidate graph settles, or fall back to the full graph.
	w.full, w.start, w.col, w.cost = csr{w.start, w.col, w.cost}, w.full.start, w.full.col, w.full.cost
	for ; k > 0; k = s.growK(k, deg) {
		if err := w.selectSparse(k); err != nil {
			return err
		}
		ok, err := w.pricedSolve(ctx, w.n*k, w.priceSparse)
		if err != nil || ok {
			return err
		}
	}
	w.full, w.start, w.col, w.cost = csr{w.start, w.col, w.cost}, w.full.start, w.full.col, w.full.cost
	return w.solve(ctx, s.skip)
}

// selectSparse fills the graph with the k cheapest arcs of each row of w.full
// (ties: earliest arc first), always keeping a row's own "unassigned" arc, and
// for square problems each column's cheapest arc.
func (w *sparseWork) selectSparse(k int) error {
	n, m := w.n, w.m
	f := &w.full
	w.start = grow(w.start, n+1)
	w.col = grow(w.col, n*(k+1))[:0]
	w.cost = grow(w.cost, n*(k+1))[:0]
	hv := make([]float64, k)
	hc := make([]int32, k) // arc positions within the row, to keep ties stable
	for i := range n {
		w.start[i] = len(w.col)
		lo, hi := f.start[i], f.start[i+1]
		if w.dummy {
			hi-- // the row's own unassigned arc, added below
		}
		if hi-lo <= k {
			w.col = append(w.col, f.col[lo:hi]...)
			w.cost = append(w.cost, f.cost[lo:hi]...)
		} else {
			size, top := 0, math.Inf(1)
			for p := lo; p < hi; p++ {
				if c := f.cost[p]; c < top {
					if size < k {
						heapPush(hv, hc, size, c, int32(p-lo))
						if size++; size == k {
							top = hv[0]
						}
					} else {
						heapReplaceTop(hv, hc, k, c, int32(p-lo))
						top = hv[0]
					}
				}
			}
			for q := range size {
				w.col = append(w.col, f.col[lo+int(hc[q])])
				w.cost = append(w.cost, hv[q])
			}
		}
		if w.dummy {
			w.col = append(w.col, f.col[hi])
			w.cost = append(w.cost, f.cost[hi])
		}
	}
	w.start[n] = len(w.col)
	if n != m {
		return nil
	}
	// Each column's cheapest arc, unless its row already has it.
	colMin := grow(w.d, m)
	colArg := grow(w.pred, m)
	for j := range colMin {
		colMin[j], colArg[j] = math.Inf(1), -1
	}
	for i := range n {
		for p := f.start[i]; p < f.start[i+1]; p++ {
			if j := f.col[p]; f.cost[p] < colMin[j] {
				colMin[j], colArg[j] = f.cost[p], int32(i)
			}
		}
	}
	return w.addColumnMinima(colMin, colArg)
}

// priceSparse collects, in row order, the arcs of w.full in the given rows
// (nil: all) that are not in the graph and have a negative reduced cost
// beyond rounding.
func (w *sparseWork) priceSparse(rows []int32, limit int) (added int, over bool) {
	f := &w.full
	vt := w.vt
	return w.priceRows(rows, limit, func(i int, lim float64) {
		for p := f.start[i]; p < f.start[i+1]; p++ {
			if j := f.col[p]; f.cost[p]-vt[j] < lim {
				w.extra = append(w.extra, extraArc{int32(i), j, f.cost[p]})
			}
		}
	})
}
