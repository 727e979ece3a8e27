package assign

import (
	"context"
	"math"
)

// lexicographic solves Options.MaxCardinality exactly, without a big-M constant.
//
// A maximum matching M (Hopcroft–Karp) gives the Dulmage–Mendelsohn split of the
// rows: D is the set of rows reachable from an unmatched row by alternating
// paths, A the set of their neighbouring columns. Every maximum matching
//   - assigns every row outside D to a column outside A, and
//   - assigns every column of A to a row of D (rows of D reach only columns of A),
//
// and any two such partial matchings together are maximum. The lexicographic
// optimum is therefore the sum of two complete problems: rows outside D into
// columns outside A (all those rows assigned), and columns of A into rows of D
// (all those columns assigned) with cost c[i][j] - Unassigned[i], since a row of
// D that stays unassigned costs Unassigned[i].
func (s *Solver) lexicographic(ctx context.Context, rows, cols int, arcs []Arc, opt Options) (*Result, error) {
	w := &s.sw
	if err := w.build(rows, cols, arcs, false, opt.Maximize, nil); err != nil {
		return nil, err
	}
	// From here costs are in minimisation form (negated when maximising).
	sign := 1.0
	if opt.Maximize {
		sign = -1
	}
	unassigned := func(i int) float64 {
		if opt.Unassigned == nil {
			return 0
		}
		return sign * opt.Unassigned[i]
	}
	rowMate, colMate := hopcroftKarp(rows, cols, w.start, w.col)
	if err := checkCtx(ctx); err != nil {
		return nil, err
	}
	inD, inA := alternatingReach(rows, cols, w.start, w.col, rowMate, colMate)

	// Renumber the two parts and copy their arcs out of the workspace, which the
	// two solves below reuse.
	rowIdx := make([]int32, rows) // index within its part
	colIdx := make([]int32, cols)
	var r1, c1, r2, c2 []int32 // original indices of each part's rows and columns
	for i := range rows {
		if inD[i] {
			rowIdx[i] = int32(len(c2)) // rows of D are the columns of part 2
			c2 = append(c2, int32(i))
		} else {
			rowIdx[i] = int32(len(r1))
			r1 = append(r1, int32(i))
		}
	}
	for j := range cols {
		if inA[j] {
			colIdx[j] = int32(len(r2)) // columns of A are the rows of part 2
			r2 = append(r2, int32(j))
		} else {
			colIdx[j] = int32(len(c1))
			c1 = append(c1, int32(j))
		}
	}
	// Keep the whole graph aside: each part is built from it, in compressed
	// rows, into the workspace's graph (no intermediate arc lists).
	g := csr{w.start, w.col, w.cost}
	w.start, w.col, w.cost = w.lexSpare.start, w.lexSpare.col, w.lexSpare.cost
	defer func() { w.lexSpare = g }()
	buildPart1 := func() {
		w.n, w.m, w.dummy = len(r1), len(c1), false
		total := 0
		for _, i := range r1 {
			for p := g.start[i]; p < g.start[i+1]; p++ {
				if !inA[g.col[p]] {
					total++
				}
			}
		}
		w.start = grow(w.start, len(r1)+1)
		w.col, w.cost = grow(w.col, total), grow(w.cost, total)
		q := 0
		for k, i := range r1 {
			w.start[k] = q
			for p := g.start[i]; p < g.start[i+1]; p++ {
				if j := g.col[p]; !inA[j] {
					w.col[q], w.cost[q] = colIdx[j], g.cost[p]
					q++
				}
			}
		}
		w.start[len(r1)] = q
	}
	// Part 2 is transposed: its rows are the columns of A, so count first.
	buildPart2 := func() {
		w.n, w.m, w.dummy = len(r2), len(c2), false
		start := grow(w.start, len(r2)+1)
		clear(start)
		total := 0
		for _, i := range c2 {
			for p := g.start[i]; p < g.start[i+1]; p++ {
				start[colIdx[g.col[p]]+1]++
				total++
			}
		}
		for k := range len(r2) {
			start[k+1] += start[k]
		}
		w.col, w.cost = grow(w.col, total), grow(w.cost, total)
		next := grow(w.mark, len(r2))
		clear(next)
		for _, i := range c2 {
			d := unassigned(int(i))
			for p := g.start[i]; p < g.start[i+1]; p++ {
				k := colIdx[g.col[p]]
				q := start[k] + int(next[k])
				next[k]++
				w.col[q], w.cost[q] = rowIdx[i], g.cost[p]-d
			}
		}
		w.start, w.mark = start, next
	}

	res := newResult(rows, cols)
	var sum kahan // in minimisation form
	// Part 1: every row outside D assigned.
	if len(r1) > 0 {
		buildPart1()
		if err := s.solveGraph(ctx); err != nil {
			return nil, err // not expected: the maximum matching is a witness
		}
		for k, i := range r1 {
			jj := w.x[k]
			j := c1[jj]
			res.RowCol[i], res.ColRow[j] = int(j), int(i)
			res.RowDual[i] = w.xc[k] - w.v[jj]
			sum.add(w.xc[k])
		}
		for k, j := range c1 {
			res.ColDual[j] = w.v[k]
		}
	}
	// Part 2: every column of A assigned to a row of D.
	if len(r2) > 0 {
		buildPart2()
		if err := s.solveGraph(ctx); err != nil {
			return nil, err
		}
		for k, j := range r2 {
			ii := w.x[k]
			i := c2[ii]
			res.RowCol[i], res.ColRow[j] = int(j), int(i)
			res.ColDual[j] = w.xc[k] - w.v[ii]
			sum.add(w.xc[k])
		}
	}
	for k, i := range c2 {
		// A row of D: its potential is part 2's column potential shifted back by
		// its unassigned cost; every row of D contributes that cost once, either
		// as itself (unassigned) or inside c[i][j] - Unassigned[i] + Unassigned[i].
		d := unassigned(int(i))
		res.RowDual[i] = d
		if len(r2) > 0 {
			res.RowDual[i] += w.v[k]
		}
		sum.add(d)
	}
	for _, j := range res.RowCol {
		if j >= 0 {
			res.Assigned++
		}
	}
	res.Total = sign * sum.value()
	if opt.Maximize {
		negate(res.RowDual)
		negate(res.ColDual)
	}
	return res, nil
}

