package assign

import (
	"context"
	"fmt"
	"math"
)

// sparseWork holds a problem in compressed sparse row form (minimisation, rows
// no more than columns) and the sparse solver's arrays.
type sparseWork struct {
	n, m  int
	start []int     // arcs of row i are start[i]:start[i+1]
	col   []int32   // column of each arc
	cost  []float64 // cost of each arc

	x, y  []int32   // assignment
	xc    []float64 // cost of the arc assigned to each row
	v, d  []float64 // column potentials and search distances
	pred  []int32   // predecessor row of each column in the search
	pc    []float64 // cost of the arc from pred
	state []uint8   // 0 untouched, 1 labelled, 2 scanned
	free  []int32
	seen  []int32 // scanned columns of one search
	touch []int32 // labelled columns of one search
	heap  indexHeap
	mark  []int32 // duplicate detection

	dummy    bool      // the last arc of each row is the row's own "unassigned" column
	full     csr       // all arcs, while the graph holds only the candidates
	lexSpare csr       // the whole graph's buffers, kept between lexicographic solves
	vt       []float64 // column potentials lowered by their rounding scale, for pricing

	extra  []extraArc // arcs found by pricing
	start2 []int      // spare buffers for merging
	col2   []int32
	cost2  []float64
}

// sparse dispatches a validated sparse problem.
func (s *Solver) sparse(ctx context.Context, rows, cols int, arcs []Arc, opt Options) (*Result, error) {
	if rows == 0 || cols == 0 {
		if err := validateArcs(rows, cols, arcs, opt.Maximize); err != nil {
			return nil, err
		}
		return emptyResult(rows, cols, opt), nil
	}
	if opt.MaxCardinality {
		return s.lexicographic(ctx, rows, cols, arcs, opt)
	}
	w := &s.sw
	transposed := rows > cols && opt.Unassigned == nil
	var dummy []float64
	if opt.Unassigned != nil {
		dummy = opt.Unassigned
	}
	if err := w.build(rows, cols, arcs, transposed, opt.Maximize, dummy); err != nil {
		return nil, err
	}
	if err := s.solveGraph(ctx); err != nil {
		return nil, err
	}
	res := newResult(rows, cols)
	var sum kahan
	sign := 1.0
	if opt.Maximize {
		sign = -1
	}
	n, m := w.n, w.m
	u, v := res.RowDual, res.ColDual
	if transposed {
		u, v = res.ColDual, res.RowDual
	}
	for i := range n {
		j := int(w.x[i])
		u[i] = sign * (w.xc[i] - w.v[j])
		sum.add(sign * w.xc[i])
		switch {
		case j >= m-len(dummy) && dummy != nil:
			// Row i took its own "unassigned" column: its potential is its
			// unassigned cost (the dummy column's potential folds into u).
			u[i] = dummy[i]
		case transposed:
			res.RowCol[j], res.ColRow[i] = i, j
			res.Assigned++
		default:
			res.RowCol[i], res.ColRow[j] = j, i
			res.Assigned++
		}
	}
	for j := range len(v) {
		v[j] = sign * w.v[j]
	}
	res.Total = sum.value()
	return res, nil
}

// validateArcs checks arcs without building anything (used for empty shapes).
func validateArcs(rows, cols int, arcs []Arc, maximize bool) error {
	for k, a := range arcs {
		if err := checkArc(k, a, rows, cols, maximize); err != nil {
			return err
		}
	}
	return nil
}

// checkArc reports a malformed arc. It returns errSkip for a forbidden arc.
func checkArc(k int, a Arc, rows, cols int, maximize bool) error {
	if a.Row < 0 || int(a.Row) >= rows || a.Col < 0 || int(a.Col) >= cols {
		return &InputError{Field: "arc", Row: int(a.Row), Col: int(a.Col),
			Reason: fmt.Sprintf("arc %d is outside the %d×%d problem", k, rows, cols)}
	}
	c := a.Cost
	if c != c {
		return &InputError{Field: "arc", Row: int(a.Row), Col: int(a.Col), Reason: "cost is NaN"}
	}
	if math.IsInf(c, 0) {
		if (c > 0) != maximize {
			return errSkip
		}
		return costError(int(a.Row), int(a.Col), c, maximize)
	}
	return nil
}

