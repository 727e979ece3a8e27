package matching

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kontaktlab/kontakt/matching/assign"
)

// Propose chooses volunteer–client pairs for the whole pool and explains each. It validates the pool and the
// options first and returns every problem as a *FieldError (errors.Is ErrInvalidInput), including a locked pair
// that is not eligible. Then it scores every client (or sibling group) against every volunteer in parallel,
// solves the assignment problem of Options.Objective exactly with package assign, and builds the proposal.
//
// Equal input gives equal output, whatever the order of the clients and volunteers in the pool: both are sorted
// by ID first, and ties between equally good proposals are broken by that order. Propose keeps no reference to
// the pool's slices. It returns the context's error, wrapped, if ctx ends first.
func Propose(ctx context.Context, pool Pool, opt Options) (*Proposal, error) {
	t0 := time.Now()
	cfg, cerr := newConfig(opt)
	if err := errors.Join(cerr, pool.Validate()); err != nil {
		return nil, err
	}
	pp := prepare(&pool, cfg)
	if err := pp.applyLocks(); err != nil {
		return nil, err
	}
	log := cfg.log
	var rows []int32
	for k := range pp.units {
		if pp.units[k].locked < 0 {
			rows = append(rows, int32(k))
		}
	}
	log.Debug("pool prepared", "clients", len(pp.c), "volunteers", len(pp.v), "rows", len(rows),
		"locked", len(pp.units)-len(rows), "forbidden_unknown", pp.unknownForbidden, "elapsed", time.Since(t0))

	t1 := time.Now()
	outs, err := pp.scoreRows(ctx, rows)
	if err != nil {
		return nil, fmt.Errorf("matching: scoring: %w", err)
	}
	eligible := 0
	for k := range outs {
		eligible += len(outs[k].cands)
	}
	log.Debug("pairs scored", "pairs", len(rows)*len(pp.v), "eligible", eligible, "elapsed", time.Since(t1))

	t2 := time.Now()
	sol, err := pp.solve(ctx, rows, outs)
	if err != nil {
		return nil, fmt.Errorf("matching: solving: %w", err)
	}
	log.Debug("assignment solved", "arcs", sol.arcs, "columns", sol.cols, "solves", sol.solves,
		"assigned", sol.assigned, "elapsed", time.Since(t2))

	t3 := time.Now()
	p := pp.build(rows, outs, sol)
	log.Debug("proposal built", "pairs", len(p.pairs), "unmatched", len(p.unmatched), "elapsed", time.Since(t3))
	return p, nil
}

// applyLocks checks the locked pairs, marks their units and takes their capacity.
func (pp *prepared) applyLocks() error {
	var errs []error
	perVol := make(map[int32][]int, len(pp.cfg.Locked))
	for i, l := range pp.cfg.Locked {
		fe := fieldErrors{record: "locked", id: safeID(l.ClientID) + "/" + safeID(l.VolunteerID)}
		field := fmt.Sprintf("locked[%d]", i)
		ci, ok1 := pp.cIndex[l.ClientID]
		vi, ok2 := pp.vIndex[l.VolunteerID]
		if !ok1 {
			fe.add(field+".client_id", "not in the pool")
		}
		if !ok2 {
			fe.add(field+".volunteer_id", "not in the pool")
		}
		if !ok1 || !ok2 {
			errs = append(errs, fe.errs...)
			continue
		}
		u := &pp.units[pp.unitOf[ci]]
		switch {
		case u.locked == vi:
			fe.add(field, "the client (or its sibling group) is locked twice")
		case u.locked >= 0:
			fe.add(field, "the client (or its sibling group) is locked to another volunteer")
		default:
			if m := pp.unitMask(u, int(vi)); m != 0 {
				var codes []string
				for _, r := range m.reasons() {
					codes = append(codes, r.String())
				}
				fe.add(field, "not eligible: %s", strings.Join(codes, ", "))
			} else {
				u.locked = vi
				perVol[vi] = append(perVol[vi], i)
			}
		}
		errs = append(errs, fe.errs...)
	}
	vols := make([]int32, 0, len(perVol))
	for vi := range perVol {
		vols = append(vols, vi)
	}
	slices.Sort(vols)
	for _, vi := range vols {
		locks := perVol[vi]
		if len(locks) > int(pp.v[vi].remaining) {
			for _, i := range locks[pp.v[vi].remaining:] {
				l := pp.cfg.Locked[i]
				errs = append(errs, &FieldError{Record: "locked", ID: safeID(l.ClientID) + "/" + safeID(l.VolunteerID),
					Field: fmt.Sprintf("locked[%d]", i), Reason: "more locked pairs than the volunteer's capacity"})
			}
		}
		pp.v[vi].remaining = max(pp.v[vi].remaining-int32(len(locks)), 0)
	}
	return errors.Join(errs...)
}

