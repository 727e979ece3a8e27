package assign

import (
	"context"
	"math"
)

// workspace holds the dense solver's arrays; they are reused between solves.
type workspace struct {
	x       []int32   // x[i]: column of row i, or -1
	y       []int32   // y[j]: row of column j, or -1
	v       []float64 // column potentials
	d       []float64 // shortest-path distances of the current search
	pred    []int32   // predecessor row of each column on the search tree
	collist []int32   // columns partitioned into scanned | at minimum | to do
	free    []int32   // free rows
	matches []int32   // column-reduction hits per row
}

func (w *workspace) reset(n, m int) {
	w.x = grow(w.x, n)
	w.y = grow(w.y, m)
	w.v = grow(w.v, m)
	w.d = grow(w.d, m)
	w.pred = grow(w.pred, m)
	w.collist = grow(w.collist, m)
	w.free = grow(w.free, n)
	w.matches = grow(w.matches, n)
	for i := range w.x {
		w.x[i] = -1
	}
	for j := range w.y {
		w.y[j] = -1
	}
}

// dense assigns every row of the n×m minimisation problem c (n <= m, row-major,
// +Inf forbidden, already validated for the wrong infinity when copied; NaN and
// -Inf are checked here for matrices used in place).
//
// Square problems start with Jonker and Volgenant's column reduction and
// reduction transfer; rectangular ones start from zero column potentials so that
// the potentials of the columns left unassigned stay 0 (their dual constraint is
// v <= 0). Both continue with two rounds of augmenting row reduction and finish
// with shortest augmenting paths (Dijkstra on reduced costs).
func (w *workspace) dense(ctx context.Context, n, m int, c []float64, skip phases) error {
	if err := w.denseOnce(ctx, n, m, c, skip); err != nil {
		return err
	}
	if skip.reduction && skip.rowRed {
		return nil
	}
	// A near-forbidden entry (1e300 beside 3) can make the reductions lower a
	// potential to a scale where the ordinary costs vanish in rounding. Then
	// solve again with shortest paths alone, which move potentials only by the
	// lengths of paths actually taken.
	maxC, maxP := 0.0, 0.0
	for i, j := range w.x[:n] {
		maxC = max(maxC, math.Abs(c[i*m+int(j)]))
		maxP = max(maxP, math.Abs(c[i*m+int(j)]-w.v[j]))
	}
	for _, v := range w.v[:m] {
		maxP = max(maxP, math.Abs(v))
	}
	if maxP <= precisionRatio*maxC {
		return nil
	}
	return w.denseOnce(ctx, n, m, c, phases{reduction: true, rowRed: true})
}

// precisionRatio bounds how much larger than every assigned cost a potential
// may grow before the solve is repeated without the reduction phases.
const precisionRatio = 0x1p26

func (w *workspace) denseOnce(ctx context.Context, n, m int, c []float64, skip phases) error {
	w.reset(n, m)
	var err error
	if n == m && !skip.reduction {
		err = w.columnReduction(n, c)
	} else {
		err = w.rowCheck(n, m, c)
	}
	if err != nil {
		return err
	}
	if !skip.rowRed {
		if err := w.augmentingRowReduction(ctx, n, m, c); err != nil {
			return err
		}
	}
	return w.augment(ctx, n, m, c)
}

// rowCheck validates c, starts from v = 0 and lists every row as free. It fails
// early with ErrInfeasible for a row without an allowed column.
func (w *workspace) rowCheck(n, m int, c []float64) error {
	inf, ninf := math.Inf(1), math.Inf(-1)
	for j := range w.v {
		w.v[j] = 0
	}
	for i := range n {
		row := c[i*m : (i+1)*m]
		ok := false
		for j, cij := range row {
			if cij != cij || cij == ninf {
				return costError(i, j, cij, false)
			}
			if cij != inf {
				ok = true
			}
		}
		if !ok {
			return ErrInfeasible
		}
		w.free[i] = int32(i)
	}
	w.free = w.free[:n]
	return nil
}

// columnReduction sets v[j] to the minimum of column j, assigns each column to
// the row holding that minimum when the row is still free, and then transfers
// the reduction of rows assigned once (Jonker & Volgenant 1987). The matrix is
// read row by row for locality.
func (w *workspace) columnReduction(n int, c []float64) error {
	inf, ninf := math.Inf(1), math.Inf(-1)
	v, imin := w.v, w.pred
	for j := range v {
		v[j] = inf
		imin[j] = -1
	}
	for i := range n {
		row := c[i*n : (i+1)*n]
		row = row[:len(v)]
		ok := false
		for j, cij := range row {
			if cij < v[j] {
				v[j] = cij
				imin[j] = int32(i)
			}
			if cij != inf {
				if cij != cij || cij == ninf {
					return costError(i, j, cij, false)
				}
				ok = true
			}
		}
		if !ok {
			return ErrInfeasible
		}
	}
	for j := range v {
		if imin[j] < 0 {
			return ErrInfeasible // a column without an allowed row
		}
	}
	matches := w.matches
	for i := range matches {
		matches[i] = 0
	}
	for j := n - 1; j >= 0; j-- {
		i := imin[j]
		if matches[i] == 0 {
			w.x[i], w.y[j] = int32(j), i
		} else if j1 := w.x[i]; v[j] < v[j1] {
			w.x[i], w.y[j], w.y[j1] = int32(j), i, -1
		}
		matches[i]++
	}
	free := w.free[:0]
	for i := range n {
		switch matches[i] {
		case 0:
			free = append(free, int32(i))
		case 1:
			// Reduction transfer: u[i] becomes the second-best reduced cost of the
			// row, and v of its column drops by as much.
			j1 := int(w.x[i])
			row := c[i*n : (i+1)*n]
			mu := inf
			for j, cij := range row {
				if h := cij - v[j]; h < mu && j != j1 {
					mu = h
				}
			}
			if mu != inf {
				v[j1] -= mu
			}
		}
	}
	w.free = free
	return nil
}