// errSkip marks a forbidden arc inside checkArc; it never leaves the package.
var errSkip = &InputError{Field: "arc", Row: -1, Col: -1, Reason: "forbidden"}

// build fills the CSR form of the problem in minimisation form: negated when
// maximising, transposed when asked, and with one extra column per row when
// dummy is set (row i may take column cols+i at cost dummy[i]).
func (w *sparseWork) build(rows, cols int, arcs []Arc, transpose, maximize bool, dummy []float64) error {
	n, m := rows, cols
	if transpose {
		n, m = cols, rows
	}
	extra := 0
	if dummy != nil {
		extra = 1
		m += n
	}
	w.n, w.m = n, m
	w.dummy = dummy != nil
	w.start = grow(w.start, n+1)
	clear(w.start)
	valid := 0
	for k, a := range arcs {
		if err := checkArc(k, a, rows, cols, maximize); err != nil {
			if err == errSkip {
				continue
			}
			return err
		}
		r := a.Row
		if transpose {
			r = a.Col
		}
		w.start[r+1]++
		valid++
	}
	for i := range n {
		w.start[i+1] += w.start[i] + extra
	}
	total := valid + extra*n
	w.col = grow(w.col, total)
	w.cost = grow(w.cost, total)
	// Fill: next free slot per row kept in mark-free way by walking start.
	next := w.mark
	next = grow(next, max(n, m))
	for i := range n {
		next[i] = int32(0)
	}
	sign := 1.0
	if maximize {
		sign = -1
	}
	for _, a := range arcs {
		if a.Cost != a.Cost || math.IsInf(a.Cost, 0) {
			continue // validated above: only forbidden arcs remain here
		}
		r, c := a.Row, a.Col
		if transpose {
			r, c = c, r
		}
		p := w.start[r] + int(next[r])
		next[r]++
		w.col[p] = c
		w.cost[p] = sign * a.Cost
	}
	if dummy != nil {
		for i := range n {
			p := w.start[i+1] - 1
			w.col[p] = int32(cols + i)
			w.cost[p] = sign * dummy[i]
		}
	}
	// Duplicate pairs are an input error: the cost of a pair must be unambiguous.
	for j := range m {
		next[j] = -1
	}
	for i := range n {
		for p := w.start[i]; p < w.start[i+1]; p++ {
			j := w.col[p]
			if next[j] == int32(i) {
				r, c := i, int(j)
				if transpose {
					r, c = c, r
				}
				return &InputError{Field: "arc", Row: r, Col: c, Reason: "pair listed more than once"}
			}
			next[j] = int32(i)
		}
	}
	w.mark = next
	return nil
}

func (w *sparseWork) reset() {
	n, m := w.n, w.m
	w.x = grow(w.x, n)
	w.xc = grow(w.xc, n)
	w.y = grow(w.y, m)
	w.v = grow(w.v, m)
	w.d = grow(w.d, m)
	w.pred = grow(w.pred, m)
	w.pc = grow(w.pc, m)
	w.state = grow(w.state, m)
	w.free = grow(w.free, n)[:0]
	w.heap.reset(m)
	inf := math.Inf(1)
	for i := range w.x {
		w.x[i] = -1
	}
	for j := range m {
		w.y[j] = -1
		w.v[j] = 0
		w.d[j] = inf
		w.state[j] = 0
	}
}

// solve assigns every row of the CSR problem (n <= m). Square problems start
// with column reduction and reduction transfer, rectangular ones from v = 0
// (keeping v = 0 on the columns that stay unassigned); both run augmenting row
// reduction and then one Dijkstra search per remaining free row.
func (w *sparseWork) solve(ctx context.Context, skip phases) error {
	if err := w.solveOnce(ctx, skip); err != nil {
		return err
	}
	if skip.reduction && skip.rowRed {
		return nil
	}
	// As in the dense solver: if the reductions blew a potential up far beyond
	// every assigned cost, solve again with shortest paths alone.
	if !w.precisionLost() {
		return nil
	}
	return w.solveOnce(ctx, phases{reduction: true, rowRed: true})
}

// precisionLost reports whether some potential has grown more than
// precisionRatio times larger than every assigned cost: then reduced costs
// near the assigned costs are lost in rounding, and neither the search nor
// pricing can be trusted.
func (w *sparseWork) precisionLost() bool {
	maxC, maxP := 0.0, 0.0
	for i, j := range w.x[:w.n] {
		maxC = max(maxC, math.Abs(w.xc[i]))
		maxP = max(maxP, math.Abs(w.xc[i]-w.v[j]))
	}
	for _, v := range w.v[:w.m] {
		maxP = max(maxP, math.Abs(v))
	}
	return maxP > precisionRatio*maxC
}