// solution is the solver's answer: the volunteer of each row, or -1.
type solution struct {
	vol       []int32
	used      []int32 // rows given to each volunteer
	threshold int32   // MaxMin: the lowest score allowed, in hundredths
	arcs      int
	cols      int
	solves    int
	assigned  int
}

// solve builds the assignment problem of the objective and solves it exactly.
func (pp *prepared) solve(ctx context.Context, rows []int32, outs []rowOut) (*solution, error) {
	sol := &solution{vol: make([]int32, len(rows)), used: make([]int32, len(pp.v)), threshold: -1}
	for r := range sol.vol {
		sol.vol[r] = -1
	}
	// A volunteer with k places left is k identical columns, but never more than the rows that can use them.
	demand := make([]int32, len(pp.v))
	for r := range outs {
		for _, cd := range outs[r].cands {
			demand[cd.vol]++
		}
	}
	colBase := make([]int32, len(pp.v)+1)
	for vi := range pp.v {
		colBase[vi+1] = colBase[vi] + min(pp.v[vi].remaining, demand[vi])
	}
	cols := int(colBase[len(pp.v)])
	colVol := make([]int32, cols)
	for vi := range pp.v {
		for j := colBase[vi]; j < colBase[vi+1]; j++ {
			colVol[j] = int32(vi)
		}
	}
	sol.cols = cols
	if len(rows) == 0 || cols == 0 {
		return sol, nil
	}

	// The size bonus makes "most clients" (not most rows) the first goal when sibling groups take one row:
	// (size-1)·B with B above any total of weighted fits, so every extra child outweighs any fit. All values
	// are whole numbers well below 2^53, so the solver's sums are exact.
	var bonus int64
	for r := range outs {
		if len(pp.units[rows[r]].members) > 1 {
			bonus = 1
			break
		}
	}
	if bonus > 0 {
		for r := range outs {
			var best int64
			for _, cd := range outs[r].cands {
				best = max(best, cd.weighted)
			}
			bonus += best
		}
	}
	value := func(r int, cd *cand) float64 {
		if pp.cfg.Objective == TotalFit {
			return float64(cd.sum)
		}
		return float64(cd.weighted + int64(len(pp.units[rows[r]].members)-1)*bonus)
	}
	var buf []assign.Arc // reused by every solve
	arcsFor := func(threshold int32, val func(r int, cd *cand) float64) []assign.Arc {
		n := 0
		for r := range outs {
			for k := range outs[r].cands {
				if cd := &outs[r].cands[k]; cd.min >= threshold {
					n += int(colBase[cd.vol+1] - colBase[cd.vol])
				}
			}
		}
		if cap(buf) < n {
			buf = make([]assign.Arc, 0, n)
		}
		arcs := buf[:0]
		for r := range outs {
			for k := range outs[r].cands {
				cd := &outs[r].cands[k]
				if cd.min < threshold {
					continue
				}
				x := val(r, cd)
				for j := colBase[cd.vol]; j < colBase[cd.vol+1]; j++ {
					arcs = append(arcs, assign.Arc{Row: int32(r), Col: j, Cost: x})
				}
			}
		}
		return arcs
	}

	var s assign.Solver
	run := func(arcs []assign.Arc, opt assign.Options) (*assign.Result, error) {
		sol.solves++
		return s.Sparse(ctx, len(rows), cols, arcs, opt)
	}
	count := func(arcs []assign.Arc) (int, error) {
		sol.solves++
		return s.Cardinality(ctx, len(rows), cols, arcs)
	}
	var res *assign.Result
	var err error
	switch pp.cfg.Objective {
	case TotalFit:
		pp.progress("solve", 0, 1)
		arcs := arcsFor(0, value)
		sol.arcs = len(arcs)
		res, err = run(arcs, assign.Options{Maximize: true, Unassigned: make([]float64, len(rows))})
	case MaxMin:
		res, err = pp.solveMaxMin(rows, outs, sol, colVol, arcsFor, value, run, count)
	default:
		pp.progress("solve", 0, 1)
		arcs := arcsFor(0, value)
		sol.arcs = len(arcs)
		res, err = run(arcs, assign.Options{Maximize: true, MaxCardinality: true})
	}
	if err != nil {
		return nil, err
	}
	for r, j := range res.RowCol {
		if j >= 0 {
			vi := colVol[j]
			sol.vol[r] = vi
			sol.used[vi]++
			sol.assigned++
		}
	}
	pp.progress("solve", sol.solves, sol.solves)
	return sol, nil
}

