package matching

import (
	"context"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// cand is one eligible volunteer of a row at or above MinScore.
type cand struct {
	weighted int64 // the members' scores weighted by priority and waiting, summed (hundredths)
	vol      int32
	min      int32 // the lowest member score (hundredths)
	sum      int32 // the members' scores summed (hundredths)
}

// rowOut is what scoring finds for one row.
type rowOut struct {
	cands    []cand // in volunteer order
	below    int32  // eligible volunteers below MinScore
	full     bool   // offering and counts are set
	offering int32  // volunteers offering the row's kind of support
	counts   [numReasons]int32
}

// scoreRows scores every volunteer against each unit of rows in parallel over GOMAXPROCS workers. Each row's
// result depends on that row alone, so the output is the same whichever worker takes it.
func (pp *prepared) scoreRows(ctx context.Context, rows []int32) ([]rowOut, error) {
	outs := make([]rowOut, len(rows))
	workers := min(runtime.GOMAXPROCS(0), max(len(rows), 1))
	const block = 4
	var next, done atomic.Int64
	var wg sync.WaitGroup
	finished := make(chan struct{})
	for range workers {
		wg.Go(func() {
			buf := make([]cand, 0, len(pp.v))
			for ctx.Err() == nil {
				start := int(next.Add(block)) - block
				if start >= len(rows) {
					return
				}
				end := min(start+block, len(rows))
				for r := start; r < end; r++ {
					buf = pp.scoreRow(&pp.units[rows[r]], &outs[r], buf[:0], false)
					if len(buf) > 0 {
						outs[r].cands = slices.Clone(buf)
					}
				}
				done.Add(int64(end - start))
			}
		})
	}
	go func() { wg.Wait(); close(finished) }()
	pp.progress("score", 0, len(rows))
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for wait := true; wait; {
		select {
		case <-finished:
			wait = false
		case <-tick.C:
			pp.progress("score", int(done.Load()), len(rows))
		}
	}
	if ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	pp.progress("score", len(rows), len(rows))
	return outs, nil
}

// scoreRow scores unit u against every volunteer, appending the eligible ones at or above MinScore to buf. With
// full set it also counts every reason of every ineligible pair among the volunteers offering the support;
// otherwise eligibility stops at the first reasons it finds.
func (pp *prepared) scoreRow(u *unit, out *rowOut, buf []cand, full bool) []cand {
	var e pairEval
	ex, fb := u.excluded, u.forbidden
	size := len(u.members)
	for vi := range pp.v {
		var m reasonMask
		if len(ex) > 0 && ex[0] == int32(vi) {
			m |= 1 << ReasonExcluded
			ex = ex[1:]
		}
		if len(fb) > 0 && fb[0] == int32(vi) {
			m |= 1 << ReasonForbidden
			fb = fb[1:]
		}
		for _, ci := range u.members {
			if m != 0 && !full {
				break
			}
			pp.eligibility(&pp.c[ci], vi, size, &e, full)
			m |= e.mask
		}
		if m != 0 {
			if full && m&(1<<ReasonWrongSupport) == 0 {
				out.offering++
				for x := uint32(m); x != 0; x &= x - 1 {
					out.counts[bits.TrailingZeros32(x)]++
				}
			}
			continue
		}
		if full {
			out.offering++
		}
		cd := cand{vol: int32(vi), min: math.MaxInt32}
		for _, ci := range u.members {
			if size > 1 {
				pp.eligibility(&pp.c[ci], vi, size, &e, true) // the facts of this member
			}
			pp.score(int(ci), vi, &e)
			cd.min = min(cd.min, e.q)
			cd.sum += e.q
			cd.weighted += pp.c[ci].weighted(e.q)
		}
		if cd.min < pp.cfg.minScoreQ {
			out.below++
			continue
		}
		buf = append(buf, cd)
	}
	return buf
}

// progress reports to Options.Progress, if set: always at the start and the end of a phase, and at most about
// once a second in between. It is called only from the goroutine that called Propose.
func (pp *prepared) progress(phase string, done, total int) {
	if pp.cfg.Progress == nil {
		return
	}
	now := time.Now()
	if done != 0 && done != total && now.Sub(pp.lastProgress) < time.Second {
		return
	}
	pp.lastProgress = now
	pp.cfg.Progress(Progress{Phase: phase, Done: done, Total: total})
}
