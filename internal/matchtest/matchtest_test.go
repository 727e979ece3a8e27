package matchtest_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/internal/matchtest"
	"github.com/kontaktlab/kontakt/matching"
)

func TestPoolIsValidAndSeeded(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		cfg := matchtest.Config{Seed: seed, Clients: 400, Volunteers: 500}
		p := matchtest.Pool(cfg)
		require.NoError(t, p.Validate())
		assert.Len(t, p.Clients, 400)
		assert.Len(t, p.Volunteers, 500)
		a, err := json.Marshal(p)
		require.NoError(t, err)
		b, err := json.Marshal(matchtest.Pool(cfg))
		require.NoError(t, err)
		assert.Equal(t, string(a), string(b), "the same seed gives the same pool")
	}
}

// The pool has the features the benchmarks and examples rely on.
func TestPoolIsRealistic(t *testing.T) {
	p := matchtest.Pool(matchtest.Config{Seed: 1, Clients: 1000, Volunteers: 1000})
	centre := matching.Location{Lat: matchtest.VasterasLat, Lon: matchtest.VasterasLon}
	supports := make(map[matching.Support]int)
	siblings, urgent := 0, 0
	for _, c := range p.Clients {
		supports[c.Support]++
		if c.SiblingGroup != "" {
			siblings++
		}
		if c.Priority == matching.Urgent {
			urgent++
		}
		assert.LessOrEqual(t, matching.DistanceKm(centre, c.Location), 30.5)
	}
	expired, undecided, families2 := 0, 0, 0
	for _, v := range p.Volunteers {
		switch {
		case v.Approval.Decision.IsZero():
			undecided++
		case p.AsOf.Sub(v.Approval.Decision) > 2*365:
			expired++
		}
		for _, s := range v.Offers {
			if s == matching.Kontaktfamilj && v.Capacity.Assignments == 2 {
				families2++
			}
		}
	}
	assert.Greater(t, supports[matching.Kontaktperson], 300)
	assert.Greater(t, supports[matching.Kontaktfamilj], 250)
	assert.Greater(t, supports[matching.SKKP], 50)
	assert.Greater(t, siblings, 40)
	assert.Greater(t, urgent, 20)
	assert.Greater(t, expired, 20)
	assert.Greater(t, undecided, 10)
	assert.Greater(t, families2, 50)
}