// solveMaxMin finds the largest threshold t such that the pairs scoring at least t still match as many clients
// as all pairs do, and solves MostMatched above t. It starts from the MostMatched solution, whose lowest score is
// a threshold that works, and searches the distinct scores above it: first in growing steps, then by halving.
// When the lowest score of MostMatched cannot be raised (often: one client has only poor options), that solution
// is the answer and the search costs one extra solve.
func (pp *prepared) solveMaxMin(rows []int32, outs []rowOut, sol *solution, colVol []int32,
	arcsFor func(int32, func(int, *cand) float64) []assign.Arc, value func(int, *cand) float64,
	run func([]assign.Arc, assign.Options) (*assign.Result, error), count func([]assign.Arc) (int, error)) (*assign.Result, error) {
	pp.progress("solve", 0, 1)
	arcs := arcsFor(0, value)
	sol.arcs = len(arcs)
	best, err := run(arcs, assign.Options{Maximize: true, MaxCardinality: true})
	if err != nil {
		return nil, err
	}
	want, floor := 0, int32(-1)
	for r, j := range best.RowCol {
		if j < 0 {
			continue
		}
		want += len(pp.units[rows[r]].members)
		cands := outs[r].cands
		k, _ := slices.BinarySearchFunc(cands, colVol[j], func(c cand, vol int32) int { return cmp.Compare(c.vol, vol) })
		if floor < 0 || cands[k].min < floor {
			floor = cands[k].min
		}
	}
	sol.threshold = max(floor, 0)
	if want == 0 {
		return best, nil
	}
	var scores []int32
	for r := range outs {
		for _, cd := range outs[r].cands {
			if cd.min > floor {
				scores = append(scores, cd.min)
			}
		}
	}
	slices.Sort(scores)
	scores = slices.Compact(scores)

	extra := func(r int, _ *cand) float64 { return float64(len(pp.units[rows[r]].members) - 1) }
	siblings := false
	for _, r := range rows {
		siblings = siblings || len(pp.units[r].members) > 1
	}
	keeps := func(t int32) (bool, error) {
		if !siblings {
			// One client per row: the most clients is the largest matching, which
			// Hopcroft–Karp finds without a solve.
			n, err := count(arcsFor(t, extra))
			return n == want, err
		}
		res, err := run(arcsFor(t, extra), assign.Options{Maximize: true, MaxCardinality: true})
		if err != nil {
			return false, err
		}
		return res.Assigned+int(res.Total) == want, nil
	}
	// Invariant: the threshold scores[lo] keeps want clients (lo = -1: floor does); scores[hi] does not
	// (hi = len(scores): none above).
	lo, hi := -1, len(scores)
	for step := 1; lo+step < hi; step *= 2 {
		ok, err := keeps(scores[lo+step])
		if err != nil {
			return nil, err
		}
		if !ok {
			hi = lo + step
			break
		}
		lo += step
		pp.progress("solve", sol.solves, sol.solves+1)
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		ok, err := keeps(scores[mid])
		if err != nil {
			return nil, err
		}
		if ok {
			lo = mid
		} else {
			hi = mid
		}
		pp.progress("solve", sol.solves, sol.solves+1)
	}
	if lo < 0 {
		return best, nil // the MostMatched solution already has the best floor
	}
	sol.threshold = scores[lo]
	arcs = arcsFor(scores[lo], value)
	sol.arcs = len(arcs)
	return run(arcs, assign.Options{Maximize: true, MaxCardinality: true})
}

// byScore orders candidates best first: higher score, then lower volunteer index (ID order).
func byScore(a, b alt) int {
	if c := cmp.Compare(b.q, a.q); c != 0 {
		return c
	}
	return cmp.Compare(a.vol, b.vol)
}

// alt is a candidate volunteer of one client, with that client's own score.
type alt struct {
	vol int32
	q   int32
}
