package matching_test

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kontaktlab/kontakt/matching"
)

// objective is the value of an assignment as each objective ranks it: first Clients, then Floor (MaxMin only),
// then Total. Totals are in hundredths of a point, so comparisons are exact.
type objective struct {
	Clients int
	Floor   int64
	Total   int64
}

func (a objective) less(b objective) bool {
	if a.Clients != b.Clients {
		return a.Clients < b.Clients
	}
	if a.Floor != b.Floor {
		return a.Floor < b.Floor
	}
	return a.Total < b.Total
}

// oracleUnit is a client or a sibling group, with its eligible volunteers.
type oracleUnit struct {
	members  []matching.Client
	weighted map[string]int64 // volunteer -> Σ round(score × factor), hundredths
	sum      map[string]int64 // volunteer -> Σ score
	min      map[string]int64 // volunteer -> lowest member score
}

// bruteForce tries every assignment of units to volunteers within capacity and returns the best value.
func bruteForce(units []oracleUnit, capacity map[string]int, obj matching.Objective) objective {
	best := objective{Clients: -1}
	var try func(k int, got objective, floor int64)
	try = func(k int, got objective, floor int64) {
		if k == len(units) {
			v := got
			switch obj {
			case matching.TotalFit:
				v.Clients = 0
			case matching.MaxMin:
				v.Floor = floor
			}
			if best.less(v) {
				best = v
			}
			return
		}
		try(k+1, got, floor)
		u := &units[k]
		for vid, w := range u.weighted {
			if capacity[vid] == 0 {
				continue
			}
			capacity[vid]--
			next := got
			next.Clients += len(u.members)
			if obj == matching.TotalFit {
				next.Total += u.sum[vid]
			} else {
				next.Total += w
			}
			try(k+1, next, min(floor, u.min[vid]))
			capacity[vid]++
		}
	}
	try(0, objective{}, math.MaxInt64)
	return best
}

// The proposal is optimal for its objective: an exhaustive search over every assignment of up to six clients to
// up to five volunteers (with capacities and sibling groups) finds nothing better. Scores come from Explain, the
// priority factor from its documented formula.
func TestOptimalAgainstBruteForce(t *testing.T) {
	pairsSeen := 0
	rapid.Check(t, func(t *rapid.T) {
		for range 3 {
			p := drawPool(t, 6, 5)
			opt := drawOptions(t, p)
			for _, obj := range []matching.Objective{matching.MostMatched, matching.TotalFit, matching.MaxMin} {
				opt.Objective = obj
				pairsSeen += checkOptimal(t, p, opt)
			}
		}
	})
	t.Logf("pairs proposed over all checks: %d", pairsSeen)
	require.Greater(t, pairsSeen, 500, "the generator should make pools where pairs are proposed")
}

// checkOptimal compares the proposal for p with the brute-force optimum and returns the number of pairs.
func checkOptimal(t *rapid.T, p matching.Pool, opt matching.Options) int {
	prop, err := matching.Propose(context.Background(), p, opt)
	require.NoError(t, err)

	minQ := int64(math.Ceil(opt.MinScore*100 - 1e-9))
	capacity := make(map[string]int)
	for _, v := range p.Volunteers {
		capacity[v.ID] = max(v.Capacity.Assignments-len(v.Assignments), 0)
	}
	var units []oracleUnit
	index := make(map[string]int)
	for _, c := range p.Clients {
		key := unitOf(c)
		k, ok := index[key]
		if !ok {
			k = len(units)
			index[key] = k
			units = append(units, oracleUnit{})
		}
		units[k].members = append(units[k].members, c)
	}
	for k := range units {
		u := &units[k]
		u.weighted, u.sum, u.min = make(map[string]int64), make(map[string]int64), make(map[string]int64)
	vols:
		for _, v := range p.Volunteers {
			var w, s int64
			lo := int64(math.MaxInt64)
			for _, c := range u.members {
				x, err := prop.Explain(c.ID, v.ID)
				require.NoError(t, err)
				q := hundredths(x.Score)
				if !x.Eligible || q < minQ {
					continue vols
				}
				w += int64(math.Round(float64(q) * factor(c, p.AsOf)))
				s += q
				lo = min(lo, q)
			}
			u.weighted[v.ID], u.sum[v.ID], u.min[v.ID] = w, s, lo
		}
	}
	want := bruteForce(units, capacity, opt.Objective)

	got := objective{Floor: math.MaxInt64}
	if opt.Objective != matching.TotalFit {
		got.Clients = len(prop.Pairs())
	}
	for _, pr := range prop.Pairs() {
		q := hundredths(pr.Score)
		c := slices.IndexFunc(p.Clients, func(c matching.Client) bool { return c.ID == pr.ClientID })
		require.Equal(t, int64(math.Round(float64(q)*factor(p.Clients[c], p.AsOf))), hundredths(pr.Weighted),
			"weighted score of %s", pr.ClientID)
		if opt.Objective == matching.TotalFit {
			got.Total += q
		} else {
			got.Total += hundredths(pr.Weighted)
		}
		got.Floor = min(got.Floor, q)
	}
	if opt.Objective != matching.MaxMin {
		got.Floor = 0
	}
	require.Equal(t, want, got, "objective %s", opt.Objective)
	return len(prop.Pairs())
}