// hopcroftKarp returns a maximum matching of the bipartite graph given in CSR
// form (rows to columns). It starts from a greedy matching and then augments
// along shortest alternating paths, phase by phase, in O(E·sqrt(V)).
func hopcroftKarp(rows, cols int, start []int, col []int32) (rowMate, colMate []int32) {
	rowMate = make([]int32, rows)
	colMate = make([]int32, cols)
	for i := range rowMate {
		rowMate[i] = -1
	}
	for j := range colMate {
		colMate[j] = -1
	}
	for i := range rows {
		for p := start[i]; p < start[i+1]; p++ {
			if j := col[p]; colMate[j] < 0 {
				rowMate[i], colMate[j] = j, int32(i)
				break
			}
		}
	}
	const unseen = math.MaxInt32
	dist := make([]int32, rows)
	queue := make([]int32, 0, rows)
	it := make([]int, rows)       // next arc to try per row in the DFS
	stack := make([]int32, 0, 64) // rows on the current DFS path
	for {
		// BFS from the free rows, layering rows by alternating distance.
		queue = queue[:0]
		for i := range rows {
			if rowMate[i] < 0 {
				dist[i] = 0
				queue = append(queue, int32(i))
			} else {
				dist[i] = unseen
			}
		}
		found := false
		for q := 0; q < len(queue); q++ {
			i := queue[q]
			for p := start[i]; p < start[i+1]; p++ {
				i2 := colMate[col[p]]
				if i2 < 0 {
					found = true
				} else if dist[i2] == unseen {
					dist[i2] = dist[i] + 1
					queue = append(queue, i2)
				}
			}
		}
		if !found {
			return rowMate, colMate
		}
		// Iterative DFS along the layers from each free row.
		for i := range rows {
			it[i] = start[i]
		}
		for r := range rows {
			if rowMate[r] >= 0 {
				continue
			}
			stack = append(stack[:0], int32(r))
			for len(stack) > 0 {
				i := stack[len(stack)-1]
				if it[i] == start[i+1] {
					dist[i] = unseen // dead end: never try this row again in this phase
					stack = stack[:len(stack)-1]
					continue
				}
				j := col[it[i]]
				i2 := colMate[j]
				if i2 < 0 {
					// Augment along the stack: each row takes the column it points at.
					for k := len(stack) - 1; k >= 0; k-- {
						ik := stack[k]
						jk := col[it[ik]]
						rowMate[ik], colMate[jk] = jk, ik
					}
					stack = stack[:0]
					break
				}
				if dist[i2] == dist[i]+1 {
					stack = append(stack, i2)
					continue
				}
				it[i]++
			}
		}
	}
}

// alternatingReach marks the rows reachable from an unmatched row by
// alternating paths (D) and the columns adjacent to them (A).
func alternatingReach(rows, cols int, start []int, col []int32, rowMate, colMate []int32) (inD, inA []bool) {
	inD = make([]bool, rows)
	inA = make([]bool, cols)
	queue := make([]int32, 0)
	for i := range rows {
		if rowMate[i] < 0 {
			inD[i] = true
			queue = append(queue, int32(i))
		}
	}
	for q := 0; q < len(queue); q++ {
		i := queue[q]
		for p := start[i]; p < start[i+1]; p++ {
			j := col[p]
			if inA[j] {
				continue
			}
			inA[j] = true
			if i2 := colMate[j]; i2 >= 0 && !inD[i2] {
				inD[i2] = true
				queue = append(queue, i2)
			}
		}
	}
	return inD, inA
}