func (w *sparseWork) solveOnce(ctx context.Context, skip phases) error {
	w.reset()
	n, m := w.n, w.m
	for i := range n {
		if w.start[i] == w.start[i+1] {
			return ErrInfeasible
		}
	}
	if n == m && !skip.reduction {
		if err := w.columnReduction(); err != nil {
			return err
		}
	} else {
		for i := range n {
			w.free = append(w.free, int32(i))
		}
	}
	if !skip.rowRed {
		if err := w.augmentingRowReduction(ctx); err != nil {
			return err
		}
	}
	return w.augment(ctx)
}

func (w *sparseWork) columnReduction() error {
	n := w.n
	inf := math.Inf(1)
	v, imin := w.v, w.pred
	for j := range v {
		v[j] = inf
		imin[j] = -1
	}
	for i := range n {
		for p := w.start[i]; p < w.start[i+1]; p++ {
			j, c := w.col[p], w.cost[p]
			if c < v[j] {
				v[j], imin[j] = c, int32(i)
			}
		}
	}
	for j := range v {
		if imin[j] < 0 {
			return ErrInfeasible
		}
	}
	matches := grow(w.mark, n)
	clear(matches)
	for j := n - 1; j >= 0; j-- {
		i := imin[j]
		if matches[i] == 0 {
			w.x[i], w.y[j], w.xc[i] = int32(j), i, v[j]
		} else if j1 := w.x[i]; v[j] < v[j1] {
			w.x[i], w.y[j], w.y[j1], w.xc[i] = int32(j), i, -1, v[j]
		}
		matches[i]++
	}
	for i := range n {
		switch matches[i] {
		case 0:
			w.free = append(w.free, int32(i))
		case 1:
			j1 := w.x[i]
			mu := inf
			for p := w.start[i]; p < w.start[i+1]; p++ {
				if j := w.col[p]; j != j1 {
					if h := w.cost[p] - v[j]; h < mu {
						mu = h
					}
				}
			}
			if mu != inf {
				v[j1] -= mu
			}
		}
	}
	w.mark = matches
	return nil
}

func (w *sparseWork) augmentingRowReduction(ctx context.Context) error {
	inf := math.Inf(1)
	x, y, v, xc := w.x, w.y, w.v, w.xc
	for round := 0; round < 2; round++ {
		free := w.free
		prev := len(free)
		numfree := 0
		budget := 4*w.n + 64
		for k := 0; k < prev; {
			if budget--; budget < 0 {
				for ; k < prev; k++ {
					free[numfree] = free[k]
					numfree++
				}
				break
			}
			if budget&1023 == 0 {
				if err := checkCtx(ctx); err != nil {
					return err
				}
			}
			i := int(free[k])
			k++
			umin, usub := inf, inf
			j1, j2 := int32(-1), int32(-1)
			var c1, c2 float64
			for p := w.start[i]; p < w.start[i+1]; p++ {
				j := w.col[p]
				h := w.cost[p] - v[j]
				if h < usub {
					if h >= umin {
						usub, j2, c2 = h, j, w.cost[p]
					} else {
						usub, umin, j2, j1, c2, c1 = umin, h, j1, j, c1, w.cost[p]
					}
				}
			}
			if j1 < 0 {
				return ErrInfeasible
			}
			i0 := y[j1]
			switch {
			case umin < usub:
				if usub != inf {
					v[j1] -= usub - umin
				}
			case i0 >= 0 && j2 >= 0:
				j1, c1 = j2, c2
				i0 = y[j2]
			}
			x[i], y[j1], xc[i] = j1, int32(i), c1
			if i0 >= 0 {
				x[i0] = -1
				if umin < usub && usub != inf {
					k--
					free[k] = i0
				} else {
					free[numfree] = i0
					numfree++
				}
			}
		}
		w.free = free[:numfree]
	}
	return nil
}