// augmentingRowReduction runs two rounds of Jonker and Volgenant's augmenting
// row reduction over the free rows. Each step gives a free row its best column
// and lowers that column's potential to the row's second-best reduced cost,
// which can push out another row that is then treated at once. A step budget
// bounds the rounds (floating-point stalls could otherwise repeat steps); rows
// left over go to the shortest-path phase, which is exact on its own.
func (w *workspace) augmentingRowReduction(ctx context.Context, n, m int, c []float64) error {
	inf := math.Inf(1)
	x, y, v := w.x, w.y, w.v
	for round := 0; round < 2; round++ {
		free := w.free
		prev := len(free)
		numfree := 0
		budget := 4*n + 64
		for k := 0; k < prev; {
			if budget--; budget < 0 {
				// Out of budget: keep the rest for the shortest-path phase.
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
			row := c[i*m : (i+1)*m]
			row = row[:len(v)]
			umin, usub := inf, inf
			j1, j2 := -1, -1
			for j, cij := range row {
				h := cij - v[j]
				if h < usub {
					if h >= umin {
						usub, j2 = h, j
					} else {
						usub, umin, j2, j1 = umin, h, j1, j
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
				// Equal minimum and second minimum: take the second column,
				// which may be free.
				j1 = j2
				i0 = y[j2]
			}
			x[i], y[j1] = int32(j1), int32(i)
			if i0 >= 0 {
				x[i0] = -1
				if umin < usub && usub != inf {
					k--
					free[k] = i0 // continue the augmenting path with i0 at once
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

// augment finds, for every free row, a shortest augmenting path on the reduced
// costs and flips it. Columns at the current minimum distance are kept in a
// block of collist so that ties are resolved in favour of a free column without
// another scan.
func (w *workspace) augment(ctx context.Context, n, m int, c []float64) error {
	inf := math.Inf(1)
	x, y, v, d, pred, collist := w.x, w.y, w.v, w.d, w.pred, w.collist
	for _, f := range w.free {
		if err := checkCtx(ctx); err != nil {
			return err
		}
		row := c[int(f)*m : (int(f)+1)*m]
		row = row[:len(v)]
		for j, cij := range row {
			d[j] = cij - v[j]
			pred[j] = f
			collist[j] = int32(j)
		}
		low, up, last := 0, 0, 0
		end := -1
		var mind float64
		for end < 0 {
			if up == low {
				// Collect the columns at the new minimum distance into [low, up).
				last = low - 1
				mind = d[collist[up]]
				up++
				for k := up; k < m; k++ {
					j := collist[k]
					h := d[j]
					if h <= mind {
						if h < mind {
							up = low
							mind = h
						}
						collist[k] = collist[up]
						collist[up] = j
						up++
					}
				}
				if mind == inf {
					return ErrInfeasible
				}
				for k := low; k < up; k++ {
					if y[collist[k]] < 0 {
						end = int(collist[k])
						break
					}
				}
				if end >= 0 {
					break
				}
			}
			// Scan the row assigned to a column at the minimum.
			j1 := collist[low]
			low++
			i := int(y[j1])
			ri := c[i*m : (i+1)*m]
			ri = ri[:len(v)]
			h := ri[j1] - v[j1] - mind
			todo := collist[up:m]
			for k, j := range todo {
				v2 := ri[j] - v[j] - h
				if v2 < d[j] {
					pred[j] = int32(i)
					if v2 == mind {
						if y[j] < 0 {
							end = int(j)
							break
						}
						todo[k] = collist[up]
						collist[up] = j
						up++
					}
					d[j] = v2
				}
			}
		}
		// Update the potentials of the scanned columns (those settled before the
		// last minimum was taken; the others have d == mind and do not change).
		for k := 0; k <= last; k++ {
			j := collist[k]
			v[j] += d[j] - mind
		}
		// Flip the alternating path back to the free row.
		for j := int32(end); ; {
			i := pred[j]
			y[j] = i
			j, x[i] = x[i], j
			if i == f {
				break
			}
		}
	}
	return nil
}