// augment runs one Dijkstra search per free row on the reduced costs, with an
// indexed binary heap, and flips the shortest augmenting path it finds.
func (w *sparseWork) augment(ctx context.Context) error {
	inf := math.Inf(1)
	x, y, xc, v, d, pred, pc, state := w.x, w.y, w.xc, w.v, w.d, w.pred, w.pc, w.state
	h := &w.heap
	for _, f := range w.free {
		if err := checkCtx(ctx); err != nil {
			return err
		}
		seen, touch := w.seen[:0], w.touch[:0]
		for p := w.start[f]; p < w.start[f+1]; p++ {
			j := w.col[p]
			dj := w.cost[p] - v[j]
			if dj < d[j] {
				if state[j] == 0 {
					state[j] = 1
					touch = append(touch, j)
				}
				d[j], pred[j], pc[j] = dj, f, w.cost[p]
				h.update(j, d)
			}
		}
		end := int32(-1)
		var mind float64
	search:
		for {
			if h.len() == 0 {
				w.seen, w.touch = seen, touch
				w.clearSearch()
				return ErrInfeasible
			}
			j1 := h.pop(d)
			mind = d[j1]
			if y[j1] < 0 {
				end = j1
				break
			}
			state[j1] = 2
			seen = append(seen, j1)
			i := y[j1]
			hi := xc[i] - v[j1] - mind
			for p := w.start[i]; p < w.start[i+1]; p++ {
				j := w.col[p]
				if state[j] == 2 {
					continue
				}
				v2 := w.cost[p] - v[j] - hi
				if v2 < d[j] {
					if state[j] == 0 {
						state[j] = 1
						touch = append(touch, j)
					}
					d[j], pred[j], pc[j] = v2, i, w.cost[p]
					if v2 <= mind && y[j] < 0 {
						end = j
						break search
					}
					h.update(j, d)
				}
			}
		}
		for _, j := range seen {
			v[j] += d[j] - mind
		}
		for j := end; ; {
			i := pred[j]
			y[j] = i
			xc[i] = pc[j]
			j, x[i] = x[i], j
			if i == f {
				break
			}
		}
		for _, j := range touch {
			d[j] = inf
			state[j] = 0
		}
		h.clear()
		w.seen, w.touch = seen, touch
	}
	return nil
}

func (w *sparseWork) clearSearch() {
	inf := math.Inf(1)
	for _, j := range w.touch {
		w.d[j] = inf
		w.state[j] = 0
	}
	w.heap.clear()
}

// indexHeap is a 4-ary min-heap of column indices keyed by d[j], with the
// position of each column so that a key can be decreased in place. Four
// children per node halve the depth of a binary heap; Dijkstra's many
// decrease-keys (sift-ups) get cheaper, pops compare four children per level.
type indexHeap struct {
	items []int32
	pos   []int32 // position of column j in items, or -1
}

func (h *indexHeap) reset(m int) {
	h.items = h.items[:0]
	h.pos = grow(h.pos, m)
	for j := range h.pos {
		h.pos[j] = -1
	}
}

func (h *indexHeap) len() int { return len(h.items) }

func (h *indexHeap) clear() {
	for _, j := range h.items {
		h.pos[j] = -1
	}
	h.items = h.items[:0]
}

// update inserts j or moves it up after its key decreased.
func (h *indexHeap) update(j int32, d []float64) {
	p := h.pos[j]
	if p < 0 {
		p = int32(len(h.items))
		h.items = append(h.items, j)
	}
	key := d[j]
	items := h.items
	for p > 0 {
		parent := (p - 1) / 4
		q := items[parent]
		if d[q] <= key {
			break
		}
		items[p] = q
		h.pos[q] = p
		p = parent
	}
	items[p] = j
	h.pos[j] = p
}

// pop removes and returns the column with the smallest key.
func (h *indexHeap) pop(d []float64) int32 {
	items := h.items
	top := items[0]
	h.pos[top] = -1
	last := items[len(items)-1]
	items = items[:len(items)-1]
	h.items = items
	n := int32(len(items))
	if n == 0 {
		return top
	}
	key := d[last]
	p := int32(0)
	for {
		c := 4*p + 1
		if c >= n {
			break
		}
		best, bk := c, d[items[c]]
		for k := c + 1; k < min(c+4, n); k++ {
			if dk := d[items[k]]; dk < bk {
				best, bk = k, dk
			}
		}
		if bk >= key {
			break
		}
		items[p] = items[best]
		h.pos[items[p]] = p
		p = best
	}
	items[p] = last
	h.pos[last] = p
	return top
}
